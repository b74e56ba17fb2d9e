"""The workload's views: each page's data, built once here from the service.

The page renders it, its `/api` twin returns it as JSON, and a CLI `--json` prints it: the same object with the
same keys. Charts are data (onward.charts); templates draw them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from onward.charts import BarChart, ScatterChart
from onward.errors import BadInput
from onward.workload import charts
from onward.workload.analytics import DriftWeek, MistakeWeek, OverdueTemporary
from onward.workload.changes import ChangeView
from onward.workload.forecast import Forecast
from onward.workload.handoff.schedule import SPAN_WEEKS
from onward.workload.models import MISTAKE_CAUSES, RECURRENCES, STATUSES, WEEKDAYS
from onward.workload.ranking import ActiveTask
from onward.workload.schemas import (
    CapacityView,
    ColleagueView,
    JobView,
    MistakeView,
    PriorityView,
    ResponsibilityView,
    TaskView,
)
from onward.workload.service import WorkloadService
from onward.workload.urgency import QUADRANT_WORDS, QUADRANTS

TASKS_PER_DUTY = 6
CAPTURE_EXAMPLE = "Draft grant report #grants due:fri 3h !4"


# ---- the plate ----


@dataclass
class DutyBlock:
    duty: ResponsibilityView
    tasks: list[PriorityView]
    more: int


@dataclass
class JobBlock:
    job: JobView
    duties: list[DutyBlock]


@dataclass
class PlatePage:
    today: dt.date
    capture_example: str
    jobs: list[JobBlock]
    no_duty: list[PriorityView]
    open_tasks: int
    open_hours: float
    weeks: int
    weeks_over: int
    hours_over: float
    load_chart: BarChart
    has_duties: bool
    at_risk: list[AtRiskTask] = field(default_factory=list)
    unestimated: int = 0  # open tasks without an estimate: the load is at least what is shown
    recent: list[ChangeView] = field(default_factory=list)
    changed: ChangeView | None = None  # the change just made, with its Undo
    status: str | None = None  # the plate filtered to one status (handed_off, deferred, dropped, done …)
    filtered: list[TaskView] = field(default_factory=list)
    statuses: tuple[str, ...] = STATUSES
    added: TaskView | None = None
    error: str | None = None
    line: str = ""


@dataclass
class AtRiskTask:
    """A task that, as things stand, finishes after its due date (earliest due first, nothing changed)."""

    id: int
    title: str
    due: dt.date | None
    hours: float
    finish_week: dt.date | None  # the Monday of the week its last hour lands; None: it fits nowhere


def at_risk(
    workload: WorkloadService, active: list[ActiveTask], weeks: int | None = None, *, forecast: Forecast | None = None
) -> list[AtRiskTask]:
    """Return the tasks that would finish after their due date if nothing changed, soonest due first."""
    from onward.workload.dates import week_start

    standing = workload.handoffs.expected_finish(active, weeks, forecast=forecast)
    today = workload.workspace.today
    found = []
    for t, day, risk in zip(active, standing.finish_day, standing.at_risk, strict=True):
        if risk:
            finish = None if day is None else week_start(today + dt.timedelta(days=day))
            found.append(AtRiskTask(t.id, t.title, t.due, round(t.hours, 1), finish))
    return sorted(found, key=lambda a: (a.due or dt.date.max, a.id))


def _oldest_first(duties: Sequence[ResponsibilityView]) -> list[str]:
    """Return the duties' names in the order they were added (the order their colours are given in)."""
    return [d.name for d in sorted(duties, key=lambda d: d.id)]


def plate(
    workload: WorkloadService,
    *,
    added: TaskView | None = None,
    error: str | None = None,
    line: str = "",
    status: str | None = None,
    changed: int | None = None,
) -> PlatePage:
    """Return the plate: jobs → duties → their most urgent tasks, and the load of the weeks ahead.

    After the quick-capture box, `added` is the task it added, or `error` says why not beside the `line` typed.
    `status` lists the tasks of that status too (handed off, deferred, dropped stay findable); `changed` is the
    id of the change just made, shown with its Undo.
    """
    if status is not None and status not in STATUSES:
        raise BadInput(f"status must be one of {', '.join(STATUSES)}, not '{status}'")
    active = workload.planning.active_tasks()
    # One forecast over the plan's span serves the chart (its first weeks: the same, whatever the horizon) and
    # the tasks at risk.
    shown = workload.workspace.settings.forecast_weeks
    whole = workload.planning.load_forecast(max(shown, SPAN_WEEKS), tasks=active)
    forecast = replace(whole, weeks=whole.weeks[:shown])
    ranked = workload.planning.priorities(tasks=active, explain=False)
    by_duty: dict[int | None, list[PriorityView]] = {}
    duty_of = {t.id: t.responsibility_id for t in active}
    for p in ranked:
        by_duty.setdefault(duty_of[p.id], []).append(p)
    # The open tasks are already here: count them per duty instead of asking the database again.
    duties = workload.duties.list_responsibilities(open_load=False)
    counts: dict[int | None, int] = {}
    hours: dict[int | None, float] = {}
    for t in active:
        counts[t.responsibility_id] = counts.get(t.responsibility_id, 0) + 1
        hours[t.responsibility_id] = hours.get(t.responsibility_id, 0.0) + t.hours
    for d in duties:
        d.open_tasks, d.remaining_hours = counts.get(d.id, 0), round(hours.get(d.id, 0.0), 4)
    recent = workload.changes.recent()
    blocks = []
    for job in workload.duties.list_jobs():
        job_duties = [
            DutyBlock(d, by_duty.get(d.id, [])[:TASKS_PER_DUTY], max(len(by_duty.get(d.id, [])) - TASKS_PER_DUTY, 0))
            for d in duties
            if d.job_id == job.id
        ]
        if job.end_date is None or any(b.tasks for b in job_duties):
            blocks.append(JobBlock(job, job_duties))
    return PlatePage(
        today=workload.workspace.today,
        capture_example=CAPTURE_EXAMPLE,
        jobs=blocks,
        no_duty=by_duty.get(None, [])[: TASKS_PER_DUTY * 2],
        open_tasks=len(active),
        open_hours=round(sum(t.hours for t in active), 1),
        weeks=len(forecast.weeks),
        weeks_over=len(forecast.weeks_over),
        hours_over=round(sum(w.hours_over for w in forecast.weeks), 1),
        load_chart=charts.load_chart(forecast, colours=charts.duty_colours(_oldest_first(duties))),
        has_duties=bool(duties),
        at_risk=at_risk(workload, active, forecast=whole),
        unestimated=workload.tasks.count_unestimated(),
        recent=recent,
        changed=next((c for c in recent if c.id == changed), None),
        status=status,
        filtered=workload.tasks.list_tasks(statuses=(status,)) if status else [],
        added=added,
        error=error,
        line=line,
    )


# ---- one task ----


@dataclass
class TaskPage:
    task: TaskView
    priority: PriorityView | None
    duties: list[ResponsibilityView]
    statuses: tuple[str, ...] = STATUSES
    recurrences: tuple[str, ...] = RECURRENCES
    colleagues: list[ColleagueView] = field(default_factory=list)
    mistakes: list[MistakeView] = field(default_factory=list)


def task(workload: WorkloadService, task_id: int) -> TaskPage:
    """Return one task with its priority, and what its edit forms offer."""
    found = workload.tasks.get_task(task_id)
    priority = next((p for p in workload.planning.priorities() if p.id == task_id), None)
    return TaskPage(
        task=found,
        priority=priority,
        duties=workload.duties.list_responsibilities(),
        colleagues=workload.handoffs.list_colleagues(),
        mistakes=[m for m in workload.mistakes.list_mistakes() if m.task_id == task_id],
    )


# ---- load ----


@dataclass
class LoadWeek:
    start: dt.date
    hours_needed: float
    hours_available: float
    ratio: float | None  # None when work is planned in a week without any hours
    capacity_hours: float  # before meetings
    meeting_hours: float
    by_responsibility: dict[str, float]
    over: bool
    hours_over: float


@dataclass
class LoadPage:
    """The load page, `/api/workload/load` and `onward load --json` (the keys up to `beyond_horizon_hours` are
    the CLI's documented contract)."""

    today: dt.date
    weeks: list[LoadWeek]
    weeks_over: int
    overdue_hours: float
    undated_hours: float
    beyond_horizon_hours: float
    heaviest_over: float  # hours over in the heaviest week, 0 when every week fits
    capacity: CapacityView
    load_chart: BarChart
    ratio_chart: BarChart
    at_risk: list[AtRiskTask] = field(default_factory=list)  # finish after their due date, as things stand


def load(workload: WorkloadService, weeks: int | None = None) -> LoadPage:
    """Return the forecast of the next `weeks` weeks (the setting by default) with its two charts."""
    active = workload.planning.active_tasks()
    horizon = weeks if weeks is not None else workload.workspace.settings.forecast_weeks
    if not 1 <= horizon <= 104:
        raise BadInput(f"the forecast covers 1 to 104 weeks, not {horizon}")
    whole = workload.planning.load_forecast(max(horizon, SPAN_WEEKS), tasks=active)
    forecast = replace(whole, weeks=whole.weeks[:horizon])
    return LoadPage(
        today=forecast.today,
        weeks=[
            LoadWeek(
                w.start,
                w.hours_needed,
                w.hours_available,
                w.ratio,
                w.capacity_hours,
                w.meeting_hours,
                dict(w.by_responsibility),
                w.over,
                round(w.hours_over, 4),
            )
            for w in forecast.weeks
        ],
        weeks_over=len(forecast.weeks_over),
        overdue_hours=forecast.overdue_hours,
        undated_hours=forecast.undated_hours,
        beyond_horizon_hours=forecast.beyond_horizon_hours,
        heaviest_over=round(max((w.hours_over for w in forecast.weeks_over), default=0.0), 4),
        capacity=workload.planning.capacity(),
        load_chart=charts.load_chart(
            forecast, colours=charts.duty_colours(_oldest_first(workload.duties.list_responsibilities(open_load=False)))
        ),
        ratio_chart=charts.ratio_chart(forecast),
        at_risk=at_risk(workload, active, horizon, forecast=whole),
    )


# ---- priorities ----


@dataclass
class QuadrantBlock:
    name: str
    words: str
    count: int
    hours: float


@dataclass
class PrioritiesPage:
    tasks: list[PriorityView]
    total: int
    quadrant: str | None
    quadrants: list[QuadrantBlock]
    urgent_from: float
    important_from: int


def priorities(workload: WorkloadService, quadrant: str | None = None, limit: int = 50) -> PrioritiesPage:
    """Return the most urgent tasks (of one quadrant, or all), each explained, and the count per quadrant."""
    if quadrant is not None and quadrant not in QUADRANTS:
        raise BadInput(f"quadrant must be one of {', '.join(QUADRANTS)}")
    ranked = workload.planning.priorities(explain=False)
    blocks = [
        QuadrantBlock(
            q,
            QUADRANT_WORDS[q],
            sum(1 for p in ranked if p.quadrant == q),
            round(sum(p.hours for p in ranked if p.quadrant == q), 1),
        )
        for q in QUADRANTS
    ]
    matching = [p for p in ranked if quadrant is None or p.quadrant == quadrant]
    shown = matching[: max(limit, 1)]
    workload.planning.explain(shown)
    c = workload.planning.coefficients()
    return PrioritiesPage(shown, len(matching), quadrant, blocks, c.urgent_from, c.important_from)


# ---- drift ----


@dataclass
class DriftPage:
    """The drift page, `/api/workload/drift` and `onward drift --json`."""

    temporary_overdue: list[OverdueTemporary]
    weeks: list[DriftWeek]
    outside_duties: list[str]
    share_past: float | None
    share_ahead: float | None
    chart: BarChart


def drift(workload: WorkloadService, weeks: int | None = None, past_weeks: int = 12) -> DriftPage:
    """Return "temporary" duties past their end and the hours by where their duty came from, with the chart."""
    found = workload.planning.drift(weeks, past_weeks)
    return DriftPage(
        found.temporary_overdue, found.weeks, found.outside_duties, found.share_past, found.share_ahead,
        charts.drift_chart(found),
    )  # fmt: skip


# ---- mistakes ----


@dataclass
class MistakesPage:
    mistakes: list[MistakeView]
    weeks: list[MistakeWeek]
    chart: ScatterChart
    causes: tuple[str, ...]
    tasks: list[TaskView]
    duties: list[ResponsibilityView]
    today: dt.date
    logged: MistakeView | None = None


def mistakes(workload: WorkloadService, logged: int | None = None) -> MistakesPage:
    """Return the mistakes, the load of the weeks they happened in, and what the form offers."""
    logged_mistakes = workload.mistakes.list_mistakes()
    weeks = workload.mistakes.mistakes_by_week()
    return MistakesPage(
        mistakes=logged_mistakes,
        weeks=[w for w in weeks if w.mistakes or w.hours],
        chart=charts.mistakes_chart(weeks),
        causes=MISTAKE_CAUSES,
        tasks=workload.tasks.list_tasks(statuses=("open", "waiting")),
        duties=workload.duties.list_responsibilities(),
        today=workload.workspace.today,
        logged=next((m for m in logged_mistakes if m.id == logged), None),
    )


# ---- capacity and colleagues ----


@dataclass
class CapacityPage:
    capacity: CapacityView
    weekdays: tuple[str, ...]
    colleagues: list[ColleagueView]
    today: dt.date


def capacity(workload: WorkloadService) -> CapacityPage:
    """Return the hours the person has, their exceptions, and the colleagues who could take work."""
    return CapacityPage(
        workload.planning.capacity(), WEEKDAYS, workload.handoffs.list_colleagues(), workload.workspace.today
    )
