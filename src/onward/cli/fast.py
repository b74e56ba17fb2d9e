"""The fast lane: `onward tasks list [--json]` and `onward tasks import FILE` (a Taskwarrior export) answered
with the standard library alone.

Typer, pydantic-settings and SQLAlchemy take about 0.7 s to import, three times what Taskwarrior needs for a
whole `task next` over the same 20,000 tasks. When the lane can answer exactly as the Typer command would,
it does: the settings it reads are only the database (`--db`, ONWARD_DATABASE_URL, ONWARD_DATA_DIR), today
(ONWARD_TODAY) and ONWARD_TIMEZONE (checked as the settings check it); the database is a SQLite file at head
with its owner (onward.store.lite). Anything else it declines (None), before printing a byte, and the Typer
app runs as always: other settings set, PostgreSQL, a migration pending, a bad value to report, other
options, `--help`.

- `[--db URL] tasks list [--json]`: ranked by the same code (onward.workload.lite) and printed by the same
  code (onward.cli.workload.listing); no database yet is declined (the ordinary way creates it).
  tests/cli/test_fast_lane.py holds the two ways to the same output.
- `[--db URL] tasks import FILE [--format taskwarrior] [--estimate-unit hours|minutes] [--json]`, FILE a
  Taskwarrior export: onward.cli.fast_import, whose docstring says what it takes and declines.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

# The settings the lane reads itself; any other ONWARD_* variable sends the command the ordinary way.
READS = frozenset({"ONWARD_DATA_DIR", "ONWARD_DATABASE_URL", "ONWARD_TODAY", "ONWARD_TIMEZONE"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SQLITE_PREFIX = "sqlite:///"
# What SQLAlchemy's URL parsing reads in a SQLite path (a %-escape is decoded, ? starts the query): such a
# path is the ordinary way's to open, not the lane's to guess.
_URL_MARKS = frozenset("%?")


def db_and_rest(argv: list[str]) -> tuple[str | None, list[str]]:
    """Return the `--db` value given before the command (None when not) and the rest of argv."""
    rest = list(argv)
    if rest[:1] == ["--db"] and len(rest) >= 2:
        return rest[1], rest[2:]
    if rest and rest[0].startswith("--db="):
        return rest[0].removeprefix("--db="), rest[1:]
    return None, rest


def _command(argv: list[str]) -> tuple[str | None, bool] | None:
    """Return (--db value, --json) when argv is `[--db URL] tasks list [--json]`, else None."""
    db, rest = db_and_rest(argv)
    if rest[:2] != ["tasks", "list"] or any(option != "--json" for option in rest[2:]):
        return None
    return db, bool(rest[2:])


def _default_data_dir() -> Path:
    import platformdirs  # as onward.settings.default_data_dir

    return Path(platformdirs.user_data_dir("onward", appauthor=False))


def database_and_today(db: str | None, environ: Mapping[str, str]) -> tuple[Path, dt.date] | None:
    """Return the SQLite file and today the settings would give, or None when only the settings can say."""
    if any(key.upper().startswith("ONWARD_") and key not in READS for key in environ):
        return None
    zone = environ.get("ONWARD_TIMEZONE", "")
    if zone:
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(zone)
        except Exception:  # the settings report a bad zone name; the lane does not
            return None
    today = dt.date.today()
    if "ONWARD_TODAY" in environ:
        text = environ["ONWARD_TODAY"]
        if not _ISO_DATE.match(text):
            return None
        try:
            today = dt.date.fromisoformat(text)
        except ValueError:
            return None
    url = db or environ.get("ONWARD_DATABASE_URL") or None
    if url is None:
        if "ONWARD_DATA_DIR" in environ:
            if not environ["ONWARD_DATA_DIR"]:
                return None
            data_dir = Path(environ["ONWARD_DATA_DIR"])
        else:
            data_dir = _default_data_dir()
        url = f"{SQLITE_PREFIX}{data_dir / 'onward.sqlite'}"  # as Settings.resolved_database_url writes it
    path = url.removeprefix(SQLITE_PREFIX)
    if not url.startswith(SQLITE_PREFIX) or not path or path == ":memory:" or _URL_MARKS.intersection(path):
        return None
    return Path(path), today


def answer(argv: list[str], environ: Mapping[str, str] | None = None) -> int | None:
    """Answer the command and return its exit code, or return None (nothing printed, nothing written) for the
    Typer app to run it."""
    environ = os.environ if environ is None else environ
    command = _command(argv)
    if command is None:
        from onward.cli.fast_import import answer_import  # the import lane: onward.cli.fast_import

        return answer_import(argv, environ)
    db, as_json = command
    found = database_and_today(db, environ)
    if found is None:
        return None
    try:
        text = _listing(*found, as_json)
    except Exception:  # whatever went wrong, the ordinary way reports it (or gets it right)
        return None
    if text is None:
        return None
    sys.stdout.write(text)
    sys.stdout.flush()
    return 0


def _listing(database: Path, today: dt.date, as_json: bool) -> str | None:
    from onward.store.lite import open_at_head

    store = open_at_head(database)
    if store is None:
        return None
    try:
        from onward.workload import lite
        from onward.workload.urgency import Coefficients

        priorities = lite.priorities(store, today, Coefficients())  # the settings' defaults (tested)
    finally:
        store.close()
    from onward.cli.workload.listing import priority_json, text_lines

    rows = [priority_json(p) for p in priorities]
    if as_json:
        from onward.cli.jsonout import dumps

        return dumps(rows) + "\n"
    text = "".join(line + "\n" for line in text_lines(rows))
    return None if "\x1b" in text else text  # Typer's echo strips escape codes off a terminal; the Typer way prints it
