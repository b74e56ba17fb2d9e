"""The first page's Today list gathers each domain's due and overdue things through its registry record."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from onward.services import Services


def test_overdue_and_due_today_tasks_are_listed_on_the_first_page(services: Services, client: TestClient) -> None:
    today = services.today
    services.workload.tasks.add_task("Send the rota", due=today - dt.timedelta(days=2), effort_hours=1)
    services.workload.tasks.add_task("Book the room", due=today, effort_hours=1)
    services.workload.tasks.add_task("Plan the retreat", due=today + dt.timedelta(days=9), effort_hours=3)

    # Other parts add their own lines (well-being's "Check in today?"); these are workload's.
    items = [item for item in services.today_items() if item.domain == "workload"]
    assert [(item.title, item.detail) for item in items] == [
        ("Send the rota", "2 days overdue"),
        ("Book the room", "due today"),
    ]
    data = client.get("/api/home").json()
    assert [item["title"] for item in data["due"] if item["domain"] == "workload"] == ["Send the rota", "Book the room"]
    assert "Plan the retreat" not in client.get("/").text
