"""The CLI in-process: demo, export → import → export, all-or-nothing import, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onward.cli.main import main
from onward.store.transfer import normalise_ids

from ..conftest import TODAY


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("ONWARD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ONWARD_TODAY", TODAY.isoformat())
    return tmp_path


def test_help_lists_every_command_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("serve", "demo", "export", "import", "backup", "restore", "settings"):
        assert f"  {command} " in out


def test_export_import_export_round_trip_is_identical(
    cli_env: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = f"sqlite:///{cli_env / 'source.sqlite'}"
    assert main(["--db", source, "demo"]) == 0
    first, second = cli_env / "first.json", cli_env / "second.json"
    assert main(["--db", source, "export", str(first)]) == 0
    assert main(["--db", db_url, "import", str(first)]) == 0
    assert main(["--db", db_url, "export", str(second)]) == 0
    one, two = json.loads(first.read_text()), json.loads(second.read_text())
    assert sum(len(rows) for rows in one["tables"].values()) > 0
    assert json.dumps(normalise_ids(one), sort_keys=True) == json.dumps(normalise_ids(two), sort_keys=True)


def test_demo_refuses_a_database_with_data(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{cli_env / 'x.sqlite'}"
    assert main(["--db", db, "demo"]) == 0
    from onward.domains import DOMAINS

    if DOMAINS:  # with no domain data the workspace still counts as empty
        assert main(["--db", db, "demo"]) == 1
        assert "error: the demo needs an empty database" in capsys.readouterr().err


def test_import_of_a_bad_record_changes_nothing_and_names_it(
    cli_env: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good = cli_env / "good.json"
    assert main(["--db", f"sqlite:///{cli_env / 's.sqlite'}", "demo"]) == 0
    assert main(["--db", f"sqlite:///{cli_env / 's.sqlite'}", "export", str(good)]) == 0
    data = json.loads(good.read_text())
    # Spoil the last record of the last table that has records: everything before it must not stay.
    name = [n for n, rows in data["tables"].items() if rows][-1]
    position = len(data["tables"][name])
    data["tables"][name][-1]["updated_at"] = "not a date"
    bad = cli_env / "bad.json"
    bad.write_text(json.dumps(data))
    before = cli_env / "before.json"
    assert main(["--db", db_url, "export", str(before)]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert f"{name} record {position}" in err and "updated_at" in err
    assert "Traceback" not in err
    after = cli_env / "after.json"
    assert main(["--db", db_url, "export", str(after)]) == 0
    assert json.loads(before.read_text())["tables"] == json.loads(after.read_text())["tables"]


def test_import_of_something_that_is_not_an_export(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = cli_env / "junk.json"
    junk.write_text("{not json")
    assert main(["import", str(junk)]) == 1
    assert "junk.json: not JSON" in capsys.readouterr().err
    junk.write_text('{"tasks": []}')
    assert main(["import", str(junk)]) == 1
    assert "not an Onward export" in capsys.readouterr().err
    assert main(["import", str(cli_env / "missing.json")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_bad_usage_exits_2(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["no-such-command"]) == 2
    assert main(["export"]) == 2
    assert "Missing argument" in capsys.readouterr().err


def test_backup_and_restore_from_the_cli(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{cli_env / 'x.sqlite'}"
    assert main(["--db", db, "demo"]) == 0
    snapshot = cli_env / "backup.sqlite"
    assert main(["--db", db, "backup", str(snapshot)]) == 0
    assert "Backed up" in capsys.readouterr().out
    fresh = f"sqlite:///{cli_env / 'fresh.sqlite'}"
    assert main(["--db", fresh, "restore", str(snapshot)]) == 0
    said = capsys.readouterr().out
    assert "Restored" in said and "before-restore-" in said, "the message names the safety backup"
    a, b = cli_env / "a.json", cli_env / "b.json"
    assert main(["--db", db, "export", str(a)]) == 0
    assert main(["--db", fresh, "export", str(b)]) == 0
    assert json.loads(a.read_text())["tables"] == json.loads(b.read_text())["tables"]
    assert main(["--db", fresh, "restore", str(cli_env / "nope.sqlite")]) == 1


def test_every_setting_is_documented_and_settable_from_the_environment(
    cli_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from onward.settings import Settings, documented_settings

    for variable, _kind, help_text in documented_settings():
        assert help_text, f"{variable} has no help text"
    monkeypatch.setenv("ONWARD_FORECAST_WEEKS", "12")
    assert Settings().forecast_weeks == 12
    assert main(["settings", "--json"]) == 0
    listed = {row["variable"]: row for row in json.loads(capsys.readouterr().out)}
    assert listed["ONWARD_FORECAST_WEEKS"]["value"] == "12"
    assert set(listed) == {v for v, _k, _h in documented_settings()}
    docs = (Path(__file__).parents[2] / "docs" / "settings.md").read_text()
    for variable in listed:
        assert variable in docs, f"{variable} is missing from docs/settings.md"


def test_import_refuses_a_workspace_with_data_unless_merging_and_merge_adds_nothing_twice(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{cli_env / 'x.sqlite'}"
    export = cli_env / "export.json"
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "export", str(export)]) == 0
    data = json.loads(export.read_text())
    # Give the tasks stable external ids, as an imported task list has: then a merge matches them.
    for number, task in enumerate(data["tables"]["tasks"]):
        task["source"], task["external_id"] = "csv", f"t{number}"
    export.write_text(json.dumps(data))
    target = f"sqlite:///{cli_env / 'y.sqlite'}"
    assert main(["--db", target, "import", str(export)]) == 0
    capsys.readouterr()
    assert main(["--db", target, "import", str(export)]) == 1
    assert "already holds data" in capsys.readouterr().err
    assert main(["--db", target, "import", "--merge", str(export)]) == 0
    again = cli_env / "again.json"
    assert main(["--db", target, "export", str(again)]) == 0
    tables = json.loads(again.read_text())["tables"]
    assert len(tables["tasks"]) == len(data["tables"]["tasks"])
    assert len(tables["jobs"]) == len(data["tables"]["jobs"])
    assert len(tables["responsibilities"]) == len(data["tables"]["responsibilities"])
