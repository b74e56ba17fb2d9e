"""Pure helpers for journal text: reading tags, the words of a search, and snippets with the matches marked.

A snippet is a list of pieces, each plain text with a flag saying whether it matched. The page escapes every
piece and wraps the marked ones in <mark>; the JSON twin carries the same pieces. No HTML is ever built from
the entry's text, so nothing typed into an entry can become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from onward.errors import BadInput
from onward.reflection.models import MAX_TAG

WORD = re.compile(r"\w+", re.UNICODE)
TAG_SPLIT = re.compile(r"[,\s]+")
SNIPPET_WORDS = 28  # about two lines of text around the first match
MAX_SEARCH_WORDS = 12


@dataclass(frozen=True)
class Piece:
    """A run of an entry's text; `marked` when it is one of the words searched for."""

    text: str
    marked: bool = False


def read_tags(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """Return tags as stored: lower case, without a leading # or @, each once, in the order given.

    "Hope, #work  @mentor" gives ["hope", "work", "mentor"]. A tag is one word (letters, digits, - or _).
    """
    if value is None:
        return []
    parts = TAG_SPLIT.split(value) if isinstance(value, str) else [p for v in value for p in TAG_SPLIT.split(v)]
    tags: list[str] = []
    for part in parts:
        tag = part.strip().lstrip("#@").lower()
        if not tag:
            continue
        if len(tag) > MAX_TAG:
            raise BadInput(f"tags: '{tag[:20]}…' is longer than {MAX_TAG} characters")
        if not re.fullmatch(r"[\w-]+", tag):
            raise BadInput(f"tags: '{tag}' can hold only letters, digits, - and _")
        if tag not in tags:
            tags.append(tag)
    return tags


def search_words(words: str) -> list[str]:
    """Return the words of a search, lower case, each once (punctuation and operators are not special)."""
    found: list[str] = []
    for word in WORD.findall(words.lower()):
        if word not in found:
            found.append(word)
    if len(found) > MAX_SEARCH_WORDS:
        raise BadInput(f"search: up to {MAX_SEARCH_WORDS} words at a time, not {len(found)}")
    return found


@cache
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """Return the English stem of a word ("walking" → "walk"), as both databases' search matches by stems."""
    return _stem_of(word.lower())


@lru_cache(maxsize=100_000)  # a journal's words repeat: most are stemmed once
def _stem_of(word: str) -> str:
    result: str = _stemmer().stemWord(word)
    return result


def snippet(text: str, words: list[str], *, size: int = SNIPPET_WORDS) -> list[Piece]:
    """Return about `size` words of `text` around its first match, matched words marked (the start without one)."""
    stems = {stem(w) for w in words}
    tokens = list(WORD.finditer(text))
    if not tokens:
        return [Piece(text[:200])] if text else []
    # Stems are looked at only up to the first match and within the snippet: long entries stay cheap.
    first_hit = next((i for i, token in enumerate(tokens) if stem(token.group()) in stems), 0) if stems else 0
    first = max(0, first_hit - size // 3)
    last = min(len(tokens), first + size)
    hits = [i for i in range(first, last) if stems and stem(tokens[i].group()) in stems]
    start = tokens[first].start() if first > 0 else 0
    end = len(text) if last == len(tokens) else tokens[last].start()
    pieces: list[Piece] = [Piece("… ")] if first > 0 else []
    cursor = start
    for i in hits:
        token = tokens[i]
        if token.start() > cursor:
            pieces.append(Piece(text[cursor : token.start()]))
        pieces.append(Piece(token.group(), marked=True))
        cursor = token.end()
    if cursor < end:
        pieces.append(Piece(text[cursor:end]))
    if last < len(tokens):
        pieces.append(Piece("…"))
    return _merged(pieces)


def _merged(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        if out and not piece.marked and not out[-1].marked:
            out[-1] = Piece(out[-1].text + piece.text)
        else:
            out.append(piece)
    return out


def first_line(text: str, limit: int = 90) -> str:
    """Return the entry's first line, cut at a word near `limit` characters, for lists."""
    line = text.strip().split("\n", 1)[0]
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + "…"
