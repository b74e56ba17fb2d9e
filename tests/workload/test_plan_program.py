"""Hypothesis: the faster program (one yes/no per choice, solved relaxation-first) finds plans as good as the
program as first written, solved exactly, on small random weeks; and every plan keeps the plan's promises."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onward.workload.handoff.cost import Candidate, Colleague
from onward.workload.handoff.problem import EPS, MIP_REL_GAP, PROTECT_DAYS, PROTECT_IMPORTANCE
from onward.workload.handoff.program import NONE, build_program
from onward.workload.handoff.schedule import ScheduleProblem, Work, solve_schedule
from onward.workload.handoff.solve import run_highs

from .plan_reference import solve_exactly


@st.composite
def problems(draw: st.DrawFn) -> ScheduleProblem:
    """A few weeks of day hours, a handful of tasks (some recurring, some undated), up to two colleagues."""
    weeks = draw(st.integers(1, 3))
    weekday = draw(st.integers(0, 6))
    days = 7 * weeks - weekday
    hours_a_day = st.sampled_from([0.0, 0.0, 1.5, 2.5, 4.0, 7.5])
    capacity = tuple(draw(hours_a_day) if (weekday + d) % 7 < 5 else 0.0 for d in range(days))
    week_of_day = tuple((weekday + d) // 7 for d in range(days))
    works = []
    for i in range(draw(st.integers(1, 8))):
        due_day = draw(st.none() | st.integers(0, days - 1))
        recurring = draw(st.booleans()) and draw(st.booleans())
        candidate = Candidate(
            id=i + 1,
            title=f"task {i + 1}",
            hours_by_week=(),
            importance=draw(st.integers(1, 5)),
            days_to_due=due_day if due_day is not None else draw(st.none() | st.integers(days, days + 30)),
            enjoyment=draw(st.sampled_from([None, "love", "like", "without"])),
            skill=draw(st.none() | st.integers(1, 5)),
            locked=draw(st.booleans()) and draw(st.booleans()),
            can_hand_off=draw(st.integers(0, 3)) > 0,
        )
        if recurring:
            by_week = tuple(draw(st.sampled_from([0.0, 1.0, 2.5, 4.0])) for _ in range(weeks))
            works.append(Work(candidate, sum(by_week), None, recurring_by_week=by_week))
        else:
            hours = draw(st.sampled_from([0.0, 0.4, 1.0, 2.0, 2.5, 3.25, 6.0, 9.5, 14.0]))
            works.append(Work(candidate, hours, due_day))
    colleagues = tuple(
        Colleague(name, draw(st.sampled_from([0.0, 2.0, 3.5, 6.0])))
        for name in ["Sam", "Kim"][: draw(st.sampled_from([0, 1, 1, 2, 2]))]
    )
    already = tuple(((draw(st.integers(0, days - 1)), draw(st.sampled_from([0.0, 1.5]))),) for _ in colleagues)
    return ScheduleProblem(capacity, week_of_day, tuple(works), colleagues, weekday, already)


def _sum(x: np.ndarray, cols: np.ndarray) -> float:
    return float(x[cols[cols != NONE]].sum())


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_the_faster_program_costs_what_the_exact_one_does(problem: ScheduleProblem) -> None:
    exact = solve_exactly(problem)
    program = build_program(problem)
    solution = run_highs(program, time_limit_s=30.0, presolve=True, mip_rel_gap=MIP_REL_GAP)
    assert solution.x is not None and solution.optimal and solution.gap is not None
    tolerance = MIP_REL_GAP * max(abs(exact.objective), 1.0) + 1e-6
    # Never cheaper than the best plan (the same plans are allowed), and within the gap it proved of it.
    assert exact.objective - 1e-6 <= solution.objective <= exact.objective + tolerance
    assert solution.gap <= MIP_REL_GAP + 1e-9
    if solution.objective <= exact.objective + 1e-6:
        # The same cost: the same hours that need the manager (late, or fit nowhere).
        unscheduled = _sum(solution.x, program.late) + _sum(solution.x, program.unplaced)
        assert abs(unscheduled - (exact.late_hours + exact.unplaced_hours)) <= 1e-4


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_every_plan_keeps_the_promises(problem: ScheduleProblem) -> None:
    schedule = solve_schedule(problem, time_limit_s=30.0)
    for placed, room in zip(schedule.load_by_week, problem.capacity_by_week, strict=True):
        assert placed <= room + 1e-6
    for work, p in zip(problem.works, schedule.placements, strict=True):
        c = work.candidate
        if work.due_day is not None:
            due_week = problem.week_of_day[work.due_day]
            assert all(h <= EPS for h in p.scheduled_by_week[due_week + 1 :]), p
        if p.action == "drop":
            assert c.importance < PROTECT_IMPORTANCE and not c.locked
            assert c.days_to_due is None or c.days_to_due > PROTECT_DAYS
        if p.action == "defer":
            assert c.days_to_due is None and not c.locked
        if p.action == "hand_off" or p.handed_hours > 0:
            assert c.can_hand_off and not c.locked
            assert abs(p.handed_hours - round(p.handed_hours)) <= 1e-6 or p.handed_hours == round(work.hours, 4)
        if p.action not in ("drop", "defer") and work.recurring_by_week is None:
            # Every hour is somewhere: on time, late, nowhere, or with a colleague.
            done = sum(p.scheduled_by_week) + p.late_hours + p.unplaced_hours + p.handed_hours
            assert abs(done - work.hours) <= 1e-3, p
        if p.action == "ask":
            assert p.ask is not None and p.ask.hours > 0
    weekdays = np.cumsum([(problem.today_weekday + d) % 7 < 5 for d in range(len(problem.capacity_by_day))])
    for k, colleague in enumerate(problem.colleagues):
        # By each due day, within the hours a week they can give so far, less what they took that is due by then.
        handed = [
            (w.due_day if w.due_day is not None else len(weekdays) - 1, p.handed_hours)
            for w, p in zip(problem.works, schedule.placements, strict=True)
            if p.colleague == colleague.name
        ]
        for t in {*(due for due, _ in handed), len(weekdays) - 1}:
            room = colleague.weekly_limit_hours * weekdays[t] / 5
            room -= sum(h for due, h in problem.already_handed[k] if due <= t)
            assert sum(h for due, h in handed if due <= t) <= max(room, 0.0) + 1e-6
