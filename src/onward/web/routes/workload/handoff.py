"""The hand-off page: the plan that makes every week fit, each suggestion with its reason, and locking tasks.

Found by the app like every routes module; it has no menu entry of its own (the Workload pages link to it).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse, Response

from onward.services import Services
from onward.web.deps import get_services
from onward.web.pages import page
from onward.workload.handoff import view

router = APIRouter()


@page(router, "/workload/handoff", "workload/handoff.html")
def handoff_page(
    weeks: int | None = None, changed: int | None = None, services: Services = Depends(get_services)
) -> view.HandoffPage:
    plan = view.handoff(services.workload, weeks)
    plan.changed = next((c for c in services.workload.changes.recent() if c.id == changed), None)
    return plan


def _to_plan(weeks: int | None, change_id: int) -> RedirectResponse:
    suffix = f"weeks={weeks}&" if weeks else ""
    return RedirectResponse(f"/workload/handoff?{suffix}changed={change_id}", status_code=303)


@router.post("/workload/handoff/apply", include_in_schema=False)
def apply(
    task_id: int = Form(...),
    weeks: int | None = Form(None),
    services: Services = Depends(get_services),
) -> Response:
    """Carry out one line of the plan (a whole or partial hand-off, a deferral, a drop): the plan decides what."""
    change = services.workload.handoffs.apply_plan(weeks, only=[task_id])
    return _to_plan(weeks, change.id)


@router.post("/workload/handoff/apply-all", include_in_schema=False)
def apply_all(
    only: list[int] = Form([]), weeks: int | None = Form(None), services: Services = Depends(get_services)
) -> Response:
    """Carry out the lines the person ticked (all of them by default), in one change with one Undo."""
    change = services.workload.handoffs.apply_plan(weeks, only=list(only) or None)
    return _to_plan(weeks, change.id)
