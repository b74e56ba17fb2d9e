"""The workload CLI in-process on both databases: the contract shapes of tasks list and load, and errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest

TODAY = dt.date(2026, 11, 30)


def test_a_new_user_sets_up_and_sees_their_load(onward) -> None:  # type: ignore[no-untyped-def]
    assert onward("jobs", "add", "Program Coordinator", "--employer", "Riverside Literacy")[0] == 0
    code, out, _ = onward("duties", "add", "Grant reporting", "--origin", "temporary", "--expected-end", "2026-07-01")
    assert code == 0 and "Grant reporting (temporary)" in out
    assert onward("duties", "rate", "1", "--enjoyment", "without", "--skill", "2")[0] == 0
    code, out, _ = onward("capacity", "set", "--weekly-hours", "40", "--day", "fri=4")
    assert code == 0 and "40 h a week" in out and "fri 4" in out and "mon 9" in out
    code, out, _ = onward("tasks", "add", "Draft grant report #grants due:fri 3h !4")
    assert code == 0 and "Added task 1: Draft grant report under Grant reporting, due 2026-12-04" in out
    onward("tasks", "add", "Final report #grants due:2026-12-11 60h !5")

    code, out, _ = onward("tasks", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == [1, 2]
    first = rows[0]
    assert {"id", "title", "responsibility", "due", "remaining_hours", "importance", "status", "urgency",
            "urgency_terms"} <= set(first)  # fmt: skip
    assert (first["title"], first["responsibility"], first["due"], first["remaining_hours"]) == (
        "Draft grant report", "Grant reporting", "2026-12-04", 3.0,
    )  # fmt: skip
    assert first["urgency"] == pytest.approx(sum(t["points"] for t in first["urgency_terms"]))
    assert {t["term"] for t in first["urgency_terms"]} == {"due", "importance"}

    code, out, _ = onward("load", "--weeks", "3", "--json")
    load = json.loads(out)
    assert [w["start"] for w in load["weeks"]] == ["2026-11-30", "2026-12-07", "2026-12-14"]
    week = load["weeks"][0]
    assert set(week) >= {"start", "hours_needed", "hours_available", "ratio"}
    assert week["hours_available"] == 40 and week["hours_needed"] == pytest.approx(33)  # 3 + half of 60
    assert week["ratio"] == pytest.approx(33 / 40)
    assert load["weeks"][2]["ratio"] == 0

    code, out, _ = onward("load", "--weeks", "2")
    assert code == 0 and "Every week of the next 2 fits" in out


def test_load_names_the_tasks_that_would_run_late(onward) -> None:  # type: ignore[no-untyped-def]
    onward("capacity", "set", "--weekly-hours", "10")
    onward("tasks", "add", "Board pack due:2026-12-02 12h !5")
    onward("tasks", "add", "Rota check due:tomorrow 12h recur:weekly")
    code, out, _ = onward("load", "--weeks", "4")
    assert code == 0 and "2 task(s) would finish after their due date as things stand" in out
    assert "[1] Board pack: due 2026-12-02, would be done on 2026-12-" in out
    assert "[2] Rota check: due 2026-12-01, then weekly: not every time it comes round fits before it is due" in out
    at_risk = json.loads(onward("load", "--weeks", "4", "--json")[1])["at_risk"]
    assert [t["id"] for t in at_risk] == [2, 1]  # soonest due first, as listed


def test_done_recurring_task_and_the_checklist_offer_after_a_mistake(onward) -> None:  # type: ignore[no-untyped-def]
    onward("tasks", "add", "Volunteer rota due:tomorrow 2h recur:weekly")
    code, out, _ = onward("mistakes", "add", "Sent last month's names", "--task", "1", "--cause", "rushed")
    assert code == 0 and "onward tasks checklist 1" in out
    assert onward("tasks", "checklist", "1", "check absences", "send")[0] == 0
    code, out, _ = onward("tasks", "done", "1")
    assert code == 0 and "the next one of the series is due 2026-12-08" in out
    code, out, _ = onward("tasks", "show", "2", "--json")
    shown = json.loads(out)
    assert shown["checklist"] == [{"text": "check absences", "done": False}, {"text": "send", "done": False}]
    code, out, _ = onward("mistakes", "list", "--json")
    assert json.loads(out)[0]["cause"] == "rushed"
    code, out, _ = onward("tasks", "list", "--all", "--json")
    assert [(r["id"], r["status"]) for r in json.loads(out)] == [(2, "open"), (1, "done")]


def test_user_mistakes_are_one_line_errors(onward) -> None:  # type: ignore[no-untyped-def]
    code, _, err = onward("tasks", "add", "Run payroll #payroll")
    assert code == 1 and err.startswith("error: #payroll does not match")
    code, _, err = onward("tasks", "done", "99")
    assert code == 1 and err == "error: there is no task 99\n"
    code, _, err = onward("capacity", "set", "--day", "mon=lots")
    assert code == 1 and "--day mon=lots" in err
    code, _, err = onward("tasks", "status", "1", "handed_off")
    assert code == 1
    code, _, err = onward("load", "--weeks", "0")
    assert code == 1 and "1 to 104 weeks" in err


def test_capacity_exceptions_colleagues_and_drift(onward) -> None:  # type: ignore[no-untyped-def]
    onward("capacity", "set", "--weekly-hours", "37.5")
    code, out, _ = onward("capacity", "except", "2026-12-21", "2027-01-01", "--note", "Leave")
    assert code == 0 and "0 h a day (Leave)" in out
    code, out, _ = onward("capacity", "show", "--json")
    shown = json.loads(out)
    assert shown["weekly_hours"] == 37.5 and shown["exceptions"][0]["note"] == "Leave"
    code, out, _ = onward("load", "--weeks", "5", "--json")
    assert [w["hours_available"] for w in json.loads(out)["weeks"]] == [37.5, 37.5, 37.5, 0, 0]
    assert onward("colleagues", "add", "Jo", "--weekly-limit", "6")[0] == 0
    code, out, _ = onward("colleagues", "list", "--json")
    assert json.loads(out)[0]["weekly_limit_hours"] == 6
    onward("demo")  # refused: the workspace holds data
    code, out, _ = onward("drift", "--json")
    assert code == 0 and json.loads(out)["temporary_overdue"] == []


def test_handoff_json_follows_the_contract(onward) -> None:  # type: ignore[no-untyped-def]
    assert onward("demo")[0] == 0
    code, out, _ = onward("handoff", "--weeks", "6", "--json")
    plan = json.loads(out)
    assert code == 0
    assert {"feasible", "objective", "capacity_by_week", "tasks", "greedy_objective", "asks", "missing_hours"} <= set(
        plan
    )
    assert len(plan["capacity_by_week"]) == 6
    task = plan["tasks"][0]
    assert {"id", "title", "hours_by_week", "cost", "locked", "action", "reason"} <= set(task)
    assert {"scheduled_by_week", "finish_week", "at_risk", "ask"} <= set(task)
    assert len(task["hours_by_week"]) == 6 and len(task["scheduled_by_week"]) == 6
    # The hours per week are the forecast's: summed over the tasks they give each week's load.
    code, out, _ = onward("load", "--weeks", "6", "--json")
    load = json.loads(out)["weeks"]
    for w, week in enumerate(load):
        assert sum(t["hours_by_week"][w] for t in plan["tasks"]) == pytest.approx(week["hours_needed"], abs=1e-3)
    mondays = [dt.date.fromisoformat(d) for d in plan["weeks"]]
    for t in plan["tasks"]:
        assert t["action"] in ("keep", "hand_off", "defer", "drop", "ask")
        # Nothing is scheduled after the week of its due date, and the schedule stays within each week's hours.
        if t["due"] is not None and not t["recurs"]:
            due = max(dt.date.fromisoformat(t["due"]), TODAY)
            assert all(h == 0 for m, h in zip(mondays, t["scheduled_by_week"], strict=True) if m > due)
        if t["action"] == "drop":
            assert t["importance"] <= 3 and (
                t["due"] is None or dt.date.fromisoformat(t["due"]) > TODAY + dt.timedelta(7)
            )
        if t["action"] == "ask":
            assert t["ask"]["kind"] in ("move_deadline", "more_help", "drop_with_agreement") and t["ask"]["hours"] > 0
    for w in range(6):
        assert plan["load_after_by_week"][w] <= plan["capacity_by_week"][w] + 1e-6
    changed = [t for t in plan["tasks"] if t["action"] != "keep"]
    assert changed and all(t["reason"] for t in changed)
    assert any(t["action"] == "hand_off" and t["colleague"] == "Jo" for t in changed)

    locked_id = changed[0]["id"]
    assert onward("tasks", "lock", str(locked_id))[0] == 0
    code, out, _ = onward("handoff", "--weeks", "6", "--json")
    kept = next(t for t in json.loads(out)["tasks"] if t["id"] == locked_id)
    assert kept["locked"] is True and kept["action"] in ("keep", "ask")
    code, out, _ = onward("handoff", "--weeks", "6")
    assert code == 0 and "Plan cost" in out


def test_apply_only_one_line_then_undo(onward) -> None:  # type: ignore[no-untyped-def]
    assert onward("demo")[0] == 0
    plan = json.loads(onward("handoff", "--json")[1])
    line = next(t for t in plan["tasks"] if t["action"] in ("hand_off", "defer", "drop"))
    others = [t["id"] for t in plan["tasks"] if t["action"] in ("hand_off", "defer", "drop") and t["id"] != line["id"]]
    before = json.loads(onward("tasks", "list", "--all", "--json")[1])
    code, out, _ = onward("handoff", "apply", "--only", str(line["id"]), "--json")
    change = json.loads(out)
    assert code == 0 and line["id"] in change["task_ids"] and not set(others) & set(change["task_ids"])
    gone = json.loads(
        onward("tasks", "list", "--status", "handed_off", "--status", "dropped", "--status", "deferred", "--json")[1]
    )
    assert any(t["title"].startswith(line["title"]) for t in gone)
    code, out, _ = onward("undo")
    assert code == 0 and out.startswith("Undone: Applied the plan")
    assert json.loads(onward("tasks", "list", "--all", "--json")[1]) == before
    code, _, err = onward("undo")
    assert code != 0 and "nothing to undo" in err
    code, _, err = onward("tasks", "list", "--status", "gone")
    assert code != 0 and "--status must be one of" in err
