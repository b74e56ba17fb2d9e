"""The hand-off plan of the workload service (mixed into WorkloadService): the solver's input is built from the
load forecast (each open task's hours in each week, the hours available), the tasks' and duties' ratings, and
the colleagues; the solver itself is `handoff.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from onward.errors import BadInput
from onward.workload.handoff import Candidate, Colleague, HandoffPlan, HandoffProblem, greedy, solve

if TYPE_CHECKING:
    from onward.workload.forecast import Forecast
    from onward.workload.plan_service import ActiveTask
    from onward.workload.schemas import ColleagueView, TaskView
    from onward.workspace import Workspace

APPLY = {"hand_off": "handed_off", "defer": "deferred", "drop": "dropped"}


@dataclass
class HandoffResult:
    """The exact plan, the greedy one to compare with, and the forecast they were built from."""

    plan: HandoffPlan
    greedy: HandoffPlan
    forecast: Forecast


class HandoffMixin:
    """Builds the hand-off problem from the forecast and applies a suggestion; needs the other mixins."""

    workspace: Workspace

    if TYPE_CHECKING:

        def active_tasks(self) -> list[ActiveTask]: ...

        def load_forecast(self, weeks: int | None = None, *, tasks: Sequence[ActiveTask] | None = None) -> Forecast: ...

        def list_colleagues(self) -> list[ColleagueView]: ...

        def set_status(self, task_id: int, status: str, *, handed_to: str | None = None) -> TaskView: ...

    def handoff_problem(self, weeks: int | None = None) -> tuple[HandoffProblem, Forecast]:
        """Return the solver's input for the next `weeks` weeks, and the forecast it comes from."""
        active = self.active_tasks()
        forecast = self.load_forecast(weeks, tasks=active)
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
        colleagues = tuple(Colleague(c.name, c.weekly_limit_hours) for c in self.list_colleagues())
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
        return self.set_status(task_id, APPLY[action], handed_to=colleague if action == "hand_off" else None)
