"""`onward`: the CLI entry point. Errors become `error: …` and an exit code here, in one place."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import typer

try:  # Typer 0.29+ carries its own copy of Click; older releases use Click itself.
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - depends on the installed Typer
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from onward.cli import messages
from onward.domains import DOMAINS
from onward.errors import BadInput, OnwardError


def make_app() -> typer.Typer:
    """Return the Typer app with the foundation's commands and every domain's."""
    app = typer.Typer(
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
    for domain in DOMAINS:
        try:
            module = importlib.import_module(f"onward.cli.{domain}")
        except ModuleNotFoundError as error:
            if error.name != f"onward.cli.{domain}":
                raise
            continue
        module.register(app)
    return app


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with `argv` in this process; return the exit code (0 ok, 1 bad input, 2 bad usage)."""
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
    except OnwardError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return error.exit_code
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


def read_json_file(path: Path) -> Any:
    """Return the parsed JSON in `path`, or raise BadInput naming the file and the reason."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(messages.NO_FILE.format(path=path)) from None
    except (UnicodeDecodeError, IsADirectoryError) as error:
        raise BadInput(messages.NOT_JSON.format(path=path, reason=error)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(messages.NOT_JSON.format(path=path, reason=error)) from None
