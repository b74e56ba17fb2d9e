"""The docs generated from the code are up to date (run `make docs` after changing a command or setting)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "builder"), [("cli-reference.md", "cli_reference"), ("settings.md", "settings_reference")]
)
def test_generated_docs_match_the_code(name: str, builder: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    expected = getattr(_generator(), builder)()
    assert (ROOT / "docs" / name).read_text(encoding="utf-8") == expected, f"docs/{name} is stale: run `make docs`"
