"""What a task import writes, decided without a database.

Two ways write an import: the service (service.py, through SQLAlchemy, for the web and the Typer command)
and the CLI's fast lane (lite_import.py, sqlite3 alone). Everything they decide (which rows are new, which
changed and how, which duties and links to add or remove, the counts) is decided here, once, so the two
cannot drift apart; each only reads and writes its own way. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onward.background import Reporter
from onward.errors import BadInput
from onward.workload.files.tasks import ImportedTask

DEFAULT_JOB_TITLE = "My job"
# The steps a task import reports to a progress bar, and how many tasks between reports.
READING, SAVING = "reading", "saving"
PROGRESS_EVERY = 500
# Statuses only Onward can set: a re-import keeps them unless the other tool says the task is finished.
ONWARD_ONLY_STATUSES = ("handed_off", "deferred", "dropped")
FINISHED_STATUSES = ("done", "dropped")
# Fields a task file carries (besides the responsibility), compared to decide "unchanged" or "updated".
SOURCE_FIELDS = ("title", "due", "effort_hours", "importance", "status", "entered", "completed", "tags")
SOURCE_LIST_FIELDS = ("annotations",)
# What a re-import reads of each stored task to compare it with the file (`changes` reads these names).
STORED_FIELDS = (
    "id", "source", "external_id", "notes", "responsibility_id", "remaining_hours", "recurrence",
    *SOURCE_FIELDS, *SOURCE_LIST_FIELDS,
)  # fmt: skip


@dataclass
class TaskImportResult:
    """What a task import did: counts, and the job and duties it had to create."""

    filename: str
    format: str
    added: int
    unchanged: int
    updated: int
    dependencies: int = 0  # dependency links added
    job_created: str | None = None  # title of the job created because there was none
    new_responsibilities: list[str] = field(default_factory=list)
    # What dates written without a year (Todoist's "Dec 5") were read against, when the file had any:
    # the latest full date in the file ("file") or today ("today").
    year_reference: dt.date | None = None
    year_reference_from: str | None = None
    # Taskwarrior: the unit a bare `estimate` number was read in, and the effort hours the file's estimates
    # came to, so a wrong unit (90 "hours" that were minutes) is plain to see.
    estimate_unit: str | None = None
    estimated_hours: float | None = None


def read_file(path: Path) -> bytes:
    """Return the bytes of a file to import, or raise BadInput saying why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except (IsADirectoryError, PermissionError) as error:
        raise BadInput(f"{path}: cannot be read ({error.strerror})") from None


def wanted_duties(items: Sequence[ImportedTask]) -> dict[str, str]:
    """Return lower-cased duty name → the name as first written, for every duty the items name, in file order."""
    wanted: dict[str, str] = {}
    for item in items:
        if item.responsibility and item.responsibility.lower() not in wanted:
            wanted[item.responsibility.lower()] = item.responsibility
    return wanted


def current_job(open_jobs: Iterable[tuple[int, dt.date | None]]) -> int | None:
    """Return the id of the current job among (id, start date) of the jobs without an end date: the newest
    (as WorkloadService.current_job says), the first made among those started the same day; None when none."""
    ranked = sorted(open_jobs, key=lambda job: (job[1] or dt.date.min, -job[0]), reverse=True)
    return ranked[0][0] if ranked else None


def duty_ids_by_name(duties: Iterable[tuple[int, str]]) -> dict[str, int]:
    """Return lower-cased name → id of a job's duties given as (id, name) in id order (the first of a name wins)."""
    ids: dict[str, int] = {}
    for duty_id, name in duties:
        ids.setdefault(name.lower(), duty_id)
    return ids


def task_row(item: ImportedTask, responsibility_id: int | None) -> dict[str, Any]:
    """Return the fields of a task that the file says, as the store keeps them."""
    return {
        "title": item.title,
        "notes": item.notes,
        "responsibility_id": responsibility_id,
        "due": item.due,
        "effort_hours": item.effort_hours,
        "importance": item.importance,
        "status": item.status,
        "entered": item.entered,
        "completed": item.completed,
        "tags": list(item.tags),
        "annotations": list(item.annotations),
        "recurrence": item.recurrence,
    }


def changes(stored: Any, incoming: dict[str, Any]) -> dict[str, Any]:
    """Return the fields to write so the stored task matches the file (keeping what only Onward knows).

    `stored` has the STORED_FIELDS as attributes, read back as the store's types (dates, lists).
    """
    found: dict[str, Any] = {}
    for name in (*SOURCE_FIELDS, *SOURCE_LIST_FIELDS, "responsibility_id", "recurrence"):
        if getattr(stored, name) != incoming[name]:
            found[name] = incoming[name]
    if incoming["notes"] and stored.notes != incoming["notes"]:
        found["notes"] = incoming["notes"]
    if "status" in found and stored.status in ONWARD_ONLY_STATUSES and incoming["status"] not in FINISHED_STATUSES:
        del found["status"]
    if "effort_hours" in found and stored.remaining_hours in (None, stored.effort_hours):
        # Hours not yet worked off follow the new estimate; hours the person already updated stay theirs.
        found["remaining_hours"] = incoming["effort_hours"]
    return found


def sort_tasks(
    items: Sequence[ImportedTask],
    duty_ids: Mapping[str, int],
    stored: Mapping[tuple[str | None, str | None], Any],
    owner_id: int,
    now: Any,
    result: TaskImportResult,
    reporter: Reporter | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return the rows of the new tasks and the changes to stored ones ({"id": …, field: value, …}), counting
    them in `result`; `stored` maps (source, external id) to the stored task (see `changes`), and `now` is
    the new rows' timestamp as the caller writes it (a datetime, or the lane's text)."""
    new_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for index, item in enumerate(items, start=1):
        if reporter is not None and index % PROGRESS_EVERY == 0:
            reporter.advance(PROGRESS_EVERY)  # the comparing; the writes after are one executemany each
        duty_id = duty_ids.get(item.responsibility.lower()) if item.responsibility else None
        existing = stored.get((item.source, item.external_id))
        if existing is None:
            new_rows.append(
                {
                    **task_row(item, duty_id),
                    "owner_id": owner_id,
                    "source": item.source,
                    "external_id": item.external_id,
                    "remaining_hours": item.effort_hours,
                    "checklist": [],
                    "handed_to": None,
                    "locked": False,
                    "enjoyment": None,
                    "skill": None,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        elif found := changes(existing, task_row(item, duty_id)):
            updates.append({"id": existing.id, **found})
        else:
            result.unchanged += 1
    result.added, result.updated = len(new_rows), len(updates)
    return new_rows, updates


def update_shapes(updates: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group the changes by the set of fields they change: one executemany per shape keeps 20,000 updates fast."""
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for change in updates:
        shapes.setdefault(tuple(sorted(change)), []).append(change)
    return list(shapes.values())


def dependency_changes(
    items: Sequence[ImportedTask],
    ids: Mapping[tuple[str | None, str | None], int],
    current: set[tuple[int, int]],
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Return (stale, missing): the links to remove and to add so the links among the file's tasks match it.

    `ids` maps (source, external id) → task id for the source's stored tasks (the file's among them) and
    `current` holds the links stored among them. A dependency on a task that is neither in the file nor
    imported before is left out: a filtered export often names tasks it does not contain.
    """
    wanted: set[tuple[int, int]] = set()
    in_file: set[int] = set()
    for item in items:
        task_id = ids[(item.source, item.external_id)]
        in_file.add(task_id)
        for other in item.depends_on:
            other_id = ids.get((item.source, other))
            if other_id is not None and other_id != task_id:
                wanted.add((task_id, other_id))
    source_ids = set(ids.values())
    stale = [
        link for link in current - wanted if link[0] in in_file and link[1] in source_ids
    ]  # links the file no longer has, among the source's own tasks
    return stale, sorted(wanted - current)


def note_estimates(result: TaskImportResult, items: Sequence[ImportedTask], fmt: str, estimate_unit: str) -> None:
    """Say in `result` what a Taskwarrior file's estimates came to, in the unit a bare number was read in."""
    estimates = [item.effort_hours for item in items if item.effort_hours is not None]
    if fmt == "taskwarrior" and estimates:
        result.estimate_unit = estimate_unit
        result.estimated_hours = round(sum(estimates), 2)
