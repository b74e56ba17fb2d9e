"""`onward tasks import FILE` of a Taskwarrior export: the fast lane (sqlite3 alone) prints what the Typer
command prints and leaves the same rows, on a new database and an old one, and steps aside (nothing
written) whenever it cannot be sure to."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from onward.cli import fast, fast_import
from onward.cli.app import run_app
from onward.cli.main import main
from onward.demo import fill_demo
from onward.services import Services
from onward.settings import Settings
from onward.store import lite
from onward.workload.files import lite_import, tasks

from ..conftest import TODAY

DATA = Path(__file__).resolve().parents[1] / "data"
EXPORT = DATA / "taskwarrior-2.6.json"
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.000000$")  # how the store writes a timestamp
STAMP_COLUMNS = ("created_at", "updated_at")


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two data folders, the lane's and the ordinary way's; the settings as a person in Chicago has them."""
    monkeypatch.setenv("ONWARD_TODAY", TODAY.isoformat())
    monkeypatch.setenv("ONWARD_TIMEZONE", "America/Chicago")
    return tmp_path / "lane", tmp_path / "typer"


def url(folder: Path) -> str:
    return f"sqlite:///{folder / 'onward.sqlite'}"


def both_ways(capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path], *args: str) -> tuple[str, str]:
    """Return what the lane prints importing into the first folder and what Typer prints into the second."""
    lane, typer = folders
    capsys.readouterr()
    assert fast.answer(["--db", url(lane), "tasks", "import", *args]) == 0, "the fast lane declined"
    lane_out = capsys.readouterr()
    assert run_app(["--db", url(typer), "tasks", "import", *args]) == 0
    typer_out = capsys.readouterr()
    assert lane_out.err == typer_out.err == ""  # off a terminal, no bar
    return lane_out.out, typer_out.out


def table_rows(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (FTS5's shadow tables and alembic_version included), timestamps checked for
    their form and then blanked, the random workload stamp blanked."""
    connection = sqlite3.connect(database)
    try:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}"')
            names = [column[0] for column in cursor.description]
            rows = []
            for row in cursor:
                values = list(row)
                for index, name in enumerate(names):
                    if name in STAMP_COLUMNS or (table, name) == ("owners", "created_at"):
                        assert STAMP.match(values[index]), (table, name, values[index])
                        values[index] = "<stamp>"
                    if (table, name) == ("workload_stamps", "stamp"):
                        values[index] = "<random>"
                rows.append(tuple(values))
            found[table] = sorted(rows, key=repr)
        return found
    finally:
        connection.close()


def schema(database: Path) -> set[tuple[str, str, str, str | None]]:
    connection = sqlite3.connect(database)
    try:
        return set(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        connection.close()


def assert_same_databases(folders: tuple[Path, Path]) -> None:
    lane, typer = (folder / "onward.sqlite" for folder in folders)
    assert schema(lane) == schema(typer)
    assert table_rows(lane) == table_rows(typer)
    for database in (lane, typer):
        with sqlite3.connect(database) as connection:
            assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_first_import_creates_the_same_workspace_and_prints_the_same(
    folders: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lane, typer = both_ways(capsys, folders, str(EXPORT))
    assert lane == typer
    assert "11 added, 0 unchanged, 0 updated." in lane and "Linked 2 dependencies" in lane and "My job" in lane
    assert_same_databases(folders)
    counts = {table: len(rows) for table, rows in table_rows(folders[0] / "onward.sqlite").items()}
    assert (counts["tasks"], counts["task_dependencies"], counts["jobs"], counts["owners"]) == (11, 2, 1, 1)
    assert counts["workload_stamps"] == 1  # the triggers came along with the schema


def test_a_second_import_finds_everything_unchanged(folders: tuple[Path, Path], capsys) -> None:  # type: ignore[no-untyped-def]
    both_ways(capsys, folders, str(EXPORT))
    lane, typer = both_ways(capsys, folders, str(EXPORT), "--json")
    assert lane == typer and json.loads(lane)["unchanged"] == 11
    assert_same_databases(folders)


def test_a_changed_file_updates_the_same_fields_and_links(
    folders: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    both_ways(capsys, folders, str(EXPORT))
    for folder in folders:  # what only Onward knows, the same in both: a hand-off, hours worked off
        with sqlite3.connect(folder / "onward.sqlite") as connection:
            connection.execute("UPDATE tasks SET status = 'handed_off', handed_to = 'Sam' WHERE id = 3")
            connection.execute("UPDATE tasks SET remaining_hours = 0.5 WHERE id = 4")
    records = json.loads(EXPORT.read_text(encoding="utf-8"))
    records[0]["description"] = "Draft the Q4 grant report for the county fund"
    records[0]["tags"] = ["funder", "writing", "café"]
    records[0].pop("depends")  # a link the file no longer has
    records[1]["estimate"] = "PT5H"
    records[2]["estimate"] = "PT7H"  # handed off: the status stays, the estimate follows the file
    records[3]["estimate"] = "PT9H"  # hours already worked off stay the person's
    records[4]["description"] = "A recurring template: skipped"
    records[5]["project"] = "Board"  # a new responsibility under the job the first import made
    records[8]["annotations"] = [{"entry": "20261130T090000Z", "description": "Asked Dana, café at 3"}]
    records[6]["status"], records[6]["end"] = "completed", "20261130T170000Z"
    records[7]["depends"] = [records[8]["uuid"]]  # a new link
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(records), encoding="utf-8")
    lane, typer = both_ways(capsys, folders, str(changed))
    assert lane == typer
    assert "0 added" in lane and "New responsibilities: Board." in lane and "Linked 1 dependencies" in lane
    assert_same_databases(folders)
    lane, typer = both_ways(capsys, folders, str(changed), "--estimate-unit", "minutes", "--json")
    assert lane == typer
    assert_same_databases(folders)


def test_the_workload_stamp_changes_with_the_tasks_added(folders: tuple[Path, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The lane writes the stamp once for its bulk insert instead of the trigger once per row (lite_import)."""
    assert lite_import.STAMP_TRIGGER_SQL + ";" in lite.SCHEMA.read_text(encoding="utf-8")  # so it is the one dropped
    both_ways(capsys, folders, str(EXPORT))
    database = folders[0] / "onward.sqlite"

    def stamp() -> int:
        with sqlite3.connect(database) as connection:
            ((value,),) = connection.execute("SELECT stamp FROM workload_stamps WHERE owner_id = 1").fetchall()
            return int(value)

    before = stamp()
    one_more = tmp_path / "one-more.json"
    one_more.write_text(json.dumps([{"uuid": "m1", "description": "Book the room"}]), encoding="utf-8")
    assert fast.answer(["--db", url(folders[0]), "tasks", "import", str(one_more)]) == 0
    assert stamp() != before
    with sqlite3.connect(database) as connection:
        (sql,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = ?", (lite_import.STAMP_TRIGGER,)
        ).fetchone()
    assert sql == lite_import.STAMP_TRIGGER_SQL


def test_an_old_workspace_keeps_its_job_and_duties(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lane_folder, typer_folder = folders
    monkeypatch.setenv("ONWARD_DATA_DIR", str(typer_folder))
    services = Services.local(Settings())
    fill_demo(services)  # jobs, duties, tasks typed in, links, a calendar
    services.store.dispose()
    lane_folder.mkdir()
    shutil.copy(typer_folder / "onward.sqlite", lane_folder / "onward.sqlite")
    monkeypatch.delenv("ONWARD_DATA_DIR")
    for name in ("taskwarrior-2.5.json", "taskwarrior-2.6.json", "taskwarrior-minutes.json"):
        lane, typer = both_ways(capsys, folders, str(DATA / name))
        assert lane == typer and "My job" not in lane
        assert_same_databases(folders)


def test_the_other_spellings_and_formats_of_an_export(
    folders: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "export.txt"  # Taskwarrior before 2.4: one object per line
    old.write_text("\n".join(json.dumps(record) for record in json.loads(EXPORT.read_text())), encoding="utf-8")
    lane, typer = both_ways(capsys, folders, "--format", "taskwarrior", str(old), "--json")
    assert lane == typer
    minutes = str(DATA / "taskwarrior-minutes.json")
    lane, typer = both_ways(capsys, folders, "--estimate-unit=minutes", "-f", "taskwarrior", minutes)
    assert lane == typer
    empty = tmp_path / "empty.ndjson"
    empty.write_text("", encoding="utf-8")
    lane, typer = both_ways(capsys, folders, str(empty))
    assert lane == typer == "Imported empty.ndjson (taskwarrior): 0 added, 0 unchanged, 0 updated.\n"
    assert_same_databases(folders)


BAD_FILES = {
    "not-json.json": "[{",
    "no-uuid.json": '[{"description": "Call Sam", "status": "pending"}]',
    "bad-date.json": '[{"uuid": "a1", "description": "Call Sam", "due": "friday"}]',
    "twice.json": '[{"uuid": "a1", "description": "Call Sam"}, {"uuid": "a1", "description": "Call Kim"}]',
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_left_to_the_ordinary_way_which_reports_it(
    name: str, folders: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / name
    bad.write_text(BAD_FILES[name], encoding="utf-8")
    lane, typer = folders
    assert fast.answer(["--db", url(lane), "tasks", "import", str(bad)]) is None
    assert capsys.readouterr() == ("", "")
    assert not lane.exists()  # the file is read before the database is touched
    assert main(["--db", url(lane), "tasks", "import", str(bad)]) == 1
    via_main = capsys.readouterr()
    assert run_app(["--db", url(typer), "tasks", "import", str(bad)]) == 1
    assert via_main == capsys.readouterr()
    assert via_main.out == "" and via_main.err.startswith(f"error: {name}")


def test_a_refused_value_part_way_keeps_nothing(
    folders: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    both_ways(capsys, folders, str(EXPORT))
    before = table_rows(folders[0] / "onward.sqlite")
    records = json.loads(EXPORT.read_text(encoding="utf-8"))
    records.append({"uuid": "n1", "description": "A NUL \u0000 here", "project": "Brand new duty"})
    bad = tmp_path / "nul.json"
    bad.write_text(json.dumps(records), encoding="utf-8")
    # The lane made the duty, then met the NUL the store refuses: all of it rolled back, declined.
    assert fast.answer(["--db", url(folders[0]), "tasks", "import", str(bad)]) is None
    assert capsys.readouterr() == ("", "")
    assert table_rows(folders[0] / "onward.sqlite") == before
    assert run_app(["--db", url(folders[1]), "tasks", "import", str(bad)]) == 1
    assert "NUL" in capsys.readouterr().err


def test_escape_codes_in_what_is_printed_go_the_ordinary_way(
    folders: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Typer's echo strips escape codes off a terminal; the lane does not guess how."""
    both_ways(capsys, folders, str(EXPORT))
    before = table_rows(folders[0] / "onward.sqlite")
    painted = tmp_path / "painted.json"
    painted.write_text(json.dumps([{"uuid": "p1", "description": "Plan", "project": "\u001b[31mRed"}]))
    assert fast.answer(["--db", url(folders[0]), "tasks", "import", str(painted)]) is None
    assert capsys.readouterr() == ("", "")
    assert table_rows(folders[0] / "onward.sqlite") == before  # rolled back
    lane, typer = both_ways(capsys, folders, str(painted), "--json")  # JSON writes it as \u001b
    assert lane == typer and "\\u001b[31mRed" in lane


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["tasks", "import", str(DATA / "tasks-plain.csv")], {}),
        (["tasks", "import", str(DATA / "Riverside Literacy.csv"), "--format", "todoist"], {}),
        (["tasks", "import", str(EXPORT), "--format", "csv"], {}),
        (["tasks", "import", str(EXPORT), "-ftaskwarrior"], {}),
        (["tasks", "import", str(EXPORT), "--json", "--json"], {}),
        (["tasks", "import", str(EXPORT), "--estimate-unit", "days"], {}),
        (["tasks", "import", str(EXPORT), "--estimate-unit"], {}),
        (["tasks", "import", str(EXPORT), "--help"], {}),
        (["tasks", "import", "--", str(EXPORT)], {}),
        (["tasks", "import", str(EXPORT), str(EXPORT)], {}),
        (["tasks", "import"], {}),
        (["tasks", "import", str(DATA / "missing.json")], {}),
        (["tasks", "import", str(EXPORT)], {"ONWARD_URGENCY_DUE": "20"}),
        (["tasks", "import", str(EXPORT)], {"ONWARD_TIMEZONE": "Mars/Olympus"}),
        (["tasks", "import", str(EXPORT)], {"ONWARD_DATABASE_URL": "postgresql+psycopg://me@localhost/onward"}),
        (["--db", "sqlite://", "tasks", "import", str(EXPORT)], {}),
        (["--db", "sqlite:///my%20tasks.sqlite", "tasks", "import", str(EXPORT)], {}),  # SQLAlchemy decodes it
        (["tasks", "import", str(EXPORT)], {"ONWARD_DATA_DIR": "my%20data"}),
        (["tasks", "import", str(EXPORT)], {"ONWARD_DATA_DIR": "data?mode=ro"}),
    ],
)
def test_the_lane_steps_aside_when_it_cannot_be_sure(
    folders: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    env: dict[str, str],
) -> None:
    monkeypatch.setenv("ONWARD_DATA_DIR", str(folders[0]))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert fast.answer(args) is None
    assert capsys.readouterr() == ("", "")
    assert not folders[0].exists()


def test_a_pending_migration_sends_the_import_the_ordinary_way(folders: tuple[Path, Path], capsys) -> None:  # type: ignore[no-untyped-def]
    both_ways(capsys, folders, str(EXPORT))
    database = folders[0] / "onward.sqlite"
    with sqlite3.connect(database) as connection:
        connection.execute("DELETE FROM alembic_version WHERE version_num LIKE '%workload%'")
    before = table_rows(database)
    assert fast.answer(["--db", url(folders[0]), "tasks", "import", str(EXPORT)]) is None
    assert table_rows(database) == before


def test_the_lane_reads_what_the_parser_and_settings_read(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fast_import._ESTIMATE_UNITS == tasks.ESTIMATE_UNITS
    for suffix in (".json", ".JSON", ".ndjson", ".jsonl", ".csv", ".txt", ".ics", ""):
        try:
            guessed = tasks.guess_format(f"export{suffix}", "")
        except Exception:
            guessed = None
        taken = fast_import.import_command(["tasks", "import", f"export{suffix}"]) is not None
        assert taken == (guessed == "taskwarrior"), suffix
    monkeypatch.setenv("ONWARD_TIMEZONE", "")
    from onward.zones import zone_named

    assert zone_named(None) == Settings().zone()


def test_on_a_terminal_the_lane_shows_the_bar_and_loads_no_sqlalchemy(
    folders: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """stderr a terminal: the same Rich bar as the Typer command's (cli/progress.py), stdout the same answer."""
    lane, typer = folders
    script = (
        "import sys\nfrom onward.cli.main import main\ncode = main(sys.argv[1:])\n"
        "assert 'sqlalchemy' not in sys.modules and 'typer' not in sys.modules, 'the lane declined'\nsys.exit(code)\n"
    )
    args = ["--db", url(lane), "tasks", "import", str(EXPORT)]
    controller, terminal = pty.openpty()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=terminal, env=env
    ) as process:
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the other end closed: the process is done with its terminal
                break
            if not chunk:
                break
            shown += chunk
        out = process.stdout.read().decode() if process.stdout else ""
    os.close(controller)
    assert process.returncode == 0, shown
    assert b"Reading taskwarrior-2.6.json" in shown  # the bar's first words, then cleared (transient)
    assert run_app(["--db", url(typer), "tasks", "import", str(EXPORT)]) == 0
    assert out == capsys.readouterr().out
    assert_same_databases(folders)
