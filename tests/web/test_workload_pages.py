"""Workload pages in-process: every page and its JSON twin, the quick-capture box, forms and their errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .conftest import csrf

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

PAGES = [
    "/workload",
    "/workload/load",
    "/workload/priorities",
    "/workload/drift",
    "/workload/mistakes",
    "/workload/capacity",
    "/workload/handoff",
]


def open_demo(client: TestClient) -> str:
    token = csrf(client)
    assert client.post("/workspace/demo", data={"csrf_token": token}).status_code == 200
    return token


def test_every_workload_page_and_its_json_twin(client: TestClient) -> None:
    open_demo(client)
    for path in PAGES:
        page = client.get(path)
        assert page.status_code == 200, path
        assert "Workload" in page.text and '<nav aria-label="Workload"' in page.text
        twin = client.get("/api" + path)
        assert twin.status_code == 200, path
    plate = client.get("/api/workload").json()
    assert plate["weeks_over"] >= 2 and plate["open_tasks"] > 20
    load = client.get("/api/workload/load?weeks=4").json()
    assert len(load["weeks"]) == 4 and load["load_chart"]["labels"][0] == "Nov 30"
    assert "How the hours are spread" in client.get("/workload/load").text
    priorities = client.get("/api/workload/priorities?quadrant=do").json()
    assert priorities["tasks"] and all(t["quadrant"] == "do" for t in priorities["tasks"])
    assert {t["term"] for t in priorities["tasks"][0]["urgency_terms"]} >= {"due", "importance"}
    drift = client.get("/api/workload/drift").json()
    assert drift["temporary_overdue"][0]["name"] == "Grant reporting"
    assert "meant to end" in client.get("/workload/drift").text
    handoff = client.get("/api/workload/handoff").json()
    assert handoff["feasible"] and any(
        s["action"] == "hand_off" and s["colleague"] == "Jo" for s in handoff["suggestions"]
    )


def test_quick_capture_with_htmx_refreshes_the_plate(client: TestClient) -> None:
    token = open_demo(client)
    response = client.post(
        "/workload/capture",
        data={"line": "Draft grant report #grants due:fri 3h !4", "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.text.startswith('<div id="plate">')  # the fragment, not a whole page
    assert "Added “Draft grant report” to Grant reporting, due 2026-12-04" in response.text
    bad = client.post(
        "/workload/capture", data={"line": "Payroll #payroll", "csrf_token": token}, headers={"HX-Request": "true"}
    )
    assert bad.status_code == 200 and "#payroll does not match" in bad.text and 'value="Payroll #payroll"' in bad.text
    # Without htmx the form still works: redirect back to the plate, or the plate again with the line as typed.
    plain = client.post("/workload/capture", data={"line": "Call Jo", "csrf_token": token}, follow_redirects=False)
    assert plain.status_code == 303
    again = client.post("/workload/capture", data={"line": "x #nope", "csrf_token": token})
    assert again.status_code == 400 and "<h1>Your plate</h1>" in again.text
    assert "#nope does not match" in again.text and 'value="x #nope"' in again.text


def test_a_task_edited_to_no_title_comes_back_with_the_message_beside_the_title(client: TestClient) -> None:
    token = open_demo(client)
    task = client.get("/api/workload/priorities").json()["tasks"][0]
    typed = {"title": "  ", "due": "2027-01-05", "csrf_token": token}
    edited = client.post(f"/workload/tasks/{task['id']}", data=typed)
    assert edited.status_code == 400 and "Field required" not in edited.text
    beside = edited.text[edited.text.index('id="t-title"') :]
    assert "title is needed" in beside[: beside.index("<label")] and 'value="2027-01-05"' in edited.text


def test_a_new_person_sets_up_their_plate_with_forms(client: TestClient) -> None:
    token = csrf(client)
    client.post("/workspace/own", data={"csrf_token": token})
    assert "Start with the job you hold now" in client.get("/workload").text
    client.post("/workload/jobs", data={"title": "Coordinator", "employer": "Riverside", "csrf_token": token})
    job_id = client.get("/api/workload").json()["jobs"][0]["job"]["id"]
    client.post(
        "/workload/duties",
        data={"job_id": job_id, "name": "Grant reporting", "origin": "temporary", "expected_end": "2026-07-01",
              "csrf_token": token},
    )  # fmt: skip
    client.post("/workload/capacity", data={"weekly_hours": "30", "day_fri": "0", "csrf_token": token})
    capacity = client.get("/api/workload/capacity").json()["capacity"]
    assert capacity["weekly_hours"] == 30 and capacity["day_hours"]["fri"] == 0 and capacity["day_hours"]["mon"] == 7.5
    client.post("/workload/capacity/exceptions", data={"first_day": "2026-12-24", "note": "Leave", "csrf_token": token})
    client.post("/workload/colleagues", data={"name": "Jo", "weekly_limit_hours": "6", "csrf_token": token})
    client.post("/workload/capture", data={"line": "Final report #grants due:fri 40h !5", "csrf_token": token})
    plate = client.get("/workload").text
    assert "Final report" in plate and "temporary, meant to end 2026-07-01" in plate
    assert "1 of the next 8 weeks need more hours than you have" in plate

    task_id = client.get("/api/workload/priorities").json()["tasks"][0]["id"]
    client.post(f"/workload/tasks/{task_id}/checklist", data={"items": "numbers\nsignature\n", "csrf_token": token})
    client.post(f"/workload/tasks/{task_id}/tick/1", data={"done": "true", "csrf_token": token})
    task = client.get(f"/api/workload/tasks/{task_id}").json()["task"]
    assert [(i["text"], i["done"]) for i in task["checklist"]] == [("numbers", False), ("signature", True)]
    client.post(
        f"/workload/tasks/{task_id}",
        data={"title": "Final grant report", "due": "2026-12-11", "effort_hours": "40", "remaining_hours": "20",
              "importance": "5", "recurrence": "", "csrf_token": token},
    )  # fmt: skip
    task = client.get(f"/api/workload/tasks/{task_id}").json()["task"]
    assert (task["title"], task["remaining_hours"], task["due"]) == ("Final grant report", 20, "2026-12-11")

    client.post(f"/workload/tasks/{task_id}/lock", data={"locked": "true", "csrf_token": token})
    assert client.get(f"/api/workload/tasks/{task_id}").json()["task"]["locked"] is True
    response = client.post(
        f"/workload/tasks/{task_id}/status",
        data={"status": "handed_off", "handed_to": "Jo", "next": "https://example.org/", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.headers["location"].startswith("/workload?changed=")  # never sent off-site
    assert client.get(f"/api/workload/tasks/{task_id}").json()["task"]["handed_to"] == "Jo"


def test_logging_a_mistake_on_a_recurring_task_offers_a_checklist(client: TestClient) -> None:
    token = open_demo(client)
    rota = next(
        t for t in client.get("/api/workload/mistakes").json()["tasks"] if t["title"] == "December volunteer rota"
    )
    response = client.post(
        "/workload/mistakes",
        data={"what_happened": "Wrong dates on the rota", "cause": "rushed", "task_id": rota["id"],
              "lesson": "Check twice", "csrf_token": token},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Logged." in response.text and "Add a checklist to it" in response.text
    assert f'href="/workload/tasks/{rota["id"]}#checklist"' in response.text
    bad = client.post("/workload/mistakes", data={"what_happened": "x", "cause": "tired", "csrf_token": token})
    assert bad.status_code == 400 and "cause must be one of" in bad.text


def test_applying_a_suggestion_takes_it_off_the_plate_and_undo_puts_it_back(client: TestClient) -> None:
    token = open_demo(client)
    suggestion = next(s for s in client.get("/api/workload/handoff").json()["suggestions"] if s["action"] == "hand_off")
    before = client.get(f"/api/workload/tasks/{suggestion['id']}").json()["task"]
    response = client.post(
        "/workload/handoff/apply", data={"task_id": suggestion["id"], "csrf_token": token}, follow_redirects=False
    )
    location = response.headers["location"]
    assert response.status_code == 303 and "changed=" in location
    page = client.get(location).text
    assert "Applied the plan" in page and ">Undo</button>" in page
    task = client.get(f"/api/workload/tasks/{suggestion['id']}").json()["task"]
    handed = client.get("/api/workload?status=handed_off").json()["filtered"]
    if suggestion["handed_hours"] < suggestion["hours"]:  # a part goes to Jo, the rest stays with the person
        assert (
            task["status"] == "open"
            and task["remaining_hours"] == before["remaining_hours"] - suggestion["handed_hours"]
        )
        assert any(t["handed_to"] == "Jo" and t["title"].startswith(before["title"]) for t in handed)
    else:
        assert (task["status"], task["handed_to"]) == ("handed_off", "Jo")
    change_id = int(location.split("changed=")[1])
    client.post("/workload/undo", data={"change_id": change_id, "next": "/workload", "csrf_token": token})
    assert client.get(f"/api/workload/tasks/{suggestion['id']}").json()["task"] == before
    assert client.get("/api/workload?status=handed_off").json()["filtered"] == []
    other = client.get("/api/workload/handoff").json()["suggestions"][0]
    client.post(f"/workload/tasks/{other['id']}/lock", data={"locked": "true", "csrf_token": token})
    after = client.get("/api/workload/handoff").json()
    assert other["id"] not in {s["id"] for s in after["suggestions"]}
    assert other["id"] in {t["id"] for t in after["locked"]}


def test_dropping_work_that_matters_asks_first(client: TestClient) -> None:
    token = open_demo(client)
    task = next(t for t in client.get("/api/workload/priorities").json()["tasks"] if t["importance"] >= 4)
    response = client.post(f"/workload/tasks/{task['id']}/status", data={"status": "dropped", "csrf_token": token})
    assert response.status_code == 200 and "Yes, drop it" in response.text and "it matters" in response.text
    assert client.get(f"/api/workload/tasks/{task['id']}").json()["task"]["status"] == "open"
    client.post(
        f"/workload/tasks/{task['id']}/status", data={"status": "dropped", "confirm": "yes", "csrf_token": token}
    )
    assert client.get(f"/api/workload/tasks/{task['id']}").json()["task"]["status"] == "dropped"
    plate = client.get("/workload?status=dropped").text
    assert task["title"] in plate and "Recently changed" in plate


def test_a_job_or_duty_form_that_does_not_go_through_comes_back_as_typed(client: TestClient) -> None:
    token = open_demo(client)
    response = client.post(
        "/workload/jobs",
        data={"title": " ", "employer": "Northside Centre", "start_date": "2026-02-30", "csrf_token": token},
    )
    assert response.status_code == 400
    page = response.text
    assert 'value="Northside Centre"' in page and 'value="2026-02-30"' in page
    assert 'id="job-start_date-error"' in page and "is not a date" in page and "Field required" not in page
    response = client.post("/workload/jobs", data={"title": "", "employer": "Northside", "csrf_token": token})
    assert response.status_code == 400 and 'id="job-title-error">Job title is needed<' in response.text
    job_id = client.get("/api/workload").json()["jobs"][0]["job"]["id"]
    response = client.post("/workload/duties", data={"job_id": job_id, "name": "", "csrf_token": token})
    assert response.status_code == 400 and f'id="duty-{job_id}-name-error">Duty name is needed<' in response.text
