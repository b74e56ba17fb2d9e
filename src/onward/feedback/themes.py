"""Recurring themes in open answers: words (roughly stemmed) that come up in at least two different answers,
with the sentences that mention them. Plain keyword grouping, explainable at a glance."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from onward.feedback.sentences import split_sentences

_STOPWORD_TEXT = """
    a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing done down during each even ever few for from further get gets got had
    has have having he her here hers herself him himself his how i if in into is it its itself just keep keeps
    let like lot lots made make makes many me more most much must my myself no nor not now of off often on once
    one only or other our ours out over own really same she should so some still such than that the their them
    then there these they thing things this those through to too under until up us very was we well were what
    when where which while who whom why will with would you your yours always also really sometimes think time
    times way ways work working change changing best seen"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[a-zA-Z][a-zA-Z'-]+")
MAX_THEMES = 6
EXAMPLES = 5


@dataclass(frozen=True)
class Theme:
    """A word that recurs across answers, how many answers use it, and the sentences that do."""

    word: str
    answers: int
    sentences: list[str]  # a few of them (EXAMPLES), sorted
    mentions: int = 0  # how many sentences use it in all


@functools.lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """Return a rough stem so 'deadlines' and 'deadline', 'planning' and 'plans' group together."""
    word = word.lower().strip("'-")
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def recurring_themes(
    answers: Sequence[str], *, at_least: int = 2, split: Sequence[Sequence[str]] | None = None
) -> list[Theme]:
    """Return the themes shared by `at_least` different answers (one person repeating a word is no theme),
    most widely shared first. `split` gives each answer's sentences when the caller has them already."""
    per_answer = split if split is not None else [split_sentences(answer) for answer in answers]
    seen_in: dict[str, set[int]] = defaultdict(set)
    shown_as: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sentences: dict[str, list[str]] = defaultdict(list)
    for index, sentences_of_answer in enumerate(per_answer):
        for sentence in sentences_of_answer:
            stems_here = set()
            for word in _WORD.findall(sentence):
                if word.lower() in STOPWORDS or len(word) < 4:
                    continue
                root = stem(word)
                seen_in[root].add(index)
                shown_as[root][word.lower()] += 1
                stems_here.add(root)
            for root in stems_here:
                sentences[root].append(sentence)
    themes = [
        Theme(max(shown_as[root].items(), key=lambda item: (item[1], -len(item[0])))[0], len(where), sentences[root])
        for root, where in seen_in.items()
        if len(where) >= at_least
    ]
    themes.sort(key=lambda t: (-t.answers, -len(t.sentences), t.word))
    # Sentences sorted: the order answers came in stays hidden here too.
    return [
        Theme(t.word, t.answers, sorted(set(t.sentences))[:EXAMPLES], len(t.sentences)) for t in themes[:MAX_THEMES]
    ]
