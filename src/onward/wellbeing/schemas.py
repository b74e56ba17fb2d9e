"""What the well-being parts hand back: plain dataclasses (pages, their /api twins and the CLI's --json alike)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from onward.wellbeing.peers import SupportPerson


@dataclass(frozen=True)
class CheckInView:
    day: dt.date
    mood: int
    energy: int
    sleep_hours: float | None
    worked_hours: float | None
    after_hours_minutes: int | None
    saw_people: bool | None
    people_minutes: int | None
    note: str
    load_ratio: float | None


@dataclass(frozen=True)
class ResponseView:
    """A questionnaire taken: the answers as given (published order; None: skipped) and each scale's score."""

    id: int
    instrument: str
    taken_on: dt.date
    items: list[int | None]
    scores: dict[str, float | None]


@dataclass
class LowPointView:
    """The calm message at a low point: why, since when, who to lean on, and the line about professional help."""

    since: dt.date
    reasons: list[str]
    people: list[SupportPerson] = field(default_factory=list)
    people_hint: str = ""  # said instead of the people when none are named (or the network part is not there)
    help_line: str = ""
