"""Alex pastes a job posting and sees it ranked with its reasons; occupations that fit, in a real Chromium."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from ..live_server import Server
from .test_pages import check_page, watch_console


def test_pasting_a_posting_shows_it_ranked_with_its_explanation(browser: Any, server: Server) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors = watch_console(page)
    page.goto(server.url)
    page.get_by_role("button", name="Open the demo workspace").click()
    expect(page.get_by_role("heading", name="Hello, Alex")).to_be_visible()

    page.goto(server.base + "/fit/postings")
    expect(page.get_by_role("heading", name="Job postings", exact=True)).to_be_visible()
    check_page(page, server, "fit-postings")
    page.get_by_label("Posting text").fill(
        "Community Literacy Lead\n"
        "- Plan and lead evening literacy workshops for adult learners\n"
        "- Train and coach our volunteer tutors\n"
    )
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_role("status").filter(has_text="Imported: 1 added")).to_be_visible()
    ranked = page.get_by_test_id("postings").get_by_role("listitem").filter(has_text="Community Literacy Lead").first
    expect(ranked).to_be_visible()
    expect(ranked).to_contain_text("like what you love")

    page.get_by_label("You would rather").select_option("focus")
    page.get_by_role("button", name="Rank again").click()
    office = page.get_by_test_id("postings").locator("li.card").filter(has_text="Office Manager")
    expect(office).to_contain_text("wear many hats")
    check_page(page, server, "fit-postings-ranked")

    page.goto(server.base + "/fit/occupations")
    expect(page.get_by_test_id("method")).to_be_visible()
    expect(page.get_by_test_id("occupations").locator("li.card").first).to_contain_text("Their task:")
    check_page(page, server, "fit-occupations")
    assert errors == []
    context.close()
