"""Open answers split into sentences and shuffled, so no one answer can be read whole (or recognised by its
shape) on the results page. Nothing is lost and nothing is added: every sentence is a piece of an answer."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable

# A sentence ends at . ! ? or … (with any closing quotes or brackets) followed by space, or at a line break.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """Return the sentences of `text`, stripped, empty ones left out."""
    parts: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        # Keep closing quotes/brackets with the sentence they close.
        end = match.start() + len(match.group(0).rstrip())
        parts.append(text[start:end])
        start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def shuffled_sentences(answers: Iterable[str], seed: str) -> list[str]:
    """Return every sentence of every answer in an order that depends on the content and `seed` only."""
    return shuffle_sentences([s for answer in answers for s in split_sentences(answer)], seed)


def shuffle_sentences(sentences: Iterable[str], seed: str) -> list[str]:
    """Return the sentences shuffled in an order that depends on their content and `seed` only.

    They are sorted first, so the order answers were stored in (or their ids) cannot show through; the
    shuffle is seeded so the page reads the same on each visit.
    """
    sentences = sorted(sentences)
    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    rng.shuffle(sentences)
    return sentences
