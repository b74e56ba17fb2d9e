"""The `onward` fixture: the CLI run in-process, as a person would type it, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.cli.main import main

from ..conftest import TODAY


@pytest.fixture
def onward(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `onward --db <db> ARGS`; return (exit code, stdout, stderr)."""
    monkeypatch.setenv("ONWARD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ONWARD_TODAY", TODAY.isoformat())

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
