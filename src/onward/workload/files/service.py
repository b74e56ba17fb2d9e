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

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from onward.background import Reporter
from onward.errors import BadInput
from onward.store.base import utcnow
from onward.store.bulk import bulk_insert
from onward.workload.files import calendar as ical
from onward.workload.files.task_import import (
    DEFAULT_JOB_TITLE,
    PROGRESS_EVERY,
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
from onward.workload.files.tasks import FORMATS, ImportedTask, decode, guess_format, parse_tasks
from onward.workload.files.tasks_csv import year_reference
from onward.workload.models import CalendarEvent, Job, Responsibility, Task, TaskDependency
from onward.workspace import Workspace


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
        return self.import_tasks_data(read_file(Path(path)), Path(path).name, format, estimate_unit, reporter)

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
        note_estimates(result, items, fmt, estimate_unit)
        return result

    # ---- calendar ----

    def import_calendar(self, path: Path) -> CalendarImportResult:
        """Replace the imported calendar with the events of an iCalendar file; return what was stored."""
        return self.import_calendar_data(read_file(Path(path)), Path(path).name)

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


# ---- storing imported tasks (one transaction, bulk statements; what to write is decided in task_import.py) ----


def _responsibility_ids(session: Session, items: Sequence[ImportedTask], result: TaskImportResult) -> dict[str, int]:
    """Return lower-cased duty name → id for every name the items use, creating the job and duties missing."""
    wanted = wanted_duties(items)
    if not wanted:
        return {}
    open_jobs = session.execute(select(Job.id, Job.start_date).where(Job.end_date.is_(None)))
    job_id = current_job((job, start) for job, start in open_jobs)
    if job_id is None:
        job = Job(title=DEFAULT_JOB_TITLE)
        session.add(job)
        session.flush()
        job_id, result.job_created = job.id, job.title
    duties = session.execute(
        select(Responsibility.id, Responsibility.name)
        .where(Responsibility.job_id == job_id)
        .order_by(Responsibility.id)
    )
    ids = duty_ids_by_name((duty_id, name) for duty_id, name in duties)
    for key, name in wanted.items():
        if key not in ids:
            duty = Responsibility(job_id=job_id, name=name)
            session.add(duty)
            session.flush()
            ids[key] = duty.id
            result.new_responsibilities.append(name)
    return ids


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
            select(*(getattr(Task, name) for name in STORED_FIELDS)).where(Task.source.in_(sources))
        )
    }
    new_rows, updates = sort_tasks(items, duty_ids, stored, owner_id, utcnow(), result, reporter)
    if new_rows:
        # A Core executemany of same-shaped rows: the fastest way in on SQLite and PostgreSQL alike.
        bulk_insert(session, Task, new_rows)
    for batch in update_shapes(updates):
        session.execute(update(Task), batch)
    result.dependencies = _link_dependencies(session, owner_id, items, sources)
    return result


def _link_dependencies(session: Session, owner_id: int, items: Sequence[ImportedTask], sources: list[str]) -> int:
    """Make the dependency links among the file's tasks match the file; return how many were added."""
    if not any(item.depends_on for item in items) and not session.scalar(select(func.count(TaskDependency.id))):
        return 0
    ids = {
        (source, external_id): task_id
        for task_id, source, external_id in session.execute(
            select(Task.id, Task.source, Task.external_id).where(Task.source.in_(sources))
        )
    }
    current = {
        (task_id, other_id)
        for task_id, other_id in session.execute(
            select(TaskDependency.task_id, TaskDependency.depends_on_id)
            .join(Task, Task.id == TaskDependency.task_id)
            .where(Task.source.in_(sources))
        )
    }
    stale, missing = dependency_changes(items, ids, current)
    for task_id, other_id in stale:
        session.execute(
            delete(TaskDependency).where(TaskDependency.task_id == task_id, TaskDependency.depends_on_id == other_id)
        )
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
