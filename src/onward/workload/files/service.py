"""Task files and calendars into the workspace, and tasks out as iCalendar: the workload domain's file service.

Imports are all or nothing (one transaction; the parsers refuse a bad file before anything is written) and
idempotent: a task is matched on (source, external id), so re-importing a file adds nothing. When the file
has changed since, the fields it carries are taken from it ("updated"), while what only Onward knows is
kept: who a task was handed to, locks, ratings, checklists, hours already worked off, and a status the
other tool cannot express (handed off, deferred, dropped) unless the tool now says the task is finished.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from onward.background import Reporter
from onward.errors import BadInput
from onward.store.base import utcnow
from onward.store.bulk import bulk_insert
from onward.workload.files import calendar as ical
from onward.workload.files.tasks import FORMATS, ImportedTask, decode, guess_format, parse_tasks
from onward.workload.files.tasks_csv import year_reference
from onward.workload.models import CalendarEvent, Job, Responsibility, Task, TaskDependency
from onward.workspace import Workspace

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


@dataclass
class CalendarImportResult:
    """What a calendar import stored, and the meeting hours it means for the next four weeks."""

    filename: str
    events: int  # events in the file (a recurring meeting counts once)
    occurrences: int  # occurrences stored inside the window
    meeting_hours_next_4_weeks: float
    window_start: dt.date
    window_end: dt.date  # the last day kept
    replaced: int = 0  # occurrences of the previous import that were removed
    away_days: list[dt.date] = field(default_factory=list)  # working days marked out of office
    capped: list[str] = field(default_factory=list)  # what the caps on recurrences and events left out


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except (IsADirectoryError, PermissionError) as error:
        raise BadInput(f"{path}: cannot be read ({error.strerror})") from None


class WorkloadImports:
    """Reads task files (Taskwarrior, Todoist, CSV) and calendars into one workspace; writes tasks as VTODO."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    # ---- tasks ----

    def import_tasks(
        self,
        path: Path,
        format: str | None = None,
        estimate_unit: str = "hours",
        reporter: Reporter | None = None,
    ) -> TaskImportResult:
        """Import a task file (format guessed from the name when not given); return what changed."""
        return self.import_tasks_data(_read(Path(path)), Path(path).name, format, estimate_unit, reporter)

    def import_tasks_data(
        self,
        data: bytes,
        filename: str,
        format: str | None = None,
        estimate_unit: str = "hours",
        reporter: Reporter | None = None,
    ) -> TaskImportResult:
        """Import the bytes of a task file named `filename` (an upload); return what changed.

        `estimate_unit` (hours | minutes) is what a bare number in Taskwarrior's `estimate` means. A
        `reporter` (onward.background) hears the steps: "reading", then "saving" with the tasks done of total;
        the saving is still one transaction, so a failure part-way keeps nothing.
        """
        if reporter is not None:
            reporter.step(READING)
        text = decode(data, filename)
        fmt = format or guess_format(filename, text[:2000])
        if fmt not in FORMATS:
            raise BadInput(f"unknown format '{fmt}'; choose {', '.join(FORMATS)}")
        settings = self.workspace.settings
        today = self.workspace.today
        reference = year_reference(text, today) if fmt == "todoist" else None
        items = parse_tasks(
            text,
            filename,
            fmt,
            zone=settings.zone(),
            today=today,
            year_reference=reference,
            estimate_unit=estimate_unit,
        )
        with self.workspace.session() as session:
            if reporter is not None:
                reporter.step(SAVING, done=0, total=len(items))
            result = _store_tasks(session, self.workspace.owner_id, items, filename, fmt, reporter)
        if reference is not None:
            result.year_reference, result.year_reference_from = reference.date, reference.source
        estimates = [item.effort_hours for item in items if item.effort_hours is not None]
        if fmt == "taskwarrior" and estimates:
            result.estimate_unit = estimate_unit
            result.estimated_hours = round(sum(estimates), 2)
        return result

    # ---- calendar ----

    def import_calendar(self, path: Path) -> CalendarImportResult:
        """Replace the imported calendar with the events of an iCalendar file; return what was stored."""
        return self.import_calendar_data(_read(Path(path)), Path(path).name)

    def import_calendar_data(
        self, data: bytes, filename: str, reporter: Reporter | None = None
    ) -> CalendarImportResult:
        """Replace the imported calendar with the events of an uploaded iCalendar file.

        A `reporter` (onward.background) hears "reading", then "saving" with the occurrences stored of total;
        the saving is one transaction, so a failure part-way keeps the previous calendar.
        """
        if reporter is not None:
            reporter.step(READING)
        today = self.workspace.today
        start, end = ical.import_window(today)
        parsed = ical.read_calendar(data, filename, zone=self.workspace.settings.zone(), start=start, end=end)
        owner_id = self.workspace.owner_id
        with self.workspace.session() as session:
            replaced = session.scalar(select(func.count(CalendarEvent.id))) or 0
            session.execute(delete(CalendarEvent))
            if parsed.occurrences:
                now = utcnow()
                rows = [
                    {
                        "owner_id": owner_id,
                        "created_at": now,
                        "updated_at": now,
                        "uid": o.uid,
                        "summary": o.summary,
                        "starts_at": o.starts_at,
                        "ends_at": o.ends_at,
                        "all_day": o.all_day,
                        "show_as": o.show_as,
                        "recurring": o.recurring,
                    }
                    for o in parsed.occurrences
                ]
                if reporter is not None:
                    reporter.step(SAVING, done=0, total=len(rows))
                for first in range(0, len(rows), PROGRESS_EVERY):
                    bulk_insert(session, CalendarEvent, rows[first : first + PROGRESS_EVERY])
                    if reporter is not None:
                        reporter.advance(len(rows[first : first + PROGRESS_EVERY]))
        return CalendarImportResult(
            filename=filename,
            events=parsed.events,
            occurrences=len(parsed.occurrences),
            meeting_hours_next_4_weeks=round(sum(self.meeting_hours_by_week(today, 4)), 2),
            window_start=start,
            window_end=end - dt.timedelta(days=1),
            replaced=replaced,
            away_days=ical.away_days(parsed.occurrences, since=today),
            capped=parsed.capped,
        )

    def meeting_hours_by_week(self, start: dt.date, weeks: int) -> list[float]:
        """Return the busy meeting hours of each week (Monday to Sunday) from the week holding `start`.

        Only working days (Monday to Friday) count; overlapping meetings count once; a tentative meeting
        counts at the `tentative_meeting_share` setting; free, cancelled and all-day events do not count.
        """
        first = start - dt.timedelta(days=start.weekday())
        last = first + dt.timedelta(days=7 * max(weeks, 0))
        with self.workspace.session() as session:
            rows = session.execute(
                select(CalendarEvent.starts_at, CalendarEvent.ends_at, CalendarEvent.all_day, CalendarEvent.show_as)
                .where(
                    CalendarEvent.starts_at < dt.datetime.combine(last, dt.time()),
                    CalendarEvent.ends_at > dt.datetime.combine(first, dt.time()),
                )
                .order_by(CalendarEvent.starts_at)
            ).all()
        spans = [ical.Span(a, b, all_day, show_as) for a, b, all_day, show_as in rows]
        share = self.workspace.settings.tentative_meeting_share
        return ical.meeting_hours_by_week(spans, first, weeks, tentative_share=share)

    def calendar_events(self, start: dt.date, end: dt.date) -> list[ical.Span]:
        """Return the stored occurrences that overlap [start, end), earliest first."""
        with self.workspace.session() as session:
            rows = session.scalars(
                select(CalendarEvent)
                .where(
                    CalendarEvent.starts_at < dt.datetime.combine(end, dt.time()),
                    CalendarEvent.ends_at > dt.datetime.combine(start, dt.time()),
                )
                .order_by(CalendarEvent.starts_at, CalendarEvent.id)
            ).all()
            return [ical.Span(r.starts_at, r.ends_at, r.all_day, r.show_as, r.summary) for r in rows]

    # ---- export ----

    def export_vtodo(self, *, include_finished: bool = False) -> bytes:
        """Return the tasks that have a due date as an iCalendar file of VTODOs (open ones, or all)."""
        from onward.workload.files.ical_export import TodoRow, tasks_to_vtodo

        with self.workspace.session() as session:
            query = (
                select(Task, Responsibility.name)
                .outerjoin(Responsibility, Task.responsibility_id == Responsibility.id)
                .where(Task.due.is_not(None))
                .order_by(Task.due, Task.id)
            )
            if not include_finished:
                query = query.where(Task.status.in_(("open", "waiting", "deferred")))
            rows = [
                TodoRow(
                    id=task.id,
                    title=task.title,
                    due=task.due,
                    importance=task.importance,
                    status=task.status,
                    responsibility=duty,
                    notes=task.notes,
                    source=task.source,
                    external_id=task.external_id,
                    completed=task.completed,
                    modified=task.updated_at,
                )
                for task, duty in session.execute(query)
                if task.due is not None
            ]
        return tasks_to_vtodo(rows, stamp=dt.datetime.now(dt.UTC).replace(microsecond=0))


# ---- storing imported tasks (one transaction, bulk statements) ----


def _responsibility_ids(session: Session, items: Sequence[ImportedTask], result: TaskImportResult) -> dict[str, int]:
    """Return lower-cased duty name → id for every name the items use, creating the job and duties missing."""
    wanted: dict[str, str] = {}
    for item in items:
        if item.responsibility and item.responsibility.lower() not in wanted:
            wanted[item.responsibility.lower()] = item.responsibility
    if not wanted:
        return {}
    # The current job is the newest one without an end date (as WorkloadService.current_job says).
    jobs = session.scalars(select(Job).where(Job.end_date.is_(None))).all()
    jobs = sorted(jobs, key=lambda job: (job.start_date or dt.date.min, -job.id), reverse=True)
    if jobs:
        job = jobs[0]
    else:
        job = Job(title=DEFAULT_JOB_TITLE)
        session.add(job)
        session.flush()
        result.job_created = job.title
    ids: dict[str, int] = {}
    for duty_id, name in session.execute(
        select(Responsibility.id, Responsibility.name)
        .where(Responsibility.job_id == job.id)
        .order_by(Responsibility.id)
    ):
        ids.setdefault(name.lower(), duty_id)
    for key, name in wanted.items():
        if key not in ids:
            duty = Responsibility(job_id=job.id, name=name)
            session.add(duty)
            session.flush()
            ids[key] = duty.id
            result.new_responsibilities.append(name)
    return ids


def _row(item: ImportedTask, responsibility_id: int | None) -> dict[str, Any]:
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


def _changes(stored: Any, incoming: dict[str, Any]) -> dict[str, Any]:
    """Return the fields to write so the stored task matches the file (keeping what only Onward knows)."""
    changes: dict[str, Any] = {}
    for name in (*SOURCE_FIELDS, *SOURCE_LIST_FIELDS, "responsibility_id", "recurrence"):
        if getattr(stored, name) != incoming[name]:
            changes[name] = incoming[name]
    if incoming["notes"] and stored.notes != incoming["notes"]:
        changes["notes"] = incoming["notes"]
    if "status" in changes and stored.status in ONWARD_ONLY_STATUSES and incoming["status"] not in FINISHED_STATUSES:
        del changes["status"]
    if "effort_hours" in changes and stored.remaining_hours in (None, stored.effort_hours):
        # Hours not yet worked off follow the new estimate; hours the person already updated stay theirs.
        changes["remaining_hours"] = incoming["effort_hours"]
    return changes


def _store_tasks(
    session: Session,
    owner_id: int,
    items: Sequence[ImportedTask],
    filename: str,
    fmt: str,
    reporter: Reporter | None = None,
) -> TaskImportResult:
    result = TaskImportResult(filename=filename, format=fmt, added=0, unchanged=0, updated=0)
    duty_ids = _responsibility_ids(session, items, result)
    sources = sorted({item.source for item in items})
    stored = {
        (row.source, row.external_id): row
        for row in session.execute(
            select(
                Task.id,
                Task.source,
                Task.external_id,
                Task.notes,
                Task.responsibility_id,
                Task.remaining_hours,
                Task.recurrence,
                *(getattr(Task, name) for name in (*SOURCE_FIELDS, *SOURCE_LIST_FIELDS)),
            ).where(Task.source.in_(sources))
        )
    }
    new_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    now = utcnow()
    for index, item in enumerate(items, start=1):
        if reporter is not None and index % PROGRESS_EVERY == 0:
            reporter.advance(PROGRESS_EVERY)  # the comparing; the writes below are one executemany each
        duty_id = duty_ids.get(item.responsibility.lower()) if item.responsibility else None
        incoming = _row(item, duty_id)
        existing = stored.get((item.source, item.external_id))
        if existing is None:
            incoming.update(
                owner_id=owner_id,
                source=item.source,
                external_id=item.external_id,
                remaining_hours=item.effort_hours,
                checklist=[],
                handed_to=None,
                locked=False,
                enjoyment=None,
                skill=None,
                created_at=now,
                updated_at=now,
            )
            new_rows.append(incoming)
        elif changes := _changes(existing, incoming):
            updates.append({"id": existing.id, **changes})
        else:
            result.unchanged += 1
    if new_rows:
        # A Core executemany of same-shaped rows: the fastest way in on SQLite and PostgreSQL alike.
        bulk_insert(session, Task, new_rows)
    if updates:
        # Grouped by the set of changed fields: one executemany per shape keeps 20,000 updates fast.
        shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for change in updates:
            shapes.setdefault(tuple(sorted(change)), []).append(change)
        for batch in shapes.values():
            session.execute(update(Task), batch)
    result.added, result.updated = len(new_rows), len(updates)
    result.dependencies = _link_dependencies(session, owner_id, items, sources)
    return result


def _link_dependencies(session: Session, owner_id: int, items: Sequence[ImportedTask], sources: list[str]) -> int:
    """Make the dependency links among the file's tasks match the file; return how many were added.

    A dependency on a task that is neither in the file nor imported before is left out: a filtered
    export often names tasks it does not contain.
    """
    if not any(item.depends_on for item in items) and not session.scalar(select(func.count(TaskDependency.id))):
        return 0
    ids = {
        (source, external_id): task_id
        for task_id, source, external_id in session.execute(
            select(Task.id, Task.source, Task.external_id).where(Task.source.in_(sources))
        )
    }
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
    current = {
        (task_id, other_id)
        for task_id, other_id in session.execute(
            select(TaskDependency.task_id, TaskDependency.depends_on_id)
            .join(Task, Task.id == TaskDependency.task_id)
            .where(Task.source.in_(sources))
        )
    }
    stale = [
        link for link in current - wanted if link[0] in in_file and link[1] in source_ids
    ]  # links the file no longer has, among the source's own tasks
    for task_id, other_id in stale:
        session.execute(
            delete(TaskDependency).where(TaskDependency.task_id == task_id, TaskDependency.depends_on_id == other_id)
        )
    missing = sorted(wanted - current)
    if missing:
        now = utcnow()
        bulk_insert(
            session,
            TaskDependency,
            [
                {"owner_id": owner_id, "task_id": a, "depends_on_id": b, "created_at": now, "updated_at": now}
                for a, b in missing
            ],
        )
    return len(missing)
