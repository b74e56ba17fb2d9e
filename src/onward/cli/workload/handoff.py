"""`onward handoff`: the hand-off plan in the terminal or as JSON (the contract is in docs/handoff.md)."""

from __future__ import annotations

import typer

from onward.cli import messages
from onward.cli.common import print_json, services_of


def register(app: typer.Typer) -> None:
    app.command("handoff", help=messages.HANDOFF_HELP)(handoff)


def handoff(
    ctx: typer.Context,
    weeks: int = typer.Option(None, "--weeks", help="How many weeks (default: ONWARD_FORECAST_WEEKS)."),
    time_limit: float = typer.Option(10.0, "--time-limit", help="Most seconds the exact solver may take."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    from onward.workload.handoff.view import handoff as handoff_view

    plan = handoff_view(services_of(ctx).workload, weeks, time_limit_s=time_limit)
    if as_json:
        print_json(plan)  # the same object, keys and order as the page's /api/workload/handoff
        return
    if not plan.needs_plan:
        typer.echo(messages.HANDOFF_FITS)
        return
    typer.echo(
        messages.HANDOFF_PLAN.format(weeks=len(plan.weeks), count=len(plan.suggestions), hours=f"{plan.hours_off:.1f}")
    )
    for s in plan.suggestions:
        typer.echo(f"  [{s.id}] {s.title} ({s.hours:.1f} h)\n        {s.reason}")
    if not plan.feasible:
        short = [f"week of {w.start.isoformat()} by {w.hours:.1f} h" for w in plan.short_weeks]
        typer.echo(messages.HANDOFF_SHORT.format(weeks="; ".join(short)))
    typer.echo(messages.HANDOFF_COST.format(objective=round(plan.objective, 1), greedy=round(plan.greedy_objective, 1)))
