"""The workload's views: each page's data, built once here from the service.

The page renders it, its `/api` twin returns it as JSON, and a CLI `--json` prints it: the same object with the
same keys. Charts are data (onward.charts); templates draw them.
"""

from __future__ import annotations

import datetime as dt
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

# The first screen of the plate shows about this many tasks (more than a screen holds); "Show more" brings the
# next screens on demand.
TASKS_PER_SCREEN = 30


@dataclass
class DutyBlock:
    duty: ResponsibilityView
    tasks: list[PriorityView]
    more: int
    screen: int = 0  # which screen of the plate shows it (0: the first)


@dataclass
class JobBlock:
    job: JobView
    duties: list[DutyBlock]
    screen: int = 0  # the screen its first duty is on
    last_screen: int = 0  # the screen its last duty (and its "Add a duty" form) is on


@dataclass
class PlatePage:
    """The plate, `/api/workload`: every job and duty block (each with the screen it is on), every task of the
    status asked for. The page draws screens `from_screen` to `to_screen` of them; "Show more" asks for the
    next (`/workload/more?screen=…`)."""

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
    screens: int = 1  # screens of job and duty blocks
    no_duty_screen: int = 0  # the screen "Not under a duty yet" is on (the last)
    no_duty_more: int = 0  # open tasks under no duty left out of that block (less urgent than those shown)
    filtered_screens: int = 0  # screens of the tasks of `status`
    tasks_per_screen: int = TASKS_PER_SCREEN
    from_screen: int = 0
    to_screen: int = 0
    part: str = "plate"  # what "Show more" brings: more of the plate, or of the tasks of `status` ("filtered")


@dataclass
class AtRiskTask:
    """A task that, as things stand, finishes after its due date (earliest due first, nothing changed)."""

    id: int
    title: str
    due: dt.date | None
    hours: float
    finish_week: dt.date | None  # the Monday of the week its last hour lands; None: it fits nowhere
    recurrence: str | None = None  # a recurring task: some time it comes round does not fit before it is due
    finish_day: dt.date | None = None  # the day its last hour lands (its week can hold the due date too)

    def when(self) -> str:
        """Return its due date and when it would be done, in words (the plate, the load page and `onward load`)."""
        due = f"due {self.due.isoformat() if self.due else '—'}"
        if self.recurrence:  # due each time it comes round: it never "finishes" in one far week
            return f"{due}, then {self.recurrence}: not every time it comes round fits before it is due"
        if self.finish_day:
            return f"{due}, would be done on {self.finish_day.isoformat()}"
        return f"{due}, does not fit in the weeks ahead"


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
            done = None if day is None else today + dt.timedelta(days=day)
            finish = None if done is None else week_start(done)
            every = t.recurrence if t.due else None
            found.append(AtRiskTask(t.id, t.title, t.due, round(t.hours, 1), finish, every, done))
    return sorted(found, key=lambda a: (a.due or dt.date.max, a.id))


# The pieces several pages share, each built once per state of the workload (onward.workload.cache).


def _active(workload: WorkloadService) -> list[ActiveTask]:
    return workload.cache.get("active", (), workload.planning.active_tasks)


def _forecast(workload: WorkloadService, weeks: int) -> Forecast:
    """The forecast over `weeks` and the plan's span at least (its first weeks are the same whatever the span)."""
    span = max(weeks, SPAN_WEEKS)
    return workload.cache.get(
        "forecast", (span,), lambda: workload.planning.load_forecast(span, tasks=_active(workload))
    )


def _ranked(workload: WorkloadService) -> list[PriorityView]:
    """Every open task ranked, unexplained (copy a view before `explain` fills its terms in)."""
    return workload.cache.get(
        "ranked", (), lambda: workload.planning.priorities(tasks=_active(workload), explain=False)
    )


def _at_risk(workload: WorkloadService, weeks: int | None) -> list[AtRiskTask]:
    span = max(weeks or workload.workspace.settings.forecast_weeks, SPAN_WEEKS)
    return workload.cache.get(
        "at_risk", (weeks,), lambda: at_risk(workload, _active(workload), weeks, forecast=_forecast(workload, span))
    )


def plate(
    workload: WorkloadService,
    *,
    added: TaskView | None = None,
    error: str | None = None,
    line: str = "",
    status: str | None = None,
    changed: int | None = None,
    upto: int = 0,
) -> PlatePage:
    """Return the plate: jobs → duties → their most urgent tasks, and the load of the weeks ahead.

    After the quick-capture box, `added` is the task it added, or `error` says why not beside the `line` typed.
    `status` lists the tasks of that status too (handed off, deferred, dropped stay findable); `changed` is the
    id of the change just made, shown with its Undo. The page shows screens 0 to `upto` of it.
    """
    if status is not None and status not in STATUSES:
        raise BadInput(f"status must be one of {', '.join(STATUSES)}, not '{status}'")
    if upto < 0:
        raise BadInput(f"the plate's screens count from 0, not {upto}")
    core = workload.cache.get("plate", (), lambda: _plate(workload))
    filtered = _filtered(workload, status)
    return replace(
        core,
        changed=next((c for c in core.recent if c.id == changed), None),
        status=status,
        filtered=filtered,
        filtered_screens=-(-len(filtered) // TASKS_PER_SCREEN),
        added=added,
        error=error,
        line=line,
        to_screen=upto,
    )


def plate_more(workload: WorkloadService, screen: int, status: str | None = None) -> PlatePage:
    """Return the plate with one more screen to show: of the job and duty blocks, or with `status`, of its tasks."""
    if screen < 0:
        raise BadInput(f"the plate's screens count from 0, not {screen}")
    found = plate(workload, status=status)
    return replace(found, from_screen=screen, to_screen=screen, part="filtered" if status else "plate")


def _filtered(workload: WorkloadService, status: str | None) -> list[TaskView]:
    if status is None:
        return []
    return workload.cache.get("filtered", (status,), lambda: workload.tasks.list_tasks(statuses=(status,)))


def _plate(workload: WorkloadService) -> PlatePage:
    """The plate as the data has it, before anything a request adds (what was just added, changed, filtered)."""
    active = _active(workload)
    # One forecast over the plan's span serves the chart (its first weeks: the same, whatever the horizon) and
    # the tasks at risk.
    shown = workload.workspace.settings.forecast_weeks
    forecast = replace(_forecast(workload, shown), weeks=_forecast(workload, shown).weeks[:shown])
    by_duty: dict[int | None, list[PriorityView]] = {}
    duty_of = {t.id: t.responsibility_id for t in active}
    for p in _ranked(workload):
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
    blocks = []
    for job in workload.duties.list_jobs():
        job_duties = [
            DutyBlock(d, by_duty.get(d.id, [])[:TASKS_PER_DUTY], max(len(by_duty.get(d.id, [])) - TASKS_PER_DUTY, 0))
            for d in duties
            if d.job_id == job.id
        ]
        if job.end_date is None or any(b.tasks for b in job_duties):
            blocks.append(JobBlock(job, job_duties))
    unplaced = by_duty.get(None, [])
    no_duty = unplaced[: TASKS_PER_DUTY * 2]
    screens, no_duty_screen = _cut_into_screens(blocks, len(no_duty))
    return PlatePage(
        today=workload.workspace.today,
        capture_example=CAPTURE_EXAMPLE,
        jobs=blocks,
        no_duty=no_duty,
        open_tasks=len(active),
        open_hours=round(sum(t.hours for t in active), 1),
        weeks=len(forecast.weeks),
        weeks_over=len(forecast.weeks_over),
        hours_over=round(sum(w.hours_over for w in forecast.weeks), 1),
        load_chart=charts.load_chart(forecast, colours=charts.colours_of_duties(duties)),
        has_duties=bool(duties),
        at_risk=_at_risk(workload, None),
        # Counted from the rows the plate marks "no estimate", by the same rule (PriorityView.estimated).
        unestimated=sum(1 for p in _ranked(workload) if not p.estimated),
        recent=workload.changes.recent(),
        screens=screens,
        no_duty_screen=no_duty_screen,
        no_duty_more=len(unplaced) - len(no_duty),
    )


def _cut_into_screens(jobs: list[JobBlock], no_duty: int) -> tuple[int, int]:
    """Give each duty block the screen it is on (about TASKS_PER_SCREEN tasks a screen, a duty never cut in two);
    return how many screens there are and the screen of the tasks under no duty (after every job)."""
    screen, rows = 0, 0

    def place(size: int) -> int:
        nonlocal screen, rows
        if rows and rows + size > TASKS_PER_SCREEN:
            screen, rows = screen + 1, 0
        rows += size
        return screen

    for job in jobs:
        for d in job.duties:
            d.screen = place(max(len(d.tasks), 1))
        job.screen = job.duties[0].screen if job.duties else screen
        job.last_screen = screen
    no_duty_screen = place(no_duty) if no_duty else screen
    return screen + 1, no_duty_screen


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
    ranked = next((p for p in _ranked(workload) if p.id == task_id), None)
    priority = None if ranked is None else replace(ranked, urgency_terms=[])
    if priority is not None:
        workload.planning.explain([priority])
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
    horizon = weeks if weeks is not None else workload.workspace.settings.forecast_weeks
    if not 1 <= horizon <= 104:
        raise BadInput(f"the forecast covers 1 to 104 weeks, not {horizon}")
    return workload.cache.get("load", (horizon,), lambda: _load(workload, horizon))


def _load(workload: WorkloadService, horizon: int) -> LoadPage:
    whole = _forecast(workload, horizon)
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
            forecast, colours=charts.colours_of_duties(workload.duties.list_responsibilities(open_load=False))
        ),
        ratio_chart=charts.ratio_chart(forecast),
        at_risk=_at_risk(workload, horizon),
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
    return workload.cache.get("priorities", (quadrant, limit), lambda: _priorities(workload, quadrant, limit))


def _priorities(workload: WorkloadService, quadrant: str | None, limit: int) -> PrioritiesPage:
    ranked = _ranked(workload)
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
    # Copies: the shared ranking stays unexplained (the plate's JSON carries no terms).
    shown = [replace(p, urgency_terms=[]) for p in matching[: max(limit, 1)]]
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
    return workload.cache.get("drift", (weeks, past_weeks), lambda: _drift(workload, weeks, past_weeks))


def _drift(workload: WorkloadService, weeks: int | None, past_weeks: int) -> DriftPage:
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
