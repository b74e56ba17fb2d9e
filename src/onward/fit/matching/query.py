"""What the person is looking for, in the form text matching needs: built from their rated duties."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from onward.workload.schemas import ResponsibilityView


@dataclass(frozen=True)
class FitQuery:
    """The texts to match against occupations and postings, and the environment wishes that rank them.

    `loved` and `liked` pull matches up; `avoid` (duties rated "could do without") pushes them down.
    `wants_focus`: True for one or two main tasks, False for variety, None when the person has not said.
    """

    loved: tuple[str, ...]
    liked: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    wants_focus: bool | None = None
    collaborative: bool | None = None
    team_size: tuple[int, int] | None = None
    work_mode: str | None = None  # remote | hybrid | on-site

    @property
    def is_empty(self) -> bool:
        return not (self.loved or self.liked)


def duty_text(duty: ResponsibilityView) -> str:
    """Return the text that stands for a duty in matching: its name and, when given, its description."""
    return f"{duty.name}. {duty.description}".strip() if duty.description else duty.name


def fit_query_from_duties(duties: Sequence[ResponsibilityView], *, wants_focus: bool | None = None) -> FitQuery:
    """Return a FitQuery from rated duties: love → loved, like → liked (skill 4–5 only), without → avoid."""
    loved = tuple(duty_text(d) for d in duties if d.enjoyment == "love")
    liked = tuple(duty_text(d) for d in duties if d.enjoyment == "like" and (d.skill or 0) >= 4)
    avoid = tuple(duty_text(d) for d in duties if d.enjoyment == "without")
    return FitQuery(loved=loved, liked=liked, avoid=avoid, wants_focus=wants_focus)
