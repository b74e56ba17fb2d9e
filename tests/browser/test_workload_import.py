"""Bringing in a Taskwarrior export and a calendar through the upload page, in a real Chromium.

This module starts its own server over its own data folder: the uploads must not change the workspace
other browser tests look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..live_server import Server, live_server
from .conftest import HERE
from .test_pages import PHONE, check_page, watch_console

DATA = HERE.parent / "data"


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with live_server(tmp_path_factory.mktemp("onward-import-server"), ONWARD_TIMEZONE="America/New_York") as running:
        yield running


def test_uploading_a_taskwarrior_export_and_a_calendar(page: Page, own_server: Server) -> None:
    errors = watch_console(page)
    page.goto(own_server.url)
    page.goto(own_server.base + "/workload/import")
    expect(page.get_by_role("heading", name="Bring in your tasks and meetings")).to_be_visible()
    expect(page.get_by_text("No meetings yet in the next four weeks")).to_be_visible()
    check_page(page, own_server, "workload-import")

    page.get_by_label("Task file").set_input_files(DATA / "taskwarrior-2.6.json")
    page.get_by_role("button", name="Import tasks").click()
    result = page.get_by_test_id("tasks-result")
    expect(result).to_contain_text("11 tasks added")
    expect(result).to_contain_text("“My job”")
    check_page(page, own_server, "workload-import-tasks")

    page.get_by_label("Task file").set_input_files(DATA / "taskwarrior-2.6.json")
    page.get_by_label("Format").select_option("taskwarrior")
    page.get_by_role("button", name="Import tasks").click()
    expect(page.get_by_test_id("tasks-result")).to_contain_text("11 already here, unchanged")

    page.get_by_label("Calendar file").set_input_files(DATA / "calendar-google.ics")
    page.get_by_role("button", name="Import calendar").click()
    calendar = page.get_by_test_id("calendar-result")
    expect(calendar).to_contain_text("13 events")
    expect(calendar).to_contain_text("Meetings take 10.75 hours of your next 4 weeks")
    week = page.get_by_role("row", name=re.compile("2026-11-30"))
    expect(week.get_by_role("cell").nth(1)).to_have_text("7.25")
    check_page(page, own_server, "workload-import-calendar")
    assert errors == []

    broken = Path(own_server.data_dir.parent / "tasks.csv")
    broken.write_text("title,due\nWrite the report,2026-12-01\nCall Sam,fri?\n")
    page.get_by_label("Task file").set_input_files(broken)
    page.get_by_role("button", name="Import tasks").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Nothing was changed")
    expect(alert).to_contain_text("tasks.csv line 3: 'due' is not a date")
    check_page(page, own_server, "workload-import-error")
    assert errors == []  # the refused file comes back on the page (the import ran), not as an error status


def test_a_big_task_file_shows_its_progress_then_what_it_did(page: Page, tmp_path: Path) -> None:
    """100,000 tasks take a while: the page shows a progress bar it updates, then reloads to the result; at
    desktop width, then at a phone's (a second import of the same file, which adds nothing)."""
    from ..web.test_import_nonblocking import TASKS, taskwarrior_export

    export = tmp_path / "big.json"
    export.write_bytes(taskwarrior_export(TASKS))
    with live_server(tmp_path / "server") as big_server:
        errors = watch_console(page)
        page.goto(big_server.url)
        for width, outcome in ((None, f"{TASKS} tasks added"), (PHONE, f"{TASKS} already here, unchanged")):
            if width is not None:
                page.set_viewport_size(width)
            page.goto(big_server.base + "/workload/import")
            page.get_by_label("Task file").set_input_files(export)
            page.get_by_role("button", name="Import tasks").click()
            progress = page.get_by_test_id("import-progress")
            expect(progress).to_contain_text("Importing big.json")
            expect(progress.get_by_role("progressbar")).to_be_visible()
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"the progress is {overflow}px wider than the screen"
            expect(progress).to_contain_text(f"of {TASKS:,}", timeout=120_000)  # a count once the tasks are read
            page.screenshot(path=str(big_server.screenshots / f"import-progress-{'phone' if width else 'desktop'}.png"))
            expect(page.get_by_test_id("tasks-result")).to_contain_text(outcome, timeout=180_000)
            expect(progress).to_have_count(0)
        assert errors == []
