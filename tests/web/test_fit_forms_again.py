"""Fit's application form comes back with what was typed and each message beside its field; nothing is saved."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .conftest import csrf


def test_an_application_without_an_employer_comes_back_as_typed(client: TestClient) -> None:
    token = csrf(client)
    before = client.get("/api/fit/applications").json()
    bad = client.post(
        "/fit/applications",
        data={
            "csrf_token": token,
            "employer": "  ",
            "role_title": "Literacy coordinator",
            "stage": "applied",
            "next_step_on": "next-ish",
            "notes": "Met Sam at the fair",
        },
    )
    assert bad.status_code == 400
    assert 'id="application-employer-error">Employer is needed</p>' in bad.text
    assert 'id="application-next_step_on-error">next step date' in bad.text
    assert 'value="Literacy coordinator"' in bad.text
    assert "Met Sam at the fair</textarea>" in bad.text
    assert 'value="applied" checked' in bad.text
    assert "Field required" not in bad.text
    assert client.get("/api/fit/applications").json() == before
    good = client.post(
        "/fit/applications",
        data={"csrf_token": token, "employer": "City Library", "role_title": "Literacy coordinator"},
        follow_redirects=False,
    )
    assert good.status_code == 303
    assert client.get("/api/fit/applications").json() != before


def _application(client: TestClient, token: str) -> int:
    client.post(
        "/fit/applications",
        data={
            "csrf_token": token,
            "employer": "City Library",
            "role_title": "Literacy coordinator",
            "stage": "applied",
        },
    )
    return int(client.get("/api/fit/applications").json()["open"][0]["id"])


def test_moving_an_application_to_a_future_day_comes_back_beside_the_date(client: TestClient) -> None:
    token = csrf(client)
    number = _application(client, token)
    before = client.get("/api/fit/applications").json()
    bad = client.post(
        f"/fit/applications/{number}/advance",
        data={"csrf_token": token, "stage": "interviewing", "on": "2999-01-01", "note": "Panel of three"},
    )
    assert bad.status_code == 400
    assert f'id="advance-{number}-on-error">' in bad.text and "is after today" in bad.text
    assert 'value="interviewing" selected' in bad.text
    assert 'value="Panel of three"' in bad.text
    assert "Something needs attention" not in bad.text
    assert client.get("/api/fit/applications").json() == before
    unchosen = client.post(f"/fit/applications/{number}/advance", data={"csrf_token": token, "note": "Panel"})
    assert unchosen.status_code == 400
    assert f'id="advance-{number}-stage-error">Choose where it stands now</p>' in unchosen.text


def test_a_next_step_with_a_date_that_is_not_one_keeps_what_was_typed(client: TestClient) -> None:
    token = csrf(client)
    number = _application(client, token)
    bad = client.post(
        f"/fit/applications/{number}/next-step",
        data={"csrf_token": token, "next_step": "Send references", "next_step_on": "soonish", "notes": "Ask Priya"},
    )
    assert bad.status_code == 400
    assert f'id="next-{number}-next_step_on-error">next step date' in bad.text
    assert 'value="Send references"' in bad.text and "Ask Priya</textarea>" in bad.text
    assert "<details open>" in bad.text
    assert client.get("/api/fit/applications").json()["open"][0]["next_step"] == ""


def test_the_audit_forms_come_back_with_the_message_beside_the_field(client: TestClient) -> None:
    token = csrf(client)
    before = client.get("/api/fit/audit").json()
    no_end = client.post(
        "/fit/audit/jobs", data={"csrf_token": token, "title": "Bookseller", "employer": "Blackwell's", "end_date": ""}
    )
    assert no_end.status_code == 400
    assert 'id="past-job-end_date-error">End date is needed' in no_end.text
    assert 'value="Bookseller"' in no_end.text and 'value="Blackwell&#39;s"' in no_end.text
    future = client.post("/fit/audit/jobs", data={"csrf_token": token, "title": "Bookseller", "end_date": "2999-01-01"})
    assert 'id="past-job-end_date-error">' in future.text and "after today" in future.text
    backwards = client.post(
        "/fit/audit/jobs",
        data={"csrf_token": token, "title": "Bookseller", "start_date": "2020-05-01", "end_date": "2019-05-01"},
    )
    assert 'id="past-job-start_date-error">' in backwards.text
    assert client.get("/api/fit/audit").json() == before
    good = client.post(
        "/fit/audit/jobs",
        data={"csrf_token": token, "title": "Bookseller", "end_date": "2019-05-01"},
        follow_redirects=False,
    )
    assert good.status_code == 303
    job = client.get("/api/fit/audit").json()["audit"]["jobs"][0]["id"]
    no_name = client.post(
        "/fit/audit/duties", data={"csrf_token": token, "job_id": str(job), "name": " ", "description": "Tills, stock"}
    )
    assert no_name.status_code == 400
    assert 'id="duty-name-error">Duty is needed</p>' in no_name.text
    assert "Tills, stock</textarea>" in no_name.text
    assert f'value="{job}" selected' in no_name.text
