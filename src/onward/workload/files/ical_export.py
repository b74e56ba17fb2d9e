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


def _text(value: str) -> str:
    """Return `value` escaped as an iCalendar TEXT value (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Return a content line folded at 75 octets, never inside a UTF-8 character (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _utc(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def tasks_to_vtodo(rows: Sequence[TodoRow], *, stamp: dt.datetime) -> bytes:
    """Return an iCalendar file (bytes, CRLF lines) with one VTODO per task.

    Written directly rather than through the icalendar package: it is ten times faster for a few thousand
    to-dos, and the tests read the result back with icalendar.
    """
    stamped = _utc(stamp)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "X-WR-CALNAME:Onward tasks"]
    for row in rows:
        lines += [
            "BEGIN:VTODO",
            f"UID:{_text(todo_uid(row))}",
            f"DTSTAMP:{stamped}",
            f"SUMMARY:{_text(row.title)}",
            f"DUE;VALUE=DATE:{row.due:%Y%m%d}",  # due by the end of that day, wherever the person is
            f"PRIORITY:{ICAL_PRIORITY.get(row.importance, 5)}",
            f"STATUS:{ICAL_STATUS.get(row.status, 'NEEDS-ACTION')}",
        ]
        if row.responsibility:
            lines.append(f"CATEGORIES:{_text(row.responsibility)}")
        if row.notes:
            lines.append(f"DESCRIPTION:{_text(row.notes)}")
        if row.status == "done" and row.completed:
            lines.append(f"COMPLETED:{row.completed:%Y%m%d}T120000Z")
        if row.modified:
            lines.append(f"LAST-MODIFIED:{_utc(row.modified)}")
        lines.append("END:VTODO")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")
