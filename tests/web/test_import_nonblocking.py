"""A big upload never holds up the server: the import runs in the background (onward.web.imports) while
other requests are answered, its page shows how far it is, then what it did."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import httpx
import pytest

from ..live_server import live_server

TASKS = 100_000


def taskwarrior_export(count: int) -> bytes:
    """A `task export` of `count` pending tasks over a few projects, as Taskwarrior 2.6 writes it."""
    tasks = [
        {
            "id": number,
            "uuid": str(uuid.UUID(int=number)),
            "description": f"Follow up on item {number}",
            "status": "pending",
            "entry": "20240102T090000Z",
            "modified": "20240102T090000Z",
            "project": f"project{number % 40}",
            "urgency": 1.0,
        }
        for number in range(1, count + 1)
    ]
    return json.dumps(tasks).encode()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_health_answers_while_a_big_task_import_runs_and_the_page_shows_it_done(tmp_path: Path, db_url: str) -> None:
    data = taskwarrior_export(TASKS)
    with (
        live_server(tmp_path / "server", ONWARD_DATABASE_URL=db_url) as server,
        httpx.Client(base_url=server.base, timeout=120) as browser,
    ):
        assert browser.get(server.url, follow_redirects=False).status_code == 303
        browser.get("/workload/import")
        form = {"csrf_token": browser.cookies["onward_csrf"]}
        started = browser.post(
            "/workload/import/tasks", data=form, files={"file": ("tasks.json", data)}, follow_redirects=False
        )
        assert started.status_code == 303 and started.headers["location"] == "/workload/import#import-tasks"
        page = browser.get("/workload/import").text
        assert 'data-testid="import-progress"' in page and "Importing tasks.json" in page
        assert 'href="/workload/import#import-tasks">See how far it is</a>' in page  # without JavaScript

        seen: list[tuple[str, int, int]] = []
        health_checks = 0
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            run = browser.get("/api/imports/tasks").json()
            if not run["running"]:
                break
            seen.append((run["state"], run["done"], run["total"]))
            # The import holds a thread, not the server: health answers at once (2 s is a loose bound).
            assert httpx.get(f"{server.base}/api/health", timeout=2).json() == {"ok": True}
            health_checks += 1
            time.sleep(0.1)
        assert run["state"] == "ready", run
        assert health_checks >= 3, "the import ended before the server was asked anything"
        assert any(state == "saving" and total == TASKS and done > 0 for state, done, total in seen), seen

        page = " ".join(browser.get("/workload/import").text.split())
        assert f"{TASKS} tasks added" in page and "tasks.json is in" in page
        assert 'data-testid="import-progress"' not in page
