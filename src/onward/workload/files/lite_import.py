"""A Taskwarrior import written with sqlite3 alone (onward.store.lite), for the CLI's fast lane.

The same steps as `WorkloadImports.import_tasks_data` and `_store_tasks` (service.py): the same parser, the
same decisions (task_import.py) and the same rows in the same stored form (dates as ISO text, JSON columns
as `json.dumps` writes them, timestamps as SQLite's DateTime writes them), in the one transaction the
caller commits. Every statement names the owner. tests/cli/test_fast_lane_import.py holds the two ways to
the same rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from onward.background import Reporter
from onward.errors import BadInput
from onward.store.lite import LiteStore, now_text
from onward.workload.files.task_import import (
    DEFAULT_JOB_TITLE,
    READING,
    SAVING,
    STORED_FIELDS,
    TaskImportResult,
    current_job,
    dependency_changes,
    duty_ids_by_name,
    note_estimates,
    read_file,
    sort_tasks,
    update_shapes,
    wanted_duties,
)
from onward.workload.files.tasks import ImportedTask, decode, parse_taskwarrior

TASKWARRIOR = "taskwarrior"
# The tasks table's columns by how the store keeps them (workload.models.Task).
DATE_COLUMNS = frozenset({"due", "entered", "completed"})
JSON_COLUMNS = frozenset({"tags", "annotations", "checklist"})
# Text the columns' limits (store/limits.py) could refuse, beyond what the parser already holds them to
# (title, names, recurrence and uuid clipped or refused at their lengths; statuses and numbers in range):
# a NUL character. Seeing one, the lane steps aside and the ordinary way reports it.
TEXT_COLUMNS = frozenset({"title", "notes", "external_id", "recurrence"})
EMPTY_JSON_LIST = json.dumps([])  # most tags, annotations and checklists

# Migration 0004's trigger that stamps the owner's workload on every task written (the pages' cache key). Run
# once per row it is a third of a 20,000-task import; for the one bulk insert the lane drops it, runs its body
# once and makes it again from the same text, inside the import's transaction (so a failure restores it too).
# Only this exact trigger: any other (a later migration's, or this one changed) fires per row as ever.
STAMP_TRIGGER = "workload_stamp_tasks_insert"
STAMP_BODY = (
    "UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; "
    "INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() "
    "WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id);"
)
STAMP_TRIGGER_SQL = f"CREATE TRIGGER {STAMP_TRIGGER} AFTER INSERT ON tasks BEGIN {STAMP_BODY} END"
STAMP_ONCE = [part.strip() for part in STAMP_BODY.replace("NEW.owner_id", "?").split(";") if part.strip()]

# A stored task as `changes` reads it: STORED_FIELDS as attributes.
Stored = NamedTuple("Stored", [(name, Any) for name in STORED_FIELDS])  # type: ignore[misc]
STORED_SQL = f"SELECT {', '.join(STORED_FIELDS)} FROM tasks WHERE owner_id = ? AND source = ?"  # noqa: S608 - our names


def read_taskwarrior(
    path: Path, *, zone: dt.tzinfo, today: dt.date, estimate_unit: str, reporter: Reporter | None = None
) -> list[ImportedTask]:
    """Read and parse a Taskwarrior export as the service does; raise BadInput as it would."""
    if reporter is not None:
        reporter.step(READING)
    text = decode(read_file(path), path.name)
    return parse_taskwarrior(text, path.name, zone=zone, today=today, estimate_unit=estimate_unit)


def store_taskwarrior(
    store: LiteStore,
    items: Sequence[ImportedTask],
    filename: str,
    estimate_unit: str,
    reporter: Reporter | None = None,
) -> TaskImportResult:
    """Write the items as `_store_tasks` does (the caller commits); return the same result."""
    if reporter is not None:
        reporter.step(SAVING, done=0, total=len(items))
    result = TaskImportResult(filename=filename, format=TASKWARRIOR, added=0, unchanged=0, updated=0)
    now = now_text()
    duty_ids = _responsibility_ids(store, items, result, now)
    stored: dict[tuple[str | None, str | None], Any] = {
        (TASKWARRIOR, row.external_id): row
        for row in map(_from_stored, store.rows(STORED_SQL, store.owner_id, TASKWARRIOR))
    }
    new_rows, updates = sort_tasks(items, duty_ids, stored, store.owner_id, now, result, reporter)
    if new_rows:
        names = list(new_rows[0])
        # Column by column (a C-speed map each), then zipped into rows, as store/bulk.py does.
        columns = [_stored_column(name, list(map(itemgetter(name), new_rows))) for name in names]
        insert = f"INSERT INTO tasks ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"  # noqa: S608
        stamp_once = _drop_stamp_trigger(store)
        store.connection.executemany(insert, zip(*columns, strict=True))  # the names are sort_tasks's own
        if stamp_once:
            store.connection.execute(STAMP_TRIGGER_SQL)
            for statement in STAMP_ONCE:
                store.connection.execute(statement, (store.owner_id,) * statement.count("?"))
    for batch in update_shapes(updates):
        fields = [name for name in batch[0] if name != "id"]
        settings = ", ".join(f"{name} = ?" for name in fields)  # the names `changes` gives
        columns = [_stored_column(name, list(map(itemgetter(name), batch))) for name in fields]
        ids = [change["id"] for change in batch]
        store.connection.executemany(
            f"UPDATE tasks SET {settings}, updated_at = ? WHERE id = ? AND owner_id = ?",  # noqa: S608
            zip(*columns, repeat(now), ids, repeat(store.owner_id)),
        )
    result.dependencies = _link_dependencies(store, items, now)
    note_estimates(result, items, TASKWARRIOR, estimate_unit)
    return result


def _drop_stamp_trigger(store: LiteStore) -> bool:
    """Drop the stamp trigger when it is the one STAMP_TRIGGER_SQL says; return whether it was dropped."""
    found = store.rows("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", STAMP_TRIGGER)
    if found != [(STAMP_TRIGGER_SQL,)]:
        return False
    store.connection.execute(f"DROP TRIGGER {STAMP_TRIGGER}")
    return True


def _stored_column(name: str, values: list[Any]) -> list[Any]:
    """Return one column's values as SQLAlchemy's column types write them on SQLite: a date as ISO text, JSON
    as `json.dumps` writes it (None as 'null'), the rest as they are (timestamps come as text already).
    Text with a NUL character, which the columns' limits refuse (store/limits.py), raises BadInput."""
    if name in DATE_COLUMNS:
        return [None if value is None else value.isoformat() for value in values]
    if name in JSON_COLUMNS:
        return [EMPTY_JSON_LIST if value == [] else json.dumps(value) for value in values]
    if name in TEXT_COLUMNS and "\x00" in "".join(filter(None, values)):  # joining makes no NUL
        raise BadInput(f"a task's {name} holds a NUL character")
    return values


def _from_stored(row: Sequence[Any]) -> Any:
    """Return a stored task read back as SQLAlchemy's column types read it (dates as dates, JSON parsed)."""
    values = []
    for name, value in zip(STORED_FIELDS, row, strict=True):
        if value is not None and name in DATE_COLUMNS:
            value = dt.date.fromisoformat(value)
        elif value is not None and name in JSON_COLUMNS:
            value = json.loads(value)
        values.append(value)
    return Stored(*values)


def _responsibility_ids(
    store: LiteStore, items: Sequence[ImportedTask], result: TaskImportResult, now: str
) -> dict[str, int]:
    """`_responsibility_ids` of service.py: the current job (made when none) and its duties, adding those missing."""
    wanted = wanted_duties(items)
    if not wanted:
        return {}
    if any("\x00" in name for name in wanted.values()):
        raise BadInput("a project name holds a NUL character")
    open_jobs = store.rows("SELECT id, start_date FROM jobs WHERE owner_id = ? AND end_date IS NULL", store.owner_id)
    job_id = current_job((job, None if start is None else dt.date.fromisoformat(start)) for job, start in open_jobs)
    if job_id is None:
        cursor = store.connection.execute(
            "INSERT INTO jobs (employer, title, description, start_date, end_date, created_at, updated_at, owner_id) "
            "VALUES ('', ?, '', NULL, NULL, ?, ?, ?)",
            (DEFAULT_JOB_TITLE, now, now, store.owner_id),
        )
        job_id, result.job_created = cursor.lastrowid, DEFAULT_JOB_TITLE
    ids = duty_ids_by_name(
        store.rows(
            "SELECT id, name FROM responsibilities WHERE owner_id = ? AND job_id = ? ORDER BY id",
            store.owner_id,
            job_id,
        )
    )
    for key, name in wanted.items():
        if key not in ids:
            cursor = store.connection.execute(
                "INSERT INTO responsibilities (job_id, name, description, origin, expected_end, enjoyment, skill, "
                "energy, can_hand_off, created_at, updated_at, owner_id) "
                "VALUES (?, ?, '', 'described', NULL, NULL, NULL, NULL, 1, ?, ?, ?)",
                (job_id, name, now, now, store.owner_id),
            )
            assert cursor.lastrowid is not None
            ids[key] = cursor.lastrowid
            result.new_responsibilities.append(name)
    return ids


def _link_dependencies(store: LiteStore, items: Sequence[ImportedTask], now: str) -> int:
    """`_link_dependencies` of service.py: make the links among the file's tasks match it; return those added."""
    owner = store.owner_id
    if not any(item.depends_on for item in items):
        (links,) = store.rows("SELECT count(*) FROM task_dependencies WHERE owner_id = ?", owner)[0]
        if not links:
            return 0
    if not items:
        return 0  # no tasks in the file: nothing of theirs to link or unlink
    ids: dict[tuple[str | None, str | None], int] = {
        (TASKWARRIOR, external_id): task_id
        for task_id, external_id in store.rows(
            "SELECT id, external_id FROM tasks WHERE owner_id = ? AND source = ?", owner, TASKWARRIOR
        )
    }
    current = {
        (task_id, other_id)
        for task_id, other_id in store.rows(
            "SELECT d.task_id, d.depends_on_id FROM task_dependencies AS d "
            "JOIN tasks AS t ON t.id = d.task_id AND t.owner_id = ? WHERE d.owner_id = ? AND t.source = ?",
            owner,
            owner,
            TASKWARRIOR,
        )
    }
    stale, missing = dependency_changes(items, ids, current)
    store.connection.executemany(
        "DELETE FROM task_dependencies WHERE owner_id = ? AND task_id = ? AND depends_on_id = ?",
        [(owner, a, b) for a, b in stale],
    )
    store.connection.executemany(
        "INSERT INTO task_dependencies (owner_id, task_id, depends_on_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [(owner, a, b, now, now) for a, b in missing],
    )
    return len(missing)
