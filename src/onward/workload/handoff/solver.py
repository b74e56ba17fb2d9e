"""The hand-off plan: which tasks to hand off, defer or drop so every week fits, losing as little as possible.

Pure: no database, no web. The forecast builds a `HandoffProblem` (each open task's hours in each horizon week,
the capacity of each week, the colleagues who could take work); `solve` finds the cheapest plan exactly and
`greedy` a quick heuristic to compare against. The cost of each action is documented in `handoff_cost`
(and in docs/handoff.md):

    removal cost = 5 + 10·importance + 3·max(0, 8 − whole weeks to due) + enjoyment(love 15, like 5, without −5)
                   + 4·(skill − 3)
    action cost  = removal cost × (hand off 0.4, defer 0.6, drop 1.0); defer only when undated or due ≥ 14 days

The integer program (scipy's `milp`, HiGHS): one binary x[t, a] per task t and action a (one per colleague for
hand off), Σ_a x[t, a] ≤ 1 (none means keep), locked tasks get no variables, and for every week w

    kept load(w) ≤ capacity(w) + shortfall(w)        Σ_{t: hand off to c} hours(t, w) ≤ limit(c)

minimising Σ cost(t, a)·x[t, a]. Shortfall is what no plan can fix: because every unlocked task may be dropped,
the least shortfall of week w is exactly max(0, locked hours(w) − capacity(w)), reached in all weeks at once. The
plan therefore fixes shortfall(w) at that value instead of pricing it with a huge penalty: the result is the same
lexicographic "fewest unfixable hours first, then least cost", without a coefficient that would swamp HiGHS's
relative MIP gap. Only weeks that are over capacity get a row, and only tasks with hours in such a week get
variables: removing anything else costs without relieving anything.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from onward.errors import BadInput
from onward.workload.handoff.cost import (
    ACTION_MULTIPLIER,
    Candidate,
    Colleague,
    CostBreakdown,
    action_cost,
    can_defer,
    keep_reason,
    removal_cost,
    removal_reason,
)

__all__ = [
    "ACTIONS",
    "Candidate",
    "Colleague",
    "CostBreakdown",
    "Decision",
    "HandoffPlan",
    "HandoffProblem",
    "greedy",
    "removal_cost",
    "solve",
]

ACTIONS = ("keep", "hand_off", "defer", "drop")
# Hours are floats from spreading work over days; below this a week counts as fitting.
EPS = 1e-6
# HiGHS presolve off: on 2,000 tasks × 12 weeks its presolve spends over a second on the dense week rows before
# branching starts (bench/handoff.py prints both).
PRESOLVE = False
# Stop once no plan can be cheaper by more than 0.1%: on 2,000 tasks HiGHS reaches it in about a second, while
# closing the last hundredths of a percent takes several more (bench/handoff.py prints both).
MIP_REL_GAP = 1e-3
COST_SCALE = 5

Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class HandoffProblem:
    """The weeks' capacity, the tasks that might come off the plate, and who could take them."""

    capacity_by_week: tuple[float, ...]
    candidates: tuple[Candidate, ...]
    colleagues: tuple[Colleague, ...] = ()

    def __post_init__(self) -> None:
        weeks = len(self.capacity_by_week)
        if any(c < 0 or math.isnan(c) for c in self.capacity_by_week):
            raise BadInput("hand-off plan: a week's capacity is negative or not a number")
        for cand in self.candidates:
            if len(cand.hours_by_week) != weeks:
                raise BadInput(
                    f"hand-off plan: task {cand.id} ({cand.title!r}) has {len(cand.hours_by_week)} weeks of hours,"
                    f" the horizon has {weeks}"
                )
            if any(h < 0 or math.isnan(h) for h in cand.hours_by_week):
                raise BadInput(f"hand-off plan: task {cand.id} ({cand.title!r}) has negative hours in a week")
            if not 1 <= cand.importance <= 5:
                raise BadInput(f"hand-off plan: task {cand.id} ({cand.title!r}) has importance outside 1–5")
        names = [c.name for c in self.colleagues]
        if len(set(names)) != len(names):
            raise BadInput("hand-off plan: two colleagues share a name")


@dataclass(frozen=True)
class Decision:
    """What happens to one task: `cost` is what this action costs (0 when kept), `removal_cost` the full cost."""

    id: int
    title: str
    hours_by_week: tuple[float, ...]
    cost: float
    locked: bool
    action: str
    colleague: str | None
    reason: str
    removal_cost: float = 0.0


@dataclass(frozen=True)
class HandoffPlan:
    """A plan: a decision per task, the load before and after, and what no plan can fix."""

    feasible: bool
    objective: float
    optimal: bool
    capacity_by_week: tuple[float, ...]
    load_before_by_week: tuple[float, ...]
    load_after_by_week: tuple[float, ...]
    shortfall_by_week: tuple[float, ...]
    decisions: list[Decision] = field(default_factory=list)
    method: str = "exact"
    mip_gap: float | None = None
    seconds: float = 0.0
    status: str = ""


# --- shared arithmetic ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Setup:
    """The problem as arrays: hours (tasks × weeks), loads, the over weeks, and the tasks worth removing."""

    hours: Array
    capacity: Array
    load: Array
    shortfall: Array
    over: npt.NDArray[np.bool_]
    relevant: npt.NDArray[np.bool_]
    full_cost: Array


def _setup(problem: HandoffProblem) -> _Setup:
    weeks = len(problem.capacity_by_week)
    hours = np.array([c.hours_by_week for c in problem.candidates], dtype=np.float64).reshape(-1, weeks)
    capacity = np.array(problem.capacity_by_week, dtype=np.float64)
    load = hours.sum(axis=0)
    locked = np.array([c.locked for c in problem.candidates], dtype=bool)
    locked_load = hours[locked].sum(axis=0)
    shortfall = np.maximum(0.0, locked_load - capacity)
    shortfall[shortfall <= EPS] = 0.0
    over = load > capacity + EPS
    relevant = ~locked & (hours[:, over] > EPS).any(axis=1)
    full_cost = np.array([removal_cost(c).total for c in problem.candidates], dtype=np.float64)
    return _Setup(hours, capacity, load, shortfall, over, relevant, full_cost)


def _options(cand: Candidate, colleagues: tuple[Colleague, ...]) -> list[tuple[str, int | None]]:
    """Return the removal actions open to a task: (action, colleague index)."""
    options: list[tuple[str, int | None]] = []
    if cand.can_hand_off:
        options += [("hand_off", k) for k, c in enumerate(colleagues) if c.weekly_limit_hours > 0]
    # Deferring costs less than dropping and needs nobody's room, so drop is only an option when defer is not.
    options.append(("defer", None) if can_defer(cand) else ("drop", None))
    return options


def _build_plan(
    problem: HandoffProblem,
    setup: _Setup,
    chosen: dict[int, tuple[str, int | None]],
    *,
    method: str,
    optimal: bool,
    mip_gap: float | None,
    seconds: float,
    status: str,
) -> HandoffPlan:
    """Return the plan for chosen actions (task index → action, colleague index); others are kept."""
    removed = np.zeros(len(problem.candidates), dtype=bool)
    for i in chosen:
        removed[i] = True
    after = setup.hours[~removed].sum(axis=0) if len(problem.candidates) else np.zeros(len(setup.capacity))
    decisions: list[Decision] = []
    objective = 0.0
    for i, cand in enumerate(problem.candidates):
        full = float(setup.full_cost[i])
        if i in chosen:
            action, k = chosen[i]
            name = problem.colleagues[k].name if k is not None else None
            cost = action_cost(cand, action)
            objective += cost
            reason = removal_reason(cand, action, name, colleagues_exist=bool(problem.colleagues))
        else:
            action, name, cost = "keep", None, 0.0
            reason = keep_reason(cand, relieves_overload=bool(setup.relevant[i]))
        decisions.append(
            Decision(cand.id, cand.title, cand.hours_by_week, cost, cand.locked, action, name, reason, full)
        )
    shortfall = np.maximum(0.0, after - setup.capacity)
    shortfall[shortfall <= EPS] = 0.0
    return HandoffPlan(
        feasible=bool((shortfall <= EPS).all()),
        objective=objective,
        optimal=optimal,
        capacity_by_week=tuple(float(x) for x in setup.capacity),
        load_before_by_week=tuple(float(x) for x in setup.load),
        load_after_by_week=tuple(float(x) for x in after),
        shortfall_by_week=tuple(float(x) for x in shortfall),
        decisions=decisions,
        method=method,
        mip_gap=mip_gap,
        seconds=seconds,
        status=status,
    )


# --- exact ---------------------------------------------------------------------------------------------------


def solve(
    problem: HandoffProblem,
    *,
    time_limit_s: float = 10.0,
    presolve: bool = PRESOLVE,
    mip_rel_gap: float = MIP_REL_GAP,
    baseline: HandoffPlan | None = None,
) -> HandoffPlan:
    """Return the cheapest plan found by the integer program; `optimal` says HiGHS proved it within `mip_rel_gap`.

    `mip_gap` on the plan is the gap HiGHS actually proved. The greedy plan (`baseline`, computed when not given)
    is returned instead when HiGHS finds no plan before the time limit or finds a dearer one, so the answer is
    never worse than `greedy`. Pass the greedy plan you already have as `baseline` to skip computing it again.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    started = time.perf_counter()
    setup = _setup(problem)
    tasks = [int(i) for i in np.flatnonzero(setup.relevant)]
    columns: list[tuple[int, str, int | None]] = []
    for i in tasks:
        columns += [(i, a, k) for a, k in _options(problem.candidates[i], problem.colleagues)]
    if not columns:
        return _build_plan(
            problem, setup, {}, method="exact", optimal=True, mip_gap=0.0,
            seconds=time.perf_counter() - started, status="Nothing needs to come off: every week fits.",
        )  # fmt: skip

    costs, integrality, matrix, lower, upper = _model(problem, setup, tasks, columns)
    with _stdout_to_stderr():
        result = milp(
            costs,
            integrality=integrality,
            bounds=Bounds(0, 1),
            constraints=LinearConstraint(matrix, lower, upper),
            options={"time_limit": time_limit_s, "presolve": presolve, "mip_rel_gap": mip_rel_gap, "disp": False},
        )
    fallback = baseline if baseline is not None else greedy(problem)
    if result.x is None:
        return _replace_meta(fallback, "exact", optimal=False, started=started, status=f"HiGHS: {result.message}")
    chosen = {i: (a, k) for (i, a, k), x in zip(columns, result.x[: len(columns)], strict=True) if x > 0.5}
    proven = result.status == 0
    gap = float(getattr(result, "mip_gap", math.nan))
    plan = _build_plan(
        problem, setup, chosen, method="exact", optimal=proven, mip_gap=None if math.isnan(gap) else gap,
        seconds=time.perf_counter() - started, status=f"HiGHS: {result.message}",
    )  # fmt: skip
    if fallback.objective < plan.objective - EPS and fallback.feasible >= plan.feasible:
        return _replace_meta(fallback, "exact", optimal=False, started=started, status=plan.status)
    return plan


def _model(
    problem: HandoffProblem, setup: _Setup, tasks: list[int], columns: list[tuple[int, str, int | None]]
) -> tuple[Array, Array, Any, Array, Array]:
    """Return the integer program: costs, integrality, constraint matrix, row bounds.

    Variables: one binary per column (task, action, colleague), then one r[t] per task, "taken off", equal to
    the sum of its actions. The week rows are written over r (a quarter of the nonzeros of writing them over every
    action) with each coefficient capped at the week's need: a task with more hours than the week needs covers
    it alone either way, and the capped row gives a tighter relaxation.
    """
    from scipy.sparse import coo_array

    n_cols, n_tasks = len(columns), len(tasks)
    col_task = np.array([i for i, _, _ in columns])
    task_pos = np.full(len(problem.candidates), -1)
    task_pos[tasks] = np.arange(n_tasks)
    row_parts: list[npt.NDArray[np.int64]] = []
    col_parts: list[npt.NDArray[np.int64]] = []
    val_parts: list[Array] = []
    lower: list[float] = []
    upper: list[float] = []
    # r[t] − Σ_a x[t, a] = 0, and r[t] ≤ 1 from its bound: at most one action per task.
    row_parts += [task_pos[col_task], np.arange(n_tasks)]
    col_parts += [np.arange(n_cols), n_cols + np.arange(n_tasks)]
    val_parts += [-np.ones(n_cols), np.ones(n_tasks)]
    lower += [0.0] * n_tasks
    upper += [0.0] * n_tasks
    row = n_tasks
    # Each over week: hours taken off ≥ load − capacity − the shortfall nobody can fix.
    hours = setup.hours[tasks]
    for week in np.flatnonzero(setup.over):
        need = float(setup.load[week] - setup.capacity[week] - setup.shortfall[week])
        nz = np.flatnonzero(hours[:, week] > 0)
        row_parts.append(np.full(len(nz), row))
        col_parts.append(n_cols + nz)
        val_parts.append(np.minimum(hours[nz, week], need))
        lower.append(need)
        upper.append(np.inf)
        row += 1
    # Each colleague, each week: hours handed to them ≤ their weekly limit.
    for k, colleague in enumerate(problem.colleagues):
        mine = np.array([j for j, (_, a, kk) in enumerate(columns) if a == "hand_off" and kk == k], dtype=np.int64)
        if not len(mine):
            continue
        theirs = setup.hours[col_task[mine]]
        for w in range(len(setup.capacity)):
            if theirs[:, w].sum() <= colleague.weekly_limit_hours + EPS:
                continue  # cannot bind: everything they could be given in this week fits anyway
            nz = np.flatnonzero(theirs[:, w] > 0)
            row_parts.append(np.full(len(nz), row))
            col_parts.append(mine[nz])
            val_parts.append(theirs[nz, w])
            lower.append(-np.inf)
            upper.append(colleague.weekly_limit_hours)
            row += 1
    matrix = coo_array(
        (np.concatenate(val_parts), (np.concatenate(row_parts), np.concatenate(col_parts))),
        shape=(row, n_cols + n_tasks),
    ).tocsr()
    # Five times the cost is a whole number (multipliers 0.4, 0.6, 1.0 on whole costs): HiGHS then knows every
    # plan's objective is whole and can round its lower bound up.
    costs = np.zeros(n_cols + n_tasks)
    costs[:n_cols] = [round(COST_SCALE * action_cost(problem.candidates[i], a)) for i, a, _ in columns]
    integrality = np.concatenate([np.ones(n_cols), np.zeros(n_tasks)])
    return costs, integrality, matrix, np.array(lower), np.array(upper)


_STDOUT_LOCK = threading.Lock()


@contextmanager
def _stdout_to_stderr() -> Iterator[None]:
    """Send file descriptor 1 to stderr for the duration: HiGHS sometimes prints debug lines straight to it,
    which would corrupt `onward handoff --json`. The lock keeps two solves in the web server's thread pool
    from saving and restoring each other's descriptor (which would lose stdout for good)."""
    with _STDOUT_LOCK:
        yield from _swap_stdout()


def _swap_stdout() -> Iterator[None]:
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _replace_meta(plan: HandoffPlan, method: str, *, optimal: bool, started: float, status: str) -> HandoffPlan:
    """Return the plan relabelled as coming from `method`, timed from `started`."""
    return replace(
        plan, method=method, optimal=optimal, mip_gap=None, seconds=time.perf_counter() - started, status=status
    )


# --- greedy --------------------------------------------------------------------------------------------------


def greedy(problem: HandoffProblem) -> HandoffPlan:
    """Return a quick plan: take off the task cheapest per over-capacity hour relieved, until the weeks fit.

    Each step picks, among tasks with hours in a week still over capacity, the lowest (cheapest open action
    cost) / (hours it relieves in over weeks, counting at most each week's excess). Then two clean-ups: put back
    removed tasks, dearest first, when the weeks still fit without removing them; and turn drops and deferrals
    into hand-offs where a colleague still has room.
    """
    started = time.perf_counter()
    setup = _setup(problem)
    n, weeks = setup.hours.shape
    colleagues = problem.colleagues
    room = np.array([[c.weekly_limit_hours] * weeks for c in colleagues], dtype=np.float64).reshape(-1, weeks)
    allowed_floor = setup.capacity + setup.shortfall  # what each week may carry at best
    after = setup.load.copy()
    chosen: dict[int, tuple[str, int | None]] = {}
    active = setup.relevant.copy()
    handable = np.array([c.can_hand_off for c in problem.candidates], dtype=bool)
    deferable = np.array([can_defer(c) for c in problem.candidates], dtype=bool)
    full = setup.full_cost

    def best_colleague(i: int) -> int | None:
        if not colleagues or not handable[i]:
            return None
        slack = room - setup.hours[i][None, :]
        fits = (slack >= -EPS).all(axis=1)
        if not fits.any():
            return None
        return int(np.argmax(np.where(fits, slack.min(axis=1), -np.inf)))

    while True:
        excess = np.maximum(0.0, after - allowed_floor)
        if (excess <= EPS).all() or not active.any():
            break
        relief = np.minimum(setup.hours, excess[None, :]).sum(axis=1)
        can_take = (
            np.zeros(n, dtype=bool)
            if not colleagues
            else ((setup.hours[None, :, :] <= room[:, None, :] + EPS).all(axis=2).any(axis=0) & handable)
        )
        mult = np.where(
            can_take,
            ACTION_MULTIPLIER["hand_off"],
            np.where(deferable, ACTION_MULTIPLIER["defer"], ACTION_MULTIPLIER["drop"]),
        )
        ratio = np.where(active & (relief > EPS), full * mult / np.maximum(relief, EPS), np.inf)
        i = int(np.argmin(ratio))
        if not math.isfinite(ratio[i]):
            break
        k = best_colleague(i) if can_take[i] else None
        if k is not None:
            chosen[i] = ("hand_off", k)
            room[k] -= setup.hours[i]
        else:
            chosen[i] = ("defer", None) if deferable[i] else ("drop", None)
        after -= setup.hours[i]
        active[i] = False

    # Put back what is no longer needed, dearest first.
    for i in sorted(chosen, key=lambda t: -action_cost(problem.candidates[t], chosen[t][0])):
        if (after + setup.hours[i] <= allowed_floor + EPS)[setup.over].all():
            _, k = chosen.pop(i)
            after += setup.hours[i]
            if k is not None:
                room[k] += setup.hours[i]
    # Cheaper action for what stays removed: a colleague with room beats deferring or dropping.
    for i in sorted(chosen, key=lambda t: -full[t]):
        if chosen[i][0] != "hand_off":
            k = best_colleague(i)
            if k is not None:
                chosen[i] = ("hand_off", k)
                room[k] -= setup.hours[i]
    return _build_plan(
        problem, setup, chosen, method="greedy", optimal=False, mip_gap=None,
        seconds=time.perf_counter() - started, status="Greedy: cheapest per hour relieved first.",
    )  # fmt: skip
