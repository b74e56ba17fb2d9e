"""What the plan is about and what it gives back: the open work with its hours and due days, the hours available
each day, the colleagues who can help (ScheduleProblem); and per task where its hours land and what happens to it
(Placement, Schedule). The rules of who may do what live here too (`Work.may_drop` and the rest).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from onward.workload.handoff.cost import Candidate, Colleague

SPAN_WEEKS = 12
PROTECT_DAYS = 7
PROTECT_IMPORTANCE = 4
MULTIPLIER = {"hand_off": 0.4, "defer": 0.6, "drop": 1.0, "ask": 2.0}
LATE_PER_HOUR_PER_IMPORTANCE = 3.0  # an hour late on work that matters weighs more than an easy drop
UNPLACED_PER_HOUR = 150.0
NOBODY_PER_HOUR = 1000.0
HANDED_PER_HOUR = 0.01  # hand no more hours than needed
MIP_REL_GAP = 1e-3
EPS = 1e-6


@dataclass(frozen=True)
class Work:
    """One open task for the schedule: its hours to place, the day they are due, and what may happen to it.

    `due_day` counts days from today (0 for today and for overdue work), None when undated or due after the
    span (then `hours` is its share inside the span). `recurring_by_week` holds the hours a recurring task's
    occurrences need in each week; such a task is placed as it is.
    """

    candidate: Candidate
    hours: float
    due_day: int | None
    recurring_by_week: tuple[float, ...] | None = None

    @property
    def protected(self) -> bool:
        """Whether the plan may never drop it: it matters (importance 4–5) or is due within a week."""
        c = self.candidate
        return c.importance >= PROTECT_IMPORTANCE or (c.days_to_due is not None and c.days_to_due <= PROTECT_DAYS)

    @property
    def may_drop(self) -> bool:
        return not self.candidate.locked and not self.protected

    @property
    def may_defer(self) -> bool:
        return not self.candidate.locked and self.candidate.days_to_due is None and self.recurring_by_week is None

    @property
    def may_hand_off(self) -> bool:
        return not self.candidate.locked and self.candidate.can_hand_off


@dataclass(frozen=True)
class ScheduleProblem:
    """The hours available each day from today to the span's end, the week of each day, the work, who helps."""

    capacity_by_day: tuple[float, ...]
    week_of_day: tuple[int, ...]
    works: tuple[Work, ...]
    colleagues: tuple[Colleague, ...] = ()
    today_weekday: int = 0  # Monday 0: the colleagues' hours come on weekdays
    # Work already handed to each colleague (by index): (due day, hours), counted against their weekly hours.
    already_handed: tuple[tuple[tuple[int, float], ...], ...] = ()

    @property
    def weeks(self) -> int:
        return self.week_of_day[-1] + 1 if self.week_of_day else 0

    @property
    def capacity_by_week(self) -> tuple[float, ...]:
        return tuple(float(x) for x in by_week(self, np.array(self.capacity_by_day)))

    def last_day_of_week(self, week: int) -> int:
        return max(d for d, w in enumerate(self.week_of_day) if w == week)

    def first_day_of_week(self, week: int) -> int:
        return min(d for d, w in enumerate(self.week_of_day) if w == week)


def by_week(problem: ScheduleProblem, daily: np.ndarray) -> np.ndarray:
    """Return daily hours summed by week."""
    return np.bincount(np.array(problem.week_of_day), weights=daily, minlength=problem.weeks)


@dataclass(frozen=True)
class Ask:
    """Something only the manager can agree to, and the hours it frees before the due date."""

    kind: str  # move_deadline | more_help | drop_with_agreement
    hours: float
    new_due_day: int | None = None  # move_deadline: the day (from today) the schedule finishes it
    hours_per_week: float | None = None  # more_help


@dataclass(frozen=True)
class Placement:
    """What happens to one task: the hours placed each week (on time and late), handed, and the action."""

    id: int
    action: str  # keep | hand_off | defer | drop | ask
    colleague: str | None
    handed_hours: float
    scheduled_by_week: tuple[float, ...]  # hours placed in each week up to its due week
    late_hours: float  # placed after its due week
    unplaced_hours: float  # fit nowhere in the span
    finish_day: int | None  # the day (from today) its last hour is placed; None when it has no hours to place
    finish_week: int | None  # the week of that day
    at_risk: bool
    ask: Ask | None
    cost: float
    # A recurring task goes whole, with its recurrence: `handed_hours` (hours of one-off work) stays 0 for it.
    recurring: bool = False

    def hours_handed(self, task_hours: float) -> float:
        """Return the hours that go to the colleague: a recurring task's hours each time, else `handed_hours`."""
        return task_hours if self.action == "hand_off" and self.recurring else self.handed_hours

    def hours_off(self, task_hours: float) -> float:
        """Return the hours this action takes off the person's plate: the task's hours when it is dropped or
        deferred, else the hours handed."""
        return task_hours if self.action in ("drop", "defer") else self.hours_handed(task_hours)


@dataclass
class Schedule:
    capacity_by_week: tuple[float, ...]
    load_by_week: tuple[float, ...]  # hours placed each week after the plan
    placements: list[Placement]
    missing_hours: float  # hours that need an ask (late or fit nowhere)
    shortfall_by_week: tuple[float, ...]  # hours no plan can fix, by week row
    objective: float
    optimal: bool
    mip_gap: float | None
    seconds: float
    status: str = ""
    by_id: dict[int, Placement] = field(default_factory=dict)

    @property
    def fits_without_asks(self) -> bool:
        return self.missing_hours <= 0.05


def due_of(problem: ScheduleProblem, work: Work) -> int:
    """Return the last day its hours may use on time: its due day, or the span's last day when it has none."""
    return work.due_day if work.due_day is not None else len(problem.capacity_by_day) - 1
