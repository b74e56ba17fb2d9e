"""Working hours and quiet hours, read one way by every domain (mail's after-hours counts, well-being's trends,
reminders that respect quiet hours).

The settings hold local wall-clock times in the user's time zone; a moment from anywhere (a mail's own UTC offset,
a check-in) is converted to that zone before it is compared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from onward.settings import DAY_NAMES, Settings, parse_work_days

__all__ = ["DAY_NAMES", "WorkingHours", "parse_work_days"]


@dataclass(frozen=True)
class WorkingHours:
    """The user's working day, working days, quiet hours and time zone."""

    zone: dt.tzinfo
    start: dt.time
    end: dt.time
    days: frozenset[int]
    quiet_start: dt.time
    quiet_end: dt.time

    @classmethod
    def from_settings(cls, settings: Settings) -> WorkingHours:
        return cls(
            zone=settings.zone(),
            start=settings.work_start,
            end=settings.work_end,
            days=parse_work_days(settings.work_days),
            quiet_start=settings.quiet_start,
            quiet_end=settings.quiet_end,
        )

    def local(self, moment: dt.datetime) -> dt.datetime:
        """Return the moment on the user's clock (a naive moment is taken as already local)."""
        if moment.tzinfo is None:
            return moment.replace(tzinfo=self.zone)
        return moment.astimezone(self.zone)

    def is_after_hours(self, moment: dt.datetime) -> bool:
        """True outside the working day: before its start, at or after its end, or on a day off."""
        here = self.local(moment)
        if here.weekday() not in self.days:
            return True
        clock = here.time().replace(tzinfo=None)
        return not (self.start <= clock < self.end)

    def is_quiet(self, moment: dt.datetime) -> bool:
        """True during quiet hours (which may run past midnight)."""
        clock = self.local(moment).time().replace(tzinfo=None)
        if self.quiet_start <= self.quiet_end:
            return self.quiet_start <= clock < self.quiet_end
        return clock >= self.quiet_start or clock < self.quiet_end
