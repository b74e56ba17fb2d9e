"""The fit commands in-process: the `profile show --json` contract, rating, applications and offers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onward.cli.main import main

from ..conftest import TODAY


@pytest.fixture
def demo_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("ONWARD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ONWARD_TODAY", TODAY.isoformat())
    db = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    return db


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict[str, object]:
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


def test_profile_show_json_contract(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    profile = _json(capsys, ["--db", demo_db, "profile", "show", "--json"])
    assert set(profile) >= {"statement", "edited", "label", "core", "also", "fewer", "environment"}
    assert isinstance(profile["statement"], str) and profile["statement"].startswith("A role centred on")
    assert profile["core"] == ["Adult literacy workshops", "Small-group reading sessions", "Tutor training"]
    environment = profile["environment"]
    assert isinstance(environment, dict)
    assert (environment["team_min"], environment["team_max"], environment["work_mode"]) == (4, 8, "hybrid")


def test_rating_from_the_command_line_changes_the_profile(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    audit = _json(capsys, ["--db", demo_db, "audit", "list", "--json"])
    jobs = audit["jobs"]
    assert isinstance(jobs, list)
    gala = next(d for job in jobs for d in job["duties"] if d["name"] == "Fundraising gala")
    assert (
        main(
            ["--db", demo_db, "audit", "rate", str(gala["id"]), "--enjoyment", "love", "--skill", "5", "--energy", "-2"]
        )
        == 0
    )
    assert "Rated 'Fundraising gala': love, skill 5, energy -2." in capsys.readouterr().out
    profile = _json(capsys, ["--db", demo_db, "profile", "show", "--json"])
    assert "Fundraising gala" in profile["core"]  # type: ignore[operator]
    assert main(["--db", demo_db, "audit", "rate", str(gala["id"]), "--skill", "9"]) == 1
    assert capsys.readouterr().err == "error: skill must be from 1 to 5, not 9\n"


def test_profile_export_writes_json_and_json_resume(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resume = tmp_path / "resume.json"
    assert main(["--db", demo_db, "profile", "export", "--format", "jsonresume", "-o", str(resume)]) == 0
    data = json.loads(resume.read_text())
    assert data["basics"]["label"] == "Adult literacy educator" and data["skills"][0]["level"] == "Expert"
    whole = tmp_path / "profile.json"
    assert main(["--db", demo_db, "profile", "export", "-o", str(whole)]) == 0
    assert json.loads(whole.read_text())["format"] == "onward-role-profile"
    assert main(["--db", demo_db, "profile", "export", "--format", "pdf", "-o", str(whole)]) == 1
    assert "must be json or jsonresume" in capsys.readouterr().err


def test_applications_add_advance_and_list(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "--db",
                demo_db,
                "applications",
                "add",
                "Riverbank Trust",
                "Literacy Manager",
                "--stage",
                "applied",
                "--on",
                "2026-11-20",
                "--person",
                "Sam Lee",
            ]
        )
        == 0
    )
    added = capsys.readouterr().out
    assert "Literacy Manager at Riverbank Trust (applied)" in added
    app_id = added.split()[2].rstrip(":")
    assert main(["--db", demo_db, "applications", "advance", app_id, "interviewing", "--note", "Phone call"]) == 0
    assert "is now: interviewing" in capsys.readouterr().out
    listing = _json(capsys, ["--db", demo_db, "applications", "list", "--json"])
    mine = next(a for a in listing["applications"] if a["id"] == int(app_id))  # type: ignore[attr-defined]
    assert [e["stage"] for e in mine["history"]] == ["applied", "interviewing"] and mine["people_met"] == ["Sam Lee"]
    assert {r["kind"] for r in listing["reminders"]} == {"next_step", "follow_up"}  # type: ignore[attr-defined]
    assert main(["--db", demo_db, "applications", "advance", app_id, "wishlist"]) == 1
    assert "it can go to offer, rejected, ghosted, declined" in capsys.readouterr().err
    assert main(["--db", demo_db, "applications", "add", "X", "Y", "--on", "soon"]) == 1
    assert "'soon' is not a date" in capsys.readouterr().err


def test_offers_compare_json_and_text(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    comparison = _json(capsys, ["--db", demo_db, "offers", "compare", "--json"])
    offers = comparison["offers"]
    assert isinstance(offers, list) and len(offers) == 2
    first = offers[0]
    assert set(first) >= {"offer", "loved_present", "without_present", "checks", "summary", "closest"}
    assert main(["--db", demo_db, "offers", "compare"]) == 0
    out = capsys.readouterr().out
    assert "Adult Literacy Lead at Harbour Adult Education  [closest to your ideal role]" in out
    assert "differs: On-site, while you wanted hybrid" in out
