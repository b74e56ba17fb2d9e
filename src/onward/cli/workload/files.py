"""File commands of the workload domain: `onward tasks import|export` and `onward calendar import`."""

from __future__ import annotations

from pathlib import Path

import typer

from onward.cli.common import print_json, services_of

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


def import_tasks(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="The file to import."),
    format: str = typer.Option(None, "--format", "-f", help=FORMAT_HELP, metavar="FORMAT"),
    estimate_unit: str = typer.Option("hours", "--estimate-unit", help=ESTIMATE_UNIT_HELP, metavar="hours|minutes"),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    from onward.cli.workload.tasks_import import import_with_bar, result_json, result_lines

    imports = services_of(ctx).workload_imports
    result = import_with_bar(
        lambda reporter: imports.import_tasks(file, format, estimate_unit, reporter=reporter), file.name
    )
    # The fast lane (onward.cli.fast) prints these same lines for the same file.
    for line in [result_json(result)] if as_json else result_lines(result):
        typer.echo(line)


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
