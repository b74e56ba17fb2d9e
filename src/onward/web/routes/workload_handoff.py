"""The hand-off page: the plan that makes every week fit, each suggestion with its reason, and locking tasks.

Found by the app like every routes module; it has no menu entry of its own (the Workload pages link to it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse, Response

from onward.charts import Series, stacked_bars
from onward.services import Services
from onward.web.deps import get_services
from onward.web.pages import page
from onward.workload.charts import week_label

router = APIRouter()
WEB_TIME_LIMIT_S = 5.0


@dataclass
class Suggestion:
    id: int
    title: str
    hours: float
    action: str  # hand_off | defer | drop
    colleague: str | None
    reason: str
    cost: float


@dataclass
class LockedTask:
    id: int
    title: str
    hours: float


@dataclass
class ShortWeek:
    start: dt.date
    hours: float


@dataclass
class HandoffPage:
    weeks: int
    feasible: bool
    needs_plan: bool
    objective: float
    greedy_objective: float
    optimal: bool
    seconds: float
    suggestions: list[Suggestion]
    locked: list[LockedTask]
    short_weeks: list[ShortWeek]
    colleagues: list[str]
    hours_off: float
    chart: str


@page(router, "/workload/handoff", "workload/handoff.html")
def handoff_page(weeks: int | None = None, services: Services = Depends(get_services)) -> HandoffPage:
    result = services.workload.handoff_plan(weeks, time_limit_s=WEB_TIME_LIMIT_S)
    plan, forecast = result.plan, result.forecast
    removed = [d for d in plan.decisions if d.action != "keep"]
    order = {"hand_off": 0, "defer": 1, "drop": 2}
    suggestions = [
        Suggestion(d.id, d.title, round(sum(d.hours_by_week), 1), d.action, d.colleague, d.reason, round(d.cost, 1))
        for d in sorted(removed, key=lambda d: (order[d.action], d.colleague or "", -sum(d.hours_by_week)))
    ]
    locked = [LockedTask(d.id, d.title, round(sum(d.hours_by_week), 1)) for d in plan.decisions if d.locked]
    labels = [week_label(w.start) for w in forecast.weeks]
    taken = [max(b - a, 0.0) for b, a in zip(plan.load_before_by_week, plan.load_after_by_week, strict=True)]
    chart = stacked_bars(
        labels,
        [Series("Stays on my plate", list(plan.load_after_by_week)), Series("Comes off with the plan", taken)],
        line=Series("Hours available", list(plan.capacity_by_week)),
        title="Each week before and after the plan",
        y_label="hours",
    )
    return HandoffPage(
        weeks=len(forecast.weeks),
        feasible=plan.feasible,
        needs_plan=bool(removed) or not plan.feasible,
        objective=round(plan.objective, 1),
        greedy_objective=round(result.greedy.objective, 1),
        optimal=plan.optimal,
        seconds=round(plan.seconds, 3),
        suggestions=suggestions,
        locked=locked,
        short_weeks=[
            ShortWeek(w.start, round(s, 1))
            for w, s in zip(forecast.weeks, plan.shortfall_by_week, strict=True)
            if s > 0
        ],
        colleagues=[c.name for c in services.workload.list_colleagues()],
        hours_off=round(sum(s.hours for s in suggestions), 1),
        chart=chart,
    )


@router.post("/workload/handoff/apply", include_in_schema=False)
def apply(
    task_id: int = Form(...),
    action: str = Form(...),
    colleague: str = Form(""),
    weeks: int | None = Form(None),
    services: Services = Depends(get_services),
) -> Response:
    services.workload.apply_handoff(task_id, action, colleague or None)
    suffix = f"?weeks={weeks}" if weeks else ""
    return RedirectResponse(f"/workload/handoff{suffix}", status_code=303)
