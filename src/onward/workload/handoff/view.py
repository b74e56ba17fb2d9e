"""The plan view: schedule first, then what to change, built once for the plan page, its `/api` twin and
`onward handoff --json`.

The keys up to `greedy_objective` are the CLI's documented contract (docs/handoff.md), with per task
`scheduled_by_week`, `finish_week`, `at_risk` and `ask`. The rest is what the page shows. Reasons speak in hours,
due dates and who takes the work; enjoyment and skill ratings are private and never appear in them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from onward.charts import BarChart, Series
from onward.workload.changes import ChangeView
from onward.workload.charts import week_label
from onward.workload.handoff.cost import removal_cost
from onward.workload.handoff.reasons import reason
from onward.workload.service import WorkloadService

# The page answers within a few seconds; the CLI may let the solver run longer (--time-limit).
PAGE_TIME_LIMIT_S = 5.0
SUGGESTION_ORDER = {"hand_off": 0, "defer": 1, "drop": 2}


@dataclass
class AskView:
    """Something only the manager can agree to: move a deadline, more help, or drop with agreement."""

    kind: str  # move_deadline | more_help | drop_with_agreement
    hours: float  # the hours it frees before the due date
    new_due: dt.date | None  # move_deadline: the day the schedule can finish it
    hours_per_week: float | None  # more_help


@dataclass
class PlanTask:
    """One open task in the plan. `hours_by_week` is its even spread (the load page's), `scheduled_by_week`
    where the schedule places its hours (never after its due week), `cost` what its action costs."""

    id: int
    title: str
    hours_by_week: list[float]
    cost: float
    removal_cost: float
    locked: bool
    action: str  # keep | hand_off | defer | drop | ask
    colleague: str | None
    reason: str
    scheduled_by_week: list[float]
    finish_week: dt.date | None  # the Monday of the week its last hour is placed
    at_risk: bool  # it finishes after its due date (or does not fit at all)
    ask: AskView | None
    handed_hours: float
    due: dt.date | None
    hours: float
    importance: int
    recurs: bool  # a recurring task: its next occurrences have their own due dates


@dataclass
class Suggestion:
    id: int
    title: str
    hours: float
    action: str  # hand_off | defer | drop
    colleague: str | None
    reason: str
    cost: float
    handed_hours: float


@dataclass
class AskItem:
    id: int
    title: str
    kind: str
    hours: float
    due: dt.date | None
    new_due: dt.date | None
    hours_per_week: float | None
    reason: str


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
    weeks: list[dt.date]  # the Monday of each week shown
    feasible: bool  # every task fits before its due date with the changes the person can make alone
    objective: float
    optimal: bool
    mip_gap: float | None
    method: str
    seconds: float
    capacity_by_week: list[float]
    load_before_by_week: list[float]  # hours needed each week as the load page spreads them
    load_after_by_week: list[float]  # hours the schedule places each week after the plan
    shortfall_by_week: list[float]
    tasks: list[PlanTask]
    greedy_objective: float | None  # no longer computed: the schedule-first program has no greedy twin
    needs_plan: bool
    suggestions: list[Suggestion]
    asks: list[AskItem]
    missing_hours: float  # hours that do not fit before their due dates without the manager
    at_risk_now: int  # tasks that would finish late if nothing changed
    locked: list[LockedTask]
    short_weeks: list[ShortWeek]
    colleagues: list[str]
    hours_off: float
    chart: BarChart
    changed: ChangeView | None = None  # the change just made (the page shows it with its Undo)


def handoff(
    workload: WorkloadService, weeks: int | None = None, *, time_limit_s: float = PAGE_TIME_LIMIT_S
) -> HandoffPage:
    """Return the plan for the next `weeks` weeks (the forecast setting by default): schedule first, then what
    to hand off, defer, drop, or ask the manager."""
    horizon = weeks if weeks is not None else workload.workspace.settings.forecast_weeks
    result = workload.handoffs.plan(horizon, time_limit_s=time_limit_s)
    schedule, forecast = result.schedule, result.forecast
    today = workload.workspace.today
    problem_works = result.problem.works
    shown = forecast.weeks[:horizon]
    mondays = [w.start for w in shown]
    before = [round(w.hours_needed, 6) for w in shown]
    standing = workload.handoffs.expected_finish(result.tasks, horizon)
    tasks: list[PlanTask] = []
    for t, p, work in zip(result.tasks, schedule.placements, problem_works, strict=True):
        new_due = today + dt.timedelta(days=p.ask.new_due_day) if p.ask and p.ask.new_due_day is not None else None
        finish = mondays[0] + dt.timedelta(weeks=p.finish_week) if p.finish_week is not None else None
        ask = AskView(p.ask.kind, p.ask.hours, new_due, p.ask.hours_per_week) if p.ask else None
        tasks.append(
            PlanTask(
                id=t.id,
                title=t.title,
                hours_by_week=list(forecast.hours_by_week[t.id][:horizon]),
                cost=p.cost,
                removal_cost=round(removal_cost(work.candidate).total, 6),
                locked=t.locked,
                action=p.action,
                colleague=p.colleague,
                reason=reason(t, p, new_due, finish, today),
                scheduled_by_week=list(p.scheduled_by_week[:horizon]),
                finish_week=finish,
                at_risk=p.at_risk,
                ask=ask,
                handed_hours=p.hours_handed(t.hours),
                due=t.due,
                hours=round(t.hours, 4),
                importance=t.importance,
                recurs=bool(t.recurrence and t.due),
            )
        )
    changed = [t for t in tasks if t.action in SUGGESTION_ORDER]
    suggestions = [
        Suggestion(t.id, t.title, t.hours, t.action, t.colleague, t.reason, t.cost, t.handed_hours)
        for t in sorted(changed, key=lambda t: (SUGGESTION_ORDER[t.action], t.colleague or "", -t.hours, t.id))
    ]
    asks = [
        AskItem(t.id, t.title, t.ask.kind, t.ask.hours, t.due, t.ask.new_due, t.ask.hours_per_week, t.reason)
        for t in tasks
        if t.ask is not None
    ]
    after = list(schedule.load_by_week[:horizon])
    capacity = list(schedule.capacity_by_week[:horizon])
    shortfall = list(schedule.shortfall_by_week[:horizon])
    hours_off = sum(t.hours if t.action in ("defer", "drop") else t.handed_hours for t in changed)
    return HandoffPage(
        weeks=mondays,
        feasible=schedule.fits_without_asks,
        objective=schedule.objective,
        optimal=schedule.optimal,
        mip_gap=schedule.mip_gap,
        method="exact",
        seconds=round(schedule.seconds, 3),
        capacity_by_week=capacity,
        load_before_by_week=before,
        load_after_by_week=after,
        shortfall_by_week=shortfall,
        tasks=tasks,
        greedy_objective=None,
        needs_plan=bool(changed or asks),
        suggestions=suggestions,
        asks=asks,
        missing_hours=schedule.missing_hours,
        at_risk_now=sum(1 for risk in standing.at_risk if risk),
        locked=[LockedTask(t.id, t.title, round(t.hours, 1)) for t in tasks if t.locked],
        short_weeks=[ShortWeek(m, round(s, 1)) for m, s in zip(mondays, shortfall, strict=True) if s > 0.05],
        colleagues=[c.name for c in workload.handoffs.list_colleagues()],
        hours_off=round(hours_off, 1),
        chart=BarChart(
            labels=[week_label(m) for m in mondays],
            stacks=[Series("Scheduled after the plan", after)],
            line=Series("Hours available", capacity),
            title="Hours the schedule places each week, after the plan",
            y_label="hours",
        ),
    )
