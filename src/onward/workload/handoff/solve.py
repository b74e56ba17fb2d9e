"""Running HiGHS on the plan's program: within a time limit, with nothing printed on stdout, the gap it proved."""

from __future__ import annotations

import math
import os
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from onward.workload.handoff.program import NONE, Program

WHOLE = 1e-6  # a relaxed yes/no or whole-hour value this close to a whole number is taken as decided
SETTLE_GAP = 1e-6  # the few undecided tasks are settled (almost) exactly
PLAN_S = 1.0  # the plan's own steps get at least this long, even past the time limit: a plan beats none
# On a plate this big, a plan proved within CLOSE_ENOUGH of the best is returned without handing HiGHS the whole
# program: there it rarely closes the last percent (the heavy user's 2,231 tasks: 2.1% after 100 s), and the
# person would wait the whole time limit for the same plan. Smaller plates still get the exact search, which
# finishes in moments. Decided by size, not by the time spent, so a busy computer gives the same plan.
BIG_PLATE_TASKS = 500
CLOSE_ENOUGH = 0.01

_STDOUT_LOCK = threading.Lock()


@dataclass(frozen=True)
class Solution:
    """The value of each column (None when HiGHS found no plan), its cost, whether HiGHS proved it the best within
    the gap asked for, the gap it proved, and what HiGHS said."""

    x: np.ndarray | None
    objective: float
    optimal: bool
    gap: float | None
    message: str


def run_highs(program: Program, *, time_limit_s: float, presolve: bool, mip_rel_gap: float) -> Solution:
    """Return HiGHS's best plan for `program` within `time_limit_s` seconds.

    1. The linear relaxation (with its prices), and from it a bound no plan can beat: the Lagrangian bound
       (`_Bound`), where the recurring tasks' choices take whole values and the other tasks are priced.
    2. A plan: the recurring tasks' choices of that bound kept, the relaxation again; where it makes a whole
       choice for a task that choice is kept, and HiGHS settles the few tasks left between choices.
    3. When that plan is within `mip_rel_gap` of the bound it is returned with the gap proved; otherwise HiGHS
       solves the whole program in the time left (told the plan's cost, so it only looks for cheaper ones),
       when at least as much time is left as steps 1–2 took, and not on a big plate already within 1%
       (`BIG_PLATE_TASKS`, `CLOSE_ENOUGH`).
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    started = time.perf_counter()
    cost, lower_bound, upper, integer, matrix, lo, hi = program.columns.arrays()
    constraints = LinearConstraint(matrix, lo, hi)

    def left(at_least: float = 0.1) -> float:
        return max(time_limit_s - (time.perf_counter() - started), at_least)

    def solve(
        lower: np.ndarray, upper_: np.ndarray, whole: np.ndarray, gap: float, at_least: float = 0.1, **options: Any
    ) -> Any:
        with _stdout_to_stderr(), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # options scipy passes on to HiGHS as they are
            return milp(
                cost,
                integrality=whole,
                bounds=Bounds(lower, upper_),
                constraints=constraints,
                options={
                    "time_limit": left(at_least),
                    "presolve": presolve,
                    "mip_rel_gap": gap,
                    "disp": False,
                    **options,
                },
            )

    bound = _Bound(program, cost, lower_bound, upper, integer, matrix, lo, hi)
    incumbent: Solution | None = None
    if bound.relaxed is not None:
        lower, upper_fixed = lower_bound.copy(), upper.copy()
        choices = program.whole_number_columns()
        if bound.recurring_x is not None:
            # The recurring tasks' whole choices of the bound, kept; then the relaxation decides nearly the rest.
            rec = choices[program.recurring]
            rec = rec[rec != NONE]
            whole = rec[np.abs(bound.recurring_x[rec] - np.round(bound.recurring_x[rec])) <= WHOLE]
            lower[whole] = upper_fixed[whole] = np.round(bound.recurring_x[whole])
            relaxed = solve(lower, upper_fixed, np.zeros_like(integer), mip_rel_gap, PLAN_S)
            x = np.asarray(relaxed.x) if relaxed.status == 0 else None
        else:
            x = bound.relaxed
        if x is not None:
            has = choices != NONE
            values = np.where(has, x[np.maximum(choices, 0)], 0.0)
            undecided = (has & (np.abs(values - np.round(values)) > WHOLE)).any(axis=1)
            fixed = choices[~undecided][has[~undecided]]
            lower[fixed] = upper_fixed[fixed] = np.round(x[fixed])
            # Presolve takes the fixed columns out: without it HiGHS would carry them all through its search.
            rounded = solve(lower, upper_fixed, integer, SETTLE_GAP, PLAN_S, presolve=True)
            if rounded.x is not None:
                proved = bound.gap(float(rounded.fun))
                incumbent = Solution(
                    np.asarray(rounded.x),
                    float(rounded.fun),
                    proved <= mip_rel_gap,
                    proved,
                    f"the relaxation decided all but {int(undecided.sum())} tasks; those settled, the plan is"
                    f" within {proved:.3%} of the best possible",
                )
                spent = time.perf_counter() - started
                # The whole program needs more than its relaxation and the plan took: not tried in less time.
                big = len(program.on_time) > BIG_PLATE_TASKS and proved <= CLOSE_ENOUGH
                if incumbent.optimal or big or time_limit_s - spent < spent:
                    return incumbent
    options = {"objective_bound": incumbent.objective + 1e-6} if incumbent is not None else {}
    result = solve(lower_bound, upper, integer, mip_rel_gap, **options)
    dual = getattr(result, "mip_dual_bound", None)
    if dual is not None and math.isfinite(float(dual)) and (result.status == 0 or result.x is not None):
        bound.raise_to(float(dual))
    if incumbent is not None and (result.x is None or float(result.fun) >= incumbent.objective):
        # Nothing cheaper than the plan in the time left: the plan stands, with what HiGHS proved meanwhile.
        proved = bound.gap(incumbent.objective)
        return Solution(incumbent.x, incumbent.objective, proved <= mip_rel_gap, proved, incumbent.message)
    if result.x is None:
        return Solution(None, math.nan, False, None, str(result.message))
    proved = bound.gap(float(result.fun))
    return Solution(
        np.asarray(result.x),
        float(result.fun),
        result.status == 0 or proved <= mip_rel_gap,
        proved if math.isfinite(proved) else None,
        str(result.message),
    )


class _Bound:
    """The cost no plan can go below, and the relaxation it comes from.

    The relaxation prices every row; the Lagrangian bound takes the rows that hold one task's own columns
    (cover, one choice, hours with a hand-off, asks) and that task's share of each running total out of the
    program at those prices. Each such task then only asks for the cheaper end of each of its columns (a sum),
    and what is left is small: the running totals, the shortfall, and the recurring tasks, whose choices
    alone take whole values here (the relaxation hands out parts of them). Its best value plus that sum is a
    bound on every plan, and it is at least the relaxation's. The recurring choices that come out fractional
    are made whole too, one round at a time, while the time allows (`ROUNDS`)."""

    ROUNDS = 3

    def __init__(
        self,
        program: Program,
        cost: np.ndarray,
        lower: np.ndarray,
        upper: np.ndarray,
        integer: np.ndarray,
        matrix: Any,
        lo: np.ndarray,
        hi: np.ndarray,
    ) -> None:
        from scipy.optimize import Bounds, LinearConstraint, linprog, milp
        from scipy.sparse import coo_array, csr_array, hstack, identity, vstack

        self.value = -math.inf
        self.relaxed: np.ndarray | None = None
        self.recurring_x: np.ndarray | None = None
        n = len(cost)
        task = program.task_columns()
        matrix = csr_array(matrix)
        own = csr_array(matrix * task[None, :])  # each row's part in the tasks' columns
        own.eliminate_zeros()
        rest = csr_array(matrix * ~task[None, :])
        rest.eliminate_zeros()
        has_task = np.diff(own.indptr) > 0
        has_core = np.diff(rest.indptr) > 0
        mixed = np.flatnonzero(has_task & has_core)
        k = len(mixed)
        # q_r: the tasks' share of mixed row r, its own column, so the row stays whole without the tasks.
        q_lo = own[mixed].maximum(0) @ lower + own[mixed].minimum(0) @ upper
        q_hi = own[mixed].maximum(0) @ upper + own[mixed].minimum(0) @ lower
        is_mixed = np.zeros(len(lo), dtype=bool)
        is_mixed[mixed] = True
        kept_part = csr_array(matrix - own * is_mixed[:, None])
        kept_part.eliminate_zeros()
        top = hstack([kept_part, coo_array((np.ones(k), (mixed, np.arange(k))), shape=(len(lo), k))])
        share = hstack([-own[mixed], identity(k)])
        a = vstack([top, share]).tocsr()
        row_lo, row_hi = np.concatenate([lo, np.zeros(k)]), np.concatenate([hi, np.zeros(k)])
        priced = np.concatenate([has_task & ~has_core, np.ones(k, dtype=bool)])
        c = np.concatenate([cost, np.zeros(k)])
        col_lo, col_hi = np.concatenate([lower, q_lo]), np.concatenate([upper, q_hi])
        whole = np.concatenate([integer, np.zeros(k, dtype=integer.dtype)])
        eq = row_lo == row_hi
        le = ~eq & np.isfinite(row_hi)
        ge = ~eq & np.isfinite(row_lo)
        a_ub = vstack([a[le], -a[ge]]).tocsr()
        b_ub = np.concatenate([row_hi[le], -row_lo[ge]])
        ub_priced = np.concatenate([priced[le], priced[ge]])
        with _stdout_to_stderr():
            lp = linprog(
                c,
                A_ub=a_ub,
                b_ub=b_ub,
                A_eq=a[eq],
                b_eq=row_hi[eq],
                bounds=np.column_stack([col_lo, col_hi]),
                method="highs-ds",
            )
        if lp.status != 0:
            return
        self.relaxed = np.asarray(lp.x)[:n]
        self.value = float(lp.fun)
        u = np.where(ub_priced, np.minimum(np.asarray(lp.ineqlin.marginals), 0.0), 0.0)
        v = np.where(priced[eq], np.asarray(lp.eqlin.marginals), 0.0)
        reduced = c - a_ub.T @ u - a[eq].T @ v
        constant = float(u @ b_ub + v @ row_hi[eq])
        tasks = np.concatenate([task, np.zeros(k, dtype=bool)])
        r_t = reduced[tasks]
        constant += float(np.where(r_t >= 0, r_t * col_lo[tasks], r_t * col_hi[tasks]).sum())
        core = np.flatnonzero(~tasks)
        keep_ub, keep_eq = ~ub_priced, ~priced[eq]
        rows = [LinearConstraint(a_ub[keep_ub][:, core], -np.inf, b_ub[keep_ub])]
        if keep_eq.any():
            b_eq = row_hi[eq][keep_eq]
            rows.append(LinearConstraint(a[eq][keep_eq][:, core], b_eq, b_eq))
        core_cost, core_whole = reduced[core], whole[core]
        bounds = Bounds(col_lo[core], col_hi[core])
        with _stdout_to_stderr(), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            start = milp(core_cost, integrality=np.zeros_like(core_whole), bounds=bounds, constraints=rows)
        x = np.asarray(start.x) if start.x is not None else np.asarray(lp.x)[core]
        making = np.zeros_like(core_whole)
        for _ in range(self.ROUNDS):
            fractional = (core_whole > 0) & (np.abs(x - np.round(x)) > WHOLE) & (making == 0)
            if not fractional.any():
                break
            making[fractional] = 1
            with _stdout_to_stderr(), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                result = milp(core_cost, integrality=making, bounds=bounds, constraints=rows, options=_CORE_OPTIONS)
            dual = getattr(result, "mip_dual_bound", None)
            if result.x is None or dual is None or not math.isfinite(float(dual)):
                break
            # A sum of valid parts: never above a plan; kept only when it says more than the relaxation.
            self.raise_to(constant + float(dual))
            x = np.asarray(result.x)
        full = np.zeros(len(c))
        full[core] = x
        self.recurring_x = full[:n]

    def raise_to(self, value: float) -> None:
        self.value = max(self.value, value)

    def gap(self, objective: float) -> float:
        """Return how far `objective` may be above the best plan, as a share of it."""
        if not math.isfinite(self.value):
            return math.inf
        return max((objective - self.value) / max(abs(objective), 1.0), 0.0)


# The priced program is small: HiGHS's search heuristics would cost more than the few nodes it needs.
_CORE_OPTIONS = {
    "mip_rel_gap": 1e-4,
    "time_limit": 5.0,
    "mip_heuristic_effort": 0.0,
    "mip_heuristic_run_rins": False,
    "mip_heuristic_run_rens": False,
    "mip_heuristic_run_root_reduced_cost": False,
}


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
