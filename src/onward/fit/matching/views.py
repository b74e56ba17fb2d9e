"""Matching's views: the occupations that fit and the ranked postings, built once here.

The page renders each, its `/api` twin returns it, and `onward occupations match --json` / `onward postings
rank --json` print the same object. Pages ask with `wait=False` (they answer at once by words while matching by
meaning gets ready, and say so); the CLI waits for it first, with a progress bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from onward.attribution import ONET, DataSource
from onward.errors import BadInput
from onward.fit.matching.index import OccupationMatch
from onward.fit.matching.posting_rank import PostingRank
from onward.fit.matching.query import FitQuery
from onward.fit.matching.service import MatchingService, MatchingStatus

FOCUS_CHOICES = {"focus": True, "variety": False}


@dataclass
class OccupationsPage:
    """Occupations whose task statements look like the person's loved (and liked) duties."""

    method: str
    results: list[OccupationMatch]
    method_label: str
    note: str
    preparing: bool
    own_duties: bool  # True when the query is the person's rated duties, False for texts they typed
    loved: list[str]
    liked: list[str]
    avoid: list[str]
    matching_status: MatchingStatus
    source: DataSource = ONET


def occupations(
    matching: MatchingService, tasks: Sequence[str], avoid: Sequence[str], top: int, *, wait: bool
) -> OccupationsPage:
    """Return the `top` occupations for these task texts, or, when none are given, for the rated duties."""
    tasks, avoid = [t for t in tasks if t.strip()], [t for t in avoid if t.strip()]
    if tasks:
        query = FitQuery(loved=tuple(tasks), avoid=tuple(avoid))
    else:
        profile = matching.profile_query()
        query = FitQuery(loved=profile.loved, liked=profile.liked, avoid=tuple(avoid) or profile.avoid)
    found = matching.match_occupations(query, top, wait=wait)
    return OccupationsPage(
        method=found.method,
        results=found.results,
        method_label=found.method_label,
        note=matching.note(found.method, found.preparing),
        preparing=found.preparing,
        own_duties=not tasks,
        loved=list(query.loved),
        liked=list(query.liked),
        avoid=list(query.avoid),
        matching_status=matching.status(found.method, found.preparing),
    )


@dataclass
class PostingsPage:
    """Imported postings ranked against the person's rated duties, with the reasons."""

    method: str
    method_label: str
    preparing: bool
    total: int
    results: list[PostingRank] = field(default_factory=list)
    note: str = ""
    focus: str = ""  # "" (not said), "focus" or "variety"
    has_query: bool = False
    imported: int | None = None  # after an import: how many postings it added
    merged: int | None = None  # … and how many it merged into postings already here
    matching_status: MatchingStatus | None = None


def postings(
    matching: MatchingService,
    focus: str,
    top: int,
    *,
    imported: int | None = None,
    merged: int | None = None,
    wait: bool,
) -> PostingsPage:
    """Return the `top` imported postings ranked against the rated duties (`focus`: "focus", "variety" or "")."""
    if focus and focus not in FOCUS_CHOICES:
        raise BadInput(f"focus must be 'focus' or 'variety', not '{focus}'")
    query = matching.profile_query(wants_focus=FOCUS_CHOICES.get(focus))
    if query.is_empty:
        method = "hybrid" if matching.wants_embeddings else "bm25"
        total = len(matching.list_postings())
        return PostingsPage(method, "", False, total, [], "", focus, False, imported, merged, matching.status())
    ranking = matching.rank_postings(query, top, wait=wait)
    return PostingsPage(
        method=ranking.method,
        method_label=ranking.method_label,
        preparing=ranking.preparing,
        total=ranking.total,
        results=ranking.results,
        note=matching.note(ranking.method, ranking.preparing),
        focus=focus,
        has_query=True,
        imported=imported,
        merged=merged,
        matching_status=matching.status(ranking.method, ranking.preparing),
    )
