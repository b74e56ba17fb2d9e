"""Helpers shared by every command module: the services of the database the user pointed at, JSON output."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:  # imported lazily: `onward --help` must not load SQLAlchemy or pydantic
    from onward.services import Services
    from onward.settings import Settings


def settings_of(ctx: typer.Context) -> Settings:
    settings: Settings = ctx.find_root().obj
    return settings


def services_of(ctx: typer.Context) -> Services:
    """Return the services of local mode's owner in the database chosen by --db / ONWARD_DATABASE_URL."""
    from onward.services import Services

    return Services.local(settings_of(ctx))


def _default(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: Any) -> None:
    """Print `data` as JSON (dataclasses and dates included) for `--json` listings."""
    typer.echo(json.dumps(data, default=_default, indent=1, ensure_ascii=False))


def print_json_line(data: Any) -> None:
    """Print `data` as one line of JSON (JSON Lines output, e.g. one result per batch line)."""
    typer.echo(json.dumps(data, default=_default, ensure_ascii=False))
