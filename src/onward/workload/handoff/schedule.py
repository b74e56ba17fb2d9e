"""Schedule first, then decide: one integer program places every open task's hours before its due date and
chooses, only for what cannot fit, what to hand off, defer, drop, or ask the manager about.

The weeks: week 0 holds today; the plan always looks `SPAN_WEEKS` weeks ahead at least (more when the page asks
for more), so whether a week breaks does not depend on how many weeks one looks at.

Work is placed day by day (a task due on Monday cannot use the rest of that week) and shown by week. Every task
is released now (Onward keeps no start dates). With one release date, a set of work fits before its due dates
exactly when, for every due date t, the hours due by t fit in the hours available from today to t (earliest
due first then places them; Jackson's rule). So the program needs no variable per task and day: one row per
due date over the hours each task does on time, which keeps 2,000 tasks × 12 weeks small.

Per task i with hours R (its remaining hours, or for work due after the span its share of them inside it):

    on time o ≥ 0, late l ≥ 0 (after its due week, by the span's end), not placeable u ≥ 0; one yes/no per
    choice, at most one taken: ask, hand whole hours g ≤ ⌊R⌋ to colleague k (the rest on time), the same with an
    ask, drop, defer (`program.py` writes the rows out)
    due date t: Σ_{due ≤ t} o + [t last] Σ l − σ_t ≤ hours available from today to t
    colleague k, due date t: Σ_{due ≤ t} g_k ≤ their weekly limit × the weeks begun by t

Who may do what (the rules the person asked for):
- drop only a task of importance 1–3 not due within `PROTECT_DAYS` days; defer only undated work (deferring
  dated work would move it past its due date); hand off only where the duty allows it; locked tasks are kept.
- lateness and hours that fit nowhere are asks: only the manager can agree to them.

A recurring task brings hours due in each week (its occurrences, due at the week's end); they count as they
are and go only with the whole task (handed off or dropped). σ_t is what no plan can fix (very dear).

Costs: hand off 0.4, defer 0.6, drop 1.0, ask 2.0 times the task's removal cost (cost.py), so the plan does
what the person can do alone first; plus per hour late 3 × importance, 150 not placeable, 1000 for σ. When
everything fits on time, keeping everything costs 0 and every action is keep.

The parts: `problem.py` the input and the answer, `program.py` builds the program, `solve.py` runs HiGHS (the
linear relaxation and a Lagrangian bound first; the bound's recurring choices kept, the relaxation decides
nearly every other task), `reading.py` turns its answer
into the schedule, placed earliest due first by `placing.py`.
"""

from __future__ import annotations

import time

from onward.workload.handoff.placing import Standing, as_it_stands, expected_finish
from onward.workload.handoff.problem import (
    EPS,
    MIP_REL_GAP,
    MULTIPLIER,
    PROTECT_DAYS,
    PROTECT_IMPORTANCE,
    SPAN_WEEKS,
    Ask,
    Placement,
    Schedule,
    ScheduleProblem,
    Work,
    by_week,
)
from onward.workload.handoff.program import build_program
from onward.workload.handoff.reading import read_plan
from onward.workload.handoff.solve import run_highs

__all__ = [
    "EPS",
    "MIP_REL_GAP",
    "MULTIPLIER",
    "PROTECT_DAYS",
    "PROTECT_IMPORTANCE",
    "SPAN_WEEKS",
    "Ask",
    "Placement",
    "Schedule",
    "ScheduleProblem",
    "Standing",
    "Work",
    "as_it_stands",
    "by_week",
    "expected_finish",
    "solve_schedule",
]


def solve_schedule(
    problem: ScheduleProblem, *, time_limit_s: float = 10.0, presolve: bool = True, mip_rel_gap: float = MIP_REL_GAP
) -> Schedule:
    """Return the cheapest plan that schedules first (see the module docstring); HiGHS stops at `time_limit_s`."""
    started = time.perf_counter()
    program = build_program(problem)
    solution = run_highs(program, time_limit_s=time_limit_s, presolve=presolve, mip_rel_gap=mip_rel_gap)
    if solution.x is None:  # pragma: no cover - every column has a bound and σ makes any choice feasible
        fallback = as_it_stands(problem)
        fallback.status = f"HiGHS found no plan in time ({solution.message}): this is the schedule as it stands"
        return fallback
    return read_plan(problem, program, solution, started)
