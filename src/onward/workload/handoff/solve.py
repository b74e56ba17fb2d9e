"""Running HiGHS on the plan's program: within a time limit, with nothing printed on stdout, the gap it proved."""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from onward.workload.handoff.program import NONE, Program

WHOLE = 1e-6  # a relaxed yes/no or whole-hour value this close to a whole number is taken as decided
SETTLE_GAP = 1e-6  # the few undecided tasks are settled (almost) exactly

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

    First the linear relaxation, whose cost no plan can beat. Where it makes a whole choice for a task, that
    choice is kept, and HiGHS settles the few tasks left between choices: a plan. When that plan is within
    `mip_rel_gap` of the relaxation it is proved good enough and returned with that gap; otherwise HiGHS
    solves the whole program in the time left.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    started = time.perf_counter()
    cost, lower_bound, upper, integer, matrix, lo, hi = program.columns.arrays()
    constraints = LinearConstraint(matrix, lo, hi)

    def solve(
        lower: np.ndarray, upper_: np.ndarray, whole: np.ndarray, gap: float, *, presolve: bool = presolve
    ) -> Any:
        left = max(time_limit_s - (time.perf_counter() - started), 0.1)
        with _stdout_to_stderr():
            return milp(
                cost,
                integrality=whole,
                bounds=Bounds(lower, upper_),
                constraints=constraints,
                options={"time_limit": left, "presolve": presolve, "mip_rel_gap": gap, "disp": False},
            )

    relaxed = solve(lower_bound, upper, np.zeros_like(integer), mip_rel_gap)
    if relaxed.status == 0:
        x = np.asarray(relaxed.x)
        choices = program.whole_number_columns()
        has = choices != NONE
        values = np.where(has, x[np.maximum(choices, 0)], 0.0)
        undecided = (has & (np.abs(values - np.round(values)) > WHOLE)).any(axis=1)
        fixed = choices[~undecided][has[~undecided]]
        lower, upper_fixed = lower_bound.copy(), upper.copy()
        lower[fixed] = upper_fixed[fixed] = np.round(x[fixed])
        # Presolve takes the fixed columns out: without it HiGHS would carry them all through its search.
        rounded = solve(lower, upper_fixed, integer, SETTLE_GAP, presolve=True)
        if rounded.x is not None:
            bound = float(relaxed.fun)
            proved = (float(rounded.fun) - bound) / max(abs(float(rounded.fun)), 1.0)
            if proved <= mip_rel_gap:
                return Solution(
                    np.asarray(rounded.x),
                    float(rounded.fun),
                    True,
                    max(proved, 0.0),
                    f"the relaxation decided all but {int(undecided.sum())} tasks; those settled, the plan is"
                    f" within {max(proved, 0.0):.3%} of the best possible",
                )
    result = solve(lower_bound, upper, integer, mip_rel_gap)
    gap = getattr(result, "mip_gap", None)
    return Solution(
        None if result.x is None else np.asarray(result.x),
        float(result.fun) if result.fun is not None else math.nan,
        result.status == 0,
        None if gap is None or math.isnan(float(gap)) else float(gap),
        str(result.message),
    )


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
