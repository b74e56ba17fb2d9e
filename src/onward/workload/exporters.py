"""Tasks out as an iCalendar file of to-dos (VTODO), for the person's calendar or task app. Pure functions.

Each task keeps one UID across exports, so a calendar that re-subscribes or re-imports updates its to-dos
instead of duplicating them: an imported task uses its source's id (`<uuid>@taskwarrior.onward`), a task
typed in Onward its own id (`task-<id>@onward`). PRIORITY follows RFC 5545 (1 highest … 9 lowest):
importance 5 → 1, 4 → 3, 3 → 5, 2 → 7, 1 → 9. CATEGORIES is the responsibility.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

PRODID = "-//Onward//Tasks//EN"
ICAL_PRIORITY = {5: 1, 4: 3, 3: 5, 2: 7, 1: 9}
ICAL_STATUS = {
    "open": "NEEDS-ACTION",
    "waiting": "NEEDS-ACTION",
    "deferred": "NEEDS-ACTION",
    "done": "COMPLETED",
    "dropped": "CANCELLED",
    "handed_off": "CANCELLED",
}


@dataclass
class TodoRow:
    """What the export needs of a task."""

    id: int
    title: str
    due: dt.date
    importance: int
    status: str
    responsibility: str | None = None
    notes: str = ""
    source: str | None = None
    external_id: str | None = None
    completed: dt.date | None = None
    modified: dt.datetime | None = None


def todo_uid(row: TodoRow) -> str:
    """Return the task's UID: the same in every export of the same workspace."""
    if row.source and row.external_id:
        safe = re.sub(r"[^A-Za-z0-9._#-]", "-", row.external_id)
        return f"{safe}@{row.source}.onward"
    return f"task-{row.id}@onward"


def tasks_to_vtodo(rows: Sequence[TodoRow], *, stamp: dt.datetime) -> bytes:
    """Return an iCalendar file (bytes, CRLF lines) with one VTODO per task."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Onward tasks")
    for row in rows:
        todo = icalendar.Todo()
        todo.add("uid", todo_uid(row))
        todo.add("dtstamp", stamp)
        todo.add("summary", row.title)
        todo.add("due", row.due)  # a DATE: due by the end of that day, wherever the person is
        todo.add("priority", ICAL_PRIORITY.get(row.importance, 5))
        todo.add("status", ICAL_STATUS.get(row.status, "NEEDS-ACTION"))
        if row.responsibility:
            todo.add("categories", [row.responsibility])
        if row.notes:
            todo.add("description", row.notes)
        if row.status == "done" and row.completed:
            todo.add("completed", dt.datetime.combine(row.completed, dt.time(12), tzinfo=dt.UTC))
        if row.modified:
            todo.add("last-modified", row.modified.replace(tzinfo=dt.UTC))
        calendar.add_component(todo)
    data: bytes = calendar.to_ical()
    return data
