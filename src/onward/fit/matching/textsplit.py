"""Splitting a job posting or a long description into the lines that can each be matched to a task."""

from __future__ import annotations

import re

# Bullets and line breaks; sentence ends; and the joins scraped postings leave when bullets are collapsed
# ("…Strategy.Assist in…", "Functions:Support the…").
_BREAKS = re.compile(
    r"\s*(?:[\r\n]+|[•·▪●◦■►✓*]\s*|(?<=\S)\s*[-–—]\s+(?=[A-Z])|(?<=[a-z0-9)][.!?;:])\s*(?=[A-Z])|;\s+)\s*"
)
_LEADING = re.compile(r"^[\s\-–—*•·>]+|^\(?\d{1,2}[.)]\s+")
_WORD = re.compile(r"[A-Za-z]{2,}")
MIN_WORDS = 3
MAX_CHARS = 400


def split_lines(text: str, *, limit: int = 60) -> list[str]:
    """Return the text's sentences and bullet points (at least three words each, at most `limit` of them)."""
    lines: list[str] = []
    seen: set[str] = set()
    for piece in _BREAKS.split(text):
        line = _LEADING.sub("", piece).strip().rstrip(":")
        if len(_WORD.findall(line)) < MIN_WORDS:
            continue
        line = line[:MAX_CHARS]
        key = line.lower()
        if key in seen:
            continue
        seen.add(key)
        lines.append(line)
        if len(lines) >= limit:
            break
    return lines
