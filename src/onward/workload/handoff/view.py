"""The hand-off view: the plan, built once for the hand-off page, its `/api` twin and `onward handoff --json`.

The keys up to `greedy_objective` are the CLI's documented contract (docs/handoff.md): the plan's numbers and a
row per open task. The rest is what the page shows: the suggestions in the order it lists them, what is locked,
the weeks no plan can fix, and the chart (as data).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from onward.charts import BarChart, Series
from onward.workload.charts import week_label
from onward.workload.service import WorkloadService

# The page answers within a few seconds; the CLI may let the solver run longer (--time-limit).
PAGE_TIME_LIMIT_S = 5.0
SUGGESTION_ORDER = {"hand_off": 0, "defer": 1, "drop": 2}


@dataclass
class PlanTask:
    """One open task in the plan: `cost` is what its action costs (0 when kept), `removal_cost` the full cost."""

    id: int
    title: str
    hours_by_week: list[float]
    cost: float
    removal_cost: float
    locked: bool
    action: str  # keep | hand_off | defer | drop
    colleague: str | None
    reason: str


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
    weeks: list[dt.date]  # the Monday of each week planned
    feasible: bool
    objective: float
    optimal: bool
    mip_gap: float | None
    method: str
    seconds: float
    capacity_by_week: list[float]
    load_before_by_week: list[float]
    load_after_by_week: list[float]
    shortfall_by_week: list[float]
    tasks: list[PlanTask]
    greedy_objective: float
    needs_plan: bool
    suggestions: list[Suggestion]
    locked: list[LockedTask]
    short_weeks: list[ShortWeek]
    colleagues: list[str]
    hours_off: float
    chart: BarChart


def handoff(
    workload: WorkloadService, weeks: int | None = None, *, time_limit_s: float = PAGE_TIME_LIMIT_S
) -> HandoffPage:
    """Return the hand-off plan for the next `weeks` weeks (the forecast setting by default)."""
    result = workload.handoffs.handoff_plan(weeks, time_limit_s=time_limit_s)
    plan, forecast = result.plan, result.forecast
    removed = [d for d in plan.decisions if d.action != "keep"]
    suggestions = [
        Suggestion(d.id, d.title, round(sum(d.hours_by_week), 1), d.action, d.colleague, d.reason, round(d.cost, 1))
        for d in sorted(
            removed, key=lambda d: (SUGGESTION_ORDER[d.action], d.colleague or "", -sum(d.hours_by_week), d.id)
        )
    ]
    taken = [max(b - a, 0.0) for b, a in zip(plan.load_before_by_week, plan.load_after_by_week, strict=True)]
    return HandoffPage(
        weeks=[w.start for w in forecast.weeks],
        feasible=plan.feasible,
        objective=round(plan.objective, 6),
        optimal=plan.optimal,
        mip_gap=plan.mip_gap,
        method=plan.method,
        seconds=round(plan.seconds, 3),
        capacity_by_week=list(plan.capacity_by_week),
        load_before_by_week=[round(x, 6) for x in plan.load_before_by_week],
        load_after_by_week=[round(x, 6) for x in plan.load_after_by_week],
        shortfall_by_week=[round(x, 6) for x in plan.shortfall_by_week],
        tasks=[
            PlanTask(
                d.id,
                d.title,
                list(d.hours_by_week),
                round(d.cost, 6),
                round(d.removal_cost, 6),
                d.locked,
                d.action,
                d.colleague,
                d.reason,
            )
            for d in plan.decisions
        ],
        greedy_objective=round(result.greedy.objective, 6),
        needs_plan=bool(removed) or not plan.feasible,
        suggestions=suggestions,
        locked=[LockedTask(d.id, d.title, round(sum(d.hours_by_week), 1)) for d in plan.decisions if d.locked],
        short_weeks=[
            ShortWeek(w.start, round(s, 1))
            for w, s in zip(forecast.weeks, plan.shortfall_by_week, strict=True)
            if s > 0
        ],
        colleagues=[c.name for c in workload.handoffs.list_colleagues()],
        hours_off=round(sum(s.hours for s in suggestions), 1),
        chart=BarChart(
            labels=[week_label(w.start) for w in forecast.weeks],
            stacks=[
                Series("Stays on my plate", list(plan.load_after_by_week)),
                Series("Comes off with the plan", taken),
            ],
            line=Series("Hours available", list(plan.capacity_by_week)),
            title="Each week before and after the plan",
            y_label="hours",
        ),
    )
