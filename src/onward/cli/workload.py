"""Workload commands. (Placeholder on the `files` branch: the full module comes from the workload CLI branch,
which adds `register_files(tasks_app, calendar_app)` to its `tasks` and `calendar` groups.)"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from onward.cli.workload_files import register_files

    tasks_app = typer.Typer(help="Your tasks: import, export.", no_args_is_help=True)
    calendar_app = typer.Typer(help="Your calendar: meetings take hours from your week.", no_args_is_help=True)
    app.add_typer(tasks_app, name="tasks")
    app.add_typer(calendar_app, name="calendar")
    register_files(tasks_app, calendar_app)
