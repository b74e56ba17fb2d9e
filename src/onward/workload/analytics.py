"""Scope creep, role drift and mistakes against load: pure functions over plain rows, returning dataclasses.

Drift: "temporary" duties past their expected end, and the share of hours on duties that were never in the
job description (origin added or temporary), week by week: planned hours for the weeks ahead (from the
forecast) and hours of work finished in past weeks (each done task's effort hours, in the week it was done).
Tasks without a duty are left out of the share (Onward cannot tell where they belong).

Past load, for mistakes: each task's effort hours spread evenly over the working days from the day it was
entered to the day it was done (still-open tasks: to their due date, or today). A week's load ratio is
those hours over the week's hours. It is a reconstruction, rougher than the forecast, and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from onward.workload.dates import week_start
from onward.workload.forecast import DayHours, Forecast

OUTSIDE = ("added", "temporary")


@dataclass(frozen=True)
class DutyFacts:
    id: int
    name: str
    job_title: str
    origin: str
    expected_end: dt.date | None
    open_tasks: int
    open_hours: float


@dataclass
class OverdueTemporary:
    """A 'temporary' duty still on the plate after the date it was meant to end."""

    id: int
    name: str
    job_title: str
    expected_end: dt.date
    days_past: int
    open_tasks: int
    open_hours: float


@dataclass
class DriftWeek:
    """Hours by the origin of their duty in one week; `share_outside` is (added + temporary) / all."""

    start: dt.date
    planned: bool  # True: from the forecast; False: from work finished that week
    described: float
    added: float
    temporary: float
    share_outside: float | None


@dataclass
class Drift:
    temporary_overdue: list[OverdueTemporary]
    weeks: list[DriftWeek]
    outside_duties: list[str] = field(default_factory=list)

    @property
    def share_ahead(self) -> float | None:
        """Return the share of planned hours outside the job description over the whole horizon."""
        return _share([w for w in self.weeks if w.planned])

    @property
    def share_past(self) -> float | None:
        return _share([w for w in self.weeks if not w.planned])


def _share(weeks: Sequence[DriftWeek]) -> float | None:
    outside = sum(w.added + w.temporary for w in weeks)
    total = outside + sum(w.described for w in weeks)
    return round(outside / total, 4) if total > 0 else None


def _drift_week(start: dt.date, planned: bool, hours: dict[str, float]) -> DriftWeek:
    described, added, temporary = (round(hours.get(k, 0.0), 4) for k in ("described", "added", "temporary"))
    total = described + added + temporary
    share = round((added + temporary) / total, 4) if total > 0 else None
    return DriftWeek(start, planned, described, added, temporary, share)


def temporary_overdue(duties: Sequence[DutyFacts], today: dt.date) -> list[OverdueTemporary]:
    """Return temporary duties past their expected end, longest overdue first."""
    found = [
        OverdueTemporary(
            d.id, d.name, d.job_title, d.expected_end, (today - d.expected_end).days, d.open_tasks, d.open_hours
        )
        for d in duties
        if d.origin == "temporary" and d.expected_end is not None and d.expected_end < today
    ]
    return sorted(found, key=lambda d: -d.days_past)


@dataclass(frozen=True)
class DoneWork:
    """A finished task: its effort hours, the day it was done, and its duty's origin."""

    completed: dt.date
    hours: float
    origin: str | None


def drift(
    duties: Sequence[DutyFacts],
    done: Sequence[DoneWork],
    ahead: Forecast,
    *,
    today: dt.date,
    past_weeks: int,
) -> Drift:
    """Return temporary duties past their end and the weekly share of hours outside the job description."""
    this_monday = week_start(today)
    first = this_monday - dt.timedelta(days=7 * past_weeks)
    past: dict[dt.date, dict[str, float]] = {first + dt.timedelta(days=7 * i): {} for i in range(past_weeks)}
    for work in done:
        start = week_start(work.completed)
        if work.origin and start in past:
            past[start][work.origin] = past[start].get(work.origin, 0.0) + work.hours
    weeks = [_drift_week(start, False, hours) for start, hours in sorted(past.items())]
    weeks += [_drift_week(week.start, True, week.by_origin) for week in ahead.weeks]
    outside = sorted(d.name for d in duties if d.origin in OUTSIDE)
    return Drift(temporary_overdue(duties, today), weeks, outside)


# ---- past load and mistakes ----


@dataclass(frozen=True)
class PastTask:
    entered: dt.date
    finished: dt.date | None  # done on; None while open
    due: dt.date | None
    hours: float


@dataclass
class MistakeWeek:
    """One past week: the mistakes logged in it and the load then."""

    start: dt.date
    mistakes: int
    hours: float
    capacity_hours: float
    load_ratio: float | None
    causes: dict[str, int] = field(default_factory=dict)


def past_load(
    tasks: Sequence[PastTask], day_hours: DayHours, *, today: dt.date, weeks: int
) -> list[tuple[dt.date, float, float]]:
    """Return (week start, hours on the plate, hours available) for the `weeks` weeks up to today's week."""
    first = week_start(today) - dt.timedelta(days=7 * (weeks - 1))
    end = week_start(today) + dt.timedelta(days=7)
    spans = []
    for task in tasks:
        last = task.finished or (task.due if task.due and task.due > task.entered else today)
        if last >= first and task.entered < end and task.hours > 0:
            spans.append((task.entered, max(last, task.entered), task.hours))
    if not spans:
        return [(first + dt.timedelta(days=7 * w), 0.0, _week_hours(day_hours, first, w)) for w in range(weeks)]
    # One pass over every day any task touches: prefix counts of working days make each task O(1) to size.
    origin = min(first, *(b for b, _, _ in spans))
    final = max(end, *(s for _, s, _ in spans))
    length = (final - origin).days + 1
    hours = [day_hours(origin + dt.timedelta(days=i)) for i in range(length)]
    working = [0]
    for value in hours:
        working.append(working[-1] + (value > 0))
    # Difference array: each task adds its per-day share over its span, applied to working days only.
    rate = [0.0] * (length + 1)
    for begin, stop, task_hours in spans:
        a, b = (begin - origin).days, (stop - origin).days + 1
        total = working[b] - working[a]
        if total:
            rate[a] += task_hours / total
            rate[b] -= task_hours / total
    offset = (first - origin).days
    result = []
    running = sum(rate[:offset])
    daily = []
    for i in range(offset, offset + 7 * weeks):
        running += rate[i]
        daily.append(running if hours[i] > 0 else 0.0)
    for w in range(weeks):
        days = slice(7 * w, 7 * w + 7)
        capacity = sum(hours[offset + 7 * w : offset + 7 * w + 7])
        result.append((first + dt.timedelta(days=7 * w), round(sum(daily[days]), 4), round(capacity, 4)))
    return result


def _week_hours(day_hours: DayHours, first: dt.date, week: int) -> float:
    return round(sum(day_hours(first + dt.timedelta(days=7 * week + d)) for d in range(7)), 4)


def mistakes_by_week(
    mistakes: Sequence[tuple[dt.date, str]], load: Sequence[tuple[dt.date, float, float]]
) -> list[MistakeWeek]:
    """Return each week of `load` with the mistakes (date, cause) logged in it and its load ratio."""
    weeks = {
        start: MistakeWeek(start, 0, hours, cap, round(hours / cap, 4) if cap > 0 else None)
        for start, hours, cap in load
    }
    for day, cause in mistakes:
        week = weeks.get(week_start(day))
        if week is not None:
            week.mistakes += 1
            week.causes[cause] = week.causes.get(cause, 0) + 1
    return [weeks[start] for start in sorted(weeks)]
