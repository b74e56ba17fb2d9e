"""What taking a task off the plate costs, and the plain sentence that explains each hand-off decision.

The cost of removing a task is a sum of named terms (`CostBreakdown`):

    base        5                                   taking anything off costs a little
    importance  10 × importance                     importance 1–5 gives 10–50
    due         3 × max(0, 8 − whole weeks to due)  24 when due within 7 days or overdue, 0 from 8 weeks or undated
    enjoyment   love +15, like +5, without −5       you keep what you love
    skill       4 × (skill − 3)                     −8 (skill 1) … +8 (skill 5); you keep what you are good at

Missing ratings count 0. The total is at least 5 + 10 − 5 − 8 = 2, so every removal costs something.

An action pays a share of that cost (`ACTION_MULTIPLIER`): hand off 0.4 (the work still gets done, by someone
else, at the price of asking), defer 0.6 (done later; the due term already makes near work dearer), drop 1.0.
Defer is allowed only when the task is undated or due at least `DEFER_MIN_DAYS` days away: pushing work due in the
next two weeks out of the horizon would silently miss its date, which is a drop in disguise. Hand off needs a
responsibility that can be handed off and a colleague with room in every week.
"""

from __future__ import annotations

from dataclasses import dataclass

ENJOYMENT_TERM = {"love": 15.0, "like": 5.0, "without": -5.0}
BASE_COST = 5.0
IMPORTANCE_WEIGHT = 10.0
DUE_WEIGHT_PER_WEEK = 3.0
DUE_WEEKS = 8
SKILL_WEIGHT = 4.0
ACTION_MULTIPLIER = {"keep": 0.0, "hand_off": 0.4, "defer": 0.6, "drop": 1.0}
DEFER_MIN_DAYS = 14


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


def can_defer(candidate: Candidate) -> bool:
    """Return whether the task may be pushed past the horizon (undated, or due far enough away)."""
    return candidate.days_to_due is None or candidate.days_to_due >= DEFER_MIN_DAYS


def action_cost(candidate: Candidate, action: str) -> float:
    """Return what this action costs for this task: its removal cost times the action's multiplier."""
    return ACTION_MULTIPLIER[action] * removal_cost(candidate).total


# --- reasons -------------------------------------------------------------------------------------------------


def _importance_phrase(importance: int) -> str:
    if importance <= 2:
        return f"it matters less (importance {importance})"
    if importance == 3:
        return "it is of middling importance (3)"
    return f"it matters (importance {importance})"


def _due_phrase(days: int | None) -> str:
    if days is None:
        return "has no due date"
    if days < 0:
        return "is overdue"
    if days == 0:
        return "is due today"
    if days == 1:
        return "is due tomorrow"
    if days < 14:
        return f"is due in {days} days"
    return f"is due in {round(days / 7)} weeks"


def _enjoyment_phrase(enjoyment: str | None) -> str | None:
    return {"love": "you love it", "like": "you like it", "without": "you said you could do without it"}.get(
        enjoyment or ""
    )


def _skill_phrase(skill: int | None) -> str | None:
    if skill is None or skill == 3:
        return None
    if skill >= 4:
        return "you are good at it"
    return f"it is not your strongest skill (skill {skill})"


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} and {parts[1]}"
    return ", ".join(parts[:-1]) + f", and {parts[-1]}"


def removal_reason(candidate: Candidate, action: str, colleague: str | None, *, colleagues_exist: bool) -> str:
    """Return the sentence explaining why this task is handed off, deferred or dropped.

    The factors that made it cheap come first; the ones that argued for keeping it follow "though".
    """
    lead = {
        "hand_off": f"Hand off to {colleague}",
        "defer": "Defer past these weeks",
        "drop": "Drop",
    }[action]
    days = candidate.days_to_due
    for_removal = [_importance_phrase(candidate.importance), _due_phrase(days)]
    against: list[str] = []
    enjoy = _enjoyment_phrase(candidate.enjoyment)
    if enjoy is not None:
        (against if candidate.enjoyment == "love" else for_removal).append(enjoy)
    skill = _skill_phrase(candidate.skill)
    if skill is not None:
        (against if (candidate.skill or 0) >= 4 else for_removal).append(skill)
    text = f"{lead}: {_join(for_removal)}"
    if against:
        text += f", though {_join(against)}"
    text += "."
    if action == "drop":
        if not candidate.can_hand_off:
            text += " Its responsibility cannot be handed off"
            text += "." if can_defer(candidate) else f", and work due within {DEFER_MIN_DAYS} days cannot wait."
        elif colleagues_exist:
            text += " Nobody has room to take it in those weeks."
        else:
            text += " Nobody is named to hand it to yet."
    return text


def keep_reason(candidate: Candidate, *, relieves_overload: bool) -> str:
    """Return the sentence explaining why this task stays on the plate."""
    if candidate.locked:
        return "Kept: you locked it."
    if not any(h > 0 for h in candidate.hours_by_week):
        return "Kept: it needs no hours in these weeks."
    if not relieves_overload:
        return "Kept: the weeks it falls in have room."
    if candidate.enjoyment == "love" and (candidate.skill or 0) >= 4:
        return "Kept: you love it and you are good at it."
    reasons: list[str] = []
    if candidate.importance >= 4:
        reasons.append(_importance_phrase(candidate.importance))
    if candidate.days_to_due is not None and candidate.days_to_due < DEFER_MIN_DAYS:
        reasons.append(_due_phrase(candidate.days_to_due))
    if candidate.enjoyment in ("love", "like"):
        reasons.append(_enjoyment_phrase(candidate.enjoyment) or "")
    if (candidate.skill or 0) >= 4:
        reasons.append("you are good at it")
    if not reasons:
        return "Kept: taking off other tasks costs less and is enough."
    # A due phrase without its subject reads wrongly at the start of the sentence.
    if reasons[0].startswith(("is ", "has ")):
        reasons[0] = "it " + reasons[0]
    return f"Kept: {_join(reasons)}."
