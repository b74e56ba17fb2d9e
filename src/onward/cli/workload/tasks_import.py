"""What `onward tasks import` shows: the progress bar while it works, then the result as lines or JSON.

Shared by the Typer command (files.py) and the fast lane (onward.cli.fast), which must print the same bytes;
so no Typer here (the lane runs before Typer loads), and Rich only on a terminal (cli/progress.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from onward.background import Progress, Reporter
    from onward.errors import OnwardError
    from onward.workload.files.task_import import TaskImportResult

# What the command says to the person (kept here, beside the command, in messages.py style).
ESTIMATED_HOURS = "Estimates (a bare number read as {unit}) come to {hours:g} hours of effort."
TASKS_READING = "Reading {filename}"
TASKS_SAVING = "Saving tasks ({done} of {total} compared)"
TASKS_STOPPED = "the import stopped before the end; nothing was kept"
TASKS_IMPORTED = "Imported {filename} ({format}): {added} added, {unchanged} unchanged, {updated} updated."
YEARLESS_FROM_FILE = (
    "Dates written without a year were read as the such day nearest {date}, the latest full date in the file."
)
YEARLESS_FROM_TODAY = "Dates written without a year were read as the next such day from today ({date})."
DEPENDENCIES_LINKED = "Linked {count} dependencies between tasks."
JOB_CREATED = 'You had no job recorded yet, so the tasks went under a new job called "{title}". You can rename it.'
NEW_DUTIES = "New responsibilities: {names}. Say which of them were never part of your job description."


def import_with_bar(run: Callable[[Reporter], TaskImportResult], filename: str) -> TaskImportResult:
    """Run a task import in the background (onward.background) with a Rich bar on stderr; return its result.

    The import's own error (a bad record, a file too big) is raised here unchanged, so it is reported as
    any other: one line naming the record, and exit code 1.
    """
    from onward.background import BackgroundWork
    from onward.cli.progress import with_progress_bar
    from onward.errors import BadInput, OnwardError
    from onward.workload.files.task_import import READING, SAVING

    def work(reporter: Reporter) -> TaskImportResult | OnwardError:
        try:
            return run(reporter)
        except OnwardError as error:  # handed back, not raised: BackgroundWork would keep only its text
            return error

    job: BackgroundWork[TaskImportResult | OnwardError] = BackgroundWork("tasks-import", work)

    def describe(progress: Progress) -> str | None:
        if progress.state == SAVING and progress.total:
            return TASKS_SAVING.format(done=progress.done, total=progress.total)
        return TASKS_READING.format(filename=filename) if progress.state == READING else None

    with_progress_bar(job.wait, first=TASKS_READING.format(filename=filename), describe=describe)
    outcome = job.result
    if isinstance(outcome, OnwardError):
        raise outcome
    if outcome is None:
        raise BadInput(job.progress().error or TASKS_STOPPED)
    return outcome


def result_lines(result: TaskImportResult) -> list[str]:
    """Return the lines that say what an import did."""
    lines = [
        TASKS_IMPORTED.format(
            filename=result.filename,
            format=result.format,
            added=result.added,
            unchanged=result.unchanged,
            updated=result.updated,
        )
    ]
    if result.estimated_hours is not None:
        lines.append(ESTIMATED_HOURS.format(unit=result.estimate_unit, hours=result.estimated_hours))
    if result.year_reference is not None:
        said = YEARLESS_FROM_FILE if result.year_reference_from == "file" else YEARLESS_FROM_TODAY
        lines.append(said.format(date=result.year_reference.isoformat()))
    if result.dependencies:
        lines.append(DEPENDENCIES_LINKED.format(count=result.dependencies))
    if result.job_created:
        lines.append(JOB_CREATED.format(title=result.job_created))
    if result.new_responsibilities:
        lines.append(NEW_DUTIES.format(names=", ".join(result.new_responsibilities)))
    return lines


def _iso(value: Any) -> Any:
    if isinstance(value, dt.date):  # a datetime is a date too
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def result_json(result: TaskImportResult) -> str:
    """Return the result as `--json` prints it (as cli.common.print_json writes a dataclass)."""
    return json.dumps(dataclasses.asdict(result), default=_iso, indent=1, ensure_ascii=False)
