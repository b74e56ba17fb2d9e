"""The plate a screen at a time: the first screen comes at once, "Show more" brings the next (htmx, or a plain
link), the status filter pages the same way; the JSON twin keeps every block. And each page, read again after an
edit through the web, shows the edit (the pages are cached per state of the workload)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from onward.services import Services
from onward.workload.views import TASKS_PER_DUTY, TASKS_PER_SCREEN

from .conftest import csrf

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
DUTIES = 12  # 12 duties of 6 tasks: more than one screen
HTMX = {"HX-Request": "true"}


def own(client: TestClient) -> Services:
    csrf(client)
    services: Services = client.app.state.workspaces.get("own")  # type: ignore[attr-defined]
    return services


def fill(services: Services) -> None:
    workload = services.workload
    job = workload.duties.add_job("Coordinator")
    for d in range(DUTIES):
        duty = workload.duties.add_responsibility(job.id, f"Duty {d:02}")
        for t in range(TASKS_PER_DUTY):
            workload.tasks.add_task(f"Task {d:02}-{t}", responsibility_id=duty.id, effort_hours=1)
    for n in range(3):
        workload.tasks.add_task(f"Loose {n}", effort_hours=1)


def rows(html: str) -> list[str]:
    return re.findall(r'<tr data-task="\d+">\s*<td><a href="/workload/tasks/\d+">([^<]+)</a>', html)


def test_the_first_screen_then_show_more_until_the_whole_plate(client: TestClient) -> None:
    fill(own(client))
    first = client.get("/workload").text
    shown = rows(first)
    assert 0 < len(shown) <= TASKS_PER_SCREEN and shown[0] == "Task 00-0"
    assert 'hx-get="/workload/more?screen=1"' in first and "Show more duties" in first
    assert "Loose 0" not in first and "Add a job" in first  # the loose tasks come last; adding a job stays at hand
    seen, screen, fragment = list(shown), 1, first
    while 'hx-get="/workload/more?screen=' in fragment:
        fragment = client.get(f"/workload/more?screen={screen}", headers=HTMX).text
        assert "<html" not in fragment
        seen += rows(fragment)
        screen += 1
    expected = [f"Task {d:02}-{t}" for d in range(DUTIES) for t in range(TASKS_PER_DUTY)]
    assert seen == [*expected, "Loose 0", "Loose 1", "Loose 2"]
    # Without JavaScript, the link shows the screens so far plus one: here, the whole plate.
    assert rows(client.get(f"/workload?upto={screen - 1}").text) == seen
    # The JSON twin keeps every block, each with the screen it is on.
    plate = client.get("/api/workload").json()
    duties = plate["jobs"][0]["duties"]
    assert len(duties) == DUTIES and plate["screens"] == screen
    assert [d["screen"] for d in duties] == sorted(d["screen"] for d in duties)
    assert client.get("/workload/more?screen=-1").status_code == 400


def test_the_status_filter_pages_its_tasks_too(client: TestClient) -> None:
    services = own(client)
    fill(services)
    done = [t for t in services.workload.tasks.list_tasks() if t.title.startswith("Task 0")]
    for t in done:
        services.workload.tasks.set_status(t.id, "done")
    page = client.get("/workload?status=done").text
    listed = re.findall(r'<li><a href="/workload/tasks/\d+">([^<]+)</a>', page)
    assert len(listed) == TASKS_PER_SCREEN and f"{len(done) - TASKS_PER_SCREEN} more of {len(done)}" in page
    more = client.get("/workload/more?status=done&screen=1", headers=HTMX).text
    rest = re.findall(r'<li><a href="/workload/tasks/\d+">([^<]+)</a>', more)
    assert sorted(listed + rest) == sorted(t.title for t in done) and "Show more" not in more
    assert len(client.get("/api/workload?status=done").json()["filtered"]) == len(done)


def test_each_page_shows_an_edit_made_through_the_web(client: TestClient) -> None:
    services = own(client)
    token = csrf(client)
    job = services.workload.duties.add_job("Coordinator")
    duty = services.workload.duties.add_responsibility(job.id, "Reporting")
    for path in ("/workload", "/workload/load", "/workload/priorities", "/workload/drift"):
        client.get(path)  # read, and so cached, before the edit
    client.post("/workload/capture", data={"line": "Board report #reporting due:fri 30h !5", "csrf_token": token})
    assert rows(client.get("/workload").text) == ["Board report"]
    assert "Board report" in client.get("/workload/priorities").text
    assert client.get("/api/workload/load").json()["weeks"][0]["by_responsibility"] == {"Reporting": 30.0}
    task = services.workload.tasks.list_tasks()[0]
    client.post(f"/workload/tasks/{task.id}/status", data={"status": "done", "csrf_token": token})
    plate = client.get("/workload").text
    assert rows(plate) == [] and "Marked done: Board report" in plate  # off the plate, in the recent changes
    assert "Board report" not in client.get("/workload/priorities").text
    assert client.get("/api/workload/load").json()["weeks"][0]["hours_needed"] == 0
    client.post(
        "/workload/duties",
        data={"job_id": job.id, "name": "Rota", "origin": "temporary", "expected_end": "2026-01-01"}
        | {"csrf_token": token},
    )
    assert [d["name"] for d in client.get("/api/workload/drift").json()["temporary_overdue"]] == ["Rota"]
    assert duty.name == "Reporting"


def test_tasks_under_no_duty_say_waiting_and_overdue_and_how_many_are_left_out(client: TestClient) -> None:
    """The block of tasks under no duty is drawn like a duty's: the same badges, and the count it leaves out."""
    import datetime as dt

    services = own(client)
    tasks = services.workload.tasks
    today = services.workspace.today
    late = tasks.add_task("Send the late invoice", effort_hours=1, due=today - dt.timedelta(days=2))
    held = tasks.add_task("Hear back from the printer", effort_hours=1, importance=5, due=today + dt.timedelta(days=1))
    tasks.set_status(held.id, "waiting")
    for n in range(TASKS_PER_DUTY * 2):
        tasks.add_task(f"Loose {n:02}", effort_hours=1)
    page = client.get("/workload").text
    block = page[page.index("Not under a duty yet") :]

    def row(task_id: int) -> str:
        start = block.index(f'<tr data-task="{task_id}">')
        return block[start : block.index("</tr>", start)]

    assert "overdue" in row(late.id) and "waiting" in row(held.id)
    shown = len(re.findall(r'<tr data-task="\d+">', block))
    assert shown == TASKS_PER_DUTY * 2
    assert f"and {TASKS_PER_DUTY * 2 + 2 - shown} more, less urgent" in block


def test_a_task_without_an_estimate_says_so_and_is_counted(client: TestClient) -> None:
    """A task with no hours shows "no estimate" instead of 0, and the plate counts such tasks."""
    services = own(client)
    tasks = services.workload.tasks
    job = services.workload.duties.add_job("Coordinator")
    duty = services.workload.duties.add_responsibility(job.id, "Front desk")
    vague = tasks.add_task("Sort out the storeroom", responsibility_id=duty.id)
    loose = tasks.add_task("Think about the spring fair")
    sized = tasks.add_task("Cover the desk on Friday", responsibility_id=duty.id, effort_hours=3)
    page = client.get("/workload").text

    def hours_cell(task_id: int) -> str:
        start = page.index(f'<tr data-task="{task_id}">')
        return re.findall(r'<td class="num" data-label="Hours">(.*?)</td>', page[start : page.index("</tr>", start)])[0]

    assert "no estimate" in hours_cell(vague.id) and "no estimate" in hours_cell(loose.id)
    assert hours_cell(sized.id) == "3"
    assert "2 tasks have no estimate: the load is at least what is shown" in page


def test_a_recurring_task_at_risk_is_not_said_to_finish_in_a_far_week(client: TestClient) -> None:
    """A weekly task whose time this week cannot fit runs late that time, not until its last time in the span."""
    import datetime as dt

    services = own(client)
    services.workload.planning.set_capacity(weekly_hours=1)
    today = services.workspace.today
    check = services.workload.tasks.add_task(
        "Weekly rota check", due=today, effort_hours=3, importance=4, recurrence="weekly"
    )
    report = services.workload.tasks.add_task("Annual report", due=today + dt.timedelta(days=3), effort_hours=20)
    for path in ("/workload", "/workload/load"):
        page = client.get(path).text
        listed = page[page.index('data-testid="at-risk"') :]
        listed = listed[: listed.index("</ul>")]
        weekly = listed[listed.index(f'href="/workload/tasks/{check.id}"') :].split("</li>")[0]
        assert "then weekly: not every time it comes round fits before it is due" in weekly, path
        assert "would be done on" not in weekly
        other = listed[listed.index(f'href="/workload/tasks/{report.id}"') :].split("</li>")[0]
        assert "would be done on" in other or "does not fit in the weeks ahead" in other
