"""Typed-in values on the forms: a comma or a point as the decimal mark, the same everywhere; a form that
did not go through comes back with what was typed and the message beside the field."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from .conftest import csrf


def _field_error(page: str, form: str, field: str) -> str:
    """Return the message shown beside `field` of `form`, or "" when there is none."""
    found = re.search(rf'<p class="field-error" id="{form}-{field}-error">([^<]*)</p>', page)
    return found.group(1).replace("&#39;", "'") if found else ""


def _value(page: str, field: str) -> str:
    """Return the value the page puts back into the input named `field`."""
    found = re.search(rf'<input[^>]*name="{field}"[^>]*value="([^"]*)"', page)
    return found.group(1) if found else ""


def test_hours_with_a_comma_are_hours_on_the_fit_forms(client: TestClient) -> None:
    token = csrf(client)
    saved = client.post("/fit/environment", data={"csrf_token": token, "hours_per_week": "37,5"})
    assert saved.status_code == 200 and "Saved." in saved.text
    assert client.get("/api/fit/environment").json()["environment"]["hours_per_week"] == 37.5
    assert _value(client.get("/fit/environment").text, "hours_per_week") == "37.5"
    # "7,5" is seven and a half hours, never 75.
    client.post("/fit/environment", data={"csrf_token": token, "hours_per_week": "7,5"})
    assert client.get("/api/fit/environment").json()["environment"]["hours_per_week"] == 7.5


def test_a_bad_value_comes_back_as_typed_with_the_message_beside_it(client: TestClient) -> None:
    token = csrf(client)
    typed = {"csrf_token": token, "hours_per_week": "about 30", "sector": "adult education", "team_min": "3"}
    bad = client.post("/fit/environment", data=typed)
    assert bad.status_code == 400
    assert _field_error(bad.text, "environment", "hours_per_week") == "hours per week is not a number (got 'about 30')"
    assert 'aria-invalid="true" aria-describedby="environment-hours_per_week-error' in bad.text
    assert (_value(bad.text, "hours_per_week"), _value(bad.text, "sector"), _value(bad.text, "team_min")) == (
        "about 30",
        "adult education",
        "3",
    )
    assert client.get("/api/fit/environment").json()["environment"]["sector"] == ""  # nothing was saved
    # A value the domain refuses is shown beside its field too, in the domain's own words.
    too_many = client.post("/fit/environment", data={"csrf_token": token, "hours_per_week": "150"})
    assert too_many.status_code == 400
    assert _field_error(too_many.text, "environment", "hours_per_week").startswith("hours per week must be")
    # Two readings of one value are refused rather than guessed.
    unclear = client.post("/fit/environment", data={"csrf_token": token, "hours_per_week": "1,200"})
    assert "could mean 1200 or 1.2" in _field_error(unclear.text, "environment", "hours_per_week")


def _application_for_an_offer(client: TestClient, token: str) -> str:
    added = client.post(
        "/fit/applications",
        data={"csrf_token": token, "employer": "Metro", "role_title": "Coordinator", "stage": "applied"},
        follow_redirects=False,
    )
    return str(added.headers["location"].split("#application-")[1])


def test_an_offer_reads_salary_and_hours_as_people_write_them(client: TestClient) -> None:
    token = csrf(client)
    app_id = _application_for_an_offer(client, token)
    bad = client.post(
        "/fit/offers",
        data={"csrf_token": token, "application_id": app_id, "salary": "48.000,50", "hours_per_week": "lots",
              "start_date": "soon", "notes": "ask about leave"},
    )  # fmt: skip
    assert bad.status_code == 400
    # Every field that needs a look says so at once, and the rest comes back as typed.
    assert _field_error(bad.text, "offer", "hours_per_week") == "hours per week is not a number (got 'lots')"
    assert _field_error(bad.text, "offer", "start_date") == "start date: 'soon' is not a date (use YYYY-MM-DD)"
    assert _field_error(bad.text, "offer", "salary") == ""
    assert _value(bad.text, "salary") == "48.000,50" and "ask about leave</textarea>" in bad.text
    assert client.get("/api/fit/offers").json()["comparison"]["offers"] == []
    client.post(
        "/fit/offers",
        data={"csrf_token": token, "application_id": app_id, "salary": "48.000,50", "hours_per_week": "37,5"},
    )
    offer = client.get("/api/fit/offers").json()["comparison"]["offers"][0]["offer"]
    assert (offer["salary"], offer["hours_per_week"]) == (48000.5, 37.5)


def test_hours_on_the_capacity_forms(client: TestClient) -> None:
    token = csrf(client)
    client.post("/workload/capacity", data={"csrf_token": token, "weekly_hours": "37,5"})
    assert client.get("/api/workload/capacity").json()["capacity"]["weekly_hours"] == 37.5
    bad = client.post("/workload/capacity", data={"csrf_token": token, "weekly_hours": "40", "day_fri": "7,5,0"})
    assert bad.status_code == 400
    assert _field_error(bad.text, "hours", "day_fri") == "fri is not a number (got '7,5,0')"
    assert _value(bad.text, "day_fri") == "7,5,0" and _value(bad.text, "weekly_hours") == "40"
    blank = client.post("/workload/capacity/exceptions", data={"csrf_token": token, "note": "Leave"})
    assert blank.status_code == 400
    assert _field_error(blank.text, "exception", "first_day") == "first day: a date is needed (use YYYY-MM-DD)"
    client.post(
        "/workload/capacity/exceptions",
        data={"csrf_token": token, "first_day": "2026-12-24", "hours_per_day": "3,5"},
    )
    assert client.get("/api/workload/capacity").json()["capacity"]["exceptions"][0]["hours_per_day"] == 3.5
    client.post("/workload/colleagues", data={"csrf_token": token, "name": "Jo", "weekly_limit_hours": "6,5"})
    assert "Jo: up to 6.5 h a week" in client.get("/workload/capacity").text


def test_a_task_keeps_what_was_typed_when_its_hours_are_wrong(client: TestClient) -> None:
    token = csrf(client)
    client.post("/workload/capture", data={"line": "Final report 4h", "csrf_token": token})
    task_id = client.get("/api/workload/priorities").json()["tasks"][0]["id"]
    form = {"csrf_token": token, "title": "Final grant report", "effort_hours": "2,5", "remaining_hours": "-1",
            "importance": "5"}  # fmt: skip
    bad = client.post(f"/workload/tasks/{task_id}", data=form)
    assert bad.status_code == 400
    assert "remaining hours must be between 0 and 10000" in _field_error(bad.text, "details", "remaining_hours")
    assert _value(bad.text, "title") == "Final grant report" and _value(bad.text, "effort_hours") == "2,5"
    assert '<option value="5" selected>' in bad.text
    client.post(f"/workload/tasks/{task_id}", data={**form, "remaining_hours": "1,5"})
    task = client.get(f"/api/workload/tasks/{task_id}").json()["task"]
    assert (task["effort_hours"], task["remaining_hours"], task["importance"]) == (2.5, 1.5, 5)
