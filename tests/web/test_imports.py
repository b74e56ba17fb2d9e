"""The one mechanism behind every import form (onward.web.imports): progress, outcome, one at a time."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from onward.background import Reporter
from onward.errors import BadInput
from onward.services import Services
from onward.web.imports import imports_of

from .conftest import wait_for_import

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _services(client: TestClient) -> Services:
    services: Services = client.app.state.workspaces.get("own")  # type: ignore[attr-defined]
    return services


def test_progress_then_outcome_and_one_import_at_a_time(client: TestClient) -> None:
    halfway, finish = threading.Event(), threading.Event()

    def work(reporter: Reporter) -> dict[str, int]:
        reporter.step("saving", done=0, total=200)
        reporter.advance(50)
        halfway.set()
        finish.wait(30)
        return {"added": 200}

    imports = imports_of(_services(client))
    imports.start("tasks", "big.json", work, page="/workload/import", steps={"saving": "Saving the tasks"})
    assert halfway.wait(30)
    run = client.get("/api/imports/tasks").json()
    assert (run["state"], run["step"], run["done"], run["total"], run["percent"]) == (
        "saving",
        "Saving the tasks",
        50,
        200,
        25,
    )
    fragment = client.get("/imports/tasks/status", headers={"hx-request": "true"})
    assert "Importing big.json: Saving the tasks, 50 of 200 (25%)" in fragment.text
    assert 'hx-trigger="every 1s"' in fragment.text and "HX-Refresh" not in fragment.headers
    assert "Importing big.json" in client.get("/workload/import").text

    with pytest.raises(BadInput, match=r"the import of big\.json is still under way"):
        imports.start("calendar", "cal.ics", lambda reporter: None, page="/workload/import")
    refused = client.post(
        "/workload/import/calendar",
        files={"file": ("cal.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")},
        data={"csrf_token": str(client.cookies.get("onward_csrf"))},
    )
    assert refused.status_code == 400 and "the import of big.json is still under way" in refused.text

    finish.set()
    run = wait_for_import(client, "tasks")
    assert run["state"] == "ready" and run["percent"] == 100 and run["result"] == {"added": 200}
    over = client.get("/imports/tasks/status", headers={"hx-request": "true"})
    assert over.headers["HX-Refresh"] == "true"  # the page reloads to show what the import did


def test_a_fault_is_a_failed_import_that_says_nothing_changed(client: TestClient) -> None:
    def work(reporter: Reporter) -> None:
        raise RuntimeError("disk on fire")

    imports_of(_services(client)).start("contacts", "people.vcf", work, page="/network/import")
    run = wait_for_import(client, "contacts")
    assert run["state"] == "failed"
    assert run["error"] == "something went wrong (disk on fire); nothing was changed"
    assert "Nothing was imported: something went wrong" in client.get("/network/import").text
    assert client.get("/api/imports/journal").status_code == 404
