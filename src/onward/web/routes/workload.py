"""Workload pages: the plate, the load forecast, priorities, drift, mistakes, capacity, one task.

Each page function builds a dataclass (its JSON twin under /api); forms POST and redirect back (303), the
quick-capture box answers htmx with the plate fragment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from onward.errors import BadInput, OnwardError
from onward.fields import optional_date
from onward.services import Services
from onward.web.deps import get_services
from onward.web.pages import page, render
from onward.workload import charts
from onward.workload.analytics import Drift, MistakeWeek
from onward.workload.forecast import Forecast
from onward.workload.models import MISTAKE_CAUSES, RECURRENCES, STATUSES, WEEKDAYS
from onward.workload.schemas import (
    CapacityView,
    ColleagueView,
    JobView,
    MistakeView,
    PriorityView,
    ResponsibilityView,
    TaskView,
)
from onward.workload.urgency import QUADRANT_WORDS, QUADRANTS

router = APIRouter()
TASKS_PER_DUTY = 6
CAPTURE_EXAMPLE = "Draft grant report #grants due:fri 3h !4"


def _back(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def _safe_next(target: str, default: str) -> str:
    """Return `target` when it is a workload page of this app (never an outside address), else `default`."""
    return target if target.startswith("/workload") and "//" not in target else default


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
    load_chart: str
    has_duties: bool
    added: TaskView | None = None
    error: str | None = None
    line: str = ""


def plate_data(
    services: Services, *, added: TaskView | None = None, error: str | None = None, line: str = ""
) -> PlatePage:
    """Return the plate: jobs → duties → their most urgent tasks, and the load of the weeks ahead."""
    workload = services.workload
    active = workload.active_tasks()
    forecast = workload.load_forecast(tasks=active)
    ranked = workload.priorities(tasks=active, explain=False)
    by_duty: dict[int | None, list[PriorityView]] = {}
    duty_of = {t.id: t.responsibility_id for t in active}
    for p in ranked:
        by_duty.setdefault(duty_of[p.id], []).append(p)
    # The open tasks are already here: count them per duty instead of asking the database again.
    duties = workload.list_responsibilities(open_load=False)
    counts: dict[int | None, int] = {}
    hours: dict[int | None, float] = {}
    for t in active:
        counts[t.responsibility_id] = counts.get(t.responsibility_id, 0) + 1
        hours[t.responsibility_id] = hours.get(t.responsibility_id, 0.0) + t.hours
    for d in duties:
        d.open_tasks, d.remaining_hours = counts.get(d.id, 0), round(hours.get(d.id, 0.0), 4)
    blocks = []
    for job in workload.list_jobs():
        job_duties = [
            DutyBlock(d, by_duty.get(d.id, [])[:TASKS_PER_DUTY], max(len(by_duty.get(d.id, [])) - TASKS_PER_DUTY, 0))
            for d in duties
            if d.job_id == job.id
        ]
        if job.end_date is None or any(b.tasks for b in job_duties):
            blocks.append(JobBlock(job, job_duties))
    return PlatePage(
        today=services.today,
        capture_example=CAPTURE_EXAMPLE,
        jobs=blocks,
        no_duty=by_duty.get(None, [])[: TASKS_PER_DUTY * 2],
        open_tasks=len(active),
        open_hours=round(sum(t.hours for t in active), 1),
        weeks=len(forecast.weeks),
        weeks_over=len(forecast.weeks_over),
        hours_over=round(sum(w.hours_over for w in forecast.weeks), 1),
        load_chart=charts.load_chart(forecast),
        has_duties=bool(duties),
        added=added,
        error=error,
        line=line,
    )


@page(router, "/workload", "workload/plate.html")
def plate(services: Services = Depends(get_services)) -> PlatePage:
    return plate_data(services)


@router.post("/workload/capture", include_in_schema=False)
def capture(request: Request, line: str = Form(""), services: Services = Depends(get_services)) -> Response:
    """Add a task from the quick-capture line; htmx gets the refreshed plate, a plain form a redirect."""
    htmx = request.headers.get("hx-request") == "true"
    try:
        added = services.workload.capture(line)
    except OnwardError as error:
        if not htmx:
            raise
        return render(request, "workload/_plate.html", plate_data(services, error=error.message, line=line))
    if htmx:
        return render(request, "workload/_plate.html", plate_data(services, added=added))
    return _back("/workload")


@router.post("/workload/jobs", include_in_schema=False)
def job_add(
    title: str = Form(""),
    employer: str = Form(""),
    start_date: str = Form(""),
    description: str = Form(""),
    services: Services = Depends(get_services),
) -> Response:
    services.workload.add_job(
        title, employer=employer, start_date=optional_date(start_date, "start"), description=description
    )
    return _back("/workload")


@router.post("/workload/duties", include_in_schema=False)
def duty_add(
    job_id: int = Form(...),
    name: str = Form(""),
    origin: str = Form("described"),
    expected_end: str = Form(""),
    services: Services = Depends(get_services),
) -> Response:
    services.workload.add_responsibility(
        job_id, name, origin=origin, expected_end=optional_date(expected_end, "expected end")
    )
    return _back("/workload")


@router.post("/workload/tasks/{task_id}/status", include_in_schema=False)
def task_status(
    task_id: int,
    status: str = Form(...),
    handed_to: str = Form(""),
    next: str = Form("/workload"),
    services: Services = Depends(get_services),
) -> Response:
    services.workload.set_status(task_id, status, handed_to=handed_to or None)
    return _back(_safe_next(next, "/workload"))


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


@page(router, "/workload/tasks/{task_id}", "workload/task.html")
def task_page(task_id: int, services: Services = Depends(get_services)) -> TaskPage:
    workload = services.workload
    task = workload.get_task(task_id)
    priority = next((p for p in workload.priorities() if p.id == task_id), None)
    return TaskPage(
        task=task,
        priority=priority,
        duties=workload.list_responsibilities(),
        colleagues=workload.list_colleagues(),
        mistakes=[m for m in workload.list_mistakes() if m.task_id == task_id],
    )


def _float_or_none(value: str, what: str) -> float | None:
    if not value.strip():
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise BadInput(f"{what}: '{value}' is not a number") from None


@router.post("/workload/tasks/{task_id}", include_in_schema=False)
def task_edit(
    task_id: int,
    title: str = Form(...),
    responsibility_id: str = Form(""),
    due: str = Form(""),
    effort_hours: str = Form(""),
    remaining_hours: str = Form(""),
    importance: int = Form(3),
    recurrence: str = Form(""),
    notes: str = Form(""),
    services: Services = Depends(get_services),
) -> Response:
    due_date = optional_date(due, "due")
    services.workload.update_task(
        task_id,
        title=title,
        responsibility_id=int(responsibility_id) if responsibility_id else None,
        due=due_date,
        effort_hours=_float_or_none(effort_hours, "effort hours"),
        remaining_hours=_float_or_none(remaining_hours, "remaining hours"),
        importance=importance,
        recurrence=recurrence or None,
        notes=notes,
    )
    return _back(f"/workload/tasks/{task_id}")


@router.post("/workload/tasks/{task_id}/checklist", include_in_schema=False)
def task_checklist(task_id: int, items: str = Form(""), services: Services = Depends(get_services)) -> Response:
    services.workload.set_checklist(task_id, items.splitlines())
    return _back(f"/workload/tasks/{task_id}#checklist")


@router.post("/workload/tasks/{task_id}/tick/{index}", include_in_schema=False)
def task_tick(
    task_id: int, index: int, done: bool = Form(True), services: Services = Depends(get_services)
) -> Response:
    services.workload.tick(task_id, index, done)
    return _back(f"/workload/tasks/{task_id}#checklist")


@router.post("/workload/tasks/{task_id}/lock", include_in_schema=False)
def task_lock(
    task_id: int, locked: bool = Form(False), next: str = Form(""), services: Services = Depends(get_services)
) -> Response:
    services.workload.update_task(task_id, locked=locked)
    return _back(_safe_next(next, f"/workload/tasks/{task_id}"))


# ---- load ----


@dataclass
class LoadPage:
    forecast: Forecast
    load_chart: str
    ratio_chart: str
    weeks: int
    capacity: CapacityView


@page(router, "/workload/load", "workload/load.html")
def load_page(weeks: int | None = None, services: Services = Depends(get_services)) -> LoadPage:
    forecast = services.workload.load_forecast(weeks)
    return LoadPage(
        forecast=forecast,
        load_chart=charts.load_chart(forecast),
        ratio_chart=charts.ratio_chart(forecast),
        weeks=len(forecast.weeks),
        capacity=services.workload.capacity(),
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


@page(router, "/workload/priorities", "workload/priorities.html")
def priorities_page(
    quadrant: str | None = None, limit: int = 50, services: Services = Depends(get_services)
) -> PrioritiesPage:
    if quadrant is not None and quadrant not in QUADRANTS:
        raise BadInput(f"quadrant must be one of {', '.join(QUADRANTS)}")
    ranked = services.workload.priorities(explain=False)
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
    services.workload.explain(shown)
    c = services.workload.coefficients()
    return PrioritiesPage(shown, len(matching), quadrant, blocks, c.urgent_from, c.important_from)


# ---- drift ----


@dataclass
class DriftPage:
    drift: Drift
    chart: str
    share_past: float | None
    share_ahead: float | None


@page(router, "/workload/drift", "workload/drift.html")
def drift_page(services: Services = Depends(get_services)) -> DriftPage:
    drift = services.workload.drift()
    return DriftPage(drift, charts.drift_chart(drift), drift.share_past, drift.share_ahead)


# ---- mistakes ----


@dataclass
class MistakesPage:
    mistakes: list[MistakeView]
    weeks: list[MistakeWeek]
    chart: str
    causes: tuple[str, ...]
    tasks: list[TaskView]
    duties: list[ResponsibilityView]
    today: dt.date
    logged: MistakeView | None = None


@page(router, "/workload/mistakes", "workload/mistakes.html")
def mistakes_page(logged: int | None = None, services: Services = Depends(get_services)) -> MistakesPage:
    workload = services.workload
    mistakes = workload.list_mistakes()
    weeks = workload.mistakes_by_week()
    return MistakesPage(
        mistakes=mistakes,
        weeks=[w for w in weeks if w.mistakes or w.hours],
        chart=charts.mistakes_chart(weeks),
        causes=MISTAKE_CAUSES,
        tasks=workload.list_tasks(statuses=("open", "waiting")),
        duties=workload.list_responsibilities(),
        today=services.today,
        logged=next((m for m in mistakes if m.id == logged), None),
    )


@router.post("/workload/mistakes", include_in_schema=False)
def mistake_add(
    what_happened: str = Form(""),
    cause: str = Form("other"),
    task_id: str = Form(""),
    responsibility_id: str = Form(""),
    happened_on: str = Form(""),
    lesson: str = Form(""),
    services: Services = Depends(get_services),
) -> Response:
    day = optional_date(happened_on, "date")
    mistake = services.workload.log_mistake(
        what_happened,
        cause=cause,
        happened_on=day,
        task_id=int(task_id) if task_id else None,
        responsibility_id=int(responsibility_id) if responsibility_id else None,
        lesson=lesson,
    )
    return _back(f"/workload/mistakes?logged={mistake.id}")


# ---- capacity and colleagues ----


@dataclass
class CapacityPage:
    capacity: CapacityView
    weekdays: tuple[str, ...]
    colleagues: list[ColleagueView]
    today: dt.date


@page(router, "/workload/capacity", "workload/capacity.html")
def capacity_page(services: Services = Depends(get_services)) -> CapacityPage:
    workload = services.workload
    return CapacityPage(workload.capacity(), WEEKDAYS, workload.list_colleagues(), services.today)


@router.post("/workload/capacity", include_in_schema=False)
async def capacity_set(request: Request, services: Services = Depends(get_services)) -> Response:
    form = await request.form()
    days = {}
    for name in WEEKDAYS:
        value = _float_or_none(str(form.get(f"day_{name}", "")), name)
        if value is not None:
            days[name] = value
    weekly = _float_or_none(str(form.get("weekly_hours", "")), "weekly hours")
    # With every day filled in, the days are the week; the total is only used to spread when days are missing.
    await run_in_threadpool(services.workload.set_capacity, weekly_hours=None if len(days) == 7 else weekly, days=days)
    return _back("/workload/capacity")


@router.post("/workload/capacity/exceptions", include_in_schema=False)
def exception_add(
    first_day: str = Form(...),
    last_day: str = Form(""),
    hours_per_day: str = Form("0"),
    note: str = Form(""),
    services: Services = Depends(get_services),
) -> Response:
    try:
        first = dt.date.fromisoformat(first_day)
        last = dt.date.fromisoformat(last_day) if last_day else first
    except ValueError:
        raise BadInput("the first and last day must be dates (YYYY-MM-DD)") from None
    hours = _float_or_none(hours_per_day, "hours per day") or 0.0
    services.workload.add_capacity_exception(first, last, hours_per_day=hours, note=note)
    return _back("/workload/capacity")


@router.post("/workload/capacity/exceptions/{exception_id}/delete", include_in_schema=False)
def exception_delete(exception_id: int, services: Services = Depends(get_services)) -> Response:
    services.workload.delete_capacity_exception(exception_id)
    return _back("/workload/capacity")


@router.post("/workload/colleagues", include_in_schema=False)
def colleague_add(
    name: str = Form(""),
    weekly_limit_hours: str = Form("0"),
    note: str = Form(""),
    next: str = Form("/workload/capacity"),
    services: Services = Depends(get_services),
) -> Response:
    hours = _float_or_none(weekly_limit_hours, "weekly limit") or 0.0
    services.workload.add_colleague(name, weekly_limit_hours=hours, note=note)
    return _back(_safe_next(next, "/workload/capacity"))


@router.post("/workload/colleagues/{colleague_id}/delete", include_in_schema=False)
def colleague_delete(
    colleague_id: int, next: str = Form("/workload/capacity"), services: Services = Depends(get_services)
) -> Response:
    services.workload.delete_colleague(colleague_id)
    return _back(_safe_next(next, "/workload/capacity"))
