"""The integer program of the plan, built as arrays: one column block per kind of choice over all tasks at once.

Per task i with hours R (F = ⌊R⌋ whole hours can go to a colleague), each choice its own yes/no column, at most
one taken (none: keep it all on time):

    ask       y_A      2.0 × cost   some of it runs late (l) or fits nowhere (u)
    part k    y_Pk     0.4 × cost   g_Pk ≤ F·y_Pk whole hours to colleague k, the rest on time
    part+ask  y_PAk    2.4 × cost   g_PAk ≤ F·y_PAk whole hours to k, the rest on time, late or nowhere
    drop      y_P      1.0 × cost   defer y_D 0.6 × cost
    o + l + u + Σ_k (g_Pk + g_PAk) + R·(y_P + y_D) = R
    l + u ≤ R·y_A + Σ_k (R·y_PAk − g_PAk)         late or nowhere only with an ask, never the hours handed

This is the same set of plans as one hand-off column per colleague with one ask column beside it (a hand-off
with an ask pays both), written so the linear relaxation pays an ask's full price wherever a hand-off leaves a
part that does not fit. What the relaxation still splits is the recurring tasks handed to a colleague (parts of
tasks that fill their week exactly): hand-off columns a colleague could never take are left out, the packing is
written out per week, and solve.py's bound makes those choices whole.

Two choices are left out because another always does better: a task that may be dropped or deferred is never
asked about (dropping costs 1.0, deferring 0.6, an ask at least 2.0, and both free more hours), and work under
one hour has no hand-off (no whole hour of it can go).

A recurring task goes as a whole (z_k, drop, defer); its hours are in the running totals as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

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

NONE = -1  # no column


class Columns:
    """The columns and rows of the program, gathered block by block as arrays and joined once."""

    def __init__(self) -> None:
        self.count = 0
        self.rows = 0
        self._cost: list[np.ndarray] = []
        self._lower: list[np.ndarray] = []
        self._upper: list[np.ndarray] = []
        self._integer: list[np.ndarray] = []
        self._lo: list[np.ndarray] = []
        self._hi: list[np.ndarray] = []
        self._r: list[np.ndarray] = []
        self._c: list[np.ndarray] = []
        self._v: list[np.ndarray] = []

    def add(
        self,
        cost: np.ndarray | float,
        upper: np.ndarray | float,
        *,
        integer: bool = False,
        n: int = 0,
        lower: float = 0.0,
    ) -> np.ndarray:
        """Return the indices of `n` new columns (n from the arrays given when 0), from `lower` to `upper`."""
        n = n or max(np.size(cost), np.size(upper))
        first = self.count
        self.count += n
        self._cost.append(np.broadcast_to(np.asarray(cost, dtype=np.float64), (n,)))
        self._lower.append(np.full(n, lower))
        self._upper.append(np.broadcast_to(np.asarray(upper, dtype=np.float64), (n,)))
        self._integer.append(np.full(n, 1 if integer else 0, dtype=np.uint8))
        return np.arange(first, first + n)

    def binary(self, cost: np.ndarray) -> np.ndarray:
        return self.add(cost, 1.0, integer=True, n=len(cost))

    def constrain(self, lo: np.ndarray | float, hi: np.ndarray | float, n: int) -> np.ndarray:
        """Return the indices of `n` new rows lo ≤ row ≤ hi."""
        first = self.rows
        self.rows += n
        self._lo.append(np.broadcast_to(np.asarray(lo, dtype=np.float64), (n,)))
        self._hi.append(np.broadcast_to(np.asarray(hi, dtype=np.float64), (n,)))
        return np.arange(first, first + n)

    def put(self, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray | float) -> None:
        """Put coefficients at (rows, cols); pairs where the column is NONE are left out."""
        rows, cols = np.broadcast_arrays(np.asarray(rows), np.asarray(cols))
        vals = np.broadcast_to(np.asarray(vals, dtype=np.float64), rows.shape)
        keep = cols != NONE
        self._r.append(rows[keep])
        self._c.append(cols[keep])
        self._v.append(vals[keep])

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Return cost, lower and upper bounds, integrality, the matrix (CSR), row lower and upper bounds."""
        from scipy.sparse import coo_array

        matrix = coo_array(
            (np.concatenate(self._v), (np.concatenate(self._r), np.concatenate(self._c))), shape=(self.rows, self.count)
        ).tocsr()
        join = np.concatenate
        return (
            join(self._cost),
            join(self._lower),
            join(self._upper),
            join(self._integer),
            matrix,
            join(self._lo),
            join(self._hi),
        )


@dataclass
class Program:
    """The program and where each task's choices are: per task the column of each choice (NONE when it has
    not got it), per colleague the hand-off columns; the running-total slack of each row day."""

    columns: Columns
    on_time: np.ndarray
    late: np.ndarray
    unplaced: np.ndarray
    ask: np.ndarray
    drop: np.ndarray
    defer: np.ndarray
    part: list[np.ndarray]  # per colleague: y_Pk (recurring: z_k)
    part_hours: list[np.ndarray]  # g_Pk
    part_ask: list[np.ndarray]  # y_PAk
    part_ask_hours: list[np.ndarray]  # g_PAk
    helpers: list[int]
    row_days: list[int]
    shortfall: np.ndarray  # σ per row day
    recurring: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def whole_number_columns(self) -> np.ndarray:
        """Return, one row per task, the columns that must take whole numbers (NONE where it has fewer)."""
        return np.stack(
            [self.ask, self.drop, self.defer, *self.part, *self.part_hours, *self.part_ask, *self.part_ask_hours],
            axis=1,
        )

    def task_columns(self) -> np.ndarray:
        """Return a mask of the columns that belong to one task whose hours are placed (not recurring): what
        the Lagrangian bound in solve.py prices instead of solving."""
        mask = np.zeros(self.columns.count, dtype=bool)
        for block in [self.on_time, self.late, self.unplaced, *self.whole_number_columns().T]:
            cols = block[~self.recurring]
            mask[cols[cols != NONE]] = True
        return mask


def _block(
    columns: Columns, mask: np.ndarray, cost: np.ndarray | float, upper: np.ndarray | float, **kw: bool
) -> np.ndarray:
    """Return one column per task where `mask` holds (NONE elsewhere); cost and bound per task or for all."""
    out = np.full(len(mask), NONE, dtype=np.int64)
    n = int(mask.sum())
    if n:
        per_task = (len(mask),)
        cost_of, upper_of = np.broadcast_to(cost, per_task)[mask], np.broadcast_to(upper, per_task)[mask]
        out[mask] = columns.add(cost_of, upper_of, n=n, **kw)
    return out


def build_program(problem: ScheduleProblem) -> Program:
    """Return the plan's integer program over `problem` (see the module docstring)."""
    works = problem.works
    n = len(works)
    days = len(problem.capacity_by_day)
    last = days - 1
    cols = Columns()
    cost = np.array([removal_cost(w.candidate).total for w in works], dtype=np.float64)
    hours = np.array([w.hours for w in works], dtype=np.float64)
    recurring = np.array([w.recurring_by_week is not None for w in works], dtype=bool)
    placed = ~recurring & (hours > EPS)  # work whose hours are placed
    due = np.array([due_of(problem, w) for w in works], dtype=np.int64)
    dated = np.array([w.due_day is not None for w in works], dtype=bool)
    importance = np.array([w.candidate.importance for w in works], dtype=np.float64)
    may_drop = np.array([w.may_drop for w in works], dtype=bool) & (recurring | placed)
    may_defer = np.array([w.may_defer for w in works], dtype=bool) & placed
    whole = np.floor(hours)
    may_hand = np.array([w.may_hand_off for w in works], dtype=bool) & (recurring | (placed & (whole >= 1)))
    alone = placed & ~may_drop & ~may_defer  # only the manager can take it off: it may be asked about
    helpers = [k for k, c in enumerate(problem.colleagues) if c.weekly_limit_hours > EPS]
    # Each recurring task's hours due by each day (its occurrences at their week's end).
    due_hours = np.zeros((n, days))
    for i in np.flatnonzero(recurring):
        for w, h in enumerate(works[i].recurring_by_week or ()):
            due_hours[i, problem.last_day_of_week(w)] += h
    weekdays = np.cumsum([1 if (problem.today_weekday + d) % 7 < 5 else 0 for d in range(days)]) / 5.0
    room_by_day = [_room(problem, k, weekdays) for k in helpers]
    # What one task could ever give colleague k alone: whole hours within their room from its due day on, a
    # recurring task only when each occurrence fits by its day. A hand-off that never fits gets no column.
    hand_cap, hand_ok = [], []
    rec_by = np.cumsum(due_hours, axis=1)
    for room in room_by_day:
        ahead = np.minimum.accumulate(room[::-1])[::-1]  # the least room from each day to the span's end
        cap = np.where(recurring, 0.0, np.minimum(whole, np.floor(ahead[due] + EPS)))
        fits = np.where(recurring, (rec_by <= room[None, :] + EPS).all(axis=1), cap >= 1)
        hand_cap.append(cap)
        hand_ok.append(may_hand & fits)

    on_time = _block(cols, placed, 0.0, hours)
    unplaced = _block(cols, alone, UNPLACED_PER_HOUR, hours)
    late = _block(cols, alone & dated & (due < last), LATE_PER_HOUR_PER_IMPORTANCE * importance, hours)
    ask = _block(cols, alone, MULTIPLIER["ask"] * cost, 1.0, integer=True)
    drop = _block(cols, may_drop, MULTIPLIER["drop"] * cost, 1.0, integer=True)
    defer = _block(cols, may_defer, MULTIPLIER["defer"] * cost, 1.0, integer=True)
    part, part_hours, part_ask, part_ask_hours = [], [], [], []
    for ok, cap in zip(hand_ok, hand_cap, strict=True):
        part.append(_block(cols, ok, MULTIPLIER["hand_off"] * cost, 1.0, integer=True))
        part_hours.append(_block(cols, ok & placed, HANDED_PER_HOUR, cap, integer=True))
        both = ok & alone
        part_ask.append(_block(cols, both, (MULTIPLIER["hand_off"] + MULTIPLIER["ask"]) * cost, 1.0, integer=True))
        part_ask_hours.append(_block(cols, both, HANDED_PER_HOUR, cap, integer=True))

    tasks = np.flatnonzero(placed)
    # Every hour is done by someone, deferred or dropped.
    cover = cols.constrain(hours[tasks], hours[tasks], len(tasks))
    for col in [on_time, unplaced, late, *part_hours, *part_ask_hours]:
        cols.put(cover, col[tasks], 1.0)
    for col in [drop, defer]:
        cols.put(cover, col[tasks], hours[tasks])
    # At most one choice per task.
    choices = [ask, drop, defer, *part, *part_ask]
    several = np.sum([c != NONE for c in choices], axis=0) > 1
    one = np.full(n, -1, dtype=np.int64)
    one[several] = cols.constrain(-math.inf, 1.0, int(several.sum()))
    for c in choices:
        cols.put(one[several], c[several], 1.0)
    # Whole hours handed only with that hand-off.
    for y, g, cap in [
        *zip(part, part_hours, hand_cap, strict=True),
        *zip(part_ask, part_ask_hours, hand_cap, strict=True),
    ]:
        has = np.flatnonzero(g != NONE)
        rows = cols.constrain(-math.inf, 0.0, len(has))
        cols.put(rows, g[has], 1.0)
        cols.put(rows, y[has], -cap[has])
    # Late or nowhere only with an ask, and never the hours handed.
    asked = np.flatnonzero(alone)
    rows = cols.constrain(-math.inf, 0.0, len(asked))
    cols.put(rows, unplaced[asked], 1.0)
    cols.put(rows, late[asked], 1.0)
    cols.put(rows, ask[asked], -hours[asked])
    for y, g in zip(part_ask, part_ask_hours, strict=True):
        cols.put(rows, y[asked], -hours[asked])
        cols.put(rows, g[asked], 1.0)

    _recurring_packing(cols, part, rec_by, room_by_day, recurring, problem)
    # My running totals: on-time hours by their due day, late hours by the span's end, recurring hours as due.
    rec_days = np.flatnonzero(due_hours.sum(axis=0) > EPS)
    row_days = sorted({last, *due[tasks].tolist(), *rec_days.tolist()})
    prefix = np.cumsum(np.array(problem.capacity_by_day, dtype=np.float64))
    kept_by = np.cumsum(due_hours.sum(axis=0))
    rhs = prefix[row_days] - kept_by[row_days]
    e_day = [due[tasks]]
    e_col = [on_time[tasks]]
    e_val = [np.ones(len(tasks))]
    rec = np.flatnonzero(recurring)
    ii, dd = np.nonzero(due_hours[rec] > EPS)  # each recurring task's occurrences: (task, due day)
    for c in [drop, defer, *part]:
        # A recurring task taken off as a whole: its hours leave every row from their day on.
        e_day.append(dd)
        e_col.append(c[rec][ii])
        e_val.append(-due_hours[rec][ii, dd])
    shortfall = _running_rows(
        cols,
        row_days,
        np.concatenate(e_day),
        np.concatenate(e_col),
        np.concatenate(e_val),
        rhs,
        last_cols=late[late != NONE],
        slack_cost=NOBODY_PER_HOUR,
        # Below zero when a recurring task taken off frees more hours than are due on time by then.
        lowest=-math.inf,
    )
    # Each colleague's running totals: the hours handed by each due day within their weekly hours so far.
    for j, k in enumerate(helpers):
        # Whole hours of a task by its due day; a recurring task handed off whole, each occurrence by its day.
        e_d = np.concatenate([due[tasks], due[tasks], dd])
        e_c = np.concatenate([part_hours[j][tasks], part_ask_hours[j][tasks], part[j][rec][ii]])
        e_v = np.concatenate([np.ones(2 * len(tasks)), due_hours[rec][ii, dd]])
        keep = e_c != NONE
        if not keep.any():
            continue
        e_d, e_c, e_v = e_d[keep], e_c[keep], e_v[keep]
        taken = problem.already_handed[k] if k < len(problem.already_handed) else ()
        # A row at each due day, at each day their earlier work is due and at the span's end, so what they took
        # already counts even when nothing handed now is due after it.
        mate_days = sorted({*e_d.tolist(), last, *(min(max(d, 0), last) for d, h in taken if h > EPS)})
        room = room_by_day[j][mate_days]
        # Bounded below by zero, though the hours handed keep it there: HiGHS 1.12's presolve lost the best plan
        # on a small case with these totals free (tests/workload/test_plan_program.py found it).
        none = np.zeros(0, dtype=np.int64)
        _running_rows(cols, mate_days, e_d, e_c, e_v, room, last_cols=none, slack_cost=None, lowest=0.0)
    return Program(
        cols,
        on_time,
        late,
        unplaced,
        ask,
        drop,
        defer,
        part,
        part_hours,
        part_ask,
        part_ask_hours,
        helpers,
        row_days,
        shortfall,
        recurring,
    )


def _recurring_packing(
    cols: Columns,
    part: list[np.ndarray],
    rec_by: np.ndarray,
    room_by_day: list[np.ndarray],
    recurring: np.ndarray,
    problem: ScheduleProblem,
) -> None:
    """Add, per colleague, the recurring tasks they take written out by each week's end (Σ z·hours so far ≤
    their room then), and z_r + z_s ≤ 1 for two recurring tasks that never fit them together.

    Both hold in every plan already (the running totals and whole hours handed are never below zero); written
    out, HiGHS sees the packing: the relaxation can no longer hand a colleague parts of tasks that never fit.
    """
    days = np.array([problem.last_day_of_week(w) for w in range(problem.weeks)], dtype=np.int64)
    for z, room in zip(part, room_by_day, strict=True):
        mine = np.flatnonzero(recurring & (z != NONE))
        if not len(mine):
            continue
        hours = rec_by[np.ix_(mine, days)]  # task × week end
        used = hours > EPS
        keep = used.any(axis=0)
        weeks = np.flatnonzero(keep)
        rows = cols.constrain(-math.inf, room[days[weeks]], len(weeks))
        rr, tt = np.nonzero(used[:, weeks].T)
        cols.put(rows[rr], z[mine][tt], hours[:, weeks].T[rr, tt])
        full = rec_by[mine]  # task × day
        over = (full[:, None, :] + full[None, :, :] > room[None, None, :] + EPS).any(axis=2)
        a, b = np.nonzero(np.triu(over, k=1))
        if len(a):
            pairs = cols.constrain(-math.inf, 1.0, len(a))
            cols.put(pairs, z[mine][a], 1.0)
            cols.put(pairs, z[mine][b], 1.0)


def _room(problem: ScheduleProblem, k: int, weekdays: np.ndarray) -> np.ndarray:
    """Return the hours colleague k can take by each day: their weekly hours a fifth a weekday from today on,
    less the work they took already that is due by then (never below zero)."""
    taken = problem.already_handed[k] if k < len(problem.already_handed) else ()
    due_taken = np.zeros(len(weekdays))
    for d, h in taken:
        if d <= len(weekdays) - 1:
            due_taken[max(d, 0)] += h
    limit = problem.colleagues[k].weekly_limit_hours
    return np.maximum(limit * weekdays - np.cumsum(due_taken), 0.0)


def _running_rows(
    cols: Columns,
    row_days: list[int],
    day: np.ndarray,
    col: np.ndarray,
    val: np.ndarray,
    rhs: np.ndarray,
    *,
    last_cols: np.ndarray,
    slack_cost: float | None,
    lowest: float,
) -> np.ndarray:
    """Add "hours due by day t fit in the room up to t" for each row day t, written with a running total
    S_t = S_prev + (hours due in between) so each column appears once instead of in every later row. Return the
    slack columns (what no plan can fix), one per row, when `slack_cost` is given."""
    n = len(row_days)
    keep = col != NONE
    day, col, val = day[keep], col[keep], val[keep]
    bucket = np.searchsorted(np.array(row_days), day, side="left")
    total = cols.add(0.0, math.inf, n=n, lower=lowest)
    step = cols.constrain(0.0, 0.0, n)
    cols.put(step, total, 1.0)
    cols.put(step[1:], total[:-1], -1.0)
    cols.put(step[bucket], col, -val)
    fit = cols.constrain(-math.inf, rhs, n)
    cols.put(fit, total, 1.0)
    cols.put(np.full(len(last_cols), fit[-1]), last_cols, 1.0)
    if slack_cost is None:
        return np.zeros(0, dtype=np.int64)
    slack = cols.add(slack_cost, math.inf, n=n)
    cols.put(fit, slack, -1.0)
    return slack
