"""Reading HiGHS's answer: which choice each task got, and the schedule it proves exists, placed earliest due
first."""

from __future__ import annotations

import numpy as np

from onward.workload.handoff.placing import (
    Item,
    finish_late_work,
    on_time_item,
    place,
    placement,
    recurring_items,
    schedule_of,
)
from onward.workload.handoff.problem import EPS, Schedule, ScheduleProblem
from onward.workload.handoff.program import NONE, Program
from onward.workload.handoff.solve import Solution


def read_plan(problem: ScheduleProblem, program: Program, solution: Solution, started: float) -> Schedule:
    """Return the schedule the solution describes, placed earliest due first (the placement it proves exists)."""
    assert solution.x is not None
    x = solution.x

    def val(cols: np.ndarray) -> np.ndarray:
        return np.where(cols != NONE, x[np.maximum(cols, 0)], 0.0)

    def on(cols: np.ndarray) -> np.ndarray:
        return val(cols) > 0.5

    removed = on(program.drop) | on(program.defer)
    asked = on(program.ask)
    helper = np.full(len(problem.works), -1)
    handed = np.zeros(len(problem.works))
    for j in reversed(range(len(program.helpers))):  # the first colleague chosen, as one choice is taken
        chosen = on(program.part[j]) | on(program.part_ask[j])
        helper[chosen] = program.helpers[j]
        handed[chosen] = (val(program.part_hours[j]) + val(program.part_ask_hours[j]))[chosen]
        asked |= on(program.part_ask[j])
    on_time = val(program.on_time)
    days = len(problem.capacity_by_day)
    actions: list[tuple[str, int | None, float]] = []
    keep = np.ones(len(problem.works), dtype=bool)
    items: list[Item] = []
    late_items: list[Item] = []
    for i, work in enumerate(problem.works):
        k = int(helper[i]) if helper[i] >= 0 else None
        if removed[i]:
            actions.append(("defer" if on(program.defer[i : i + 1])[0] else "drop", None, 0.0))
            keep[i] = False
        elif k is not None and (work.recurring_by_week is not None or handed[i] >= work.hours - EPS):
            actions.append(("hand_off", k, work.hours if work.recurring_by_week is None else 0.0))
            keep[i] = False
        else:
            given = float(handed[i]) if k is not None else 0.0
            actions.append(("keep", k if given > EPS else None, given))
            if work.recurring_by_week is None:
                own = max(work.hours - given, 0.0)
                if asked[i] and work.due_day is not None:
                    items.append(on_time_item(problem, work, i, float(on_time[i])))
                    late = max(own - float(on_time[i]), 0.0)
                    late_items.append(((1.0, float(work.due_day)), i, late, min(work.due_day + 1, days - 1)))
                else:
                    items.append(on_time_item(problem, work, i, own))
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
        placement(
            problem,
            i,
            action,
            problem.colleagues[k].name if k is not None else None,
            handed_hours,
            placed.get(i) if keep[i] else None,
            over.get(i, 0.0) if keep[i] else 0.0,
        )
        for i, (action, k, handed_hours) in enumerate(actions)
    ]
    short = np.zeros(problem.weeks)
    for t, s in zip(program.row_days, val(program.shortfall), strict=True):
        short[problem.week_of_day[t]] = max(short[problem.week_of_day[t]], float(s))
    return schedule_of(
        problem,
        placements,
        load,
        short,
        solution.objective,
        solution.optimal,
        solution.gap,
        started,
        f"HiGHS: {solution.message}",
    )
