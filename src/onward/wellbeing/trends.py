"""Trends over years, not reset at calendar years: pure functions over check-ins, returning dataclasses.

Weeks start on Monday and run back to the first check-in, across year ends. Rolling averages look back a fixed
number of days from each point (30 by default), so January carries December with it. After-hours work in a week
is the minutes the person said they worked after hours; on a day that is not a working day (the work_days
setting, onward.hours) every hour worked counts as after hours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from onward.charts import PixelCalendar, PixelDay
from onward.wellbeing.dates import week_start
from onward.wellbeing.schemas import CheckInView

MOOD_WORDS = ("1 low", "2", "3", "4", "5 good")
PIXEL_WEEKS = 53  # the last twelve months ending this week


@dataclass(frozen=True)
class TrendWeek:
    """One week (from Monday): averages of its check-ins, its after-hours work, and the joined-up figures."""

    start: dt.date
    check_ins: int
    mood: float | None
    energy: float | None
    sleep_hours: float | None
    after_hours_hours: float  # from check-ins (0 when none says so)
    load_ratio: float | None = None  # mean of the week's check-in snapshots
    mistakes: int | None = None  # None: the workload part is not there
    after_hours_mail: int | None = None  # None: the mail part is not there


@dataclass(frozen=True)
class RollingPoint:
    day: dt.date
    mood: float | None
    energy: float | None


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def after_hours_minutes(check_in: CheckInView, work_days: frozenset[int]) -> int:
    """Return the minutes worked after hours that day: all of them on a day off, else what was said."""
    said = check_in.after_hours_minutes or 0
    if check_in.day.weekday() not in work_days and check_in.worked_hours:
        return max(said, round(check_in.worked_hours * 60))
    return said


def weeks(
    check_ins: Sequence[CheckInView],
    *,
    today: dt.date,
    work_days: frozenset[int],
    first: dt.date | None = None,
    mistakes: Callable[[dt.date, int], dict[dt.date, int]] | None = None,
    mail: Callable[[dt.date, int], dict[dt.date, int]] | None = None,
) -> list[TrendWeek]:
    """Return every week from the first check-in's (or `first`) to this one, oldest first; empty weeks included.

    `mistakes` and `mail` give counts per week (first Monday, weeks) from the other parts, when they are there.
    """
    start = week_start(first or (check_ins[0].day if check_ins else today))
    end = week_start(today)
    count = (end - start).days // 7 + 1
    buckets: list[list[CheckInView]] = [[] for _ in range(max(count, 0))]
    for check_in in check_ins:
        index = (week_start(check_in.day) - start).days // 7
        if 0 <= index < len(buckets):
            buckets[index].append(check_in)
    by_week_mistakes = mistakes(start, len(buckets)) if mistakes and buckets else None
    by_week_mail = mail(start, len(buckets)) if mail and buckets else None
    result = []
    for i, days in enumerate(buckets):
        monday = start + dt.timedelta(days=7 * i)
        loads = [c.load_ratio for c in days if c.load_ratio is not None]
        sleep = [c.sleep_hours for c in days if c.sleep_hours is not None]
        result.append(
            TrendWeek(
                start=monday,
                check_ins=len(days),
                mood=_mean([c.mood for c in days]),
                energy=_mean([c.energy for c in days]),
                sleep_hours=_mean(sleep),
                after_hours_hours=round(sum(after_hours_minutes(c, work_days) for c in days) / 60, 2),
                load_ratio=_mean(loads),
                mistakes=None if by_week_mistakes is None else by_week_mistakes.get(monday, 0),
                after_hours_mail=None if by_week_mail is None else by_week_mail.get(monday, 0),
            )
        )
    return result


def rolling(
    check_ins: Sequence[CheckInView], points: Sequence[dt.date], *, window_days: int = 30
) -> list[RollingPoint]:
    """Return the mean mood and energy of the `window_days` days up to each of `points` (None: no check-in then).

    Prefix sums over the days make each point O(1), so years of check-ins cost one pass.
    """
    if not check_ins or not points:
        return [RollingPoint(day, None, None) for day in points]
    origin = min(check_ins[0].day, points[0] - dt.timedelta(days=window_days))
    length = (max(check_ins[-1].day, points[-1]) - origin).days + 2
    count, mood, energy = [0] * length, [0] * length, [0] * length
    for c in check_ins:
        i = (c.day - origin).days + 1
        count[i] += 1
        mood[i] += c.mood
        energy[i] += c.energy
    for i in range(1, length):
        count[i] += count[i - 1]
        mood[i] += mood[i - 1]
        energy[i] += energy[i - 1]
    result = []
    for day in points:
        b = (day - origin).days + 1
        a = max(b - window_days, 0)
        n = count[b] - count[a]
        result.append(
            RollingPoint(
                day,
                round((mood[b] - mood[a]) / n, 2) if n else None,
                round((energy[b] - energy[a]) / n, 2) if n else None,
            )
        )
    return result


def year_in_pixels(
    check_ins: Sequence[CheckInView], today: dt.date, *, weeks_shown: int = PIXEL_WEEKS
) -> PixelCalendar:
    """Return the last `weeks_shown` weeks ending this week as a calendar of days coloured by mood."""
    first = week_start(today) - dt.timedelta(days=7 * (weeks_shown - 1))
    by_day = {c.day: c for c in check_ins if c.day >= first}
    days = []
    for i in range((today - first).days + 1):
        day = first + dt.timedelta(days=i)
        c = by_day.get(day)
        days.append(PixelDay(day.isoformat(), c.mood if c else None, f"energy {c.energy}" if c else ""))
    return PixelCalendar("Mood, day by day, over the last twelve months", days, value_names=MOOD_WORDS)
