"""The matching commands in-process: the CLI contract's JSON shapes, batch mode, postings import and rank."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onward.cli.main import main

from ..conftest import TEST_CACHE_DIR, TODAY


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("ONWARD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ONWARD_TODAY", TODAY.isoformat())
    monkeypatch.setenv("ONWARD_CACHE_DIR", str(TEST_CACHE_DIR))
    return tmp_path


def test_occupations_match_prints_the_contract_shape(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["occupations", "match", "Teach adults to read", "Train volunteer tutors"]
    assert main([*argv, "--avoid", "Answer phones", "--top", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["results"]) == 3
    first = data["results"][0]
    assert {"code", "title", "score", "evidence"} <= set(first)
    assert first["code"][2] == "-" and first["code"].endswith((".00", ".01", ".02", ".03", ".04", ".05", ".06"))
    assert {"yours", "theirs"} <= set(first["evidence"][0])
    assert first["evidence"][0]["yours"] in ("Teach adults to read", "Train volunteer tutors")


def test_batch_mode_answers_each_line_in_order(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = cli_env / "queries.jsonl"
    batch.write_text(
        '{"id": "a", "tasks": ["Repair leaking water pipes and install plumbing fixtures"]}\n'
        "\n"
        '{"id": 2, "tasks": ["Keep the books and reconcile the accounts"], "avoid": ["Answer phones"]}\n'
    )
    assert main(["occupations", "match", "--batch", str(batch), "--top", "5"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["a", 2]
    assert "47-2152.00" in [r["code"] for r in lines[0]["results"]]
    assert all(len(line["results"]) == 5 for line in lines)


def test_a_bad_batch_line_is_named_and_nothing_is_printed(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = cli_env / "queries.jsonl"
    batch.write_text('{"id": 1, "tasks": ["Teach"]}\n{"id": 2, "tasks": "not a list"}\n')
    assert main(["occupations", "match", "--batch", str(batch)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "queries.jsonl line 2: 'tasks' must be a list of texts" in captured.err


def test_import_then_rank_postings_from_the_rated_duties(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    posting = cli_env / "posting.txt"
    posting.write_text("Literacy Program Lead\n- Plan and lead literacy workshops for adult learners\n")
    assert main(["postings", "import", str(posting), "--format", "text"]) == 0
    assert "1 added, 0 merged" in capsys.readouterr().out
    assert main(["postings", "rank", "--top", "3", "--focus", "--json"]) == 0
    ranking = json.loads(capsys.readouterr().out)
    assert ranking["method"] in ("hybrid", "bm25") and ranking["total"] == 6
    assert len(ranking["results"]) == 3
    assert {r["title"] for r in ranking["results"][:2]} == {"Literacy Program Lead", "Adult Education Coordinator"}
    assert ranking["results"][0]["explanation"]


def test_a_bad_format_or_file_is_a_plain_error(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["postings", "import", str(cli_env / "missing.csv"), "--format", "csv"]) == 1
    assert "missing.csv: no such file" in capsys.readouterr().err
    assert main(["postings", "import", str(cli_env), "--format", "pdf"]) == 1
    assert "--format must be csv, jsonld or text" in capsys.readouterr().err
