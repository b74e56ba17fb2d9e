"""Weeks, for the trends: a week starts on Monday, as everywhere in Onward."""

from __future__ import annotations

import datetime as dt


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def mondays(last: dt.date, weeks: int) -> list[dt.date]:
    """Return the `weeks` Mondays up to and including the week of `last`, oldest first."""
    end = week_start(last)
    return [end - dt.timedelta(days=7 * (weeks - 1 - i)) for i in range(weeks)]
