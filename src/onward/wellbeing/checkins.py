"""Daily check-ins: one per day, checking in again replaces the day's. One of the parts of `WellbeingService`.

Missing days are simply missing: nothing here counts streaks or gaps.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from onward.errors import BadInput, NotFound
from onward.wellbeing.dates import week_start
from onward.wellbeing.models import CheckIn
from onward.wellbeing.schemas import CheckInView

if TYPE_CHECKING:
    from onward.wellbeing.peers import WorkloadPulse
    from onward.workspace import Workspace

NOTE_CHARS = 500  # one line


def check_values(
    mood: int,
    energy: int,
    sleep_hours: float | None,
    worked_hours: float | None,
    after_hours_minutes: int | None,
    people_minutes: int | None,
) -> None:
    """Raise BadInput naming the first value out of range (the message starts with the field's label)."""
    if not 1 <= mood <= 5:
        raise BadInput(f"mood goes from 1 (low) to 5 (good), not {mood}")
    if not 1 <= energy <= 5:
        raise BadInput(f"energy goes from 1 (low) to 5 (plenty), not {energy}")
    if sleep_hours is not None and not 0 <= sleep_hours <= 24:
        raise BadInput(f"sleep is hours in a night, from 0 to 24, not {sleep_hours:g}")
    if worked_hours is not None and not 0 <= worked_hours <= 24:
        raise BadInput(f"hours worked go from 0 to 24 in a day, not {worked_hours:g}")
    if after_hours_minutes is not None and not 0 <= after_hours_minutes <= 24 * 60:
        raise BadInput(f"minutes after hours go from 0 to 1440 in a day, not {after_hours_minutes}")
    if after_hours_minutes and worked_hours is not None and after_hours_minutes > worked_hours * 60 + 1e-9:
        raise BadInput(
            f"minutes after hours ({after_hours_minutes}) are part of the hours worked, which were {worked_hours:g} h"
        )
    if people_minutes is not None and not 0 <= people_minutes <= 24 * 60:
        raise BadInput(f"minutes with people go from 0 to 1440 in a day, not {people_minutes}")


def _view(row: CheckIn) -> CheckInView:
    return CheckInView(
        row.day,
        row.mood,
        row.energy,
        row.sleep_hours,
        row.worked_hours,
        row.after_hours_minutes,
        row.saw_people,
        row.people_minutes,
        row.note,
        row.load_ratio,
    )


def _from_row(row: Any) -> CheckInView:
    """Return the view of one row of COLUMNS (a plain tuple: no ORM object per check-in)."""
    return CheckInView(*row)


COLUMNS = (
    CheckIn.day,
    CheckIn.mood,
    CheckIn.energy,
    CheckIn.sleep_hours,
    CheckIn.worked_hours,
    CheckIn.after_hours_minutes,
    CheckIn.saw_people,
    CheckIn.people_minutes,
    CheckIn.note,
    CheckIn.load_ratio,
)


class CheckIns:
    """The check-ins of one workspace; `pulse` gives this week's load ratio to keep with each one."""

    def __init__(self, workspace: Workspace, pulse: WorkloadPulse | None = None) -> None:
        self.workspace = workspace
        self.pulse = pulse

    def check_in(
        self,
        *,
        mood: int,
        energy: int,
        sleep_hours: float | None = None,
        worked_hours: float | None = None,
        after_hours_minutes: int | None = None,
        saw_people: bool | None = None,
        people_minutes: int | None = None,
        note: str = "",
        day: dt.date | None = None,
    ) -> CheckInView:
        """Record the day's check-in (today by default), replacing one already there for that day."""
        today = self.workspace.today
        day = day or today
        if day > today:
            raise BadInput(f"date: {day} is in the future; check in for today or a day gone by")
        check_values(mood, energy, sleep_hours, worked_hours, after_hours_minutes, people_minutes)
        if people_minutes:
            saw_people = True
        line = " ".join(note.split())[:NOTE_CHARS]
        # Only this week's check-in can know this week's load; an earlier day's keeps what it had.
        load = self.pulse.current_load_ratio() if self.pulse and week_start(day) == week_start(today) else None
        with self.workspace.session() as session:
            row = session.scalars(select(CheckIn).where(CheckIn.day == day)).first()
            if row is None:
                row = CheckIn(day=day, mood=mood, energy=energy, load_ratio=load)
                session.add(row)
            elif load is not None:
                row.load_ratio = load
            row.mood, row.energy, row.sleep_hours, row.worked_hours = mood, energy, sleep_hours, worked_hours
            row.after_hours_minutes, row.saw_people, row.people_minutes = (
                after_hours_minutes,
                saw_people,
                people_minutes,
            )
            row.note = line
            session.flush()
            return _view(row)

    def on(self, day: dt.date) -> CheckInView | None:
        with self.workspace.session() as session:
            row = session.scalars(select(CheckIn).where(CheckIn.day == day)).first()
            return _view(row) if row else None

    def all(self, since: dt.date | None = None) -> list[CheckInView]:
        """Return every check-in (from `since` on), oldest first: one lean column query, no ORM objects."""
        query = select(*COLUMNS).order_by(CheckIn.day)
        if since is not None:
            query = query.where(CheckIn.day >= since)
        with self.workspace.session() as session:
            return [_from_row(row) for row in session.execute(query)]

    def remove(self, day: dt.date) -> None:
        with self.workspace.session() as session:
            done = session.execute(delete(CheckIn).where(CheckIn.day == day))
            if not getattr(done, "rowcount", 0):
                raise NotFound(f"there is no check-in on {day}")


def read_social(value: str | None, what: str) -> tuple[bool | None, int | None]:
    """Return (saw people, minutes) from "yes", "no" or a number of minutes; blank is (None, None)."""
    text = (value or "").strip().lower()
    if not text:
        return None, None
    if text in ("yes", "y", "true"):
        return True, None
    if text in ("no", "n", "false", "0"):
        return False, None
    if text.isdigit():
        return int(text) > 0, int(text)
    raise BadInput(f"{what}: say yes, no, or the minutes spent with friends or family (got {value!r})")
