"""The hand-off plan: optimal against brute force, rules respected, unfixable weeks named, reasons readable."""

from __future__ import annotations

import itertools
import random

import pytest

from onward.errors import BadInput
from onward.workload.handoff.cost import action_cost, can_defer
from onward.workload.handoff.solver import (
    Candidate,
    Colleague,
    HandoffPlan,
    HandoffProblem,
    greedy,
    removal_cost,
    solve,
)

TOL = 1e-6


def task(
    id: int,
    hours: tuple[float, ...],
    *,
    importance: int = 3,
    due: int | None = 30,
    enjoyment: str | None = None,
    skill: int | None = None,
    locked: bool = False,
    can_hand_off: bool = True,
) -> Candidate:
    return Candidate(id, f"Task {id}", hours, importance, due, enjoyment, skill, locked, can_hand_off, "Duty")


def random_problem(rng: random.Random) -> HandoffProblem:
    weeks = 3
    candidates = []
    for i in range(rng.randint(3, 6)):
        candidates.append(
            Candidate(
                id=i + 1,
                title=f"Task {i + 1}",
                hours_by_week=tuple(rng.choice([0, 0, 0.5, 1, 2, 3, 5]) for _ in range(weeks)),
                importance=rng.randint(1, 5),
                days_to_due=rng.choice([None, -2, 0, 5, 13, 14, 30, 70]),
                enjoyment=rng.choice(["love", "like", "without", None]),
                skill=rng.choice([1, 2, 3, 4, 5, None]),
                locked=rng.random() < 0.15,
                can_hand_off=rng.random() < 0.7,
            )
        )
    load = [sum(c.hours_by_week[w] for c in candidates) for w in range(weeks)]
    capacity = tuple(round(x * rng.uniform(0.4, 1.1), 1) for x in load)
    colleagues = tuple(Colleague(name, rng.choice([1.0, 2.0, 4.0])) for name in ["Jo", "Sam"][: rng.randint(0, 2)])
    return HandoffProblem(capacity, tuple(candidates), colleagues)


def brute_force(problem: HandoffProblem) -> tuple[float, float]:
    """Return (least total shortfall, least cost at that shortfall) over every combination of actions."""
    weeks = len(problem.capacity_by_week)
    per_task = []
    for c in problem.candidates:
        options: list[tuple[str, int | None]] = [("keep", None)]
        if not c.locked:
            options += [("drop", None)]
            if can_defer(c):
                options.append(("defer", None))
            if c.can_hand_off:
                options += [("hand_off", k) for k in range(len(problem.colleagues))]
        per_task.append(options)
    best = (float("inf"), float("inf"))
    for combo in itertools.product(*per_task):
        given = [[0.0] * weeks for _ in problem.colleagues]
        kept = [0.0] * weeks
        cost = 0.0
        for c, (action, k) in zip(problem.candidates, combo, strict=True):
            cost += action_cost(c, action)
            for w, h in enumerate(c.hours_by_week):
                if action == "keep":
                    kept[w] += h
                elif k is not None:
                    given[k][w] += h
        if any(
            given[k][w] > col.weekly_limit_hours + TOL for k, col in enumerate(problem.colleagues) for w in range(weeks)
        ):
            continue
        shortfall = round(sum(max(0.0, kept[w] - problem.capacity_by_week[w]) for w in range(weeks)), 6)
        best = min(best, (shortfall, round(cost, 6)))
    return best


def check_rules(problem: HandoffProblem, plan: HandoffPlan) -> None:
    """Assert what every plan must honour: locked kept, no hand-off where not allowed, colleague limits, loads."""
    weeks = len(problem.capacity_by_week)
    by_id = {c.id: c for c in problem.candidates}
    limits = {c.name: c.weekly_limit_hours for c in problem.colleagues}
    given = {name: [0.0] * weeks for name in limits}
    kept = [0.0] * weeks
    for d in plan.decisions:
        c = by_id[d.id]
        if c.locked:
            assert d.action == "keep"
        if d.action == "hand_off":
            assert c.can_hand_off and d.colleague in limits
        if d.action == "defer":
            assert can_defer(c)
        for w, h in enumerate(c.hours_by_week):
            if d.action == "keep":
                kept[w] += h
            if d.action == "hand_off" and d.colleague is not None:
                given[d.colleague][w] += h
    for name, hours in given.items():
        assert all(h <= limits[name] + TOL for h in hours), (name, hours)
    assert kept == pytest.approx(list(plan.load_after_by_week))
    for w in range(weeks):
        assert kept[w] <= problem.capacity_by_week[w] + plan.shortfall_by_week[w] + TOL
    assert plan.feasible == all(s == 0 for s in plan.shortfall_by_week)
    assert plan.objective == pytest.approx(sum(d.cost for d in plan.decisions))


def test_exact_plan_matches_brute_force_on_many_small_problems() -> None:
    rng = random.Random(7)
    for _ in range(60):
        problem = random_problem(rng)
        plan = solve(problem, mip_rel_gap=0.0)
        shortfall, cost = brute_force(problem)
        check_rules(problem, plan)
        assert plan.optimal
        assert sum(plan.shortfall_by_week) == pytest.approx(shortfall, abs=TOL)
        assert plan.objective == pytest.approx(cost, abs=TOL)
        quick = greedy(problem)
        check_rules(problem, quick)
        assert sum(quick.shortfall_by_week) == pytest.approx(shortfall, abs=TOL)
        assert plan.objective <= quick.objective + TOL


def test_exact_beats_greedy_where_the_cheapest_hour_misleads() -> None:
    # Week needs 10 hours off. Greedy takes the cheapest hour first (A, 6 h) and then needs B as well;
    # taking D alone costs less.
    problem = HandoffProblem(
        capacity_by_week=(20.0,),
        candidates=(
            task(1, (6.0,), importance=1, due=0),
            task(2, (5.0,), importance=1, due=0),
            task(3, (10.0,), importance=4, due=0),
            task(4, (9.0,), locked=True),
        ),
    )
    exact, quick = solve(problem), greedy(problem)
    assert [d.action for d in exact.decisions] == ["keep", "keep", "drop", "keep"]
    assert {d.id for d in quick.decisions if d.action == "drop"} == {1, 2}
    assert exact.objective < quick.objective
    assert exact.objective == pytest.approx(removal_cost(problem.candidates[2]).total)


def test_locked_and_not_handable_tasks_are_respected() -> None:
    problem = HandoffProblem(
        capacity_by_week=(10.0, 10.0),
        candidates=(
            task(1, (8.0, 8.0), importance=1, enjoyment="without", locked=True),
            task(2, (6.0, 6.0), importance=1, can_hand_off=False, due=3),
            task(3, (2.0, 2.0), importance=5, enjoyment="love", skill=5),
        ),
        colleagues=(Colleague("Jo", 20.0),),
    )
    plan = solve(problem)
    check_rules(problem, plan)
    actions = {d.id: (d.action, d.colleague) for d in plan.decisions}
    # The cheap task cannot be handed off and is due in 3 days (too soon to defer), so it is dropped.
    assert actions == {1: ("keep", None), 2: ("drop", None), 3: ("keep", None)}
    reasons = {d.id: d.reason for d in plan.decisions}
    assert reasons[1] == "Kept: you locked it."
    assert "cannot be handed off" in reasons[2]
    assert plan.feasible


def test_colleague_limits_hold_in_every_week() -> None:
    # Five easy hand-offs of 3 h a week each; Jo can take 7 h a week and Sam 4 h: at most three fit.
    candidates = tuple(task(i, (3.0, 3.0, 3.0), importance=2, due=2) for i in range(1, 6))
    problem = HandoffProblem((3.0, 3.0, 3.0), candidates, (Colleague("Jo", 7.0), Colleague("Sam", 4.0)))
    for plan in (solve(problem), greedy(problem)):
        check_rules(problem, plan)
        handed = [d.colleague for d in plan.decisions if d.action == "hand_off"]
        assert sorted(handed) == ["Jo", "Jo", "Sam"]
        assert sum(d.action == "drop" for d in plan.decisions) == 1
        assert plan.feasible


def test_weeks_no_plan_can_fix_are_named_with_their_hours() -> None:
    problem = HandoffProblem(
        capacity_by_week=(10.0, 10.0, 10.0),
        candidates=(
            task(1, (0.0, 13.0, 0.0), locked=True),
            task(2, (4.0, 2.0, 0.0), importance=5),
            task(3, (0.0, 0.0, 4.0), importance=5),
        ),
    )
    for plan in (solve(problem), greedy(problem)):
        assert not plan.feasible
        assert plan.shortfall_by_week == pytest.approx((0.0, 3.0, 0.0))
        actions = {d.id: d.action for d in plan.decisions}
        # Everything that can leave the broken week does; work only in weeks with room stays.
        assert actions[1] == "keep" and actions[2] != "keep" and actions[3] == "keep"
        assert plan.load_after_by_week == pytest.approx((0.0, 13.0, 4.0))


def test_reasons_name_the_deciding_factors() -> None:
    problem = HandoffProblem(
        capacity_by_week=(12.0,),
        candidates=(
            task(1, (6.0,), importance=2, due=35, enjoyment="without"),
            task(2, (6.0,), importance=4, due=2, enjoyment="love", skill=5),
            task(3, (6.0,), importance=4, due=3),
            task(4, (6.0,), importance=1, due=None, skill=2, can_hand_off=False),
        ),
        colleagues=(Colleague("Jo", 6.0),),
    )
    plan = solve(problem)
    reasons = {d.id: d.reason for d in plan.decisions}
    assert reasons[1] == (
        "Hand off to Jo: it matters less (importance 2), is due in 5 weeks, and you said you could do without it."
    )
    assert reasons[2] == "Kept: you love it and you are good at it."
    assert reasons[3] == "Kept: it matters (importance 4) and is due in 3 days."
    assert reasons[4].startswith("Defer past these weeks: it matters less (importance 1), has no due date")
    assert "not your strongest skill" in reasons[4]


def test_cost_terms_follow_the_documented_formula() -> None:
    loved = removal_cost(task(1, (1.0,), importance=4, due=3, enjoyment="love", skill=5))
    assert loved.terms() == {"base": 5, "importance": 40, "due": 24, "enjoyment": 15, "skill": 8}
    spare = removal_cost(task(2, (1.0,), importance=1, due=None, enjoyment="without", skill=1))
    assert spare.total == 5 + 10 - 5 - 8
    assert removal_cost(task(3, (1.0,), due=21)).due == 3 * (8 - 3)
    cheap = task(4, (1.0,), due=30)
    assert action_cost(cheap, "hand_off") < action_cost(cheap, "defer") < action_cost(cheap, "drop")
    assert not can_defer(task(5, (1.0,), due=13)) and can_defer(task(6, (1.0,), due=14))


def test_nothing_to_do_when_every_week_fits() -> None:
    problem = HandoffProblem((40.0, 40.0), (task(1, (10.0, 0.0)), task(2, (0.0, 0.0))))
    plan = solve(problem)
    assert plan.feasible and plan.optimal and plan.objective == 0
    assert [d.reason for d in plan.decisions] == [
        "Kept: the weeks it falls in have room.",
        "Kept: it needs no hours in these weeks.",
    ]


def test_malformed_problems_are_named() -> None:
    with pytest.raises(BadInput, match=r"task 1 .* 1 weeks of hours, the horizon has 2"):
        HandoffProblem((10.0, 10.0), (task(1, (3.0,)),))
    with pytest.raises(BadInput, match="importance"):
        HandoffProblem((10.0,), (task(1, (3.0,), importance=9),))
    with pytest.raises(BadInput, match="share a name"):
        HandoffProblem((10.0,), (), (Colleague("Jo", 1), Colleague("Jo", 2)))
