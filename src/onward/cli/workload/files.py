"""File commands of the workload domain: `onward tasks import|export` and `onward calendar import`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from onward.cli.common import print_json, services_of

if TYPE_CHECKING:  # imported inside the commands: `onward --help` and other commands must not load the store
    from onward.background import Progress, Reporter
    from onward.errors import OnwardError
    from onward.workload.files.service import TaskImportResult

# What these commands say to the person (kept here, beside the commands, in messages.py style).
TASKS_IMPORT_HELP = (
    "Import tasks from Taskwarrior (`task export` JSON), Todoist (project CSV export) or a plain CSV "
    "(title,responsibility,due,effort_hours,importance). All or nothing; importing the same file again adds nothing."
)
TASKS_EXPORT_HELP = "Write the tasks that have a due date to an iCalendar file of to-dos (VTODO) for your calendar."
CALENDAR_IMPORT_HELP = (
    "Import your calendar (.ics from Outlook, Google or Apple) so meetings come off your available hours. "
    "Replaces the previous calendar import."
)
FORMAT_HELP = "taskwarrior, todoist or csv. Guessed from the file name when left out."
ESTIMATE_UNIT_HELP = (
    "What a bare number in Taskwarrior's estimate UDA means: hours or minutes (as your .taskrc defines it). "
    "Durations such as PT90M or 3h mean what they say."
)
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
TODOS_WRITTEN = "Wrote {count} to-dos with due dates to {path}."
CALENDAR_IMPORTED = (
    "Imported {filename}: {events} events, {occurrences} occurrences between {start} and {end}. "
    "Meetings take {hours:g} hours of your next 4 weeks."
)
CALENDAR_CAPPED = "Capped: {note}."
CALENDAR_REPLACED = "This replaced the {count} occurrences of the previous calendar import."
AWAY_DAYS = (
    "Your calendar shows {count} working days out of office ({days}); record them as leave so the forecast knows."
)


def register_files(tasks_app: typer.Typer, calendar_app: typer.Typer) -> None:
    """Add the file commands to the `tasks` and `calendar` command groups."""
    tasks_app.command("import", help=TASKS_IMPORT_HELP)(import_tasks)
    tasks_app.command("export", help=TASKS_EXPORT_HELP)(export_tasks)
    calendar_app.command("import", help=CALENDAR_IMPORT_HELP)(import_calendar)


def _import_with_bar(run: Callable[[Reporter], TaskImportResult], filename: str) -> TaskImportResult:
    """Run a task import in the background (onward.background) with a Rich bar on stderr; return its result.

    The import's own error (a bad record, a file too big) is raised here unchanged, so it is reported as
    any other: one line naming the record, and exit code 1.
    """
    from onward.background import BackgroundWork
    from onward.cli.progress import with_progress_bar
    from onward.errors import BadInput, OnwardError
    from onward.workload.files.service import READING, SAVING

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


def import_tasks(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="The file to import."),
    format: str = typer.Option(None, "--format", "-f", help=FORMAT_HELP, metavar="FORMAT"),
    estimate_unit: str = typer.Option("hours", "--estimate-unit", help=ESTIMATE_UNIT_HELP, metavar="hours|minutes"),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    imports = services_of(ctx).workload_imports
    result = _import_with_bar(
        lambda reporter: imports.import_tasks(file, format, estimate_unit, reporter=reporter), file.name
    )
    if as_json:
        print_json(result)
        return
    typer.echo(
        TASKS_IMPORTED.format(
            filename=result.filename,
            format=result.format,
            added=result.added,
            unchanged=result.unchanged,
            updated=result.updated,
        )
    )
    if result.estimated_hours is not None:
        typer.echo(ESTIMATED_HOURS.format(unit=result.estimate_unit, hours=result.estimated_hours))
    if result.year_reference is not None:
        said = YEARLESS_FROM_FILE if result.year_reference_from == "file" else YEARLESS_FROM_TODAY
        typer.echo(said.format(date=result.year_reference.isoformat()))
    if result.dependencies:
        typer.echo(DEPENDENCIES_LINKED.format(count=result.dependencies))
    if result.job_created:
        typer.echo(JOB_CREATED.format(title=result.job_created))
    if result.new_responsibilities:
        typer.echo(NEW_DUTIES.format(names=", ".join(result.new_responsibilities)))


def export_tasks(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="Where to write the .ics file."),
    include_finished: bool = typer.Option(
        False, "--all", help="Also write done, dropped and handed-off tasks (as completed or cancelled)."
    ),
) -> None:
    data = services_of(ctx).workload_imports.export_vtodo(include_finished=include_finished)
    file.write_bytes(data)
    typer.echo(TODOS_WRITTEN.format(count=data.count(b"BEGIN:VTODO"), path=file))


def import_calendar(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="An iCalendar (.ics) file."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    result = services_of(ctx).workload_imports.import_calendar(file)
    if as_json:
        print_json(result)
        return
    typer.echo(
        CALENDAR_IMPORTED.format(
            filename=result.filename,
            events=result.events,
            occurrences=result.occurrences,
            start=result.window_start,
            end=result.window_end,
            hours=result.meeting_hours_next_4_weeks,
        )
    )
    if result.replaced:
        typer.echo(CALENDAR_REPLACED.format(count=result.replaced))
    for note in result.capped:
        typer.echo(CALENDAR_CAPPED.format(note=note))
    if result.away_days:
        shown = ", ".join(day.isoformat() for day in result.away_days[:5]) + (" …" if len(result.away_days) > 5 else "")
        typer.echo(AWAY_DAYS.format(count=len(result.away_days), days=shown))
