"""Uploading task and calendar files through the web page and its API twin."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .conftest import TOKEN, csrf, import_upload

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
DATA = Path(__file__).parents[1] / "data"


def upload(client: TestClient, path: str, name: str, data: bytes, **fields: str) -> tuple[int, str]:
    """Upload through the form and follow it to the import's outcome (it runs in the background)."""
    kind = path.rsplit("/", 1)[-1]
    return import_upload(client, path, kind, files={"file": (name, data)}, data={"csrf_token": csrf(client), **fields})


def test_the_page_offers_both_uploads(client: TestClient) -> None:
    page = client.get("/workload/import").text
    assert "Import tasks" in page and "Import calendar" in page
    assert client.get("/api/workload/import").json()["meeting_hours_by_week"] == [0, 0, 0, 0]


def test_uploading_tasks_shows_the_counts(client: TestClient) -> None:
    data = (DATA / "taskwarrior-2.6.json").read_bytes()
    status, page = upload(client, "/workload/import/tasks", "tasks.json", data)
    assert status == 303
    assert "11 tasks added" in page and "My job" in page
    status, page = upload(client, "/workload/import/tasks", "tasks.json", data, format="taskwarrior")
    assert "0 tasks added" in page and "11 already here" in page


def test_a_bad_upload_names_the_record_and_changes_nothing(client: TestClient) -> None:
    _, page = upload(client, "/workload/import/tasks", "t.csv", b"title,importance\nok,3\nbad,9\n")
    assert "Nothing was changed" in page and "t.csv line 3: &#39;importance&#39; must be" in page
    assert 'action="/workload/import/tasks"' in page  # the form again
    run = client.get("/api/imports/tasks").json()
    assert run["state"] == "failed" and run["error"].startswith("t.csv line 3")
    assert client.get("/api/workload").json()["open_tasks"] == 0
    _, page = upload(client, "/workload/import/calendar", "c.ics", b"not a calendar")
    assert "c.ics: not an iCalendar file" in page
    empty = client.post("/workload/import/tasks", files={"file": ("e.csv", b"")}, data={"csrf_token": csrf(client)})
    assert empty.status_code == 400 and "e.csv: the file is empty" in empty.text  # refused before it starts


def test_uploading_a_calendar_shows_meeting_hours(client: TestClient) -> None:
    status, page = upload(client, "/workload/import/calendar", "cal.ics", (DATA / "calendar-outlook.ics").read_bytes())
    assert status == 303
    assert "4 events" in page and "Meetings take 5 hours of your next 4 weeks" in page
    assert "5 working days out" in page


def test_a_form_without_the_csrf_token_is_refused(client: TestClient) -> None:
    response = client.post("/workload/import/tasks", files={"file": ("t.csv", b"title\nx\n")})
    assert response.status_code == 403


def test_the_api_twin_takes_a_bearer_token(anonymous: TestClient) -> None:
    response = anonymous.post(
        "/api/workload/import/tasks",
        files={"file": ("plain.csv", (DATA / "tasks-plain.csv").read_bytes())},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200 and response.json()["added"] == 4
    response = anonymous.post(
        "/api/workload/import/tasks",
        files={"file": ("plain.csv", b"title,colour\nx,red\n")},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 400 and "unknown column 'colour'" in response.json()["error"]


def test_an_old_todoist_upload_says_what_short_dates_were_read_against(client: TestClient) -> None:
    data = (DATA / "Harbour Food Bank.csv").read_bytes()
    status, page = upload(client, "/workload/import/tasks", "Harbour Food Bank.csv", data)
    assert status == 303
    assert "the such day nearest 2024-01-15" in " ".join(page.split())
    assert "the latest full date in the file" in " ".join(page.split())


def test_the_form_takes_the_estimate_unit_and_shows_the_hours(client: TestClient) -> None:
    data = (DATA / "taskwarrior-minutes.json").read_bytes()
    assert 'name="estimate_unit"' in client.get("/workload/import").text
    status, page = upload(client, "/workload/import/tasks", "t.json", data, estimate_unit="minutes")
    assert status == 303
    assert "read as minutes) come to 4 hours of effort" in " ".join(page.split())
    response = client.post(
        "/api/workload/import/tasks",
        files={"file": ("t.json", data)},
        data={"estimate_unit": "minutes", "csrf_token": csrf(client)},
    )
    assert response.json()["estimated_hours"] == 4.0
