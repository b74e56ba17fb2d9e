"""The journal's dataclasses: what pages, their JSON twins and `onward journal … --json` show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import WithJsonSchema

from onward.reflection.text import Piece


@dataclass
class EntryView:
    id: int
    prompt: str | None  # the prompt's key; None for a free entry
    prompt_title: str
    question: str
    text: str
    tags: list[str]
    # The person's own clock, with no zone (as jrnl keeps it): not an RFC 3339 date-time, so not called one.
    written_at: Annotated[
        dt.datetime,
        WithJsonSchema({"type": "string", "description": "local date and time, no zone: YYYY-MM-DDTHH:MM:SS"}),
    ]
    load_ratio: float | None  # the week's hours needed / hours available when it was written
    first_line: str


@dataclass
class SearchHit:
    entry: EntryView
    snippet: list[Piece]  # the words searched for are marked; every piece is plain text
    score: float


@dataclass
class YearAgo:
    """Entries written around this date in one past year."""

    year: int
    entries: list[EntryView]


@dataclass
class HeavyWeek:
    """A week among those with the highest load, and what was written in it."""

    week_start: dt.date
    load_ratio: float
    entries: list[EntryView]


@dataclass
class Resurfaced:
    one_year_ago: list[YearAgo] = field(default_factory=list)
    heaviest: list[HeavyWeek] = field(default_factory=list)
    around_days: int = 7


@dataclass
class JournalImport:
    """What an import did: entries in the file, added, and already there (matched, not added again)."""

    in_file: int
    added: int
    already_there: int


@dataclass
class TagCount:
    tag: str
    entries: int
