"""Well-being's lines in the first page's Today list: the low-point message, and "check in today?" as a link.

Never a nag: the check-in line is one quiet link, left out once today's check-in is there and during quiet
hours (onward.hours); nothing counts the days missed.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from onward.today import TodayItem
from onward.wellbeing.service import WellbeingService


class HasWellbeing(Protocol):
    @property
    def wellbeing(self) -> WellbeingService: ...


def items(services: HasWellbeing, now: dt.datetime | None = None) -> list[TodayItem]:
    wellbeing = services.wellbeing
    lines = []
    if wellbeing.low_point.current() is not None:
        lines.append(TodayItem("wellbeing", "A note for you", "when things feel heavy", "/wellbeing#low-point"))
    hours = wellbeing.hours
    moment = now or dt.datetime.now(hours.zone)
    if wellbeing.today_check_in() is None and not hours.is_quiet(moment):
        lines.append(TodayItem("wellbeing", "Check in today?", "20 seconds, if you like", "/wellbeing#check-in"))
    return lines
