"""The one mapping in the CLI: bad input is exit code 1 and one plain line on stderr, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]


def _one_plain_line(code: int, err: str) -> str:
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    assert all(ch.isprintable() for ch in lines[0]), "no binary echoed to the terminal"
    return lines[0]


def test_the_same_duty_or_capacity_exception_twice(onward: Run) -> None:
    """Found by fuzzing: IntegrityError tracebacks."""
    assert onward("jobs", "add", "Coordinator")[0] == 0
    assert onward("duties", "add", "Grants")[0] == 0
    code, _, err = onward("duties", "add", "Grants")
    assert _one_plain_line(code, err) == "error: there is already one with the same job id and name"
    assert onward("capacity", "except", "2026-12-01", "2026-12-02")[0] == 0
    code, _, err = onward("capacity", "except", "2026-12-01", "2026-12-02")
    assert "same first day and last day" in _one_plain_line(code, err)


def test_an_id_past_what_the_database_holds(onward: Run) -> None:
    code, _, err = onward("tasks", "show", str(2**64))
    assert "out of the range" in _one_plain_line(code, err)


def test_a_bad_time_zone_setting(onward: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by fuzzing: a pydantic traceback for ONWARD_TIMEZONE=Not/AZone."""
    monkeypatch.setenv("ONWARD_TIMEZONE", "Not/AZone")
    code, _, err = onward("tasks", "list")
    assert _one_plain_line(code, err) == (
        "error: ONWARD_TIMEZONE: 'Not/AZone' is not a time zone name (try one like Europe/Paris)"
    )


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_garbage_files_into_every_importer(onward: Run, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.ics"
    garbage.write_bytes(b"BEGIN:VCALENDAR\r\n\x00\x1b[31m\xff\xfe" + bytes(range(256)) + b"\r\nEND:VCALENDAR\r\n")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    for args in (
        ("calendar", "import", str(garbage)),
        ("tasks", "import", str(deep)),
        ("import", str(deep)),
        ("postings", "import", str(deep), "--format", "jsonld"),
    ):
        code, _, err = onward(*args)
        _one_plain_line(code, err)
