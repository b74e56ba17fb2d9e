"""`onward tasks import|export` and `onward calendar import` in-process: counts, errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from onward.cli.main import main

from ..conftest import TODAY

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("ONWARD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ONWARD_TODAY", TODAY.isoformat())
    monkeypatch.setenv("ONWARD_TIMEZONE", "America/New_York")
    return tmp_path


def test_importing_tasks_prints_counts_and_a_second_time_adds_nothing(
    cli_env: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_url, "tasks", "import", str(DATA / "taskwarrior-2.6.json")]) == 0
    out = capsys.readouterr().out
    assert "taskwarrior-2.6.json (taskwarrior): 11 added, 0 unchanged, 0 updated." in out
    assert 'a new job called "My job"' in out
    assert main(["--db", db_url, "tasks", "import", str(DATA / "taskwarrior-2.6.json"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["added"], result["unchanged"]) == (0, 11)


def test_the_format_is_guessed_or_given(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", "import", str(DATA / "Riverside Literacy.csv")]) == 0
    assert "(todoist): 7 added" in capsys.readouterr().out
    assert main(["tasks", "import", str(DATA / "tasks-plain.csv"), "--format", "csv"]) == 0
    assert "(csv): 4 added" in capsys.readouterr().out
    copy = cli_env / "export.txt"
    copy.write_bytes((DATA / "taskwarrior-2.5.json").read_bytes())
    assert main(["tasks", "import", str(copy), "--format", "taskwarrior"]) == 0
    assert "(taskwarrior): 4 added" in capsys.readouterr().out


def test_a_bad_file_is_an_error_naming_the_line(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = cli_env / "tasks.csv"
    bad.write_text("title,due\nWrite the report,2026-12-01\nCall Sam,fri?\n")
    assert main(["tasks", "import", str(bad)]) == 1
    assert capsys.readouterr().err == (
        "error: tasks.csv line 3: 'due' is not a date (got 'fri?'; write it as YYYY-MM-DD)\n"
    )
    assert main(["tasks", "import", str(cli_env / "missing.json")]) == 1
    assert "missing.json: no such file" in capsys.readouterr().err
    assert main(["tasks", "import", str(DATA / "tasks-plain.csv"), "--format", "excel"]) == 1
    assert "unknown format 'excel'" in capsys.readouterr().err


def test_calendar_import_prints_the_meeting_hours(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "import", str(DATA / "calendar-outlook.ics")]) == 0
    out = capsys.readouterr().out
    assert "4 events, 23 occurrences" in out
    assert "Meetings take 5 hours of your next 4 weeks." in out
    assert "5 working days out of office" in out
    assert main(["calendar", "import", str(DATA / "calendar-google.ics")]) == 0
    out = capsys.readouterr().out
    assert "Meetings take 10.75 hours" in out and "replaced the 23 occurrences" in out


def test_calendar_import_of_a_holiday_calendar_suggests_its_public_holidays(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 9: Outlook's 'Holidays in United Kingdom', as `onward calendar import` tells it."""
    assert main(["calendar", "import", str(DATA / "calendar-holidays-outlook-uk.ics"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["away_days"] == [
        "2026-12-25",
        "2026-12-28",
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
        "2027-05-03",
    ]
    assert main(["calendar", "import", str(DATA / "calendar-holidays-outlook-uk.ics")]) == 0
    assert "6 working days out of office (2026-12-25, 2026-12-28, 2027-01-01, 2027-03-26, 2027-03-29 …)" in (
        capsys.readouterr().out
    )


def test_tasks_export_writes_todos(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", "import", str(DATA / "tasks-plain.csv")]) == 0
    target = cli_env / "tasks.ics"
    assert main(["tasks", "export", str(target)]) == 0
    assert f"Wrote 3 to-dos with due dates to {target}." in capsys.readouterr().out
    summaries = {str(t["SUMMARY"]) for t in icalendar.Calendar.from_ical(target.read_bytes()).walk("VTODO")}
    assert "Draft the volunteer handbook" in summaries


def test_a_todoist_import_says_what_dates_without_a_year_were_read_against(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tasks", "import", str(DATA / "Harbour Food Bank.csv")]) == 0
    out = capsys.readouterr().out
    assert "read as the such day nearest 2024-01-15, the latest full date in the file" in out
    short = cli_env / "Short.csv"
    lines = (DATA / "Harbour Food Bank.csv").read_text().splitlines()
    short.write_text("\n".join(line for line in lines if "2023" not in line and "2024" not in line) + "\n")
    assert main(["tasks", "import", str(short)]) == 0
    assert f"read as the next such day from today ({TODAY.isoformat()})" in capsys.readouterr().out


@pytest.mark.parametrize(("unit", "hours"), [("hours", "122"), ("minutes", "4")])
def test_the_estimate_unit_is_an_option_and_the_hours_are_shown(
    cli_env: Path, capsys: pytest.CaptureFixture[str], unit: str, hours: str
) -> None:
    assert main(["tasks", "import", str(DATA / "taskwarrior-minutes.json"), "--estimate-unit", unit]) == 0
    assert f"Estimates (a bare number read as {unit}) come to {hours} hours of effort." in capsys.readouterr().out


def test_an_unknown_estimate_unit_is_refused(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", "import", str(DATA / "taskwarrior-minutes.json"), "--estimate-unit", "days"]) == 1
    assert "unknown estimate unit 'days'; choose hours or minutes" in capsys.readouterr().err
