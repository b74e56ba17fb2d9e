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

    on time o ≥ 0, late l ≥ 0 (after its due week, by the span's end), not placeable u ≥ 0,
    handed to colleague k: g_k ≥ 0 (partial hand-off, on time), binaries z_k (hand off), d (defer), p (drop),
    a (ask the manager)
    o + l + u + Σ g_k + R·d + R·p = R          all of it is done by someone, deferred or dropped
    Σ z_k + d + p ≤ 1                           one change per task
    g_k ≤ R·z_k,  l + u ≤ R·a                   hours handed only with a hand-off, late only with an ask
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
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from onward.workload.handoff.cost import Candidate, Colleague, removal_cost

SPAN_WEEKS = 12
PROTECT_DAYS = 7
PROTECT_IMPORTANCE = 4
MULTIPLIER = {"hand_off": 0.4, "defer": 0.6, "drop": 1.0, "ask": 2.0}
LATE_PER_HOUR_PER_IMPORTANCE = 3.0  # an hour late on work that matters weighs more than an easy drop
UNPLACED_PER_HOUR = 150.0
NOBODY_PER_HOUR = 1000.0
HANDED_PER_HOUR = 0.01  # hand no more hours than needed
MIP_REL_GAP = 1e-3
EPS = 1e-6


@dataclass(frozen=True)
class Work:
    """One open task for the schedule: its hours to place, the day they are due, and what may happen to it.

    `due_day` counts days from today (0 for today and for overdue work), None when undated or due after the
    span (then `hours` is its share inside the span). `recurring_by_week` holds the hours a recurring task's
    occurrences need in each week; such a task is placed as it is.
    """

    candidate: Candidate
    hours: float
    due_day: int | None
    recurring_by_week: tuple[float, ...] | None = None

    @property
    def protected(self) -> bool:
        """Whether the plan may never drop it: it matters (importance 4–5) or is due within a week."""
        c = self.candidate
        return c.importance >= PROTECT_IMPORTANCE or (c.days_to_due is not None and c.days_to_due <= PROTECT_DAYS)

    @property
    def may_drop(self) -> bool:
        return not self.candidate.locked and not self.protected

    @property
    def may_defer(self) -> bool:
        return not self.candidate.locked and self.candidate.days_to_due is None and self.recurring_by_week is None

    @property
    def may_hand_off(self) -> bool:
        return not self.candidate.locked and self.candidate.can_hand_off


@dataclass(frozen=True)
class ScheduleProblem:
    """The hours available each day from today to the span's end, the week of each day, the work, who helps."""

    capacity_by_day: tuple[float, ...]
    week_of_day: tuple[int, ...]
    works: tuple[Work, ...]
    colleagues: tuple[Colleague, ...] = ()
    today_weekday: int = 0  # Monday 0: the colleagues' hours come on weekdays
    # Work already handed to each colleague (by index): (due day, hours), counted against their weekly hours.
    already_handed: tuple[tuple[tuple[int, float], ...], ...] = ()

    @property
    def weeks(self) -> int:
        return self.week_of_day[-1] + 1 if self.week_of_day else 0

    @property
    def capacity_by_week(self) -> tuple[float, ...]:
        return tuple(float(x) for x in by_week(self, np.array(self.capacity_by_day)))

    def last_day_of_week(self, week: int) -> int:
        return max(d for d, w in enumerate(self.week_of_day) if w == week)

    def first_day_of_week(self, week: int) -> int:
        return min(d for d, w in enumerate(self.week_of_day) if w == week)


def by_week(problem: ScheduleProblem, daily: np.ndarray) -> np.ndarray:
    """Return daily hours summed by week."""
    return np.bincount(np.array(problem.week_of_day), weights=daily, minlength=problem.weeks)


@dataclass(frozen=True)
class Ask:
    """Something only the manager can agree to, and the hours it frees before the due date."""

    kind: str  # move_deadline | more_help | drop_with_agreement
    hours: float
    new_due_day: int | None = None  # move_deadline: the day (from today) the schedule finishes it
    hours_per_week: float | None = None  # more_help


@dataclass(frozen=True)
class Placement:
    """What happens to one task: the hours placed each week (on time and late), handed, and the action."""

    id: int
    action: str  # keep | hand_off | defer | drop | ask
    colleague: str | None
    handed_hours: float
    scheduled_by_week: tuple[float, ...]  # hours placed in each week up to its due week
    late_hours: float  # placed after its due week
    unplaced_hours: float  # fit nowhere in the span
    finish_day: int | None  # the day (from today) its last hour is placed; None when it has no hours to place
    finish_week: int | None  # the week of that day
    at_risk: bool
    ask: Ask | None
    cost: float


@dataclass
class Schedule:
    capacity_by_week: tuple[float, ...]
    load_by_week: tuple[float, ...]  # hours placed each week after the plan
    placements: list[Placement]
    missing_hours: float  # hours that need an ask (late or fit nowhere)
    shortfall_by_week: tuple[float, ...]  # hours no plan can fix, by week row
    objective: float
    optimal: bool
    mip_gap: float | None
    seconds: float
    status: str = ""
    by_id: dict[int, Placement] = field(default_factory=dict)

    @property
    def fits_without_asks(self) -> bool:
        return self.missing_hours <= 0.05


# ---- earliest due first -------------------------------------------------------------------------------------


Item = tuple[tuple[float, float], int, float, int]  # (order, task index, hours, first day it may use)


def place(capacity: np.ndarray, items: list[Item]) -> tuple[dict[int, np.ndarray], np.ndarray, dict[int, float]]:
    """Return, placing items in their order each into the earliest room from its first day: the hours of each
    task on each day, each day's load, and the hours that fit nowhere.

    In due order from day 0 this is earliest due first. The order is: work on time (by due date), then what
    runs late (by due date, from the day after it), then undated work and work due after the span.
    """
    days = len(capacity)
    room = capacity.astype(np.float64).copy()
    placed: dict[int, np.ndarray] = {}
    over: dict[int, float] = {}
    first_free = 0
    for _, i, hours, start in sorted(items, key=lambda item: (item[0], item[1])):
        left = hours
        row = placed.setdefault(i, np.zeros(days))
        d = max(start, first_free)
        while left > EPS and d < days:
            take = min(left, room[d])
            if take > EPS:
                row[d] += take
                room[d] -= take
                left -= take
            d += 1
        while first_free < days and room[first_free] <= EPS:
            first_free += 1
        if left > EPS:
            over[i] = over.get(i, 0.0) + left
    return placed, capacity - room, over


def finish_late_work(capacity: np.ndarray, on_time: list[Item], late: list[Item]) -> dict[int, int]:
    """Return the earliest day each task's late hours can be finished without making on-time work late.

    On-time work is placed as late as its due dates allow (latest due first, backwards), the late hours then
    take the earliest room after their due date. The schedule shown is earliest due first with these days as
    the late work's new due dates, which exists by the same argument (Jackson's rule)."""
    days = len(capacity)
    room = capacity.astype(np.float64).copy()
    for (_, due), _, hours, _ in sorted(on_time, key=lambda item: (-item[0][1], item[1])):
        left = hours
        d = min(int(due), days - 1)
        while left > EPS and d >= 0:
            take = min(left, room[d])
            room[d] -= take
            left -= take
            d -= 1
    finish: dict[int, int] = {}
    for _, i, hours, start in sorted(late, key=lambda item: (item[0], item[1])):
        left, d = hours, start
        while left > EPS and d < days:
            take = min(left, room[d])
            if take > EPS:
                room[d] -= take
                left -= take
                finish[i] = d
            d += 1
    return finish


def _due(problem: ScheduleProblem, work: Work) -> int:
    return work.due_day if work.due_day is not None else len(problem.capacity_by_day) - 1


def _on_time(problem: ScheduleProblem, work: Work, i: int, hours: float) -> Item:
    if work.due_day is None:
        return ((2.0, 0.0), i, hours, 0)
    return ((0.0, float(work.due_day)), i, hours, 0)


def recurring_items(problem: ScheduleProblem, keep: np.ndarray) -> list[Item]:
    """Return the occurrences of the kept recurring tasks: each due at the end of its week, done in its week."""
    return [
        ((0.0, float(problem.last_day_of_week(w))), i, h, problem.first_day_of_week(w))
        for i, work in enumerate(problem.works)
        if work.recurring_by_week is not None and keep[i]
        for w, h in enumerate(work.recurring_by_week)
        if h > EPS
    ]


@dataclass(frozen=True)
class Standing:
    """Each task's expected finish as things stand (day from today, None: it fits nowhere) and whether it is at
    risk of missing its due date."""

    finish_day: list[int | None]
    at_risk: list[bool]


def expected_finish(problem: ScheduleProblem) -> Standing:
    """Return when each task finishes if nothing changes, earliest due first, in one sorted pass (for pages).

    With one release date, earliest due first does the work in due order: an item finishes on the first day
    the room so far covers all hours due up to it. Recurring occurrences count as due at their week's end.
    """
    days = len(problem.capacity_by_day)
    owner: list[int] = []
    due: list[float] = []
    hours: list[float] = []
    for i, work in enumerate(problem.works):
        if work.recurring_by_week is not None:
            for w, h in enumerate(work.recurring_by_week):
                if h > EPS:
                    owner.append(i)
                    due.append(problem.last_day_of_week(w))
                    hours.append(h)
        elif work.hours > EPS:
            owner.append(i)
            due.append(work.due_day if work.due_day is not None else days - 1 + 0.5)  # undated last
            hours.append(work.hours)
    finish: list[int | None] = [None] * len(problem.works)
    risk = [False] * len(problem.works)
    if not owner:
        return Standing(finish, risk)
    order = np.lexsort((np.array(owner), np.array(due)))
    done_by = np.cumsum(np.array(hours)[order])
    room = np.cumsum(np.array(problem.capacity_by_day))
    day = np.searchsorted(room, done_by - 1e-6)
    for k, d in zip(order.tolist(), day.tolist(), strict=True):
        i = owner[k]
        work = problem.works[i]
        if d >= days:
            finish[i], risk[i] = None, True
            continue
        if finish[i] is not None or not risk[i]:
            finish[i] = max(finish[i] or 0, d)
        late_for = work.due_day if work.recurring_by_week is None and work.due_day is not None else due[k]
        if work.due_day is not None or work.recurring_by_week is not None:
            risk[i] = risk[i] or d > late_for
    return Standing(finish, risk)


def as_it_stands(problem: ScheduleProblem) -> Schedule:
    """Return the schedule when nothing changes: earliest due first, what does not fit on time runs late."""
    started = time.perf_counter()
    keep = np.ones(len(problem.works), dtype=bool)
    items = recurring_items(problem, keep)
    items += [
        _on_time(problem, work, i, work.hours)
        for i, work in enumerate(problem.works)
        if work.recurring_by_week is None and work.hours > EPS
    ]
    placed, load, over = place(np.array(problem.capacity_by_day), items)
    placements = [
        _placement(problem, i, "keep", None, 0.0, placed.get(i), over.get(i, 0.0)) for i in range(len(problem.works))
    ]
    short = np.zeros(problem.weeks)
    return _schedule(problem, placements, load, short, 0.0, True, 0.0, started, "as it stands")


# ---- the integer program ------------------------------------------------------------------------------------


class _Model:
    """Columns and rows of the program, gathered as lists and turned into arrays once."""

    def __init__(self) -> None:
        self.cost: list[float] = []
        self.upper: list[float] = []
        self.integer: list[int] = []
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.vals: list[float] = []
        self.lo: list[float] = []
        self.hi: list[float] = []

    def column(self, cost: float, *, binary: bool = False, upper: float = math.inf, integer: bool = False) -> int:
        self.cost.append(cost)
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
    import bisect

    buckets: list[list[tuple[int, float]]] = [[] for _ in row_days]
    for day, col, coef in entries:
        buckets[bisect.bisect_left(row_days, day)].append((col, coef))
    slacks: list[int] = []
    previous: int | None = None
    for r, terms in enumerate(buckets):
        total = m.column(0.0)
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


def solve_schedule(
    problem: ScheduleProblem, *, time_limit_s: float = 10.0, presolve: bool = True, mip_rel_gap: float = MIP_REL_GAP
) -> Schedule:
    """Return the cheapest plan that schedules first (see the module docstring); HiGHS stops at `time_limit_s`."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_array

    started = time.perf_counter()
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
        due = _due(problem, work)
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
    sigmas = _cumulative_rows(m, row_days, entries, rhs, me_rows[last], slack_cost=NOBODY_PER_HOUR)
    for k in helpers:
        mine = [(due, g, 1.0) for kk, due, g in mates if kk == k]
        for _, z, due_hours in recurring:
            if k in z:
                mine += [(int(d), z[k], float(due_hours[d])) for d in np.flatnonzero(due_hours > EPS)]
        if not mine:
            continue
        limit = problem.colleagues[k].weekly_limit_hours
        taken = problem.already_handed[k] if k < len(problem.already_handed) else ()
        mate_days = sorted({due for due, _, _ in mine})
        room = [max(limit * float(weekdays[t]) - sum(h for due, h in taken if due <= t), 0.0) for t in mate_days]
        _cumulative_rows(m, mate_days, mine, room, [], slack_cost=None)

    matrix = coo_array((m.vals, (m.rows, m.cols)), shape=(len(m.lo), len(m.cost))).tocsr()
    with _stdout_to_stderr():
        result = milp(
            np.array(m.cost),
            integrality=np.array(m.integer),
            bounds=Bounds(np.zeros(len(m.cost)), np.array(m.upper)),
            constraints=LinearConstraint(matrix, np.array(m.lo), np.array(m.hi)),
            options={"time_limit": time_limit_s, "presolve": presolve, "mip_rel_gap": mip_rel_gap, "disp": False},
        )
    if result.x is None:  # pragma: no cover - every column has a bound and σ makes any choice feasible
        fallback = as_it_stands(problem)
        fallback.status = f"HiGHS found no plan in time ({result.message}): this is the schedule as it stands"
        return fallback
    return _read(problem, cols, result, sigmas, row_days, started)


def _read(
    problem: ScheduleProblem,
    cols: list[_TaskColumns],
    result: Any,
    sigmas: list[int],
    row_days: list[int],
    started: float,
) -> Schedule:
    """Return the schedule the solution describes, placed earliest due first (the placement it proves exists)."""
    x = np.asarray(result.x)

    def val(col: int | None) -> float:
        return float(x[col]) if col is not None else 0.0

    def on(col: int | None) -> bool:
        return col is not None and bool(x[col] > 0.5)

    days = len(problem.capacity_by_day)
    actions: list[tuple[str, int | None, float]] = []
    keep = np.ones(len(problem.works), dtype=bool)
    items: list[Item] = []
    late_items: list[Item] = []
    for i, (work, c) in enumerate(zip(problem.works, cols, strict=True)):
        k = next((k for k, z in c.z.items() if on(z)), None)
        if on(c.d) or on(c.p):
            actions.append(("defer" if on(c.d) else "drop", None, 0.0))
            keep[i] = False
        elif k is not None and (work.recurring_by_week is not None or val(c.g.get(k)) >= work.hours - EPS):
            actions.append(("hand_off", k, work.hours if work.recurring_by_week is None else 0.0))
            keep[i] = False
        else:
            handed = val(c.g.get(k)) if k is not None else 0.0
            actions.append(("keep", k if handed > EPS else None, handed))
            if work.recurring_by_week is None:
                own = max(work.hours - handed, 0.0)
                if on(c.a) and work.due_day is not None:
                    items.append(_on_time(problem, work, i, val(c.o)))
                    late = max(own - val(c.o), 0.0)
                    late_items.append(((1.0, float(work.due_day)), i, late, min(work.due_day + 1, days - 1)))
                else:
                    items.append(_on_time(problem, work, i, own))
    items += recurring_items(problem, keep)
    capacity = np.array(problem.capacity_by_day)
    dated = [item for item in items if item[0][0] == 0.0]
    new_due = finish_late_work(capacity, dated, late_items)
    # Late work with a day it can finish on is placed by that day; what fits nowhere goes after everything.
    items += [
        ((0.0, float(new_due[i])), i, hours, 0) if i in new_due else ((3.0, due), i, hours, start)
        for (_, due), i, hours, start in late_items
    ]
    placed, load, over = place(capacity, items)
    placements = [
        _placement(
            problem,
            i,
            action,
            problem.colleagues[k].name if k is not None else None,
            handed,
            placed.get(i) if keep[i] else None,
            over.get(i, 0.0) if keep[i] else 0.0,
        )
        for i, (action, k, handed) in enumerate(actions)
    ]
    short = np.zeros(problem.weeks)
    for t, s in zip(row_days, sigmas, strict=True):
        short[problem.week_of_day[t]] = max(short[problem.week_of_day[t]], float(x[s]))
    gap = float(result.mip_gap) if getattr(result, "mip_gap", None) is not None else math.nan
    return _schedule(
        problem,
        placements,
        load,
        short,
        float(result.fun),
        result.status == 0,
        None if math.isnan(gap) else gap,
        started,
        f"HiGHS: {result.message}",
    )


def _placement(
    problem: ScheduleProblem,
    i: int,
    action: str,
    colleague: str | None,
    handed: float,
    row: np.ndarray | None,
    unplaced: float,
) -> Placement:
    """Return one task's placement; the ask (and its kind) follows from where its hours landed."""
    work = problem.works[i]
    days = len(problem.capacity_by_day)
    row = row if row is not None else np.zeros(days)
    due = _due(problem, work)
    on_time = row.copy()
    on_time[due + 1 :] = 0.0
    late = float(row[due + 1 :].sum())
    nonzero = np.flatnonzero(row > EPS)
    finish = int(nonzero[-1]) if len(nonzero) else None
    # Undated work and work due after the span cannot be late inside it; what fits nowhere still is at risk.
    at_risk = late > 0.05 or unplaced > 0.05
    cost = removal_cost(work.candidate).total
    ask = None
    if action == "keep" and handed > EPS:
        action = "hand_off"  # a part of it: `handed_hours` of its hours
    if action in ("keep", "hand_off") and at_risk:
        action = "ask"
        hours = round(late + unplaced, 2)
        c = work.candidate
        imminent = c.days_to_due is not None and c.days_to_due <= PROTECT_DAYS
        if c.importance < PROTECT_IMPORTANCE and imminent and not c.locked:
            ask = Ask("drop_with_agreement", round(work.hours - handed, 2))
        elif unplaced <= 0.05 and finish is not None and work.due_day is not None:
            ask = Ask("move_deadline", hours, new_due_day=finish)
        else:
            weeks_left = problem.week_of_day[due] + 1
            ask = Ask("more_help", hours, hours_per_week=round(hours / weeks_left, 2))
    paid = MULTIPLIER.get(action, 0.0) * cost
    if handed > EPS and action == "ask":
        paid += MULTIPLIER["hand_off"] * cost
    return Placement(
        id=work.candidate.id,
        action=action,
        colleague=colleague,
        handed_hours=round(handed, 4),
        scheduled_by_week=tuple(round(float(h), 4) for h in by_week(problem, on_time)),
        late_hours=round(late, 4),
        unplaced_hours=round(unplaced, 4),
        finish_day=finish,
        finish_week=problem.week_of_day[finish] if finish is not None else None,
        at_risk=at_risk,
        ask=ask,
        cost=round(paid, 4),
    )


def _schedule(
    problem: ScheduleProblem,
    placements: list[Placement],
    load: np.ndarray,
    short: np.ndarray,
    objective: float,
    optimal: bool,
    gap: float | None,
    started: float,
    status: str,
) -> Schedule:
    missing = sum(p.late_hours + p.unplaced_hours for p in placements)
    return Schedule(
        capacity_by_week=problem.capacity_by_week,
        load_by_week=tuple(round(float(h), 4) for h in by_week(problem, load)),
        placements=placements,
        missing_hours=round(missing, 4),
        shortfall_by_week=tuple(round(float(s), 4) for s in short),
        objective=round(objective, 4),
        optimal=optimal,
        mip_gap=gap,
        seconds=time.perf_counter() - started,
        status=status,
        by_id={p.id: p for p in placements},
    )
