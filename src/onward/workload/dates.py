"""Dates the workload speaks in: weeks that start on Monday, words like 'fri' or '+2w', and recurrences."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from onward.errors import BadInput
from onward.workload.models import RECURRENCES, WEEKDAYS

FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_NAMES = {
    **{name: i for i, name in enumerate(WEEKDAYS)},
    **{name: i for i, name in enumerate(FULL_DAY_NAMES)},
    **{name: i for i, name in enumerate(("mo", "tu", "we", "th", "fr", "sa", "su"))},
}
_RELATIVE = re.compile(r"^\+(\d{1,3})([dw])$")
DUE_WORDS_HELP = "mon…sun, today, tomorrow, YYYY-MM-DD, +3d or +2w"


def week_start(day: dt.date) -> dt.date:
    """Return the Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


def parse_due(text: str, today: dt.date) -> dt.date:
    """Return the date `text` means, counted from `today`; raise BadInput naming what was not understood.

    A weekday name means the next such day after today (as Taskwarrior's `due:friday` does), so on a
    Friday `fri` is a week away.
    """
    word = text.strip().lower()
    if word in ("today", "tod"):
        return today
    if word in ("tomorrow", "tom"):
        return today + dt.timedelta(days=1)
    if word in DAY_NAMES:
        ahead = (DAY_NAMES[word] - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=ahead)
    relative = _RELATIVE.match(word)
    if relative:
        count, unit = int(relative.group(1)), relative.group(2)
        return today + dt.timedelta(days=count * (7 if unit == "w" else 1))
    try:
        return dt.date.fromisoformat(word)
    except ValueError:
        raise BadInput(f"'{text}' is not a date Onward understands (use {DUE_WORDS_HELP})") from None


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the same day `months` later, on the month's last day when it is shorter (Jan 31 → Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def next_occurrence(due: dt.date, recurrence: str) -> dt.date:
    """Return the due date of the next task in a daily, weekly or monthly series."""
    if recurrence == "daily":
        return due + dt.timedelta(days=1)
    if recurrence == "weekly":
        return due + dt.timedelta(days=7)
    if recurrence == "monthly":
        return add_months(due, 1)
    raise BadInput(f"recurrence must be one of {', '.join(RECURRENCES)}, not '{recurrence}'")
