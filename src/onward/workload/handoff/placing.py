"""Earliest due first: where each task's hours land, day by day, once the plan is chosen (or nothing changed).

With one release date (today), earliest due first places every set of work that can fit before its due dates
(Jackson's rule), so the program needs no variable per task and day; this module then shows the placement.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from onward.workload.handoff.cost import removal_cost
from onward.workload.handoff.problem import (
    EPS,
    MULTIPLIER,
    PROTECT_DAYS,
    PROTECT_IMPORTANCE,
    Ask,
    Placement,
    Schedule,
    ScheduleProblem,
    Work,
    by_week,
    due_of,
)

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


def on_time_item(problem: ScheduleProblem, work: Work, i: int, hours: float) -> Item:
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
        on_time_item(problem, work, i, work.hours)
        for i, work in enumerate(problem.works)
        if work.recurring_by_week is None and work.hours > EPS
    ]
    placed, load, over = place(np.array(problem.capacity_by_day), items)
    placements = [
        placement(problem, i, "keep", None, 0.0, placed.get(i), over.get(i, 0.0)) for i in range(len(problem.works))
    ]
    short = np.zeros(problem.weeks)
    return schedule_of(problem, placements, load, short, 0.0, True, 0.0, started, "as it stands")


def placement(
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
    due = due_of(problem, work)
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
        recurring=work.recurring_by_week is not None,
    )


def schedule_of(
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
    """Return the schedule of these placements, with the figures the page and the bench print."""
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
