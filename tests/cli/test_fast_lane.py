"""`onward tasks list [--json]`: the fast lane (sqlite3 alone) prints exactly what the Typer command prints,
and steps aside whenever it cannot be sure to."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onward.cli import fast, jsonout
from onward.cli.app import run_app
from onward.demo import fill_demo
from onward.services import Services
from onward.settings import Settings
from onward.store.lite import open_at_head
from onward.workload import lite
from onward.workload.models import ACTIVE_STATUSES
from onward.workload.urgency import Coefficients

from ..conftest import TODAY

DATA = Path(__file__).resolve().parents[1] / "data"
KEYS = ["id", "title", "responsibility", "due", "remaining_hours", "importance", "status", "urgency",
        "urgency_terms", "quadrant"]  # fmt: skip
TERM_KEYS = ["term", "factor", "coefficient", "points", "why"]


@pytest.fixture
def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder holding the Taskwarrior 2.6 export of tests/data (9 open tasks, links, one waiting)."""
    monkeypatch.setenv("ONWARD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ONWARD_TODAY", TODAY.isoformat())
    monkeypatch.setenv("ONWARD_TIMEZONE", "America/Chicago")
    assert run_app(["tasks", "import", str(DATA / "taskwarrior-2.6.json")]) == 0
    return tmp_path / "data"


def both_ways(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    """Return what the fast lane prints and what the Typer command prints for `onward ARGS`."""
    capsys.readouterr()
    assert fast.answer(list(args)) == 0, "the fast lane declined"
    lane = capsys.readouterr().out
    assert run_app(list(args)) == 0
    return lane, capsys.readouterr().out


def test_the_listing_of_a_real_taskwarrior_export_keeps_its_keys_and_order(imported: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    lane, typer = both_ways(capsys, "tasks", "list", "--json")
    assert lane == typer
    rows = json.loads(lane)
    assert [list(row) for row in rows] == [KEYS] * 9
    assert all(list(term) == TERM_KEYS for row in rows for term in row["urgency_terms"])
    assert [(r["id"], r["due"], r["quadrant"]) for r in rows] == [
        (2, "2026-12-01", "delegate"), (8, "2026-11-24", "delegate"), (5, "2026-12-06", "delegate"),
        (4, "2026-12-11", "schedule"), (1, "2026-12-03", "do"), (9, "2026-12-14", "later"),
        (6, "2027-01-14", "later"), (3, "2026-12-19", "later"), (7, None, "later"),
    ]  # fmt: skip
    assert [t["term"] for t in rows[0]["urgency_terms"]] == ["due", "importance", "age", "blocking"]
    assert [t["term"] for t in rows[4]["urgency_terms"]] == ["due", "importance", "age", "blocked"]
    assert [t["term"] for t in rows[7]["urgency_terms"]] == ["due", "age", "waiting"]
    assert rows[0]["urgency"] == 20.2483 and rows[0]["title"] == "Collect attendance numbers from the three branches"


def test_the_text_listing_and_db_option_read_the_same(imported: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    lane, typer = both_ways(capsys, "tasks", "list")
    assert lane == typer and "Collect attendance numbers" in lane
    url = f"sqlite:///{imported / 'onward.sqlite'}"
    lane, typer = both_ways(capsys, "--db", url, "tasks", "list", "--json")
    assert lane == typer
    lane, typer = both_ways(capsys, f"--db={url}", "tasks", "list", "--json")
    assert lane == typer


def test_an_empty_plate_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ONWARD_DATA_DIR", str(tmp_path))
    assert fast.answer(["tasks", "list"]) is None  # no database yet: the ordinary way creates it
    assert run_app(["tasks", "list"]) == 0
    capsys.readouterr()
    lane, typer = both_ways(capsys, "tasks", "list")
    assert lane == typer and "Nothing open" in lane
    assert both_ways(capsys, "tasks", "list", "--json") == ("[]\n", "[]\n")


def test_the_demo_workspace_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ONWARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ONWARD_TODAY", TODAY.isoformat())
    services = Services.local(Settings())
    fill_demo(services)
    lane, typer = both_ways(capsys, "tasks", "list", "--json")
    assert lane == typer and len(json.loads(lane)) > 5
    store = open_at_head(tmp_path / "onward.sqlite")
    assert store is not None
    try:
        assert lite.active_tasks(store) == services.workload.planning.active_tasks()
    finally:
        store.close()


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["tasks", "list", "--all", "--json"], {}),
        (["tasks", "list", "--status", "open"], {}),
        (["tasks", "list", "--help"], {}),
        (["tasks", "show", "1"], {}),
        (["tasks", "list", "--json"], {"ONWARD_URGENCY_DUE": "20"}),  # a setting only the settings read
        (["tasks", "list", "--json"], {"onward_today": "2026-12-01"}),  # read case-blind by the settings
        (["tasks", "list", "--json"], {"ONWARD_TIMEZONE": "Mars/Olympus"}),  # an error the settings word
        (["tasks", "list", "--json"], {"ONWARD_TODAY": "30/11/2026"}),
        (["tasks", "list", "--json"], {"ONWARD_DATABASE_URL": "postgresql+psycopg://me@localhost/onward"}),
        (["--db", "sqlite://", "tasks", "list", "--json"], {}),
    ],
)
def test_the_lane_steps_aside_when_it_cannot_be_sure(
    imported: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
    args: list[str],
    env: dict[str, str],  # type: ignore[no-untyped-def]
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    capsys.readouterr()
    assert fast.answer(args) is None
    assert capsys.readouterr().out == ""


def test_a_title_with_escape_codes_is_listed_the_ordinary_way(imported: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Typer's echo strips escape codes when stdout is not a terminal; the lane leaves the text to it."""
    with sqlite3.connect(imported / "onward.sqlite") as connection:
        connection.execute("UPDATE tasks SET title = 'Plan \x1b[31mred\x1b[0m' WHERE id = 2")
    capsys.readouterr()
    assert fast.answer(["tasks", "list"]) is None
    assert capsys.readouterr().out == ""
    lane, typer = both_ways(capsys, "tasks", "list", "--json")  # JSON writes the code as \u001b
    assert lane == typer and "\\u001b[31mred" in lane


def test_a_pending_migration_sends_the_listing_the_ordinary_way(imported: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    copy = imported.parent / "older"
    shutil.copytree(imported, copy)
    with sqlite3.connect(copy / "onward.sqlite") as connection:
        connection.execute("DELETE FROM alembic_version WHERE version_num LIKE '%workload%'")
    assert fast.answer(["--db", f"sqlite:///{copy / 'onward.sqlite'}", "tasks", "list"]) is None


def test_the_lane_reads_the_settings_defaults_and_statuses() -> None:
    settings = Settings()
    assert Coefficients() == Coefficients(
        due=settings.urgency_due, importance=settings.urgency_importance, age=settings.urgency_age,
        age_max_days=settings.urgency_age_max_days, blocking=settings.urgency_blocking,
        blocked=settings.urgency_blocked, waiting=settings.urgency_waiting, urgent_from=settings.urgent_from,
        important_from=settings.important_from,
    )  # fmt: skip
    assert ACTIVE_STATUSES == ("open", "waiting")  # as lite.ACTIVE_TASKS_SQL names them
    today = settings.effective_today()
    assert fast.database_and_today(None, {"ONWARD_DATA_DIR": "/x"}) == (Path("/x/onward.sqlite"), today)
    assert fast.database_and_today(None, {}) == (settings.data_dir / "onward.sqlite", settings.effective_today())


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(json_values, st.integers(min_value=0, max_value=3))
def test_the_quick_json_writer_writes_what_json_dumps_writes(value: object, indent: int) -> None:
    assert jsonout.dumps(value, indent=indent) == json.dumps(value, indent=indent, ensure_ascii=False)
