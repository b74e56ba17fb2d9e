"""When the person sends mail, as numbers: pure functions over (sent moment) lists, the working hours given.

Each moment is a UTC instant (the Date header's own offset already applied); it is placed on the person's
clock (onward.hours.WorkingHours, their time zone) before it is counted, so a message written at 23:10 in
New York by someone living in Chicago counts at 22:10.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from onward.hours import WorkingHours

# Gmail Meter's buckets for how soon a message was answered.
RESPONSE_BUCKETS: tuple[tuple[str, dt.timedelta | None], ...] = (
    ("5 min", dt.timedelta(minutes=5)),
    ("15 min", dt.timedelta(minutes=15)),
    ("1 h", dt.timedelta(hours=1)),
    ("4 h", dt.timedelta(hours=4)),
    ("1 day", dt.timedelta(days=1)),
    ("more", None),
)


NIGHT_ENDS = 5  # hours: mail sent before 5:00 counts towards the evening before, for "latest each day"


@dataclass(frozen=True)
class WeekCount:
    """One week of sent mail: the Monday it starts, messages sent, and how many of them after hours."""

    start: dt.date
    sent: int
    after_hours: int

    @property
    def after_hours_share(self) -> float:
        return self.after_hours / self.sent if self.sent else 0.0


@dataclass(frozen=True)
class SentPattern:
    """Counts of sent mail by the person's clock."""

    sent_total: int
    after_hours_total: int
    by_hour: list[int]  # 24 numbers, 0:00 first
    by_weekday: list[int]  # 7 numbers, Monday first
    heatmap: list[list[int]]  # [weekday][hour]
    weeks: list[WeekCount]
    latest_by_day: list[tuple[dt.date, dt.time]]  # the last message each day, for days with sent mail


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def utc(moment: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) moment as an aware one."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def sent_pattern(
    moments: Iterable[dt.datetime],
    hours: WorkingHours,
    *,
    first_week: dt.date | None = None,
    last_week: dt.date | None = None,
) -> SentPattern:
    """Count sent moments by hour, weekday, week and day; weeks run from the first to the last with mail (or the
    given range), empty weeks included so a trend shows the quiet ones too."""
    by_hour = [0] * 24
    by_weekday = [0] * 7
    heatmap = [[0] * 24 for _ in range(7)]
    weeks: dict[dt.date, list[int]] = {}
    latest: dict[dt.date, tuple[dt.time, dt.time]] = {}
    total = after = 0
    for moment in moments:
        here = hours.local(utc(moment))
        late = hours.is_after_hours(here)
        total += 1
        after += late
        by_hour[here.hour] += 1
        by_weekday[here.weekday()] += 1
        heatmap[here.weekday()][here.hour] += 1
        counts = weeks.setdefault(week_start(here.date()), [0, 0])
        counts[0] += 1
        counts[1] += late
        # the day's latest message; one sent before 5:00 still belongs to the evening before
        evening = here - dt.timedelta(hours=NIGHT_ENDS)
        clock = here.time().replace(tzinfo=None, microsecond=0)
        known = latest.get(evening.date())
        if known is None or known[0] < evening.time():
            latest[evening.date()] = (evening.time(), clock)
    return SentPattern(
        sent_total=total,
        after_hours_total=after,
        by_hour=by_hour,
        by_weekday=by_weekday,
        heatmap=heatmap,
        weeks=_weeks(weeks, first_week, last_week),
        latest_by_day=[(day, clock) for day, (_, clock) in sorted(latest.items())],
    )


def _weeks(counts: dict[dt.date, list[int]], first: dt.date | None, last: dt.date | None) -> list[WeekCount]:
    if first is None and not counts:
        return []
    start = week_start(first) if first else min(counts)
    end = week_start(last) if last else max(counts)
    weeks = []
    while start <= end:
        sent, after = counts.get(start, (0, 0))
        weeks.append(WeekCount(start, sent, after))
        start += dt.timedelta(days=7)
    return weeks


def response_buckets(delays: Iterable[dt.timedelta]) -> list[tuple[str, int]]:
    """How many replies came within 5 min, 15 min, 1 h, 4 h, 1 day, or later (each counted once)."""
    counts = [0] * len(RESPONSE_BUCKETS)
    for delay in delays:
        if delay < dt.timedelta(0):
            continue  # a reply dated before its message: a clock was wrong, it tells nothing
        for index, (_, limit) in enumerate(RESPONSE_BUCKETS):
            if limit is None or delay <= limit:
                counts[index] += 1
                break
    return [(name, count) for (name, _), count in zip(RESPONSE_BUCKETS, counts, strict=True)]
