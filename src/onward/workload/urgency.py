"""Priority, explained: an urgency score in the spirit of Taskwarrior, with every term shown, and the
Eisenhower quadrant from urgency and importance taken as two separate axes.

Taskwarrior defines urgency as a sum of terms, each a coefficient times a factor from 0 to 1 taken from one
attribute of the task (Taskwarrior's `Task::urgency_c`, and its documentation at
https://taskwarrior.org/docs/urgency/). Onward keeps the terms that mean something here, with Taskwarrior's
default coefficients (settings `ONWARD_URGENCY_*` change them):

  due        12.0  factor 0.2 when due in 14 days or more, rising linearly to 1.0 at 7 days overdue
                   (Taskwarrior's `urgency_due`: ((days overdue + 14) × 0.8 / 21) + 0.2); 0 without a due date
  importance  6.0  Taskwarrior's priority H/M/L = 1.0/0.65/0.3; importance 5/4/3/2/1 = 1.0/0.825/0.65/0.3/0
  age         2.0  days since the task was entered / 365, at most 1 (`urgency.age.max`)
  blocking    8.0  1 when an open task waits for this one
  blocked    -5.0  1 when this task waits for an open one
  waiting    -3.0  1 when the task is waiting

Taskwarrior's terms for tags, projects, annotations, `next`, `scheduled` and `active` have no counterpart in
Onward and are left out.

The quadrant's urgency axis is the score without the importance term, so the two axes stay separate; work due
within 7 days (or overdue) always counts as urgent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

# Taskwarrior's priority factors (H, M, L) placed on Onward's 1–5 importance; 4 sits halfway between H and M.
IMPORTANCE_FACTORS = {5: 1.0, 4: 0.825, 3: 0.65, 2: 0.3, 1: 0.0}
QUADRANTS = ("do", "schedule", "delegate", "later")
# Work due within this many days (or overdue) is urgent whatever its score: it never waits in "later".
URGENT_WITHIN_DAYS = 7
QUADRANT_WORDS = {
    "do": "Urgent and important: do it first.",
    "schedule": "Important, not urgent: give it a time in your week.",
    "delegate": "Urgent, less important: someone else could take it.",
    "later": "Neither urgent nor important: when there is room.",
}


@dataclass(frozen=True)
class Coefficients:
    """The weight of each urgency term (Taskwarrior's defaults) and the quadrant thresholds."""

    due: float = 12.0
    importance: float = 6.0
    age: float = 2.0
    age_max_days: int = 365
    blocking: float = 8.0
    blocked: float = -5.0
    waiting: float = -3.0
    urgent_from: float = 7.5
    important_from: int = 4


@dataclass(frozen=True)
class UrgencyFacts:
    """What urgency reads from one task."""

    due: dt.date | None
    importance: int
    entered: dt.date | None
    status: str
    blocking: bool = False
    blocked: bool = False


@dataclass(frozen=True)
class Term:
    """One term of the score: `points` = `coefficient` × `factor`, with the reason in words."""

    term: str
    factor: float
    coefficient: float
    points: float
    why: str


@dataclass(frozen=True)
class Urgency:
    """A task's urgency score, its terms, and its Eisenhower quadrant."""

    score: float
    terms: tuple[Term, ...]
    quadrant: str

    @property
    def time_pressure(self) -> float:
        """Return the score without the importance term (the quadrant's urgency axis)."""
        return round(sum(t.points for t in self.terms if t.term != "importance"), 4)


def due_factor(due: dt.date, today: dt.date) -> float:
    """Return Taskwarrior's due factor: 1.0 from a week overdue, 0.2 from two weeks away, linear between."""
    days_overdue = (today - due).days
    if days_overdue >= 7:
        return 1.0
    if days_overdue >= -14:
        return (days_overdue + 14) * 0.8 / 21 + 0.2
    return 0.2


def _due_words(due: dt.date, today: dt.date) -> str:
    days = (due - today).days
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    return f"due in {days} days"


def _factors(facts: UrgencyFacts, today: dt.date, c: Coefficients) -> list[tuple[str, float, float]]:
    """Return (term, factor, coefficient) of every term that adds something."""
    found = []
    if facts.due is not None and c.due:
        found.append(("due", due_factor(facts.due, today), c.due))
    importance = min(max(facts.importance, 1), 5)
    if IMPORTANCE_FACTORS[importance] and c.importance:
        found.append(("importance", IMPORTANCE_FACTORS[importance], c.importance))
    if facts.entered is not None and c.age_max_days > 0 and c.age:
        age = max((today - facts.entered).days, 0)
        if age:
            found.append(("age", min(age / c.age_max_days, 1.0), c.age))
    if facts.blocking and c.blocking:
        found.append(("blocking", 1.0, c.blocking))
    if facts.blocked and c.blocked:
        found.append(("blocked", 1.0, c.blocked))
    if facts.status == "waiting" and c.waiting:
        found.append(("waiting", 1.0, c.waiting))
    return found


def score(facts: UrgencyFacts, today: dt.date, c: Coefficients) -> tuple[float, float, str]:
    """Return the urgency score, its time pressure (without importance) and the quadrant, without building the
    terms (to rank thousands of tasks quickly)."""
    return _sum(_factors(facts, today, c), facts, today, c)


def _sum(
    found: list[tuple[str, float, float]], facts: UrgencyFacts, today: dt.date, c: Coefficients
) -> tuple[float, float, str]:
    total = pressure = 0.0
    for term, factor, coefficient in found:
        total += factor * coefficient
        if term != "importance":
            pressure += factor * coefficient
    soon = facts.due is not None and (facts.due - today).days <= URGENT_WITHIN_DAYS
    box = quadrant(pressure >= c.urgent_from or soon, facts.importance >= c.important_from)
    return round(total, 4), round(pressure, 4), box


def scores(
    dues: Sequence[dt.date | None],
    importances: Sequence[int],
    entered: Sequence[dt.date | None],
    waiting: Sequence[bool],
    blocking: Sequence[bool],
    blocked: Sequence[bool],
    today: dt.date,
    c: Coefficients,
) -> list[tuple[float, float, str]]:
    """Return `score` for many tasks at once, given column by column.

    One plain loop, no numpy: importing numpy alone would cost `onward tasks list` more than ranking 2,000
    tasks does. The sums run in a fixed order (time-pressure terms, then importance) so the figures are the
    same on every page and listing.
    """
    ordinal = today.toordinal()
    factor_of = (0.0, *(IMPORTANCE_FACTORS[i] for i in range(1, 6)))
    result = []
    for due_on, importance, entered_on, waits, blocks, is_blocked in zip(
        dues, importances, entered, waiting, blocking, blocked, strict=True
    ):
        pressure = 0.0
        overdue = 0.0
        if due_on is not None:
            overdue = float(ordinal - due_on.toordinal())
            factor = 1.0 if overdue >= 7 else (overdue + 14) * 0.8 / 21 + 0.2 if overdue >= -14 else 0.2
            pressure = factor * c.due
        if c.age_max_days > 0:
            age = float(max(ordinal - entered_on.toordinal(), 0)) if entered_on else 0.0
            pressure = pressure + min(age / c.age_max_days, 1.0) * c.age
        pressure = pressure + (1.0 if blocks else 0.0) * c.blocking
        pressure = pressure + (1.0 if is_blocked else 0.0) * c.blocked
        pressure = pressure + (1.0 if waits else 0.0) * c.waiting
        level = min(max(importance, 1), 5)
        total = pressure + factor_of[level] * c.importance
        urgent = pressure >= c.urgent_from or (due_on is not None and overdue >= -URGENT_WITHIN_DAYS)
        result.append((round(total, 4), round(pressure, 4), quadrant(urgent, level >= c.important_from)))
    return result


def _why(term: str, facts: UrgencyFacts, today: dt.date) -> str:
    if term == "due":
        assert facts.due is not None
        return _due_words(facts.due, today)
    if term == "importance":
        return f"importance {min(max(facts.importance, 1), 5)} of 5"
    if term == "age":
        assert facts.entered is not None
        age = max((today - facts.entered).days, 0)
        return f"entered {age} day{'s' if age != 1 else ''} ago"
    return {
        "blocking": "another task waits for this one",
        "blocked": "waits for another open task",
        "waiting": "waiting on someone or something",
    }[term]


def urgency(facts: UrgencyFacts, today: dt.date, c: Coefficients) -> Urgency:
    """Return the urgency of a task with each term and its reason (terms that add nothing are left out)."""
    found = _factors(facts, today, c)
    terms = tuple(
        Term(term, round(factor, 4), coefficient, round(factor * coefficient, 4), _why(term, facts, today))
        for term, factor, coefficient in found
    )
    total, _, box = _sum(found, facts, today, c)
    return Urgency(total, terms, box)


def quadrant(urgent: bool, important: bool) -> str:
    """Return the Eisenhower quadrant: do (both), schedule (important), delegate (urgent), later (neither).

    Not "drop": whether anything is dropped is the plan's question (never work that matters or is due soon)."""
    if urgent:
        return "do" if important else "delegate"
    return "schedule" if important else "later"
