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
    from onward.workload.handoff import plan_json

    result = services_of(ctx).workload.handoff_plan(weeks, time_limit_s=time_limit)
    plan = result.plan
    if as_json:
        data = plan_json(plan, result.greedy)
        data["weeks"] = [w.start.isoformat() for w in result.forecast.weeks]
        print_json(data)
        return
    removed = [d for d in plan.decisions if d.action != "keep"]
    if not removed and plan.feasible:
        typer.echo(messages.HANDOFF_FITS)
        return
    hours = sum(sum(d.hours_by_week) for d in removed)
    typer.echo(messages.HANDOFF_PLAN.format(weeks=len(plan.capacity_by_week), count=len(removed), hours=f"{hours:.1f}"))
    for d in sorted(removed, key=lambda d: (d.action, d.colleague or "", -sum(d.hours_by_week))):
        typer.echo(f"  [{d.id}] {d.title} ({sum(d.hours_by_week):.1f} h)\n        {d.reason}")
    if not plan.feasible:
        short = [
            f"week of {w.start.isoformat()} by {s:.1f} h"
            for w, s in zip(result.forecast.weeks, plan.shortfall_by_week, strict=True)
            if s > 0
        ]
        typer.echo(messages.HANDOFF_SHORT.format(weeks="; ".join(short)))
    typer.echo(
        messages.HANDOFF_COST.format(objective=round(plan.objective, 1), greedy=round(result.greedy.objective, 1))
    )
