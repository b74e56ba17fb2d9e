"""Commands over the whole workspace: serve, demo, export, import, backup, restore, settings."""

from __future__ import annotations

from pathlib import Path

import typer

from onward.cli import messages
from onward.cli.common import print_json, services_of, settings_of


def register(app: typer.Typer) -> None:
    app.command("serve", help=messages.SERVE_HELP)(serve)
    app.command("demo", help=messages.DEMO_HELP)(demo)
    app.command("export", help=messages.EXPORT_HELP)(export)
    app.command("import", help=messages.IMPORT_HELP)(import_)
    app.command("backup", help=messages.BACKUP_HELP)(backup)
    app.command("restore", help=messages.RESTORE_HELP)(restore)
    app.command("settings", help=messages.SETTINGS_HELP)(settings)


def serve(
    ctx: typer.Context,
    host: str = typer.Option(None, help="Address to listen on (default 127.0.0.1)."),
    port: int = typer.Option(None, help="Port to listen on; 0 picks a free one (default 8765)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a web browser."),
) -> None:
    from onward.web.server import serve as run_server

    settings = settings_of(ctx)
    updates: dict[str, object] = {}
    if host is not None:
        updates["host"] = host
    if port is not None:
        updates["port"] = port
    if no_browser:
        updates["open_browser"] = False
    run_server(settings.model_copy(update=updates))


def demo(ctx: typer.Context) -> None:
    from onward.demo import fill_demo

    parts = fill_demo(services_of(ctx))
    typer.echo(messages.DEMO_DONE.format(parts=", ".join(parts)))


def export(ctx: typer.Context, file: Path = typer.Argument(..., help="Where to write the JSON export.")) -> None:
    from onward.store.transfer import dumps

    data = services_of(ctx).export()
    file.write_text(dumps(data), encoding="utf-8")
    rows = sum(len(rows) for rows in data["tables"].values())
    typer.echo(messages.EXPORTED.format(rows=rows, path=file))


def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="An Onward export (JSON)."),
    merge: bool = typer.Option(False, "--merge", help="Add to a workspace that already holds data."),
) -> None:
    from onward.cli.app import read_json_file

    data = read_json_file(file)
    added = services_of(ctx).import_(data, merge=merge)
    typer.echo(messages.IMPORTED.format(rows=sum(added.values()), path=file))


def backup(ctx: typer.Context, file: Path = typer.Argument(..., help="Where to write the backup.")) -> None:
    counts = services_of(ctx).backup(file)
    typer.echo(messages.BACKED_UP.format(rows=sum(counts.values()), path=file))


def restore(ctx: typer.Context, file: Path = typer.Argument(..., help="A file made by `onward backup`.")) -> None:
    from onward.errors import BadInput

    if not file.is_file():
        raise BadInput(messages.NO_FILE.format(path=file))
    restored = services_of(ctx).restore(file)
    rows = sum(restored.counts.values())
    typer.echo(messages.RESTORED.format(rows=rows, path=file, safety=restored.safety_backup))


def settings(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    from onward.settings import documented_settings

    current = settings_of(ctx)
    rows = []
    for env, kind, help_text in documented_settings():
        name = env.removeprefix("ONWARD_").lower()
        value = getattr(current, name)
        shown = "(hidden)" if name == "token" and value else ("" if value is None else str(value))
        rows.append({"variable": env, "type": kind, "value": shown, "help": help_text})
    if as_json:
        print_json(rows)
        return
    for row in rows:
        typer.echo(f"{row['variable']} = {row['value']}\n    {row['help']}")
