"""What taking a task off the plate costs (the plan's integer program pays a share of it per action).

The cost of removing a task is a sum of named terms (`CostBreakdown`):

    base        5                                   taking anything off costs a little
    importance  10 × importance                     importance 1–5 gives 10–50
    due         3 × max(0, 8 − whole weeks to due)  24 when due within 7 days or overdue, 0 from 8 weeks or undated
    enjoyment   love +15, like +5, without −5       you keep what you love
    skill       4 × (skill − 3)                     −8 (skill 1) … +8 (skill 5); you keep what you are good at

Missing ratings count 0. The total is at least 5 + 10 − 5 − 8 = 2, so every removal costs something.

The plan (schedule.py) pays a share of it per action: hand off 0.4, defer 0.6, drop 1.0, ask the manager 2.0.
Ratings shape the cost only; the plan's sentences (reasons.py) never mention them.
"""

from __future__ import annotations

from dataclasses import dataclass

ENJOYMENT_TERM = {"love": 15.0, "like": 5.0, "without": -5.0}
BASE_COST = 5.0
IMPORTANCE_WEIGHT = 10.0
DUE_WEIGHT_PER_WEEK = 3.0
DUE_WEEKS = 8
SKILL_WEIGHT = 4.0


@dataclass(frozen=True)
class Candidate:
    """A task the plan may keep, hand off, defer or drop, with its load in each horizon week."""

    id: int
    title: str
    hours_by_week: tuple[float, ...]
    importance: int
    days_to_due: int | None
    enjoyment: str | None
    skill: int | None
    locked: bool = False
    can_hand_off: bool = True
    responsibility: str = ""


@dataclass(frozen=True)
class Colleague:
    """Someone who could take work, with the most hours they can take in any one week."""

    name: str
    weekly_limit_hours: float


@dataclass(frozen=True)
class CostBreakdown:
    """The named terms of a task's removal cost; `total` is their sum."""

    base: float
    importance: float
    due: float
    enjoyment: float
    skill: float

    @property
    def total(self) -> float:
        """Return the full cost of dropping the task."""
        return self.base + self.importance + self.due + self.enjoyment + self.skill

    def terms(self) -> dict[str, float]:
        """Return the terms by name, in the order the docs list them."""
        return {
            "base": self.base,
            "importance": self.importance,
            "due": self.due,
            "enjoyment": self.enjoyment,
            "skill": self.skill,
        }


def removal_cost(candidate: Candidate) -> CostBreakdown:
    """Return the documented cost of taking this task off the plate (see the module docstring)."""
    due = 0.0
    if candidate.days_to_due is not None:
        # Whole weeks keep every cost a whole number, which lets HiGHS round its bound up and prove sooner.
        weeks = max(0, candidate.days_to_due) // 7
        due = DUE_WEIGHT_PER_WEEK * max(0, DUE_WEEKS - weeks)
    skill = 0.0 if candidate.skill is None else SKILL_WEIGHT * (candidate.skill - 3)
    return CostBreakdown(
        base=BASE_COST,
        importance=IMPORTANCE_WEIGHT * candidate.importance,
        due=due,
        enjoyment=ENJOYMENT_TERM.get(candidate.enjoyment or "", 0.0),
        skill=skill,
    )
