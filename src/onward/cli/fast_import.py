"""The fast lane's Taskwarrior import: `[--db URL] tasks import FILE [--format taskwarrior]
[--estimate-unit hours|minutes] [--json]`, FILE a Taskwarrior export (named .json, .ndjson or .jsonl, or
`--format taskwarrior`), answered with the standard library alone (onward.cli.fast says why).

Parsed by the same parser, decided by the same code (onward.workload.files.task_import), written with
sqlite3 in one transaction (onward.workload.files.lite_import; a missing database is created at head in it,
onward.store.lite), shown and printed by the same code (onward.cli.workload.tasks_import: the bar on a
terminal, nothing on stderr otherwise). Declined (None: nothing printed, nothing written, the Typer command
runs): a file the import refuses (the ordinary way reports it), other formats and options, Click's other
spellings (`-fVALUE`, `--`), a database not at head or without its owner, and whatever onward.cli.fast
declines for the settings. tests/cli/test_fast_lane_import.py holds the two ways to the same output and the
same rows.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onward.cli.fast import database_and_today, db_and_rest

if TYPE_CHECKING:
    from onward.background import Reporter
    from onward.workload.files.task_import import TaskImportResult


@dataclass(frozen=True)
class ImportCommand:
    """`[--db URL] tasks import FILE [--format taskwarrior] [--estimate-unit UNIT] [--json]`, as Click reads it."""

    db: str | None
    file: Path
    estimate_unit: str
    as_json: bool


# The import's options that take a value as the lane reads them (`--opt VALUE`, `--opt=VALUE`, `-f VALUE`;
# Click's other spellings are declined), and the values the lane takes.
_VALUED = {"--format": "format", "-f": "format", "--estimate-unit": "estimate_unit"}
_FORMATS = ("taskwarrior",)
_ESTIMATE_UNITS = ("hours", "minutes")  # as tasks.ESTIMATE_UNITS (tested)
_TASKWARRIOR_SUFFIXES = (".json", ".ndjson", ".jsonl")  # what tasks.guess_format reads as Taskwarrior (tested)


def import_command(argv: list[str]) -> ImportCommand | None:
    """Return the import command argv says, when it is one the lane answers exactly; else None."""
    db, rest = db_and_rest(argv)
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


def answer_import(argv: list[str], environ: Mapping[str, str]) -> int | None:
    """Import the file and return 0 (or 130 when stopped), or return None for the Typer app to run argv."""
    command = import_command(argv)
    return None if command is None else _answer(command, environ)


class _Declined(Exception):
    """The lane cannot import this exactly as the Typer command would; nothing was written."""


def _answer(command: ImportCommand, environ: Mapping[str, str]) -> int | None:
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
