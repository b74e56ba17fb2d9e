"""How far a background import is (onward.web.imports): the fragment its page polls, and its JSON twin."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from onward.errors import NotFound
from onward.services import Services
from onward.web.deps import get_services
from onward.web.imports import ImportRun, run_of
from onward.web.pages import render, to_jsonable

router = APIRouter()


def _run(services: Services, kind: str) -> ImportRun:
    run = run_of(services, kind)
    if run is None:
        raise NotFound(f"no import of {kind} was started here")
    return run


@router.get("/api/imports/{kind}", summary="How far the last import of a kind is, and its outcome once done")
def import_progress(kind: str, services: Services = Depends(get_services)) -> Any:
    """kind: tasks, calendar, postings, contacts, workspace or journal. `state` is a step of the import, then
    "ready" (with `result`) or "failed" (with `error`: nothing was changed)."""
    run = _run(services, kind)
    return {**to_jsonable(run), "running": run.running}


@router.get("/imports/{kind}/status", include_in_schema=False)
def import_status_fragment(kind: str, request: Request, services: Services = Depends(get_services)) -> Response:
    """The progress bar a page polls; once the import is over, the page reloads to show its outcome."""
    run = _run(services, kind)
    response = render(request, "_import_progress.html", run, run=run)
    if not run.running:
        response.headers["HX-Refresh"] = "true"
    return response
