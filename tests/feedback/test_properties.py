"""Hypothesis: the JSON answer body is read or refused with a reason (never a crash), and splitting answers into
sentences and shuffling them never loses or adds text."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from onward.errors import BadInput
from onward.feedback.questions import question_list, read_json_body
from onward.feedback.sentences import shuffled_sentences, split_sentences
from onward.feedback.themes import recurring_themes

QUESTIONS = question_list(["Plans well", "Asks for help"], ["Keep doing?"])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


@given(json_values)
def test_any_json_body_is_read_or_refused_with_a_reason(body: Any) -> None:
    try:
        answers = read_json_body(body, QUESTIONS)
    except BadInput as error:
        assert error.message
        return
    assert len(answers) == 3 and any(a is not None for a in answers)
    assert all(a is None or (isinstance(a, int) and 1 <= a <= 5) for a in answers[:2])
    assert answers[2] is None or isinstance(answers[2], str)


@given(st.one_of(st.none(), st.integers(1, 5)), st.one_of(st.none(), st.integers(1, 5)), st.text(max_size=200))
def test_valid_answers_are_kept_as_given(first: int | None, second: int | None, words: str) -> None:
    body = {"answers": [first, second, words]}
    if first is None and second is None and not words.strip():
        return
    assert read_json_body(body, QUESTIONS) == [first, second, words.strip() or None]


texts = st.text(alphabet=st.sampled_from("ab .!?\n\"')…"), max_size=80) | st.text(max_size=80)


@given(st.lists(texts, max_size=6), st.text(max_size=10))
def test_splitting_and_shuffling_never_loses_or_leaks_text(answers: list[str], seed: str) -> None:
    shown = shuffled_sentences(answers, seed)
    # Nothing added: every sentence is a piece of one of the answers.
    assert all(any(sentence in answer for answer in answers) for sentence in shown)
    # Nothing lost: the same characters, bar the spacing between sentences.
    assert sorted("".join(shown).replace(" ", "")) == sorted("".join("".join(a.split()) for a in answers)) or sorted(
        c for c in "".join(shown) if not c.isspace()
    ) == sorted(c for c in "".join(answers) if not c.isspace())
    assert sorted(shown) == sorted(s for a in answers for s in split_sentences(a))
    assert all(s == s.strip() and s for s in shown)


@given(st.lists(texts, max_size=6))
def test_themes_quote_only_sentences_that_were_written(answers: list[str]) -> None:
    written = {s for a in answers for s in split_sentences(a)}
    for theme in recurring_themes(answers):
        assert theme.answers >= 2 and set(theme.sentences) <= written
