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
  Taskwarrior export (named .json, .ndjson or .jsonl, or `--format taskwarrior`): parsed by the same parser,
  decided by the same code (onward.workload.files.task_import), written with sqlite3 in one transaction
  (onward.workload.files.lite_import; a missing database is created at head in it, onward.store.lite),
  shown and printed by the same code (onward.cli.workload.tasks_import: the bar on a terminal, nothing on
  stderr otherwise). A file the import refuses is declined with nothing written, and the ordinary way
  reports it. tests/cli/test_fast_lane_import.py holds the two ways to the same output and the same rows.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from onward.background import Reporter
    from onward.workload.files.task_import import TaskImportResult

# The settings the lane reads itself; any other ONWARD_* variable sends the command the ordinary way.
READS = frozenset({"ONWARD_DATA_DIR", "ONWARD_DATABASE_URL", "ONWARD_TODAY", "ONWARD_TIMEZONE"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SQLITE_PREFIX = "sqlite:///"
# What SQLAlchemy's URL parsing reads in a SQLite path (a %-escape is decoded, ? starts the query): such a
# path is the ordinary way's to open, not the lane's to guess.
_URL_MARKS = frozenset("%?")


def _db_and_rest(argv: list[str]) -> tuple[str | None, list[str]]:
    """Return the `--db` value given before the command (None when not) and the rest of argv."""
    rest = list(argv)
    if rest[:1] == ["--db"] and len(rest) >= 2:
        return rest[1], rest[2:]
    if rest and rest[0].startswith("--db="):
        return rest[0].removeprefix("--db="), rest[1:]
    return None, rest


def _command(argv: list[str]) -> tuple[str | None, bool] | None:
    """Return (--db value, --json) when argv is `[--db URL] tasks list [--json]`, else None."""
    db, rest = _db_and_rest(argv)
    if rest[:2] != ["tasks", "list"] or any(option != "--json" for option in rest[2:]):
        return None
    return db, bool(rest[2:])


@dataclass(frozen=True)
class ImportCommand:
    """`[--db URL] tasks import FILE [--format taskwarrior] [--estimate-unit UNIT] [--json]`, as Click reads it."""

    db: str | None
    file: Path
    estimate_unit: str
    as_json: bool


# The import's options that take a value, by every spelling Click accepts, and the values the lane takes.
_VALUED = {"--format": "format", "-f": "format", "--estimate-unit": "estimate_unit"}
_FORMATS = ("taskwarrior",)
_ESTIMATE_UNITS = ("hours", "minutes")  # as tasks.ESTIMATE_UNITS (tested)
_TASKWARRIOR_SUFFIXES = (".json", ".ndjson", ".jsonl")  # what tasks.guess_format reads as Taskwarrior (tested)


def _import_command(argv: list[str]) -> ImportCommand | None:
    """Return the import command argv says, when it is one the lane answers exactly; else None."""
    db, rest = _db_and_rest(argv)
    if rest[:2] != ["tasks", "import"]:
        return None
    values: dict[str, str] = {}
    files: list[str] = []
    words = iter(rest[2:])
    for word in words:
        name, equals, value = word.partition("=")
        if word == "--json" and "json" not in values:
            values["json"] = ""
        elif name in _VALUED and name.startswith("--") and equals and _VALUED[name] not in values:
            values[_VALUED[name]] = value
        elif word in _VALUED and _VALUED[word] not in values:
            given = next(words, None)
            if given is None:
                return None
            values[_VALUED[word]] = given
        elif word and not word.startswith("-"):
            files.append(word)
        else:  # -fVALUE, --, --help, an unknown option, a repeated one, an empty word: Click's to read
            return None
    if len(files) != 1 or values.get("estimate_unit", "hours") not in _ESTIMATE_UNITS:
        return None
    file = Path(files[0])
    if "format" in values:
        if values["format"] not in _FORMATS:
            return None
    elif file.suffix.lower() not in _TASKWARRIOR_SUFFIXES:
        return None
    return ImportCommand(db, file, values.get("estimate_unit", "hours"), "json" in values)


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
        imports = _import_command(argv)
        return None if imports is None else _answer_import(imports, environ)
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


class _Declined(Exception):
    """The lane cannot import this exactly as the Typer command would; nothing was written."""


def _answer_import(command: ImportCommand, environ: Mapping[str, str]) -> int | None:
    found = database_and_today(command.db, environ)
    if found is None:
        return None
    database, today = found
    # 20,000 tasks are some 400,000 objects that live until the process ends: the cycle collector would walk
    # them again and again for nothing (a tenth of the import). Back on if the ordinary way takes over.
    collecting = gc.isenabled()
    gc.disable()
    try:
        text = _imported(command, database, today, environ.get("ONWARD_TIMEZONE") or None)
    except KeyboardInterrupt:  # as run_app says it; the transaction, not committed, keeps nothing
        print("Stopped.", file=sys.stderr)
        return 130
    except Exception:  # _Declined, or anything the ordinary way reports (or gets right)
        return None
    finally:
        if collecting:
            gc.enable()
    sys.stdout.write(text)
    sys.stdout.flush()
    return 0


def _imported(command: ImportCommand, database: Path, today: dt.date, zone_name: str | None) -> str:
    """Import the file (committed) and return what to print; raise (nothing written) to decline."""
    from onward.store.lite import open_at_head

    if database.exists():  # a migration pending, no owner: declined before reading the file
        store = open_at_head(database)
        if store is None:
            raise _Declined
        store.close()
    from onward.cli.workload.tasks_import import import_with_bar, result_json, result_lines
    from onward.errors import OnwardError
    from onward.store.lite import open_to_write
    from onward.workload.files.lite_import import read_taskwarrior, store_taskwarrior
    from onward.zones import zone_named

    zone = zone_named(zone_name)
    printed: list[str] = []

    def run(reporter: Reporter) -> TaskImportResult:
        items = read_taskwarrior(
            command.file, zone=zone, today=today, estimate_unit=command.estimate_unit, reporter=reporter
        )
        store = open_to_write(database)
        if store is None:
            raise _Declined
        try:
            result = store_taskwarrior(store, items, command.file.name, command.estimate_unit, reporter)
            lines = [result_json(result)] if command.as_json else result_lines(result)
            text = "".join(line + "\n" for line in lines)
            if "\x1b" in text:  # Typer's echo strips escape codes off a terminal; the ordinary way says it
                raise _Declined
            store.commit()
        finally:
            store.close()
        printed.append(text)
        return result

    import_with_bar(_declining(run, OnwardError), command.file.name)
    return printed[0]


def _declining(run: Callable[[Reporter], Any], known: type[Exception]) -> Callable[[Reporter], Any]:
    """Return `run` raising any failure as an OnwardError (`known`): handed back by the bar, never logged."""

    def guarded(reporter: Reporter) -> Any:
        try:
            return run(reporter)
        except known:
            raise
        except Exception as error:
            raise known(f"the fast lane declined ({type(error).__name__})") from error

    return guarded
