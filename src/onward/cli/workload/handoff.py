"""`onward handoff` (the plan, as text or JSON: the contract is in docs/handoff.md), `onward handoff apply` and
`onward undo`."""

from __future__ import annotations

import typer

from onward.cli import messages
from onward.cli.common import print_json, services_of

handoff_app = typer.Typer(help=messages.HANDOFF_HELP, invoke_without_command=True)


def register(app: typer.Typer) -> None:
    app.add_typer(handoff_app, name="handoff")
    app.command("undo", help=messages.UNDO_HELP)(undo)


@handoff_app.callback()
def handoff(
    ctx: typer.Context,
    weeks: int = typer.Option(None, "--weeks", help="How many weeks (default: ONWARD_FORECAST_WEEKS)."),
    time_limit: float = typer.Option(10.0, "--time-limit", help="Most seconds the exact solver may take."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from onward.workload.handoff.view import handoff as handoff_view

    plan = handoff_view(services_of(ctx).workload, weeks, time_limit_s=time_limit)
    if as_json:
        print_json(plan)  # the same object, keys and order as the page's /api/workload/handoff
        return
    if not plan.needs_plan:
        typer.echo(messages.HANDOFF_FITS)
        return
    if plan.suggestions:
        typer.echo(
            messages.HANDOFF_PLAN.format(
                weeks=len(plan.weeks), count=len(plan.suggestions), hours=f"{plan.hours_off:.1f}"
            )
        )
        for s in plan.suggestions:
            typer.echo(f"  [{s.id}] {s.title}\n        {s.reason}")
    if plan.asks:
        typer.echo(messages.HANDOFF_ASKS.format(count=len(plan.asks), hours=f"{plan.missing_hours:.1f}"))
        for a in plan.asks:
            typer.echo(f"  [{a.id}] {a.title}\n        {a.reason}")
    else:
        typer.echo(messages.HANDOFF_NO_ASKS)
    proof = (
        f"proved within {plan.mip_gap:.2%} of the cheapest"
        if plan.optimal and plan.mip_gap is not None
        else ("not proved the cheapest in the time given")
    )
    typer.echo(messages.HANDOFF_COST.format(objective=round(plan.objective, 1), proof=proof, seconds=plan.seconds))


@handoff_app.command("apply", help=messages.HANDOFF_APPLY_HELP)
def apply(
    ctx: typer.Context,
    only: list[int] = typer.Option([], "--only", help="Apply only this task's change (repeat for more)."),
    weeks: int = typer.Option(None, "--weeks", help="How many weeks (default: ONWARD_FORECAST_WEEKS)."),
    time_limit: float = typer.Option(10.0, "--time-limit", help="Most seconds the exact solver may take."),
    as_json: bool = typer.Option(False, "--json", help="Print the change made as JSON."),
) -> None:
    change = services_of(ctx).workload.handoffs.apply_plan(weeks, only=list(only) or None, time_limit_s=time_limit)
    if as_json:
        print_json(change)
        return
    typer.echo(messages.CHANGED.format(summary=change.summary))


def undo(
    ctx: typer.Context,
    change: int = typer.Option(None, "--change", help="Undo this change (its id) instead of the last one."),
    as_json: bool = typer.Option(False, "--json", help="Print the change undone as JSON."),
) -> None:
    done = services_of(ctx).workload.changes.undo(change)
    if as_json:
        print_json(done)
        return
    typer.echo(messages.UNDONE.format(summary=done.summary))
