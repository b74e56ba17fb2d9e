"""The load forecast: week by week, the hours the plate needs against the hours the person has.

The rule (also in docs/workload.md and on the load page):
- Weeks start on Monday; the first week is the one holding today, counted from today on.
- A day's hours are the capacity in effect that day (hours of that weekday); on the days of an exception
  they are the exception's hours per day instead (0 for leave). Days that are never worked stay free.
  A working day is a day with hours > 0.
- Each open or waiting task needs its remaining hours (its effort when no remaining hours were given).
  They are spread evenly over the working days from today up to its due date, so a week gets the share
  of those days it holds. Work due after the horizon counts only with the share that falls inside it.
- Overdue work, and work due before any working day comes, lands in the current week.
- Undated work is spread evenly over the working days of the next `UNDATED_WEEKS` weeks, whatever the horizon:
  whether a week is over capacity must not depend on how many weeks one looks at.
- A recurring task also brings its next occurrences: each needs the task's effort hours, spread over the
  working days after the occurrence before it, up to its own due date.
- Hours available in a week = its days' hours (from today on) minus that week's meeting hours.
- The ratio is hours needed / hours available: above 1 the week does not fit.

Pure: tasks, capacity and meeting hours come in, dataclasses go out. Each task's hours per week are kept
(`hours_by_week`): the hand-off planner takes tasks off the plate week by week with them.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from onward.workload.dates import next_occurrence, week_start

NO_DUTY = "No responsibility"
DAYS_CAP = 3 * 366
UNDATED_WEEKS = 8


class Plannable(Protocol):
    """What the forecast reads from a task (PlannedTask, or the service's ActiveTask)."""

    @property
    def id(self) -> int: ...
    @property
    def responsibility(self) -> str | None: ...
    @property
    def due(self) -> dt.date | None: ...
    @property
    def hours(self) -> float: ...
    @property
    def origin(self) -> str | None: ...
    @property
    def recurrence(self) -> str | None: ...
    @property
    def effort(self) -> float | None: ...


@dataclass(frozen=True)
class PlannedTask:
    """An open or waiting task as the forecast sees it."""

    id: int
    title: str
    responsibility: str | None
    due: dt.date | None
    hours: float  # remaining hours, else effort hours
    origin: str | None = None  # the duty's origin: described | added | temporary (None: no duty)
    recurrence: str | None = None  # daily | weekly | monthly
    effort: float | None = None  # hours of each next occurrence (default: `hours`)


@dataclass(frozen=True)
class CapacityPeriod:
    """Hours per weekday (Monday first) from `starts` on."""

    starts: dt.date
    day_hours: tuple[float, ...]


@dataclass(frozen=True)
class DayException:
    """Other hours per day from `first_day` to `last_day` (leave: 0)."""

    first_day: dt.date
    last_day: dt.date
    hours_per_day: float


@dataclass
class WeekLoad:
    """One week of the forecast."""

    start: dt.date
    hours_needed: float
    hours_available: float
    capacity_hours: float  # before meetings
    meeting_hours: float
    ratio: float | None  # None when work is planned in a week without any hours
    by_responsibility: dict[str, float] = field(default_factory=dict)
    by_origin: dict[str, float] = field(default_factory=dict)  # described | added | temporary | none

    @property
    def over(self) -> bool:
        return self.ratio is None or self.ratio > 1.0 + 1e-9

    @property
    def hours_over(self) -> float:
        return max(self.hours_needed - self.hours_available, 0.0)


@dataclass
class Forecast:
    """The weeks of the horizon and each task's hours per week (same order as `weeks`)."""

    today: dt.date
    weeks: list[WeekLoad]
    hours_by_week: dict[int, tuple[float, ...]]
    responsibilities: list[str]
    overdue_hours: float
    undated_hours: float
    beyond_horizon_hours: float

    @property
    def horizon_end(self) -> dt.date:
        return self.weeks[-1].start + dt.timedelta(days=6) if self.weeks else self.today

    @property
    def weeks_over(self) -> list[WeekLoad]:
        return [week for week in self.weeks if week.over and week.hours_needed > 0]


class DayHours:
    """The hours of any day from capacity periods and exceptions (the latest exception wins on overlap)."""

    def __init__(self, periods: Sequence[CapacityPeriod], exceptions: Sequence[DayException] = ()) -> None:
        self.periods = sorted(periods, key=lambda p: p.starts)
        self._starts = [p.starts for p in self.periods]
        self.exceptions = list(exceptions)

    def __call__(self, day: dt.date) -> float:
        for exception in reversed(self.exceptions):
            if exception.first_day <= day <= exception.last_day:
                usual = self._usual(day)
                # Days never worked stay free: leave over a weekend changes nothing.
                return exception.hours_per_day if usual > 0 else 0.0
        return self._usual(day)

    def _usual(self, day: dt.date) -> float:
        if not self.periods:
            return 0.0
        index = bisect.bisect_right(self._starts, day) - 1
        # Before the first period was set, its hours are the best guess.
        period = self.periods[max(index, 0)]
        return period.day_hours[day.weekday()]


def forecast(
    tasks: Sequence[Plannable],
    *,
    today: dt.date,
    weeks: int,
    day_hours: DayHours,
    meeting_hours_by_week: Sequence[float] = (),
) -> Forecast:
    """Return the load forecast for `weeks` weeks from today's week (see the module's rule)."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    first_monday = week_start(today)
    horizon_end = first_monday + dt.timedelta(days=7 * weeks - 1)
    undated_end = first_monday + dt.timedelta(days=7 * UNDATED_WEEKS - 1)
    latest_due = max([t.due for t in tasks if t.due is not None] + [undated_end], default=horizon_end)
    # Days are counted up to the latest due date, but not forever: a due date decades away (a typo, often)
    # is treated as due at the cap, which only makes its tiny share of the horizon a little larger.
    # A month past the horizon too, so an occurrence that straddles its end is sized over all its days.
    last_day = min(max(horizon_end + dt.timedelta(days=31), latest_due), horizon_end + dt.timedelta(days=DAYS_CAP))
    span = (last_day - today).days + 1
    hours = [day_hours(today + dt.timedelta(days=i)) for i in range(span)]
    # working[i]: working days among the first i days from today (prefix counts make each task O(weeks)).
    working = [0]
    for value in hours:
        working.append(working[-1] + (1 if value > 0 else 0))
    # Day index (from today) where each week's share ends; the first week starts today, not on Monday.
    week_ends = [min((first_monday + dt.timedelta(days=7 * (w + 1)) - today).days, span) for w in range(weeks)]

    meetings = [float(meeting_hours_by_week[w]) if w < len(meeting_hours_by_week) else 0.0 for w in range(weeks)]
    undated_days = min((undated_end - today).days + 1, span)
    share, overdue, undated, beyond = _shares(tasks, today, weeks, working, week_ends, span, undated_days)
    for i, task in enumerate(tasks):
        if task.recurrence and task.due is not None:
            row = share[i].tolist()
            _occurrences(row, task, today, horizon_end, working, week_ends)
            share[i] = row
    needed = share.sum(axis=0).tolist()
    by_duty = _group(share, [t.responsibility or NO_DUTY for t in tasks])
    by_origin = _group(share, [t.origin or "none" for t in tasks])
    hours_by_week = {t.id: tuple(row) for t, row in zip(tasks, share.tolist(), strict=True)}

    result = []
    begin = 0
    for w in range(weeks):
        capacity = sum(hours[begin : week_ends[w]])
        available = max(capacity - meetings[w], 0.0)
        ratio = needed[w] / available if available > 0 else (0.0 if needed[w] <= 1e-9 else None)
        result.append(
            WeekLoad(
                start=first_monday + dt.timedelta(days=7 * w),
                hours_needed=round(needed[w], 4),
                hours_available=round(available, 4),
                capacity_hours=round(capacity, 4),
                meeting_hours=round(meetings[w], 4),
                ratio=None if ratio is None else round(ratio, 4),
                by_responsibility={k: round(v, 4) for k, v in sorted(by_duty[w].items())},
                by_origin={k: round(v, 4) for k, v in sorted(by_origin[w].items())},
            )
        )
        begin = week_ends[w]
    duties = sorted({name for week in by_duty for name in week})
    return Forecast(
        today=today,
        weeks=result,
        hours_by_week=hours_by_week,
        responsibilities=duties,
        overdue_hours=round(overdue, 4),
        undated_hours=round(undated, 4),
        beyond_horizon_hours=round(max(beyond, 0.0), 4),
    )


def _shares(
    tasks: Sequence[Plannable],
    today: dt.date,
    weeks: int,
    working: list[int],
    week_ends: list[int],
    span: int,
    undated_days: int,
) -> tuple[npt.NDArray[np.float64], float, float, float]:
    """Return each task's hours per week (tasks × weeks) by the rule, and the overdue, undated, beyond hours.

    Vectorised: a task's share of week w is its hours × (working days of w before its due date) / (working
    days from today to its due date), read off the prefix counts for all tasks at once.
    """
    n = len(tasks)
    hours = np.array([max(t.hours, 0.0) for t in tasks], dtype=np.float64)
    ordinal = today.toordinal()
    # last: days from today up to and including the due date (undated: the horizon); -1 marks overdue.
    last = np.array(
        [
            undated_days if t.due is None else -1 if t.due < today else min(t.due.toordinal() - ordinal + 1, span)
            for t in tasks
        ],
        dtype=np.int64,
    ).reshape(n)
    undated_mask = np.array([t.due is None for t in tasks], dtype=bool).reshape(n)
    work = np.array(working, dtype=np.int64)
    ends = np.array(week_ends, dtype=np.int64)
    begins = np.concatenate(([0], ends[:-1]))
    reach = np.maximum(last, 0)
    hi = np.minimum(ends[None, :], reach[:, None])
    days = np.where(hi > begins[None, :], work[hi] - work[begins][None, :], 0)
    total = work[reach]
    share = np.zeros((n, weeks), dtype=np.float64)
    spread = total > 0
    share[spread] = hours[spread, None] * days[spread] / total[spread, None]
    # Overdue work, and dated work with no working day before it, lands in this week.
    first_week = ~spread & ~undated_mask
    share[first_week, 0] = hours[first_week]
    # Undated work with no working day in the whole horizon: an even share per week keeps it visible.
    share[~spread & undated_mask] = hours[~spread & undated_mask, None] / weeks
    dated = (last >= 0) & spread
    overdue = float(hours[last < 0].sum())
    undated = float(hours[undated_mask].sum())
    beyond = float((hours[dated] - share[dated].sum(axis=1)).sum())
    return share, overdue, undated, beyond


def _group(share: npt.NDArray[np.float64], keys: list[str]) -> list[dict[str, float]]:
    """Return, for each week, the hours summed by key (a task's duty or origin); keys with no hours are left out."""
    names = sorted(set(keys))
    index = {name: k for k, name in enumerate(names)}
    codes = np.array([index[k] for k in keys], dtype=np.int64)
    result = []
    for w in range(share.shape[1]):
        sums = np.bincount(codes, weights=share[:, w], minlength=len(names)) if len(keys) else np.zeros(0)
        result.append({names[k]: float(v) for k, v in enumerate(sums) if v > 0})
    return result


def _occurrences(
    share: list[float],
    task: Plannable,
    today: dt.date,
    horizon_end: dt.date,
    working: list[int],
    week_ends: list[int],
) -> None:
    """Add the hours of a recurring task's next occurrences that fall inside the horizon."""
    assert task.due is not None and task.recurrence is not None
    every = task.effort if task.effort is not None else task.hours
    previous = task.due
    span = len(working) - 1
    while every > 0 and previous < horizon_end:
        due = next_occurrence(previous, task.recurrence)
        first, last = max((previous - today).days + 1, 0), min((due - today).days + 1, span)
        if last > first and working[last] > working[first]:
            _spread(share, every, working, week_ends, first, last)
        previous = due


def _spread(share: list[float], hours: float, working: list[int], week_ends: list[int], first: int, last: int) -> None:
    """Add `hours` spread evenly over the working days among days [first, last) (from today) to each week."""
    total = working[last] - working[first]
    if total == 0:
        # No working day at all in reach: an even share per week keeps the hours visible.
        for w in range(len(share)):
            share[w] += hours / len(share)
        return
    begin = 0
    for w, end in enumerate(week_ends):
        if begin >= last:
            break
        lo, hi = max(begin, first), min(end, last)
        if hi > lo:
            share[w] += hours * (working[hi] - working[lo]) / total
        begin = end
