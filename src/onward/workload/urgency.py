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

The quadrant's urgency axis is the score without the importance term, so the two axes stay separate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Taskwarrior's priority factors (H, M, L) placed on Onward's 1–5 importance; 4 sits halfway between H and M.
IMPORTANCE_FACTORS = {5: 1.0, 4: 0.825, 3: 0.65, 2: 0.3, 1: 0.0}
QUADRANTS = ("do", "schedule", "delegate", "drop")
QUADRANT_WORDS = {
    "do": "Urgent and important: do it first.",
    "schedule": "Important, not urgent: give it a time in your week.",
    "delegate": "Urgent, less important: someone else could take it.",
    "drop": "Neither: let it go, or park it.",
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


def urgency(facts: UrgencyFacts, today: dt.date, c: Coefficients) -> Urgency:
    """Return the urgency of a task with each term and its reason (terms that add nothing are left out)."""
    terms: list[Term] = []

    def add(term: str, factor: float, coefficient: float, why: str) -> None:
        if factor and coefficient:
            terms.append(Term(term, round(factor, 4), coefficient, round(factor * coefficient, 4), why))

    if facts.due is not None:
        add("due", due_factor(facts.due, today), c.due, _due_words(facts.due, today))
    importance = min(max(facts.importance, 1), 5)
    add("importance", IMPORTANCE_FACTORS[importance], c.importance, f"importance {importance} of 5")
    if facts.entered is not None and c.age_max_days > 0:
        age = max((today - facts.entered).days, 0)
        add("age", min(age / c.age_max_days, 1.0), c.age, f"entered {age} day{'s' if age != 1 else ''} ago")
    if facts.blocking:
        add("blocking", 1.0, c.blocking, "another task waits for this one")
    if facts.blocked:
        add("blocked", 1.0, c.blocked, "waits for another open task")
    if facts.status == "waiting":
        add("waiting", 1.0, c.waiting, "waiting on someone or something")
    score = round(sum(t.points for t in terms), 4)
    pressure = sum(t.points for t in terms if t.term != "importance")
    return Urgency(score, tuple(terms), quadrant(pressure >= c.urgent_from, importance >= c.important_from))


def quadrant(urgent: bool, important: bool) -> str:
    """Return the Eisenhower quadrant: do (both), schedule (important), delegate (urgent), drop (neither)."""
    if urgent:
        return "do" if important else "delegate"
    return "schedule" if important else "drop"
