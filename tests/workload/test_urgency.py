"""Urgency terms follow Taskwarrior's definitions; the quadrant keeps urgency and importance apart."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.workload.urgency import Coefficients, UrgencyFacts, due_factor, quadrant, score, scores, urgency

TODAY = dt.date(2026, 11, 30)
C = Coefficients()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("due_in", "factor"),
    [
        (-30, 1.0),
        (-7, 1.0),
        (0, 14 * 0.8 / 21 + 0.2),
        (7, 7 * 0.8 / 21 + 0.2),
        (-14 + 14, 0.7333),
        (14, 0.2),
        (60, 0.2),
    ],
)
def test_due_factor_is_taskwarriors(due_in: int, factor: float) -> None:
    assert due_factor(days(due_in), TODAY) == pytest.approx(factor, abs=1e-4)


def term(facts: UrgencyFacts, name: str) -> tuple[float, float, str]:
    found = [t for t in urgency(facts, TODAY, C).terms if t.term == name]
    assert found, name
    return found[0].factor, found[0].points, found[0].why


def test_every_term_shows_its_factor_points_and_reason() -> None:
    facts = UrgencyFacts(due=days(-3), importance=5, entered=days(-73), status="waiting", blocking=True, blocked=True)
    result = urgency(facts, TODAY, C)
    names = [t.term for t in result.terms]
    assert names == ["due", "importance", "age", "blocking", "blocked", "waiting"]
    assert term(facts, "due")[2] == "3 days overdue"
    assert term(facts, "importance")[:2] == (1.0, 6.0)
    assert term(facts, "age")[:2] == pytest.approx((0.2, 0.4))
    assert term(facts, "blocking")[1] == 8.0 and term(facts, "blocked")[1] == -5.0 and term(facts, "waiting")[1] == -3.0
    assert result.score == pytest.approx(sum(t.points for t in result.terms))


def test_importance_maps_onto_taskwarriors_priorities() -> None:
    points = [urgency(UrgencyFacts(None, i, None, "open"), TODAY, C).score for i in (5, 4, 3, 2, 1)]
    assert points == pytest.approx([6.0, 4.95, 3.9, 1.8, 0.0])  # H, between, M, L, none


def test_terms_that_add_nothing_are_left_out() -> None:
    result = urgency(UrgencyFacts(None, 1, TODAY, "open"), TODAY, C)
    assert result.terms == () and result.score == 0


def test_quadrants_use_time_pressure_and_importance_separately() -> None:
    assert urgency(UrgencyFacts(days(1), 5, TODAY, "open"), TODAY, C).quadrant == "do"
    assert urgency(UrgencyFacts(days(30), 5, TODAY, "open"), TODAY, C).quadrant == "schedule"
    assert urgency(UrgencyFacts(days(-2), 2, TODAY, "open"), TODAY, C).quadrant == "delegate"
    assert urgency(UrgencyFacts(None, 2, TODAY, "open"), TODAY, C).quadrant == "later"
    # Work due within a week never waits under "later", whatever its score (the issue: it sat under "Drop").
    soon = UrgencyFacts(days(6), 1, TODAY, "waiting")
    assert urgency(soon, TODAY, C).quadrant == "delegate"
    assert scores([days(6)], [1], [TODAY], [True], [False], [False], TODAY, C)[0][2] == "delegate"
    # Importance alone never makes a task urgent.
    high = urgency(UrgencyFacts(days(20), 5, TODAY, "open"), TODAY, C)
    assert high.score >= C.urgent_from and high.quadrant == "schedule"
    assert quadrant(True, True) == "do"


def test_coefficients_change_the_score() -> None:
    heavy_due = Coefficients(due=24.0)
    facts = UrgencyFacts(days(-10), 3, None, "open")
    assert urgency(facts, TODAY, heavy_due).score - urgency(facts, TODAY, C).score == pytest.approx(12.0)


def test_scores_of_many_tasks_match_one_by_one() -> None:
    import random

    rng = random.Random(7)
    facts = [
        UrgencyFacts(
            due=days(rng.randint(-30, 40)) if rng.random() < 0.8 else None,
            importance=rng.randint(1, 5),
            entered=days(-rng.randint(0, 800)) if rng.random() < 0.9 else None,
            status=rng.choice(("open", "waiting")),
            blocking=rng.random() < 0.1,
            blocked=rng.random() < 0.1,
        )
        for _ in range(500)
    ]
    for c in (C, Coefficients(age_max_days=0, due=0.0, urgent_from=3.0)):
        fast = scores(
            [f.due for f in facts],
            [f.importance for f in facts],
            [f.entered for f in facts],
            [f.status == "waiting" for f in facts],
            [f.blocking for f in facts],
            [f.blocked for f in facts],
            TODAY,
            c,
        )
        for f, (total, pressure, box) in zip(facts, fast, strict=True):
            one = urgency(f, TODAY, c)
            assert total == pytest.approx(one.score, abs=1e-3) and box == one.quadrant
            one_total, one_pressure, one_box = score(f, TODAY, c)
            assert (total, pressure, box) == (pytest.approx(one_total), pytest.approx(one_pressure), one_box)
