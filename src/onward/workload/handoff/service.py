"""The hand-off part of `WorkloadService`: the colleagues who could take work, the solver's input built from
the load forecast (each open task's hours in each week, the hours available), the tasks' and duties' ratings
and those colleagues, and carrying out a suggestion. The solver itself is `solver.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from onward.errors import BadInput, NotFound
from onward.workload.handoff import solver
from onward.workload.handoff.solver import Candidate, HandoffPlan, HandoffProblem, greedy, solve
from onward.workload.models import Colleague
from onward.workload.schemas import ColleagueView

if TYPE_CHECKING:
    from onward.workload.forecast import Forecast
    from onward.workload.planning import Planning
    from onward.workload.schemas import TaskView
    from onward.workload.tasks import Tasks
    from onward.workspace import Workspace

APPLY = {"hand_off": "handed_off", "defer": "deferred", "drop": "dropped"}


@dataclass
class HandoffResult:
    """The exact plan, the greedy one to compare with, and the forecast they were built from."""

    plan: HandoffPlan
    greedy: HandoffPlan
    forecast: Forecast


class Handoffs:
    """Colleagues and the hand-off plan of one workspace; planning gives the forecast, tasks carry out a change."""

    def __init__(self, workspace: Workspace, planning: Planning, tasks: Tasks) -> None:
        self.workspace = workspace
        self.planning = planning
        self.tasks = tasks

    def handoff_problem(self, weeks: int | None = None) -> tuple[HandoffProblem, Forecast]:
        """Return the solver's input for the next `weeks` weeks, and the forecast it comes from."""
        active = self.planning.active_tasks()
        forecast = self.planning.load_forecast(weeks, tasks=active)
        today = self.workspace.today
        candidates = tuple(
            Candidate(
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
            for t in active
        )
        colleagues = tuple(solver.Colleague(c.name, c.weekly_limit_hours) for c in self.list_colleagues())
        capacity = tuple(w.hours_available for w in forecast.weeks)
        return HandoffProblem(capacity, candidates, colleagues), forecast

    def handoff_plan(self, weeks: int | None = None, *, time_limit_s: float = 10.0) -> HandoffResult:
        """Return the exact hand-off plan (never worse than greedy), the greedy plan, and their forecast."""
        problem, forecast = self.handoff_problem(weeks)
        quick = greedy(problem)
        exact = solve(problem, time_limit_s=time_limit_s, baseline=quick)
        return HandoffResult(exact, quick, forecast)

    def apply_handoff(self, task_id: int, action: str, colleague: str | None = None) -> TaskView:
        """Carry out one suggestion: hand the task to `colleague`, defer it, or drop it."""
        if action not in APPLY:
            raise BadInput(f"action must be one of {', '.join(APPLY)}, not '{action}'")
        if action == "hand_off" and not (colleague or "").strip():
            raise BadInput(f"task {task_id}: say who takes it")
        return self.tasks.set_status(task_id, APPLY[action], handed_to=colleague if action == "hand_off" else None)

    # ---- colleagues ----

    def add_colleague(self, name: str, *, weekly_limit_hours: float, note: str = "") -> ColleagueView:
        """Add someone who could take work, with the most hours a week they could take."""
        if not name.strip():
            raise BadInput("a colleague needs a name")
        if not 0 <= weekly_limit_hours <= 80:
            raise BadInput(f"{name}: the weekly limit goes from 0 to 80 hours, not {weekly_limit_hours}")
        with self.workspace.session() as session:
            row = session.scalars(select(Colleague).where(Colleague.name == name.strip())).first()
            if row is None:
                row = Colleague(name=name.strip())
                session.add(row)
            row.weekly_limit_hours, row.note = weekly_limit_hours, note
            session.flush()
            return ColleagueView(row.id, row.name, row.weekly_limit_hours, row.note)

    def list_colleagues(self) -> list[ColleagueView]:
        with self.workspace.session() as session:
            rows = session.scalars(select(Colleague).order_by(Colleague.name))
            return [ColleagueView(c.id, c.name, c.weekly_limit_hours, c.note) for c in rows]

    def delete_colleague(self, colleague_id: int) -> None:
        with self.workspace.session() as session:
            done = session.execute(delete(Colleague).where(Colleague.id == colleague_id))
            if not getattr(done, "rowcount", 0):
                raise NotFound(f"there is no colleague {colleague_id}")
