"""What the fit service hands out: plain dataclasses, the same for pages, JSON and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

NO_UPPER_TEAM_SIZE = 1000  # "at least four" has no upper end; ranges stay plain integer pairs


@dataclass
class EnvironmentView:
    """The environment the person thrives in; None or "" where they have not said."""

    focus: str | None = None  # focus | variety
    collaboration: str | None = None  # collaborative | independent | mix
    team_min: int | None = None
    team_max: int | None = None
    work_mode: str | None = None  # remote | hybrid | on-site
    sector: str = ""
    mission: str = ""
    hours_per_week: float | None = None
    notes: str = ""
    saved: bool = False

    @property
    def team_size(self) -> tuple[int, int] | None:
        """Return (smallest, largest) team wanted; an unsaid end becomes 1 or NO_UPPER_TEAM_SIZE."""
        if self.team_min is None and self.team_max is None:
            return None
        low = self.team_min if self.team_min is not None else 1
        return (low, self.team_max if self.team_max is not None else NO_UPPER_TEAM_SIZE)


@dataclass
class TaskRating:
    id: int
    title: str
    status: str
    enjoyment: str | None
    skill: int | None


@dataclass
class AuditDuty:
    """A duty as the task audit shows it: its rating, and its tasks for rating one by one."""

    id: int
    name: str
    description: str
    enjoyment: str | None
    skill: int | None
    energy: int | None
    in_core: bool
    tasks: list[TaskRating] = field(default_factory=list)


@dataclass
class AuditJob:
    id: int
    title: str
    employer: str
    start_date: dt.date | None
    end_date: dt.date | None
    duties: list[AuditDuty] = field(default_factory=list)

    @property
    def past(self) -> bool:
        return self.end_date is not None


@dataclass
class QuadrantPoint:
    """A rated duty on the enjoyment × skill chart; `core` marks the loved-and-good corner."""

    duty_id: int
    name: str
    job_title: str
    enjoyment: str
    skill: int
    energy: int | None
    core: bool


@dataclass
class Audit:
    jobs: list[AuditJob]
    points: list[QuadrantPoint]
    rated: int
    unrated: int


@dataclass
class RoleProfileView:
    """The ideal role: the statement in force, the generated one, and the structured fields behind them."""

    statement: str
    generated: str
    edited: bool
    generated_differs: bool  # the person edited it, and Onward would now write something else
    label: str
    core: list[str]  # loved and good at: the centre of the role
    growing: list[str]  # loved, skill still growing
    also: list[str]  # liked and skilled
    fewer: list[str]  # could do without
    environment: EnvironmentView
    rated: int
    unrated: int


@dataclass
class EventView:
    stage: str
    date: dt.date
    note: str


@dataclass
class ApplicationView:
    id: int
    employer: str
    role_title: str
    link: str
    stage: str
    applied_on: dt.date | None
    stage_since: dt.date | None
    last_follow_up: dt.date | None
    next_step: str
    next_step_on: dt.date | None
    people_met: list[str]
    notes: str
    days_since_applying: int | None
    next_stages: list[str]
    has_offer: bool
    history: list[EventView] = field(default_factory=list)


@dataclass
class Reminder:
    """A gentle suggestion about one application: a follow-up, a next step coming up, or letting go."""

    application_id: int
    employer: str
    role_title: str
    kind: str  # follow_up | let_go | next_step
    days: int
    message: str


@dataclass
class OfferView:
    id: int
    application_id: int
    employer: str
    role_title: str
    salary: float | None
    currency: str
    hours_per_week: float | None
    work_mode: str | None
    team_size: int | None
    main_duties: str
    start_date: dt.date | None
    deadline: dt.date | None
    notes: str


@dataclass
class EnvironmentCheck:
    """One environment wish against one offer: match, differs, or unknown (not said on one side)."""

    field: str
    status: str
    text: str


@dataclass
class OfferFit:
    offer: OfferView
    loved_present: list[str]
    also_present: list[str]
    without_present: list[str]
    loved_total: int
    checks: list[EnvironmentCheck]
    hours_difference: float | None  # offer minus wanted
    points: int
    summary: str
    closest: bool = False


@dataclass
class OfferComparison:
    statement: str
    offers: list[OfferFit]
