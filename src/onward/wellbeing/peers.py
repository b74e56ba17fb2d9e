"""What well-being reads from other parts of Onward, as Protocols of its own (onward.services satisfies them).

Well-being imports no other domain: the composition root hands it an object for each of these, or None while
that part is not there yet, and every page reads calmly without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class SupportPerson:
    """Someone the person named as support, and how to reach them (a phone number, an address, "at choir")."""

    name: str
    how_to_reach: str = ""


class SupportPeople(Protocol):
    """The people the person named as support (the network part)."""

    def support_people(self) -> Sequence[SupportPerson]: ...


class AfterHoursMail(Protocol):
    """Mail sent outside working hours (the mail part): week start (a Monday) -> messages sent after hours."""

    def has_mail(self) -> bool:
        """True once any sent mail is there to count (before that the trends say where it would come from)."""
        ...

    def sent_after_hours_by_week(self, first_monday: dt.date, weeks: int) -> dict[dt.date, int]: ...


class WorkloadPulse(Protocol):
    """This week's load and past mistakes (the workload part)."""

    def current_load_ratio(self) -> float | None:
        """Hours needed this week over the hours available (None when no hours are available)."""
        ...

    def mistakes_by_week(self, first_monday: dt.date, weeks: int) -> dict[dt.date, int]:
        """Week start (a Monday) -> mistakes logged that week."""
        ...
