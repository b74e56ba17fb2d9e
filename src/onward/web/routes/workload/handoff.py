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
def handoff_page(weeks: int | None = None, services: Services = Depends(get_services)) -> view.HandoffPage:
    return view.handoff(services.workload, weeks)


@router.post("/workload/handoff/apply", include_in_schema=False)
def apply(
    task_id: int = Form(...),
    action: str = Form(...),
    colleague: str = Form(""),
    weeks: int | None = Form(None),
    services: Services = Depends(get_services),
) -> Response:
    services.workload.handoffs.apply_handoff(task_id, action, colleague or None)
    suffix = f"?weeks={weeks}" if weeks else ""
    return RedirectResponse(f"/workload/handoff{suffix}", status_code=303)
