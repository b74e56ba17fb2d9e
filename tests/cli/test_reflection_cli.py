"""`onward journal …` as a person types it, on both databases: the CLI contract of issue 12."""

from __future__ import annotations

import json
from pathlib import Path

JRNL_FILE = Path(__file__).resolve().parents[1] / "data" / "jrnl-export.json"


def test_add_with_a_prompt_then_search_as_json(onward) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = onward("journal", "add", "--prompt", "fit", "A small team, and teaching as the job itself.")
    assert code == 0 and out.startswith("Saved entry 1 (The job and place that suit me, 2026-11-30)")
    onward("journal", "add", "--tag", "work,tired", "Teaching squeezed between two reports again.")
    code, out, _ = onward("journal", "search", "teaching", "team", "--json")
    assert code == 0
    found = json.loads(out)
    assert found["words"] == "teaching team"
    [hit] = found["hits"]
    assert hit["entry"]["prompt"] == "fit" and hit["entry"]["text"].startswith("A small team")
    assert [p["text"] for p in hit["snippet"] if p["marked"]] == ["team", "teaching"]
    code, out, _ = onward("journal", "search", "teach")
    assert out.count("[Teaching]") + out.count("[teaching]") == 2
    code, out, _ = onward("journal", "search", "teach", "--tag", "tired", "--json")
    assert [h["entry"]["id"] for h in json.loads(out)["hits"]] == [2]


def test_list_show_edit_and_delete(onward) -> None:  # type: ignore[no-untyped-def]
    onward("journal", "add", "--prompt", "care", "--date", "2026-11-20", "Laptop shut by nine.")
    onward("journal", "add", "Free thoughts.")
    code, out, _ = onward("journal", "list", "--prompt", "free", "--json")
    assert [e["text"] for e in json.loads(out)] == ["Free thoughts."]
    code, out, _ = onward("journal", "list")
    assert out.splitlines()[0].split()[:3] == ["2", "2026-11-30", "free"]
    code, out, _ = onward("journal", "edit", "1", "--text", "Laptop shut by nine, most nights.", "--tags", "sleep")
    assert code == 0
    code, out, _ = onward("journal", "show", "1")
    assert "Looking after myself · Friday 20 November 2026" in out and "most nights" in out and "#sleep" in out
    code, out, _ = onward("journal", "delete", "1", "--yes")
    assert code == 0 and out.startswith("Deleted entry 1")
    code, _, err = onward("journal", "show", "1")
    assert code == 1 and "there is no journal entry 1" in err


def test_bad_input_is_one_clear_line(onward) -> None:  # type: ignore[no-untyped-def]
    code, _, err = onward("journal", "add", "--prompt", "career", "words")
    assert (
        code == 1
        and err.strip() == "error: prompt must be one of fit, tasks, people, start, care or free, not 'career'"
    )
    code, _, err = onward("journal", "add", "--date", "tomorrowish", "words")
    assert code == 1 and "--date" in err and "Traceback" not in err
    code, _, err = onward("journal", "list", "--json")
    assert code == 0


def test_export_and_import_round_trip(onward, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = onward("journal", "import", str(JRNL_FILE))
    assert code == 0 and out.strip().endswith("3 added, 0 already here.")
    code, out, _ = onward("journal", "import", str(JRNL_FILE))
    assert out.strip().endswith("0 added, 3 already here.")
    target = tmp_path / "journal.json"
    code, out, _ = onward("journal", "export", "--format", "json", "-o", str(target))
    assert code == 0 and "Wrote 3 entries" in out
    code, out, _ = onward("journal", "import", str(target))
    assert out.strip().endswith("0 added, 3 already here.")
    code, out, _ = onward("journal", "export")
    assert out.startswith("# My journal") and "Called in sick." in out
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"entries": [{"title": "Fine", "date": "2025-01-01"}, {"title": "", "date": "2025-01-02"}]})
    )
    code, _, err = onward("journal", "import", str(bad))
    assert code == 1 and "entry 2: the entry has no text; nothing was imported" in err
    code, out, _ = onward("journal", "list", "--json")
    assert len(json.loads(out)) == 3


def test_prompts_and_resurfacing(onward) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = onward("journal", "prompts")
    assert [line.split()[0] for line in out.splitlines() if not line.startswith(" ")] == [
        "fit",
        "tasks",
        "people",
        "start",
        "care",
        "free",
    ]
    code, out, _ = onward("journal", "resurface")
    assert code == 0 and out.startswith("Nothing to resurface yet")
    onward("journal", "add", "--date", "2025-11-28", "A year ago: interview nerves.")
    code, out, _ = onward("journal", "resurface", "--json")
    assert code == 0
    again = json.loads(out)
    assert again["one_year_ago"][0]["year"] == 2025
    assert again["one_year_ago"][0]["entries"][0]["text"] == "A year ago: interview nerves."
