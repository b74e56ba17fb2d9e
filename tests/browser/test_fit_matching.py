"""Alex pastes a job posting and sees it ranked with its reasons; occupations that fit, in a real Chromium."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from onward.fit.matching.index import METHOD_LABELS

from ..live_server import Server
from .test_pages import check_page, watch_console


def test_occupations_come_by_words_at_once_then_by_meaning_without_a_reload(browser: Any, fresh_server: Server) -> None:
    server = fresh_server
    context = browser.new_context()
    page = context.new_page()
    errors = watch_console(page)
    page.goto(server.url)
    page.goto(server.base + "/fit/occupations?tasks=Teach+adults+to+read%0ATrain+volunteer+tutors")
    notice = page.get_by_test_id("matching-status")
    expect(notice).to_contain_text("Matched by words only for now — matching by meaning is getting ready")
    expect(page.get_by_test_id("method")).to_have_text(METHOD_LABELS["bm25"])
    expect(page.get_by_test_id("occupations").locator("li.card").first).to_contain_text("Their task:")
    check_page(page, server, "fit-occupations-preparing")
    page.get_by_text("Try other tasks").click()
    typed = page.get_by_label("Tasks you love, one per line")
    typed.fill("Keep the books")  # typed while it gets ready: the swap must leave it be

    # The notice polls; once ready it swaps in the results by meaning (loading the model takes a while).
    expect(page.get_by_test_id("method")).to_have_text(METHOD_LABELS["hybrid"], timeout=300_000)
    expect(notice).to_have_count(0)
    expect(typed).to_have_value("Keep the books")
    assert errors == []
    context.close()


def test_pasting_a_posting_shows_it_ranked_with_its_explanation(browser: Any, matching_server: Server) -> None:
    server = matching_server
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
