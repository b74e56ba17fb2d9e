"""The Typer app behind `onward` (onward.cli.main starts it). Errors become `error: …` and an exit code here, in
one place."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup
from typer.models import CommandInfo, TyperInfo

try:  # Typer 0.29+ carries its own copy of Click; older releases use Click itself.
    import typer._click as click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - depends on the installed Typer
    import click  # type: ignore[no-redef]
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from onward.cli import messages
from onward.domains import REGISTRY
from onward.errors import BadInput, OnwardError, as_onward_error, plain_line


class PanelledGroup(TyperGroup):
    """The top-level command group: `onward --help` lists commands under one heading per domain.

    Typer draws help panels only through Rich, which Onward keeps off (plain help starts faster and reads
    the same in docs/cli-reference.md); this groups the plain listing by each command's panel instead.
    """

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        panels: dict[str, list[tuple[str, str]]] = {}
        found = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        shown = [(name, command) for name, command in found if command is not None and not command.hidden]
        if not shown:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in shown)
        for name, command in shown:
            panel = getattr(command, "rich_help_panel", None) or "Commands"
            panels.setdefault(panel, []).append((name, command.get_short_help_str(limit)))
        for panel, rows in panels.items():
            with formatter.section(panel):
                formatter.write_dl(rows)


def make_app() -> typer.Typer:
    """Return the Typer app with the foundation's commands and every domain's."""
    app = typer.Typer(
        cls=PanelledGroup,
        help=messages.APP_HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )

    @app.callback()
    def root(
        ctx: typer.Context,
        db: str = typer.Option(None, "--db", help=messages.DB_HELP, metavar="URL"),
    ) -> None:
        from onward.settings import Settings

        settings = Settings()
        if db:
            settings = settings.with_database(db)
        ctx.obj = settings

    from onward.cli import workspace

    workspace.register(app)
    _panel(app, 0, 0, "Workspace: serve, demo, export and import, backup, settings")
    for domain in REGISTRY:
        groups, commands = len(app.registered_groups), len(app.registered_commands)
        for name in domain.commands:
            importlib.import_module(f"onward.cli.{name}").register(app)
        _panel(app, groups, commands, domain.title)
    return app


def _panel(app: typer.Typer, groups: int, commands: int, title: str) -> None:
    """Put the groups and commands registered since (`groups`, `commands`) under one `--help` panel."""
    infos: list[TyperInfo | CommandInfo] = [*app.registered_groups[groups:], *app.registered_commands[commands:]]
    for info in infos:
        if not isinstance(info.rich_help_panel, str):  # unset (Typer's default placeholder)
            info.rich_help_panel = title


def run_app(argv: list[str] | None = None) -> int:
    """Run the Typer app with `argv` in this process; return the exit code (0 ok, 1 bad input, 2 bad usage)."""
    app = make_app()
    command = typer.main.get_command(app)
    try:
        command.main(args=argv, prog_name="onward", standalone_mode=False)
    except click_exceptions.UsageError as error:
        error.show()
        return 2
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        print("Aborted.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except Exception as error:  # the one mapping: one plain line and exit code 1, never a traceback
        known = as_onward_error(error)
        if known is None:
            known = OnwardError(
                f"something went wrong inside Onward ({type(error).__name__}: {error}); this command stopped"
            )
        print(f"error: {plain_line(known.message)}", file=sys.stderr)
        return known.exit_code
    return 0


def read_json_file(path: Path) -> Any:
    """Return the parsed JSON in `path`, or raise BadInput naming the file and the reason."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(messages.NO_FILE.format(path=path)) from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as error:
        raise BadInput(messages.NOT_JSON.format(path=path, reason=error)) from None
    try:
        return json.loads(text)
    except RecursionError:
        raise BadInput(messages.NOT_JSON.format(path=path, reason="nested too deeply")) from None
    except json.JSONDecodeError as error:
        raise BadInput(messages.NOT_JSON.format(path=path, reason=error)) from None
