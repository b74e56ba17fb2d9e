"""The well-being commands in-process, on both databases: the issue's CLI contract, word for word."""

from __future__ import annotations

import json

from ..conftest import TODAY


def test_checkin_then_change_it(onward) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = onward(
        "checkin", "--mood", "2", "--energy", "3", "--sleep", "6,5", "--worked", "10", "--after-hours", "90",
        "--social", "no",
    )  # fmt: skip
    assert code == 0 and out.strip() == f"Checked in for {TODAY}: mood 2, energy 3. Thank you."
    code, out, _ = onward("checkin", "--mood", "4", "--energy", "4", "--social", "45", "--json")
    checked = json.loads(out)
    assert (checked["mood"], checked["saw_people"], checked["people_minutes"], checked["sleep_hours"]) == (
        4,
        True,
        45,
        None,
    )
    code, out, _ = onward("wellbeing", "trend", "--json")
    trend = json.loads(out)
    assert trend["check_ins"] == 1 and trend["weeks"][-1]["mood"] == 4.0


def test_checkin_refuses_what_it_cannot_use(onward) -> None:  # type: ignore[no-untyped-def]
    code, _, err = onward("checkin", "--mood", "7", "--energy", "3")
    assert code == 1 and err.strip() == "error: mood goes from 1 (low) to 5 (good), not 7"
    code, _, err = onward("checkin", "--mood", "3", "--energy", "3", "--social", "often")
    assert code == 1 and "--social: say yes, no, or the minutes" in err
    code, _, err = onward("checkin", "--mood", "3", "--energy", "3", "--date", "2026-12-25")
    assert code == 1 and "is in the future" in err


def test_survey_json_contract(onward) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = onward("survey", "cbi", "--answers", "75,75,75,50,75,50,75,75,50,75,50,50,25", "--json")
    assert code == 0 and json.loads(out) == {"scales": {"personal": 66.7, "work": 64.3, "client": None}}
    code, out, _ = onward("survey", "who5", "--answers", "3,2,4,1,2", "--json")
    assert json.loads(out) == {"scales": {"wellbeing": 48.0}}
    # Skipped items: two personal answers are too few (3 needed); the work-related scale still scores.
    code, out, _ = onward("survey", "cbi", "--answers", "100,100,,,,,50,50,50,50,,,", "--json")
    assert json.loads(out) == {"scales": {"personal": None, "work": 50.0, "client": None}}


def test_survey_prints_scores_and_says_it_is_not_a_diagnosis(onward) -> None:  # type: ignore[no-untyped-def]
    onward("survey", "who5", "--answers", "3,2,4,1,2")
    code, out, _ = onward("survey", "who5", "--answers", "1,1,1,1,1")
    assert code == 0
    assert "Well-being: 20 (28 or less: worth talking to a doctor or counsellor about how you feel)" in out
    assert "28 points down since last time (48)" in out
    assert "This is not a diagnosis." in out
    assert "Things look heavy at the moment" in out and "under Network" in out


def test_survey_refuses_answers_that_do_not_fit(onward) -> None:  # type: ignore[no-untyped-def]
    code, _, err = onward("survey", "who5", "--answers", "3,2,4,1,x")
    assert code == 1 and err.strip() == "error: --answers: answer 5 is not a whole number (got 'x')"
    code, _, err = onward("survey", "phq9", "--answers", "1")
    assert code == 1 and "must be one of cbi, who5" in err
    code, out, _ = onward("wellbeing", "trend", "--json")
    assert json.loads(out)["questionnaires"] == []  # nothing kept from the refused ones
