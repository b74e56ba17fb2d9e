"""Bring files in: a task file (Taskwarrior, Todoist, CSV) or a calendar, uploaded from the browser."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from onward.background import Reporter
from onward.errors import OnwardError
from onward.services import Services
from onward.web.deps import get_services
from onward.web.imports import ImportRun, run_of, start_import
from onward.web.pages import page, render, to_jsonable
from onward.web.uploads import read_upload
from onward.workload.files.service import CalendarImportResult
from onward.workload.files.task_import import READING, SAVING, TaskImportResult

router = APIRouter()
TEMPLATE = "workload/import.html"
PAGE = "/workload/import"
TASK_STEPS = {READING: "Reading the tasks", SAVING: "Comparing and saving the tasks"}
CALENDAR_STEPS = {READING: "Reading the events", SAVING: "Saving the occurrences"}


@dataclass
class ImportPage:
    """The upload page: the forms, and the outcome of the last upload when there was one."""

    meeting_hours_by_week: list[float] = field(default_factory=list)  # the next 4 weeks, from the stored calendar
    week_starts: list[dt.date] = field(default_factory=list)
    tentative_share: float = 0.5  # how much of a tentative meeting counts (a setting)
    tasks: TaskImportResult | None = None
    calendar: CalendarImportResult | None = None
    error: str | None = None
    error_about: str | None = None  # "tasks" or "calendar": which form the error belongs to
    run: ImportRun | None = None  # the upload imported last (in the background): its progress, then outcome


def _page(services: Services, **outcome: Any) -> ImportPage:
    today = services.today
    monday = today - dt.timedelta(days=today.weekday())
    run = run_of(services, "tasks", "calendar")
    if run is not None and not outcome and not run.running:
        failed = run.error is not None
        outcome = {"error": run.error, "error_about": run.kind} if failed else {run.kind: run.result}
    return ImportPage(
        meeting_hours_by_week=services.workload_imports.meeting_hours_by_week(today, 4),
        week_starts=[monday + dt.timedelta(weeks=i) for i in range(4)],
        tentative_share=services.workspace.settings.tentative_meeting_share,
        run=run,
        **outcome,
    )


async def _read(upload: UploadFile) -> tuple[bytes, str]:
    return await read_upload(upload)


@page(router, "/workload/import", TEMPLATE)
def import_page(services: Services = Depends(get_services)) -> ImportPage:
    return _page(services)


@router.post("/workload/import/tasks", include_in_schema=False)
async def upload_tasks(
    request: Request,
    file: UploadFile = File(...),
    format: str = Form(""),
    estimate_unit: str = Form("hours"),
    services: Services = Depends(get_services),
) -> Response:
    """Import a task file in the background; its page shows how far it is, then what it did."""
    imports = services.workload_imports
    try:
        data, name = await _read(file)

        def work(reporter: Reporter) -> TaskImportResult:
            return imports.import_tasks_data(data, name, format or None, estimate_unit or "hours", reporter)

        return await start_import(services, "tasks", name, work, page=PAGE, steps=TASK_STEPS)
    except OnwardError as error:
        return await _form_again(request, services, error, "tasks")


@router.post("/workload/import/calendar", include_in_schema=False)
async def upload_calendar(
    request: Request, file: UploadFile = File(...), services: Services = Depends(get_services)
) -> Response:
    """Replace the imported calendar in the background; its page shows how far it is, then what it did."""
    imports = services.workload_imports
    try:
        data, name = await _read(file)

        def work(reporter: Reporter) -> CalendarImportResult:
            return imports.import_calendar_data(data, name, reporter)

        return await start_import(services, "calendar", name, work, page=PAGE, steps=CALENDAR_STEPS)
    except OnwardError as error:
        return await _form_again(request, services, error, "calendar")


async def _form_again(request: Request, services: Services, error: OnwardError, about: str) -> Response:
    """The page again with the upload's message (a file too big, another import still under way)."""
    page_data = await run_in_threadpool(_page, services, error=error.message, error_about=about)
    return render(request, TEMPLATE, page_data, status_code=error.http_status)


@router.post("/api/workload/import/tasks", summary="Import a task file (Taskwarrior JSON, Todoist CSV or CSV)")
async def api_upload_tasks(
    file: UploadFile = File(...),
    format: str = Form(""),
    estimate_unit: str = Form("hours"),
    services: Services = Depends(get_services),
) -> Any:
    data, name = await _read(file)
    imports = services.workload_imports
    return to_jsonable(
        await run_in_threadpool(imports.import_tasks_data, data, name, format or None, estimate_unit or "hours")
    )


@router.post("/api/workload/import/calendar", summary="Replace the imported calendar with an iCalendar file")
async def api_upload_calendar(file: UploadFile = File(...), services: Services = Depends(get_services)) -> Any:
    data, name = await _read(file)
    return to_jsonable(await run_in_threadpool(services.workload_imports.import_calendar_data, data, name))
