"""Alex's workload pages in a real Chromium: capture a task with the quick-capture box, see it on the plate and in
the load chart without a page reload; log a mistake and add the checklist it offers; every page passes axe and
fits a phone."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from ..live_server import Server
from .test_pages import check_page, slug, watch_console

WORKLOAD_PAGES = [
    "/workload",
    "/workload/load",
    "/workload/priorities",
    "/workload/drift",
    "/workload/handoff",
    "/workload/report",
    "/workload/mistakes",
    "/workload/capacity",
]


def open_demo(browser: Any, server: Server) -> tuple[Any, Page, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = watch_console(page)
    page.goto(server.url)
    page.get_by_role("button", name="Open the demo workspace").first.click()
    expect(page.get_by_role("heading", name="Hello, Alex")).to_be_visible()
    return context, page, errors


def grant_hours_this_week(page: Page) -> float:
    """Return the Grant reporting hours of the first week, read from the load chart's bar."""
    titles = page.get_by_test_id("load-chart").locator("rect > title").all_text_contents()
    found = [t for t in titles if t.startswith("Grant reporting, Nov 30:")]
    return float(found[0].rsplit(":", 1)[1]) if found else 0.0


def test_quick_capture_shows_the_task_on_the_plate_and_in_the_load_chart(browser: Any, server: Server) -> None:
    context, page, errors = open_demo(browser, server)
    page.get_by_test_id("menu").get_by_role("link", name="Workload").click()
    expect(page.get_by_role("heading", name="Your plate", level=1)).to_be_visible()
    before = grant_hours_this_week(page)
    page.evaluate("window.__stillTheSamePage = true")

    page.get_by_label("Add a task in one line").fill("Draft grant report #grants due:fri 3h !4")
    page.get_by_role("button", name="Add", exact=True).click()

    expect(page.locator("main").get_by_role("status")).to_contain_text("Added “Draft grant report” to Grant reporting")
    grants = page.locator("section.duty", has=page.get_by_role("heading", name=re.compile("^Grant reporting")))
    row = grants.get_by_role("row", name=re.compile("Draft grant report"))
    expect(row).to_be_visible()
    expect(row).to_contain_text("2026-12-04")
    assert grant_hours_this_week(page) == before + 3  # due Friday: all three hours land this week
    assert page.evaluate("window.__stillTheSamePage") is True  # htmx swapped the plate; no reload
    expect(page.get_by_label("Add a task in one line")).to_have_value("")

    page.get_by_label("Add a task in one line").fill("Run payroll #payroll 2h")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("#payroll does not match any of your responsibilities")
    expect(page.get_by_label("Add a task in one line")).to_have_value("Run payroll #payroll 2h")

    row.get_by_role("button", name="Done: Draft grant report").click()
    expect(grants.get_by_role("row", name=re.compile("Draft grant report"))).to_have_count(0)
    assert grant_hours_this_week(page) == before
    assert errors == []
    context.close()


def test_a_mistake_on_a_recurring_task_leads_to_a_checklist(browser: Any, server: Server) -> None:
    context, page, errors = open_demo(browser, server)
    page.goto(server.base + "/workload/mistakes")
    page.get_by_label("What happened").fill("Put last month's dates on the rota")
    page.get_by_label("On which task").select_option(label="December volunteer rota (monthly)")
    page.get_by_label("What led to it").select_option("rushed")
    page.get_by_label("What would help next time").fill("Check the dates against the calendar")
    page.get_by_role("button", name="Log it").click()
    expect(page.locator("main").get_by_role("status")).to_contain_text("comes back regularly")
    page.get_by_role("link", name="Add a checklist to it").click()
    expect(page.get_by_role("heading", name="December volunteer rota", level=1)).to_be_visible()
    page.get_by_label("Steps, one per line").fill("Check absences\nCheck the dates\nSend to volunteers")
    page.get_by_role("button", name="Save the checklist").click()
    expect(page.get_by_role("button", name="☐ Check the dates")).to_be_visible()
    page.get_by_role("button", name="☐ Check the dates").click()
    expect(page.get_by_role("button", name="☑ Check the dates")).to_be_visible()
    assert errors == []
    context.close()


def test_every_workload_page_is_accessible_and_fits_a_phone(browser: Any, server: Server) -> None:
    context, page, errors = open_demo(browser, server)
    for path in WORKLOAD_PAGES:
        response = page.goto(server.base + path)
        assert response is not None and response.status == 200, path
        check_page(page, server, slug(path))
    page.goto(server.base + "/workload/priorities")
    page.get_by_role("link", name=re.compile("^Lead Tuesday")).first.click()
    check_page(page, server, "workload-task")
    assert errors == []
    context.close()


def test_on_a_phone_the_charts_read_as_tables(browser: Any, server: Server) -> None:
    """The load chart's 11px text would be drawn at half size on a phone: its numbers come as a table there,
    and on a wide screen the picture is enough."""
    context, page, errors = open_demo(browser, server)
    page.goto(server.base + "/workload/load")
    tables = page.locator(".chart-table")
    expect(tables).to_have_count(2)  # the load chart's and the ratio chart's
    expect(tables.first).to_be_hidden()
    page.set_viewport_size({"width": 390, "height": 844})
    expect(tables.first).to_be_visible()
    table = tables.first.get_by_role("table")
    expect(table.get_by_role("columnheader", name="Hours you have")).to_be_visible()
    expect(table.get_by_role("rowheader").first).to_have_text("Nov 30")
    # The table scrolls inside its box; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert not errors
    context.close()


def test_on_a_phone_each_task_of_the_plate_is_a_card_with_its_buttons_in_view(browser: Any, server: Server) -> None:
    """At 390 px a task's row reads as a card: its title, then due, hours and urgency, then its buttons, all
    inside the screen's width (they were off to the side of a scrolling table)."""
    context, page, errors = open_demo(browser, server)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.base + "/workload")
    row = page.locator(".task-table tbody tr").first
    done = row.get_by_role("button", name=re.compile("^Done: "))
    expect(done).to_be_visible()
    box = done.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    due = row.locator('td[data-label="Due"]')
    expect(due).to_contain_text("2026-")
    assert due.evaluate("cell => getComputedStyle(cell, '::before').content") == '"Due "'  # each cell says what it is
    title = row.locator("td").first.bounding_box()
    assert title is not None and title["y"] < box["y"]  # the title on its own line, the buttons below
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})  # a wide screen keeps the table with its headers
    expect(page.locator(".task-table thead th").first).to_have_text("Task")
    assert not errors
    context.close()


def test_a_big_plate_comes_a_screen_at_a_time_and_shows_edits_from_the_terminal(
    browser: Any, tmp_path_factory: Any
) -> None:
    """Twelve duties of six tasks: the first screen, then "Show more duties" swaps in the next without a reload, at
    desktop and phone widths; a task added by another process while the server runs is on the plate at once."""
    from onward.services import Services
    from onward.settings import Settings
    from onward.workload.views import TASKS_PER_SCREEN

    from ..conftest import TEST_CACHE_DIR, TODAY
    from ..live_server import live_server

    root = tmp_path_factory.mktemp("big-plate")
    settings = Settings(data_dir=root / "data", today=TODAY, open_browser=False, cache_dir=TEST_CACHE_DIR)
    services = Services.local(settings)
    job = services.workload.duties.add_job("Coordinator")
    for d in range(12):
        duty = services.workload.duties.add_responsibility(job.id, f"Duty {d:02}")
        for t in range(6):
            services.workload.tasks.add_task(f"Task {d:02}-{t}", responsibility_id=duty.id, effort_hours=1)
    with live_server(root) as server:
        for width, height in ((1280, 900), (390, 844)):
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            errors = watch_console(page)
            page.goto(server.url)
            page.goto(server.base + "/workload")
            rows = page.locator("tr[data-task]")
            first = rows.count()
            assert 0 < first <= TASKS_PER_SCREEN
            page.evaluate("window.__stillTheSamePage = true")
            more = page.get_by_role("link", name="Show more duties")
            for screen in range(2, -(-72 // first) + 1):
                shown = rows.count()
                more.click()
                expect(rows).not_to_have_count(shown)
                assert screen < 5
            expect(rows).to_have_count(72)
            expect(page.get_by_role("heading", name=re.compile("^Duty 11"))).to_be_visible()
            expect(page.get_by_role("link", name="Show more duties")).to_have_count(0)
            assert page.evaluate("window.__stillTheSamePage") is True
            if width > 1000:
                check_page(page, server, "workload-big-plate")  # axe, and no sideways scrolling on a phone
            else:
                assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
            assert errors == []
            context.close()
        services.workload.tasks.add_task("Added in the terminal", responsibility_id=duty.id, importance=5)
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        page.goto(server.base + "/workload?upto=9")  # every screen
        expect(page.get_by_role("row", name=re.compile("Added in the terminal"))).to_be_visible()
        context.close()
    services.store.dispose()
