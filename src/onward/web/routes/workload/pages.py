"""Workload pages: the plate, the load forecast, priorities, drift, mistakes, capacity, one task.

Each page function builds a dataclass (its JSON twin under /api); forms POST and redirect back (303), the
quick-capture box answers htmx with the plate fragment.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from onward.errors import BadInput, OnwardError
from onward.fields import Reading, optional_date, optional_hours, optional_int, required_date
from onward.services import Services
from onward.web.deps import get_services
from onward.web.forms import form_again, typed_in
from onward.web.pages import page, render
from onward.workload import views
from onward.workload.changes import CONFIRM_DROP_FROM
from onward.workload.models import WEEKDAYS

router = APIRouter()


def _back(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def _safe_next(target: str, default: str) -> str:
    """Return `target` when it is a workload page of this app (never an outside address), else `default`."""
    return target if target.startswith("/workload") and "//" not in target else default


# ---- the plate ----


@page(router, "/workload", "workload/plate.html")
def plate(
    status: str | None = None,
    changed: int | None = None,
    upto: int = 0,
    services: Services = Depends(get_services),
) -> views.PlatePage:
    return views.plate(services.workload, status=status or None, changed=changed, upto=upto)


@page(router, "/workload/more", "workload/_plate_more.html")
def plate_more(
    screen: int = 1, status: str | None = None, services: Services = Depends(get_services)
) -> views.PlatePage:
    """One more screen of the plate (htmx "Show more"), or of the tasks of `status`."""
    return views.plate_more(services.workload, screen, status or None)


def _with_change(path: str, change_id: int) -> str:
    """Return `path` asking it to show the change just made, with its Undo."""
    return f"{path}{'&' if '?' in path else '?'}changed={change_id}"


@router.post("/workload/undo", include_in_schema=False)
def undo(
    change_id: int = Form(...), next: str = Form("/workload"), services: Services = Depends(get_services)
) -> Response:
    services.workload.changes.undo(change_id)
    return _back(_safe_next(next, "/workload").split("?changed=")[0].split("&changed=")[0])


@router.post("/workload/capture", include_in_schema=False)
def capture(request: Request, line: str = Form(""), services: Services = Depends(get_services)) -> Response:
    """Add a task from the quick-capture line; htmx gets the refreshed plate, a plain form a redirect. A line
    that cannot be read comes back as typed with the message above it: the plate fragment for htmx, the whole
    plate page (400) without JavaScript."""
    htmx = request.headers.get("hx-request") == "true"
    try:
        added = services.workload.tasks.capture(line)
    except OnwardError as error:
        again = views.plate(services.workload, error=error.message, line=line)
        if not htmx:
            return render(request, "workload/plate.html", again, status_code=400)
        return render(request, "workload/_plate.html", again)
    if htmx:
        return render(request, "workload/_plate.html", views.plate(services.workload, added=added))
    return _back("/workload")


JOB_LABELS = {"title": "Job title", "employer": "Employer", "start_date": "start", "description": "Job description"}
DUTY_LABELS = {"name": "Duty name", "expected_end": "expected end"}


def _plate_again(
    request: Request, services: Services, form: str, values: dict[str, str], error: BadInput, labels: dict[str, str]
) -> Response:
    """Return the plate again with what was typed into `form` and the message beside its field."""
    data = views.plate(services.workload)
    return form_again(request, "workload/plate.html", data, form=form, values=values, error=error, labels=labels)


@router.post("/workload/jobs", include_in_schema=False)
def job_add(
    request: Request,
    title: str = Form(""),
    employer: str = Form(""),
    start_date: str = Form(""),
    description: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        services.workload.duties.add_job(
            title, employer=employer, start_date=optional_date(start_date, "start"), description=description
        )
    except BadInput as error:
        return _plate_again(request, services, "job", typed, error, JOB_LABELS)
    return _back("/workload")


@router.post("/workload/duties", include_in_schema=False)
def duty_add(
    request: Request,
    job_id: int = Form(...),
    name: str = Form(""),
    origin: str = Form("described"),
    expected_end: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        services.workload.duties.add_responsibility(
            job_id, name, origin=origin, expected_end=optional_date(expected_end, "expected end")
        )
    except BadInput as error:
        return _plate_again(request, services, f"duty-{job_id}", typed, error, DUTY_LABELS)
    return _back("/workload")


@router.post("/workload/tasks/{task_id}/status", include_in_schema=False)
def task_status(
    request: Request,
    task_id: int,
    status: str = Form(...),
    handed_to: str = Form(""),
    next: str = Form("/workload"),
    confirm: str = Form(""),
    services: Services = Depends(get_services),
) -> Response:
    task = services.workload.tasks.get_task(task_id)
    back = _safe_next(next, "/workload")
    if status == "dropped" and task.importance >= CONFIRM_DROP_FROM and confirm != "yes":
        # Work that matters is never dropped by one click: say what it is and ask.
        return render(request, "workload/confirm_drop.html", {"task": task, "next": back})
    change = services.workload.changes.set_status(task_id, status, handed_to=handed_to or None, confirm=True)
    return _back(_with_change(back, change.id))


# ---- one task ----


@page(router, "/workload/tasks/{task_id}", "workload/task.html")
def task_page(task_id: int, services: Services = Depends(get_services)) -> views.TaskPage:
    return views.task(services.workload, task_id)


TASK_LABELS = {
    "title": "title",
    "due": "due",
    "effort_hours": "effort hours",
    "remaining_hours": "remaining hours",
    "responsibility_id": "responsibility",
    "importance": "importance",
    "recurrence": "recurrence",
}


@router.post("/workload/tasks/{task_id}", include_in_schema=False)
def task_edit(
    request: Request,
    task_id: int,
    title: str = Form(""),  # an empty title comes back beside its field (the tasks refuse it), not as a bare 400
    responsibility_id: str = Form(""),
    due: str = Form(""),
    effort_hours: str = Form(""),
    remaining_hours: str = Form(""),
    importance: str = Form("3"),
    recurrence: str = Form(""),
    notes: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    labels = TASK_LABELS
    read = Reading()
    duty = read.read(optional_int, responsibility_id, "responsibility_id", labels["responsibility_id"])
    due_date = read.read(optional_date, due, "due", labels["due"])
    effort = read.read(optional_hours, effort_hours, "effort_hours", labels["effort_hours"])
    remaining = read.read(optional_hours, remaining_hours, "remaining_hours", labels["remaining_hours"])
    rank = read.read(optional_int, importance, "importance", labels["importance"])
    try:
        read.done()
        services.workload.tasks.update_task(
            task_id,
            title=title,
            responsibility_id=duty,
            due=due_date,
            effort_hours=effort,
            remaining_hours=remaining,
            importance=3 if rank is None else rank,
            recurrence=recurrence or None,
            notes=notes,
        )
    except BadInput as error:
        data = views.task(services.workload, task_id)
        return form_again(request, "workload/task.html", data, form="details", values=typed, error=error, labels=labels)
    return _back(f"/workload/tasks/{task_id}")


@router.post("/workload/tasks/{task_id}/checklist", include_in_schema=False)
def task_checklist(task_id: int, items: str = Form(""), services: Services = Depends(get_services)) -> Response:
    services.workload.tasks.set_checklist(task_id, items.splitlines())
    return _back(f"/workload/tasks/{task_id}#checklist")


@router.post("/workload/tasks/{task_id}/tick/{index}", include_in_schema=False)
def task_tick(
    task_id: int, index: int, done: bool = Form(True), services: Services = Depends(get_services)
) -> Response:
    services.workload.tasks.tick(task_id, index, done)
    return _back(f"/workload/tasks/{task_id}#checklist")


@router.post("/workload/tasks/{task_id}/lock", include_in_schema=False)
def task_lock(
    task_id: int, locked: bool = Form(False), next: str = Form(""), services: Services = Depends(get_services)
) -> Response:
    services.workload.tasks.update_task(task_id, locked=locked)
    return _back(_safe_next(next, f"/workload/tasks/{task_id}"))


# ---- load ----


@page(router, "/workload/load", "workload/load.html")
def load_page(weeks: int | None = None, services: Services = Depends(get_services)) -> views.LoadPage:
    return views.load(services.workload, weeks)


# ---- priorities ----


@page(router, "/workload/priorities", "workload/priorities.html")
def priorities_page(
    quadrant: str | None = None, limit: int = 50, services: Services = Depends(get_services)
) -> views.PrioritiesPage:
    return views.priorities(services.workload, quadrant, limit)


# ---- drift ----


@page(router, "/workload/drift", "workload/drift.html")
def drift_page(services: Services = Depends(get_services)) -> views.DriftPage:
    return views.drift(services.workload)


# ---- mistakes ----


@page(router, "/workload/mistakes", "workload/mistakes.html")
def mistakes_page(logged: int | None = None, services: Services = Depends(get_services)) -> views.MistakesPage:
    return views.mistakes(services.workload, logged)


MISTAKE_LABELS = {"what_happened": "What happened", "cause": "cause", "happened_on": "date", "task_id": "task"}


@router.post("/workload/mistakes", include_in_schema=False)
def mistake_add(
    request: Request,
    what_happened: str = Form(""),
    cause: str = Form("other"),
    task_id: str = Form(""),
    responsibility_id: str = Form(""),
    happened_on: str = Form(""),
    lesson: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    read = Reading()
    day = read.read(optional_date, happened_on, "happened_on", MISTAKE_LABELS["happened_on"])
    task = read.read(optional_int, task_id, "task_id", "task")
    duty = read.read(optional_int, responsibility_id, "responsibility_id", "duty")
    try:
        read.done()
        mistake = services.workload.mistakes.log_mistake(
            what_happened, cause=cause, happened_on=day, task_id=task, responsibility_id=duty, lesson=lesson
        )
    except BadInput as error:
        data = views.mistakes(services.workload, None)
        return form_again(
            request, "workload/mistakes.html", data, form="mistake", values=typed, error=error, labels=MISTAKE_LABELS
        )
    return _back(f"/workload/mistakes?logged={mistake.id}")


# ---- capacity and colleagues ----


@page(router, "/workload/capacity", "workload/capacity.html")
def capacity_page(services: Services = Depends(get_services)) -> views.CapacityPage:
    return views.capacity(services.workload)


def _capacity_again(
    request: Request, services: Services, form: str, values: dict[str, str], error: BadInput, labels: dict[str, str]
) -> Response:
    """Return the capacity page again with what was typed into `form` and the message beside its field."""
    data = views.capacity(services.workload)
    return form_again(request, "workload/capacity.html", data, form=form, values=values, error=error, labels=labels)


HOURS_LABELS = {"weekly_hours": "weekly hours", **{f"day_{day}": day for day in WEEKDAYS}}


@router.post("/workload/capacity", include_in_schema=False)
async def capacity_set(request: Request, services: Services = Depends(get_services)) -> Response:
    form = await request.form()
    typed = {name: str(form.get(name, "")) for name in HOURS_LABELS}
    read = Reading()
    days = {}
    for name in WEEKDAYS:
        value = read.read(optional_hours, typed[f"day_{name}"], f"day_{name}", name)
        if value is not None:
            days[name] = value
    weekly = read.read(optional_hours, typed["weekly_hours"], "weekly_hours", "weekly hours")
    try:
        read.done()
        # With every day filled in, the days are the week; the total is only used to spread when days are missing.
        await run_in_threadpool(
            services.workload.planning.set_capacity, weekly_hours=None if len(days) == 7 else weekly, days=days
        )
    except BadInput as error:
        return await run_in_threadpool(_capacity_again, request, services, "hours", typed, error, HOURS_LABELS)
    return _back("/workload/capacity")


EXCEPTION_LABELS = {"first_day": "first day", "last_day": "last day", "hours_per_day": "hours per day"}


@router.post("/workload/capacity/exceptions", include_in_schema=False)
def exception_add(
    request: Request,
    first_day: str = Form(""),
    last_day: str = Form(""),
    hours_per_day: str = Form("0"),
    note: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    labels = EXCEPTION_LABELS
    try:
        first = required_date(first_day, labels["first_day"])
        last = optional_date(last_day, labels["last_day"]) or first
        hours = optional_hours(hours_per_day, labels["hours_per_day"]) or 0.0
        services.workload.planning.add_capacity_exception(first, last, hours_per_day=hours, note=note)
    except BadInput as error:
        return _capacity_again(request, services, "exception", typed, error, labels)
    return _back("/workload/capacity")


@router.post("/workload/capacity/exceptions/{exception_id}/delete", include_in_schema=False)
def exception_delete(exception_id: int, services: Services = Depends(get_services)) -> Response:
    services.workload.planning.delete_capacity_exception(exception_id)
    return _back("/workload/capacity")


COLLEAGUE_LABELS = {"name": "a colleague", "weekly_limit_hours": "weekly limit"}


@router.post("/workload/colleagues", include_in_schema=False)
def colleague_add(
    request: Request,
    name: str = Form(""),
    weekly_limit_hours: str = Form("0"),
    note: str = Form(""),
    next: str = Form("/workload/capacity"),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        hours = optional_hours(weekly_limit_hours, COLLEAGUE_LABELS["weekly_limit_hours"]) or 0.0
        services.workload.handoffs.add_colleague(name, weekly_limit_hours=hours, note=note)
    except BadInput as error:
        return _capacity_again(request, services, "colleague", typed, error, COLLEAGUE_LABELS)
    return _back(_safe_next(next, "/workload/capacity"))


@router.post("/workload/colleagues/{colleague_id}/delete", include_in_schema=False)
def colleague_delete(
    colleague_id: int, next: str = Form("/workload/capacity"), services: Services = Depends(get_services)
) -> Response:
    services.workload.handoffs.delete_colleague(colleague_id)
    return _back(_safe_next(next, "/workload/capacity"))
