"""Open work ranked by urgency, from plain rows: what `Planning.priorities` and the CLI's fast lane share.

Pure (no store, no SQLAlchemy): the rows come from `Planning.active_tasks` (the ORM's column query) or from
`onward.workload.lite` (sqlite3, for `onward tasks list`), and both rank them here, so the two cannot drift.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from onward.workload.schemas import PriorityView
from onward.workload.urgency import Coefficients, UrgencyFacts, scores, urgency


class ActiveTask(NamedTuple):
    """An open or waiting task with what the forecast, priorities and hand-off planner read from it.

    A named tuple: the workload page builds 2,000 of them per request.
    """

    id: int
    title: str
    responsibility_id: int | None
    responsibility: str | None
    origin: str | None
    due: dt.date | None
    hours: float
    importance: int
    status: str
    entered: dt.date
    recurrence: str | None
    locked: bool
    can_hand_off: bool
    enjoyment: str | None
    skill: int | None
    effort: float | None  # effort hours (each next occurrence of a recurring task needs them)


def rank(
    active: Sequence[ActiveTask],
    links: Iterable[tuple[int, int]],
    today: dt.date,
    c: Coefficients,
    *,
    explain: bool = True,
) -> list[PriorityView]:
    """Return the tasks with their urgency, most urgent first; `links` are (task, task it depends on) pairs.

    With `explain`, each carries its urgency terms; without, they are left empty (see `explain_all`).
    """
    ids = {t.id for t in active}
    pairs = [(a, b) for a, b in links if a in ids and b in ids]
    # Taskwarrior: a task is blocked while a task it depends on is pending, and blocking while a
    # pending task depends on it.
    blocked = {a for a, _ in pairs}
    blocking = {b for _, b in pairs}
    result = []
    ranked = scores(
        [t.due for t in active],
        [t.importance for t in active],
        [t.entered for t in active],
        [t.status == "waiting" for t in active],
        [t.id in blocking for t in active],
        [t.id in blocked for t in active],
        today,
        c,
    )
    for t, (total, pressure, box) in zip(active, ranked, strict=True):
        view = PriorityView(t.id, t.title, t.responsibility, t.due, t.hours, t.importance, t.status, total, [],
                            box, pressure, t.entered, t.id in blocking, t.id in blocked,
                            t.effort is not None or t.hours > 0)  # fmt: skip
        result.append(view)
    result.sort(key=lambda p: (-p.urgency, p.due or dt.date.max, p.id))
    if explain:
        explain_all(result, today, c)
    return result


def explain_all(views: Sequence[PriorityView], today: dt.date, c: Coefficients) -> None:
    """Fill in the urgency terms of these priorities (each term's factor, weight, points and reason)."""
    for p in views:
        facts = UrgencyFacts(p.due, p.importance, p.entered, p.status, p.blocking, p.blocked)
        p.urgency_terms = list(urgency(facts, today, c).terms)
