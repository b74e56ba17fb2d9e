"""The workload's priorities read through `onward.store.lite` (sqlite3, no SQLAlchemy), for `onward tasks list`.

The same columns as `Planning.active_tasks` and the same links as `Planning.priorities`, owner-scoped by hand
as the store's ORM scoping would do it, ranked by the same `onward.workload.ranking.rank`.
tests/workload/test_lite.py holds the two ways to the same answer.
"""

from __future__ import annotations

import datetime as dt

from onward.store.lite import LiteStore
from onward.workload.ranking import ActiveTask, rank
from onward.workload.schemas import PriorityView
from onward.workload.urgency import Coefficients

ACTIVE_TASKS_SQL = """
SELECT tasks.id, tasks.title, tasks.responsibility_id, responsibilities.name, responsibilities.origin, tasks.due,
       coalesce(tasks.remaining_hours, tasks.effort_hours, 0.0), tasks.importance, tasks.status,
       coalesce(tasks.entered, date(tasks.created_at)), tasks.recurrence, tasks.locked,
       coalesce(responsibilities.can_hand_off, 1), coalesce(tasks.enjoyment, responsibilities.enjoyment),
       coalesce(tasks.skill, responsibilities.skill), tasks.effort_hours
FROM tasks LEFT OUTER JOIN responsibilities
  ON tasks.responsibility_id = responsibilities.id AND responsibilities.owner_id = ?
WHERE tasks.status IN ('open', 'waiting') AND tasks.owner_id = ?
ORDER BY tasks.id
"""
LINKS_SQL = "SELECT task_id, depends_on_id FROM task_dependencies WHERE owner_id = ?"


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def active_tasks(store: LiteStore) -> list[ActiveTask]:
    """Return the open and waiting tasks as `Planning.active_tasks()` does (dates as dates, flags as bools)."""
    tasks = []
    for row in store.rows(ACTIVE_TASKS_SQL, store.owner_id, store.owner_id):
        values = list(row)
        values[5], values[9] = _date(values[5]), _date(values[9])  # due; entered (never None: created_at)
        values[11], values[12] = bool(values[11]), bool(values[12])  # locked; can_hand_off
        tasks.append(ActiveTask._make(values))
    return tasks


def priorities(store: LiteStore, today: dt.date, c: Coefficients) -> list[PriorityView]:
    """Return what `Planning.priorities()` returns, read with sqlite3."""
    links = [(a, b) for a, b in store.rows(LINKS_SQL, store.owner_id)]
    return rank(active_tasks(store), links, today, c)
