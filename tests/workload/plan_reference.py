"""The plan's program as first written, kept for the tests: one hand-off yes/no per colleague beside one ask
yes/no per task, every task with every column, solved exactly by HiGHS. Two fixes since, in both programs: a
running total may go below zero, and a colleague's rows reach the span's end, so the work they took already
always counts. The faster program (program.py, solved relaxation-first by solve.py) must give the same cost."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from onward.workload.handoff.cost import removal_cost
from onward.workload.handoff.problem import (
    EPS,
    HANDED_PER_HOUR,
    LATE_PER_HOUR_PER_IMPORTANCE,
    MULTIPLIER,
    NOBODY_PER_HOUR,
    UNPLACED_PER_HOUR,
    ScheduleProblem,
    due_of,
)


@dataclass(frozen=True)
class Exact:
    """The best plan's cost, and its hours late and that fit nowhere."""

    objective: float
    late_hours: float
    unplaced_hours: float


class _Model:
    """Columns and rows of the program, gathered as lists and turned into arrays once."""

    def __init__(self) -> None:
        self.cost: list[float] = []
        self.lower: list[float] = []
        self.upper: list[float] = []
        self.integer: list[int] = []
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.vals: list[float] = []
        self.lo: list[float] = []
        self.hi: list[float] = []

    def column(
        self, cost: float, *, binary: bool = False, upper: float = math.inf, integer: bool = False, lower: float = 0.0
    ) -> int:
        self.cost.append(cost)
        self.lower.append(lower)
        self.upper.append(1.0 if binary else upper)
        self.integer.append(1 if binary or integer else 0)
        return len(self.cost) - 1

    def row(self, terms: list[tuple[int, float]], lo: float, hi: float) -> None:
        r = len(self.lo)
        for c, v in terms:
            self.rows.append(r)
            self.cols.append(c)
            self.vals.append(v)
        self.lo.append(lo)
        self.hi.append(hi)


@dataclass
class _TaskColumns:
    o: int | None = None
    late: int | None = None
    u: int | None = None
    g: dict[int, int] = field(default_factory=dict)
    z: dict[int, int] = field(default_factory=dict)
    d: int | None = None
    p: int | None = None
    a: int | None = None


def _cumulative_rows(
    m: _Model,
    row_days: list[int],
    entries: list[tuple[int, int, float]],
    rhs: list[float],
    last_terms: list[tuple[int, float]],
    *,
    slack_cost: float | None,
) -> list[int]:
    """Add "hours due by day t fit in the room up to t" for each day of `row_days`, written with a running total
    S_t = S_prev + (hours due in between), so each task's column appears once instead of in every later row.
    Return the slack columns (what no plan can fix), one per row, when `slack_cost` is given."""
    buckets: list[list[tuple[int, float]]] = [[] for _ in row_days]
    for day, col, coef in entries:
        buckets[bisect.bisect_left(row_days, day)].append((col, coef))
    slacks: list[int] = []
    previous: int | None = None
    for r, terms in enumerate(buckets):
        total = m.column(0.0, lower=-math.inf)  # fixed since: dropping recurring work may take it below zero
        m.row(
            [(total, 1.0), *(((previous, -1.0),) if previous is not None else ()), *((c, -v) for c, v in terms)],
            0.0,
            0.0,
        )
        fit = [(total, 1.0)] + (last_terms if r == len(row_days) - 1 else [])
        if slack_cost is not None:
            slack = m.column(slack_cost)
            slacks.append(slack)
            fit.append((slack, -1.0))
        m.row(fit, -math.inf, rhs[r])
        previous = total
    return slacks


def solve_exactly(problem: ScheduleProblem, *, mip_rel_gap: float = 1e-9, presolve: bool = True) -> Exact:
    """Return the cost of the best plan by the program as first written, solved to `mip_rel_gap`."""
    days = len(problem.capacity_by_day)
    last = days - 1
    prefix = np.cumsum(np.array(problem.capacity_by_day, dtype=np.float64))
    # A colleague's weekly hours come Monday to Friday, a fifth a day, from today on.
    weekdays = np.cumsum([1 if (problem.today_weekday + d) % 7 < 5 else 0 for d in range(days)]) / 5.0
    m = _Model()
    cols: list[_TaskColumns] = []
    # Rows only at days something is due (and the last day): the others add nothing the next due day lacks.
    me_rows: dict[int, list[tuple[int, float]]] = {last: []}
    ons: list[tuple[int, int]] = []  # (due day, column): on-time hours, in every row from their due day on
    recurring: list[tuple[list[tuple[int, float]], dict[int, int], np.ndarray]] = []
    mates: list[tuple[int, int, int]] = []  # (colleague, due day, column)
    helpers = [k for k, c in enumerate(problem.colleagues) if c.weekly_limit_hours > EPS]
    for work in problem.works:
        c = _TaskColumns()
        cols.append(c)
        cost = removal_cost(work.candidate).total
        if work.may_hand_off:
            c.z = {k: m.column(MULTIPLIER["hand_off"] * cost, binary=True) for k in helpers}
        if work.may_drop:
            c.p = m.column(MULTIPLIER["drop"] * cost, binary=True)
        if work.may_defer:
            c.d = m.column(MULTIPLIER["defer"] * cost, binary=True)
        removals = [(col, 1.0) for col in [*c.z.values(), c.p, c.d] if col is not None]
        if len(removals) > 1:
            m.row(removals, -math.inf, 1.0)
        if work.recurring_by_week is not None:
            due_hours = np.zeros(days)
            for w, h in enumerate(work.recurring_by_week):
                due_hours[problem.last_day_of_week(w)] += h
            recurring.append((removals, c.z, due_hours))
            continue
        hours = work.hours
        if hours <= EPS:
            continue
        due = due_of(problem, work)
        c.o = m.column(0.0, upper=hours)
        c.u = m.column(UNPLACED_PER_HOUR, upper=hours)
        c.a = m.column(MULTIPLIER["ask"] * cost, binary=True)
        if work.due_day is not None and due < last:
            c.late = m.column(LATE_PER_HOUR_PER_IMPORTANCE * work.candidate.importance, upper=hours)
        # Whole hours: "hand Sam 3 h of it" is something one can ask; 2.57 h is not.
        c.g = {k: m.column(HANDED_PER_HOUR, upper=math.floor(hours), integer=True) for k in c.z}
        cover = [(c.o, 1.0), (c.u, 1.0)] + [(g, 1.0) for g in c.g.values()]
        cover += [(col, hours) for col in (c.d, c.p) if col is not None]
        if c.late is not None:
            cover.append((c.late, 1.0))
        m.row(cover, hours, hours)
        for k, g in c.g.items():
            m.row([(g, 1.0), (c.z[k], -hours)], -math.inf, 0.0)
            mates.append((k, due, g))
        m.row([(c.u, 1.0), (c.a, -hours)] + ([(c.late, 1.0)] if c.late is not None else []), -math.inf, 0.0)
        ons.append((due, c.o))
        me_rows.setdefault(due, [])
        if c.late is not None:
            me_rows[last].append((c.late, 1.0))
    for _, _, due_hours in recurring:
        for day in np.flatnonzero(due_hours > EPS):
            me_rows.setdefault(int(day), [])
    row_days = sorted(me_rows)
    entries = [(due, col, 1.0) for due, col in ons]
    kept = np.zeros(days)  # recurring hours due each day, while their task stays
    for removals, _, due_hours in recurring:
        kept += due_hours
        for d in np.flatnonzero(due_hours > EPS):
            # Taken off as a whole: its hours leave every row from their day on.
            entries += [(int(d), col, -float(due_hours[d])) for col, _ in removals]
    kept_by = np.cumsum(kept)
    rhs = [float(prefix[t] - kept_by[t]) for t in row_days]
    _cumulative_rows(m, row_days, entries, rhs, me_rows[last], slack_cost=NOBODY_PER_HOUR)
    for k in helpers:
        mine = [(due, g, 1.0) for kk, due, g in mates if kk == k]
        for _, z, due_hours in recurring:
            if k in z:
                mine += [(int(d), z[k], float(due_hours[d])) for d in np.flatnonzero(due_hours > EPS)]
        if not mine:
            continue
        limit = problem.colleagues[k].weekly_limit_hours
        taken = problem.already_handed[k] if k < len(problem.already_handed) else ()
        # Fixed since: rows also where their earlier work is due and at the span's end.
        mate_days = sorted({*(due for due, _, _ in mine), last, *(min(max(d, 0), last) for d, h in taken if h > EPS)})
        room = [max(limit * float(weekdays[t]) - sum(h for due, h in taken if due <= t), 0.0) for t in mate_days]
        _cumulative_rows(m, mate_days, mine, room, [], slack_cost=None)

    matrix = coo_array((m.vals, (m.rows, m.cols)), shape=(len(m.lo), len(m.cost))).tocsr()
    matrix = coo_array((m.vals, (m.rows, m.cols)), shape=(len(m.lo), len(m.cost))).tocsr()
    result = milp(
        np.array(m.cost),
        integrality=np.array(m.integer),
        bounds=Bounds(np.array(m.lower), np.array(m.upper)),
        constraints=LinearConstraint(matrix, np.array(m.lo), np.array(m.hi)),
        options={"time_limit": 60.0, "mip_rel_gap": mip_rel_gap, "disp": False, "presolve": presolve},
    )
    assert result.status == 0, result.message
    x = np.asarray(result.x)
    late = sum(float(x[c.late]) for c in cols if c.late is not None)
    unplaced = sum(float(x[c.u]) for c in cols if c.u is not None)
    return Exact(float(result.fun), late, unplaced)
