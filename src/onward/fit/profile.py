"""The ideal-role profile from rated duties and the environment: pure functions, no database.

The loved-and-good corner of the enjoyment × skill chart is the core of the role; duties the person
could do without are what the role should have few of. The statement is written the way a person
would say it, from their own duty names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from onward.fit.schemas import EnvironmentView
from onward.workload.schemas import ResponsibilityView

CORE_SKILL = 4  # skill from which a loved duty sits in the loved-and-good corner
MAX_CORE, MAX_SIDE = 3, 2
SKILL_LEVELS = {1: "Beginner", 2: "Developing", 3: "Competent", 4: "Advanced", 5: "Expert"}
NUMBER_WORDS: tuple[str, ...] = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NUMBER_WORDS += ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen")
NUMBER_WORDS += ("nineteen", "twenty")
WORK_MODE_WORDS = {"remote": "working mostly remotely", "hybrid": "working hybrid", "on-site": "mostly on-site"}
JSON_RESUME_SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


@dataclass(frozen=True)
class DutyGroups:
    """Duty names sorted into the parts of the profile (each name once, best placed first)."""

    core: list[str]
    growing: list[str]
    also: list[str]
    fewer: list[str]


def in_core(enjoyment: str | None, skill: int | None) -> bool:
    """Return True for a duty in the loved-and-good corner."""
    return enjoyment == "love" and (skill or 0) >= CORE_SKILL


def _unique(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.strip().casefold()
        if key and key not in seen:
            seen.add(key)
            out.append(name.strip())
    return out


def group_duties(duties: Sequence[ResponsibilityView]) -> DutyGroups:
    """Return the duty names for each part of the profile, strongest first."""

    def strongest(duty: ResponsibilityView) -> tuple[int, int]:
        return (-(duty.energy or 0), -(duty.skill or 0))

    core = [d for d in duties if in_core(d.enjoyment, d.skill)]
    growing = [d for d in duties if d.enjoyment == "love" and not in_core(d.enjoyment, d.skill)]
    also = [d for d in duties if d.enjoyment == "like" and (d.skill or 0) >= CORE_SKILL and (d.energy or 0) >= 0]
    # The most draining first: those are the ones a new role should leave out.
    fewer = sorted((d for d in duties if d.enjoyment == "without"), key=lambda d: (d.energy or 0, d.skill or 0))
    core_names = _unique(d.name for d in sorted(core, key=strongest))
    taken = {n.casefold() for n in core_names}
    growing_names = [n for n in _unique(d.name for d in sorted(growing, key=strongest)) if n.casefold() not in taken]
    taken |= {n.casefold() for n in growing_names}
    also_names = [n for n in _unique(d.name for d in sorted(also, key=strongest)) if n.casefold() not in taken]
    taken |= {n.casefold() for n in also_names}
    fewer_names = [n for n in _unique(d.name for d in fewer) if n.casefold() not in taken]
    return DutyGroups(core_names, growing_names, also_names, fewer_names)


def in_sentence(name: str) -> str:
    """Return a duty name as it reads mid-sentence: 'Tutor training' → 'tutor training', 'IT help' stays."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def join_words(items: Sequence[str]) -> str:
    """Return 'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def number_words(value: int) -> str:
    return NUMBER_WORDS[value] if 0 <= value < len(NUMBER_WORDS) else str(value)


def hours_text(hours: float) -> str:
    """Return hours without a needless '.0': 37.5 → '37.5', 35.0 → '35'."""
    return f"{hours:g}"


def team_phrase(environment: EnvironmentView) -> str:
    """Return ' of about four to eight' (or '' when no size was said)."""
    low, high = environment.team_min, environment.team_max
    if low is not None and high is not None:
        if low == high:
            return f" of about {number_words(low)}"
        return f" of about {number_words(low)} to {number_words(high)}"
    if low is not None:
        return f" of at least {number_words(low)}"
    if high is not None:
        return f" of up to {number_words(high)}"
    return ""


def _team_clause(environment: EnvironmentView) -> str:
    size = team_phrase(environment)
    if environment.collaboration == "collaborative":
        return f"in a collaborative team{size}"
    if environment.collaboration == "independent":
        return f"working mostly on my own, within a team{size}" if size else "working mostly on my own"
    if environment.collaboration == "mix":
        return f"in a team{size}, with a mix of shared and independent work"
    return f"in a team{size}" if size else ""


def generate_statement(groups: DutyGroups, environment: EnvironmentView) -> str:
    """Return the ideal-role statement from the duty groups and the environment ('' until a duty is loved or
    liked)."""
    centre = groups.core[:MAX_CORE] or groups.growing[:MAX_CORE]
    growing = groups.growing[:MAX_SIDE] if groups.core else []
    also = groups.also[:MAX_SIDE]
    if not centre and also:
        centre, also = also, []
    if not centre:
        return ""
    centre_text = join_words([in_sentence(n) for n in centre])
    if environment.focus == "variety":
        opening = f"A varied role taking in {centre_text}"
    else:
        opening = f"A role centred on {centre_text}"
    clauses = [opening]
    if growing:
        clauses.append(f"with room to grow at {join_words([in_sentence(n) for n in growing])}")
    if also:
        clauses.append(f"with some {join_words([in_sentence(n) for n in also])}")
    team = _team_clause(environment)
    if team:
        clauses.append(team)
    if environment.work_mode:
        clauses.append(WORK_MODE_WORDS[environment.work_mode])
    if environment.sector.strip():
        clauses.append(f"in {environment.sector.strip().rstrip('.')}")
    if groups.fewer:
        clauses.append(f"with few duties like {join_words([in_sentence(n) for n in groups.fewer[:MAX_SIDE]])}")
    sentences = [", ".join(clauses) + "."]
    mission = environment.mission.strip().rstrip(".")
    if environment.hours_per_week and mission:
        sentences.append(
            f"About {hours_text(environment.hours_per_week)} hours a week, for an organisation whose mission "
            f"is {mission}."
        )
    elif environment.hours_per_week:
        sentences.append(f"About {hours_text(environment.hours_per_week)} hours a week.")
    elif mission:
        sentences.append(f"For an organisation whose mission is {mission}.")
    return " ".join(sentences)


def json_resume(
    *,
    name: str,
    label: str,
    summary: str,
    duties: Sequence[ResponsibilityView],
    loved_tasks: dict[int, list[str]],
) -> dict[str, Any]:
    """Return a JSON Resume fragment: `basics` (name, label, summary) and `skills` (name, level, keywords).

    Skills are the duties the person loves and the ones they like and are good at, never the ones they
    could do without; keywords are the single tasks under a duty they rated as loved.
    """
    basics: dict[str, Any] = {}
    if name:
        basics["name"] = name
    if label:
        basics["label"] = label
    if summary:
        basics["summary"] = summary
    chosen = [
        d
        for d in duties
        if d.enjoyment == "love" or (d.enjoyment == "like" and (d.skill or 0) >= CORE_SKILL and (d.energy or 0) >= 0)
    ]
    chosen.sort(key=lambda d: (d.enjoyment != "love", -(d.skill or 0), -(d.energy or 0)))
    skills: list[dict[str, Any]] = []
    seen: dict[str, dict[str, Any]] = {}
    for duty in chosen:
        key = duty.name.strip().casefold()
        keywords = loved_tasks.get(duty.id, [])
        if key in seen:  # the same duty in two jobs: one skill, every loved task as a keyword
            seen[key]["keywords"] = _unique([*seen[key]["keywords"], *keywords])
            continue
        skill: dict[str, Any] = {"name": duty.name.strip()}
        if duty.skill:
            skill["level"] = SKILL_LEVELS[duty.skill]
        skill["keywords"] = _unique(keywords)
        seen[key] = skill
        skills.append(skill)
    return {"$schema": JSON_RESUME_SCHEMA, "basics": basics, "skills": skills}
