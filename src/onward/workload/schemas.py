"""What the workload service hands out: plain dataclasses, the same for pages, JSON and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from onward.workload.urgency import Term


@dataclass
class JobView:
    id: int
    employer: str
    title: str
    description: str
    start_date: dt.date | None
    end_date: dt.date | None


@dataclass
class ResponsibilityView:
    id: int
    job_id: int
    job_title: str
    name: str
    description: str
    origin: str
    expected_end: dt.date | None
    enjoyment: str | None
    skill: int | None
    energy: int | None
    can_hand_off: bool
    open_tasks: int
    remaining_hours: float


@dataclass
class ChecklistItem:
    text: str
    done: bool = False


@dataclass
class TaskView:
    """A task as pages, JSON and the CLI show it. `hours` is what is left: remaining, else effort hours."""

    id: int
    title: str
    responsibility_id: int | None
    responsibility: str | None
    due: dt.date | None
    effort_hours: float | None
    remaining_hours: float | None
    hours: float
    importance: int
    status: str
    handed_to: str | None
    entered: dt.date | None
    completed: dt.date | None
    recurrence: str | None
    checklist: list[ChecklistItem]
    locked: bool
    notes: str
    tags: list[str]


@dataclass
class CapacityView:
    """The capacity in effect (or the default when none was set), and the exceptions to come."""

    weekly_hours: float
    day_hours: dict[str, float]  # mon … sun
    starts: dt.date | None
    is_default: bool
    exceptions: list[CapacityExceptionView]


@dataclass
class CapacityExceptionView:
    id: int
    first_day: dt.date
    last_day: dt.date
    hours_per_day: float
    note: str


@dataclass
class MistakeView:
    id: int
    happened_on: dt.date
    task_id: int | None
    task_title: str | None
    responsibility_id: int | None
    responsibility: str | None
    cause: str
    what_happened: str
    lesson: str
    task_recurs: bool
    task_has_checklist: bool

    @property
    def offer_checklist(self) -> bool:
        """Return True when the mistake was on a recurring task that has no checklist yet."""
        return self.task_recurs and not self.task_has_checklist


@dataclass
class ColleagueView:
    id: int
    name: str
    weekly_limit_hours: float
    note: str


@dataclass(slots=True)
class PriorityView:
    """An open or waiting task with its urgency, every term of it, and its Eisenhower quadrant."""

    id: int
    title: str
    responsibility: str | None
    due: dt.date | None
    hours: float
    importance: int
    status: str
    urgency: float
    urgency_terms: list[Term]  # empty until explained (see WorkloadService.explain)
    quadrant: str
    time_pressure: float
    entered: dt.date | None = None
    blocking: bool = False
    blocked: bool = False
    estimated: bool = True  # False: no estimate and no hours left given, so `hours` (0) says nothing


@dataclass
class RatedTask:
    """A task as the task audit shows it: how the person feels about it and their skill (None: not rated)."""

    id: int
    title: str
    status: str
    enjoyment: str | None
    skill: int | None
