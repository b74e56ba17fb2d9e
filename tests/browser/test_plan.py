"""Alex makes a plan, applies it, sees it in the 1:1 report, and undoes it, in a real Chromium, on a desktop
and on a phone; each page passes axe and fits a phone."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from ..live_server import Server
from .test_pages import check_page, watch_console

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("size", list(SIZES))
def test_plan_apply_report_undo(browser: Any, server: Server, size: str) -> None:
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    errors = watch_console(page)
    page.goto(server.url)
    page.get_by_role("button", name="Open the demo workspace").first.click()
    expect(page.get_by_role("heading", name="Hello, Alex")).to_be_visible()

    page.goto(server.base + "/workload/handoff")
    expect(page.get_by_role("heading", name="Plan", level=1)).to_be_visible()
    expect(page.get_by_test_id("verdict")).to_be_visible()
    suggestions = page.get_by_test_id("suggestions").get_by_role("listitem")
    first_title = suggestions.first.get_by_test_id("suggestion-title").inner_text()
    assert suggestions.count() >= 1
    check_page(page, server, f"plan-{size}")

    page.get_by_role("button", name="Apply the ticked changes").click()
    notice = page.get_by_test_id("changed")
    expect(notice).to_contain_text("Applied the plan")
    expect(notice).to_contain_text(first_title)

    page.goto(server.base + "/workload/report")
    report = page.get_by_test_id("report")
    expect(report).to_contain_text("Already changed")
    expect(report).to_contain_text(first_title)
    # Ratings stay out unless Alex ticks the box.
    assert "skill" not in report.inner_text().lower()
    check_page(page, server, f"report-after-plan-{size}")
    page.get_by_label("Include how I rate my duties").check()
    page.get_by_role("button", name="Show the report with these").click()
    expect(page.get_by_test_id("report")).to_contain_text("How I rate my duties")

    page.goto(server.base + "/workload")
    recent = page.get_by_test_id("recent")
    recent.locator("summary").click()
    recent.get_by_role("button", name=re.compile("^Undo: Applied the plan")).click()
    expect(page.get_by_test_id("recent")).to_contain_text("undone")
    page.goto(server.base + "/workload/report")
    expect(page.get_by_test_id("report")).not_to_contain_text("Already changed")
    assert errors == []
    context.close()
