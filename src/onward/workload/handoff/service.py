"""The plan part of `WorkloadService`: the colleagues who could take work, the schedule's input built from the
load forecast (each day's hours after meetings, each open task's hours and due date, its duty's ratings, who
could take it), the plan, and carrying it out through the change log. The program itself is `schedule.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from onward.errors import BadInput, NotFound
from onward.workload.handoff.cost import Candidate, Colleague
from onward.workload.handoff.schedule import (
    SPAN_WEEKS,
    Schedule,
    ScheduleProblem,
    Standing,
    Work,
    expected_finish,
    solve_schedule,
)
from onward.workload.models import Colleague as ColleagueRow
from onward.workload.schemas import ColleagueView

if TYPE_CHECKING:
    from onward.workload.changes import Changes, ChangeView
    from onward.workload.forecast import Forecast
    from onward.workload.planning import Planning
    from onward.workload.ranking import ActiveTask
    from onward.workload.tasks import Tasks
    from onward.workspace import Workspace


@dataclass
class PlanResult:
    """The schedule-first plan over `span` weeks (at least SPAN_WEEKS), the forecast of those weeks, and
    the tasks it was built from (same order as the schedule's placements)."""

    schedule: Schedule
    forecast: Forecast
    tasks: list[ActiveTask]
    problem: ScheduleProblem


class Handoffs:
    """Colleagues and the hand-off plan of one workspace; planning gives the forecast, tasks carry out a change."""

    def __init__(self, workspace: Workspace, planning: Planning, tasks: Tasks, changes: Changes) -> None:
        self.workspace = workspace
        self.planning = planning
        self.tasks = tasks
        self.changes = changes

    # ---- schedule first ----

    def schedule_problem(
        self,
        weeks: int | None = None,
        *,
        tasks: list[ActiveTask] | None = None,
        with_colleagues: bool = True,
        forecast: Forecast | None = None,
    ) -> tuple[ScheduleProblem, Forecast, list[ActiveTask]]:
        """Return the schedule's input over max(weeks, SPAN_WEEKS) weeks, its forecast and its tasks (a forecast
        of these tasks over at least that many weeks may be passed in, to spare computing it again)."""
        from onward.workload.dates import week_start

        horizon = weeks if weeks is not None else self.workspace.settings.forecast_weeks
        span = max(horizon, SPAN_WEEKS)
        active = tasks if tasks is not None else self.planning.active_tasks()
        if forecast is None or len(forecast.weeks) < span:
            forecast = self.planning.load_forecast(span, tasks=active)
        today = self.workspace.today
        first = week_start(today)
        day_hours = self.planning.day_hours()
        days = (first + dt.timedelta(days=7 * span) - today).days
        week_of_day = tuple((today.weekday() + d) // 7 for d in range(days))
        usual = [day_hours(today + dt.timedelta(days=d)) for d in range(days)]
        # Meetings take their week's hours in proportion to each day's hours (the forecast's week totals).
        share = [w.hours_available / w.capacity_hours if w.capacity_hours > 0 else 0.0 for w in forecast.weeks]
        capacity_by_day = tuple(round(h * share[week_of_day[d]], 6) for d, h in enumerate(usual))
        works = []
        for t in active:
            cand = Candidate(
                id=t.id,
                title=t.title,
                hours_by_week=forecast.hours_by_week[t.id],
                importance=min(max(t.importance, 1), 5),
                days_to_due=(t.due - today).days if t.due is not None else None,
                enjoyment=t.enjoyment,
                skill=t.skill,
                locked=t.locked,
                can_hand_off=t.can_hand_off,
                responsibility=t.responsibility or "",
            )
            hours_in = forecast.hours_by_week[t.id]
            # Overdue work is late already: it counts as on time when done within this week, as the forecast has it.
            due_day = None if t.due is None else (t.due - today).days if t.due >= today else 6 - today.weekday()
            if t.recurrence and t.due is not None:
                works.append(Work(cand, sum(hours_in), None, recurring_by_week=hours_in))
            elif due_day is not None and due_day < days:
                works.append(Work(cand, max(t.hours, 0.0), due_day))
            else:
                works.append(Work(cand, sum(hours_in), None))
        colleagues = (
            tuple(Colleague(c.name, c.weekly_limit_hours) for c in self.list_colleagues()) if with_colleagues else ()
        )
        # What colleagues already took (and is not yet due) uses up the hours they can give.
        end = today + dt.timedelta(days=days)
        handed = self.tasks.handed_out(today, end) if colleagues else []
        already = tuple(
            tuple(((due - today).days, hours) for name, due, hours in handed if name == c.name) for c in colleagues
        )
        return (
            ScheduleProblem(capacity_by_day, week_of_day, tuple(works), colleagues, today.weekday(), already),
            forecast,
            list(active),
        )

    def plan(self, weeks: int | None = None, *, time_limit_s: float = 10.0) -> PlanResult:
        """Return the schedule-first plan: every task placed before its due date where the weeks allow, and
        for the rest what to hand off, defer, drop or ask the manager (schedule.py)."""
        if weeks is not None and not 1 <= weeks <= 104:  # the plan looks further ahead; the weeks shown may not
            raise BadInput(f"the forecast covers 1 to 104 weeks, not {weeks}")
        problem, forecast, active = self.schedule_problem(weeks)
        return PlanResult(solve_schedule(problem, time_limit_s=time_limit_s), forecast, active, problem)

    def expected_finish(
        self, tasks: list[ActiveTask], weeks: int | None = None, *, forecast: Forecast | None = None
    ) -> Standing:
        """Return each task's expected finish as things stand (nothing changed) and whether it is at risk of
        missing its due date. Earliest due first, no solver: quick enough for every page."""
        problem, _, _ = self.schedule_problem(weeks, tasks=tasks, with_colleagues=False, forecast=forecast)
        return expected_finish(problem)

    def apply_plan(
        self, weeks: int | None = None, *, only: list[int] | None = None, time_limit_s: float = 10.0
    ) -> ChangeView:
        """Carry out the plan's own actions (all, or only those of the tasks in `only`); asks are recorded for
        the report, not carried out. One change: one Undo puts everything back."""
        from onward.workload.changes import PlanStep

        result = self.plan(weeks, time_limit_s=time_limit_s)
        wanted = set(only or [])
        known = {p.id for p in result.schedule.placements}
        missing = sorted(wanted - known)
        if missing:
            raise NotFound(f"task {missing[0]} is not an open task of this plan")
        steps: list[PlanStep] = []
        asks: list[dict[str, object]] = []
        for p in result.schedule.placements:
            if only and p.id not in wanted:
                continue
            if p.action in ("defer", "drop"):
                steps.append(PlanStep(p.id, p.action))
            elif p.action == "hand_off" and p.recurring and p.colleague:
                steps.append(PlanStep(p.id, "hand_off", p.colleague))  # whole, with its recurrence
            elif p.handed_hours > 0 and p.colleague:
                # Whole or part: the changes part splits off a part into its own handed-off task.
                steps.append(PlanStep(p.id, "hand_off", p.colleague, hours=round(p.handed_hours, 2)))
            if p.ask is not None:
                asks.append({"task_id": p.id, "kind": p.ask.kind, "hours": p.ask.hours})
        return self.changes.apply_plan(steps, asks)

    # ---- colleagues ----

    def add_colleague(self, name: str, *, weekly_limit_hours: float, note: str = "") -> ColleagueView:
        """Add someone who could take work, with the most hours a week they could take."""
        if not name.strip():
            raise BadInput("a colleague needs a name")
        if not 0 <= weekly_limit_hours <= 80:
            raise BadInput(f"{name}: the weekly limit goes from 0 to 80 hours, not {weekly_limit_hours}")
        with self.workspace.session() as session:
            row = session.scalars(select(ColleagueRow).where(ColleagueRow.name == name.strip())).first()
            if row is None:
                row = ColleagueRow(name=name.strip())
                session.add(row)
            row.weekly_limit_hours, row.note = weekly_limit_hours, note
            session.flush()
            return ColleagueView(row.id, row.name, row.weekly_limit_hours, row.note)

    def list_colleagues(self) -> list[ColleagueView]:
        with self.workspace.session() as session:
            rows = session.scalars(select(ColleagueRow).order_by(ColleagueRow.name))
            return [ColleagueView(c.id, c.name, c.weekly_limit_hours, c.note) for c in rows]

    def delete_colleague(self, colleague_id: int) -> None:
        with self.workspace.session() as session:
            done = session.execute(delete(ColleagueRow).where(ColleagueRow.id == colleague_id))
            if not getattr(done, "rowcount", 0):
                raise NotFound(f"there is no colleague {colleague_id}")
