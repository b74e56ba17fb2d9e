"""`onward meetings …`: log a 1:1 with the manager (agreements become tasks on the plate), list them."""

from __future__ import annotations

import typer

from onward.cli.common import print_json, services_of
from onward.fields import optional_date

MEETINGS_HELP = "Your 1:1s with your manager: what you raised, what you agreed (each a task), the next date."
LOG_HELP = (
    "Log a 1:1. Each --agreement becomes an open task on your plate (tagged 1:1); --attach-report keeps the "
    "one-page workload report as it stands today with the meeting."
)

meetings_app = typer.Typer(help=MEETINGS_HELP, no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(meetings_app, name="meetings")


@meetings_app.command("log", help=LOG_HELP)
def log(
    ctx: typer.Context,
    on: str = typer.Option("", "--on", help="When it was (default: today)."),
    with_whom: str = typer.Option("", "--with", help="Whom you met, e.g. your manager's name."),
    concern: list[str] = typer.Option([], "--concern", help="A concern you raised (repeat for more)."),
    agreement: list[str] = typer.Option([], "--agreement", help="Something agreed: becomes a task (repeat)."),
    notes: str = typer.Option("", "--notes", help="Notes, only for you."),
    next_on: str = typer.Option("", "--next", help="The date of the next 1:1."),
    attach_report: bool = typer.Option(False, "--attach-report", help="Keep today's one-page report with it."),
    as_json: bool = typer.Option(False, "--json", help="Print the meeting as JSON."),
) -> None:
    meeting = services_of(ctx).feedback.meetings.log(
        optional_date(on, "--on"),
        with_whom=with_whom,
        concerns=concern,
        agreements=[(text, None) for text in agreement],
        notes=notes,
        next_on=optional_date(next_on, "--next"),
        attach_report=attach_report,
    )
    if as_json:
        print_json(meeting)
        return
    typer.echo(f"Logged the 1:1 of {meeting.held_on.isoformat()} (meeting {meeting.id}).")
    for item in meeting.agreements:
        typer.echo(f"  task {item.task_id}: {item.text}")


@meetings_app.command("agree", help="Add something agreed to a logged 1:1; it becomes a task.")
def agree(
    ctx: typer.Context,
    meeting_id: int = typer.Argument(...),
    text: str = typer.Argument(..., help="What was agreed."),
    due: str = typer.Option("", "--due", help="By when."),
) -> None:
    meeting = services_of(ctx).feedback.meetings.add_agreement(meeting_id, text, optional_date(due, "--due"))
    typer.echo(f"Added to the 1:1 of {meeting.held_on.isoformat()}: task {meeting.agreements[-1].task_id}.")


@meetings_app.command("list", help="Every 1:1, latest first, with each agreement's task and its status.")
def list_meetings(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    meetings = services_of(ctx).feedback.meetings.list_meetings()
    if as_json:
        print_json(meetings)
        return
    if not meetings:
        typer.echo("No 1:1s logged yet. Log one with: onward meetings log --agreement ...")
    for m in meetings:
        typer.echo(f"{m.held_on.isoformat()}  {m.with_whom or 'manager'}  ({len(m.agreements)} agreed)")
        for item in m.agreements:
            typer.echo(f"    [{item.task_status or 'removed'}] {item.text}")
        if m.next_on:
            typer.echo(f"    next: {m.next_on.isoformat()}")
