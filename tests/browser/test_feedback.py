"""Feedback in a real Chromium: ask five people, three answer from a phone-sized browser with no login, and the
results appear only after the third; a 1:1's agreements land on the plate."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from ..live_server import Server, live_server
from .test_pages import check_page, serious_accessibility_violations, watch_console

PHONE = {"width": 390, "height": 844}
PEOPLE = ("Jo Baptiste", "Sam Okafor <sam@example.org>", "Priya Shah", "Dee Morgan", "Tom Reyes")


@pytest.fixture(scope="module")
def feedback_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own: these tests fill the person's own workspace, which others expect empty."""
    with live_server(tmp_path_factory.mktemp("onward-feedback")) as running:
        yield running


def answer_on_a_phone(browser: Browser, link: str, server: Server, rating: str, words: str, shot: str) -> None:
    """Answer from a second browser that never signed in, at phone width."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        phone = context.new_page()
        errors = watch_console(phone)
        phone.goto(link)
        expect(phone.get_by_role("heading", name="How I handle my workload")).to_be_visible()
        expect(phone.get_by_test_id("privacy")).to_contain_text("never who")
        expect(phone.get_by_test_id("menu")).to_have_count(0)
        assert serious_accessibility_violations(phone) == [], "answer page: accessibility"
        assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        question = phone.get_by_role("group", name="1. Plans work realistically and meets the deadlines I agree to")
        question.get_by_label(rating).check()
        phone.get_by_label("5. What should I keep doing?").fill(words)
        phone.screenshot(path=str(server.screenshots / f"{shot}-phone.png"), full_page=True)
        phone.get_by_role("button", name="Send my answer").click()
        expect(phone.get_by_test_id("saved")).to_contain_text("your answer is saved")
        # Coming back to the same link shows the answer to edit; sending again replaces it.
        phone.goto(link)
        expect(phone.get_by_label("5. What should I keep doing?")).to_have_value(words)
        phone.get_by_role("button", name="Update my answer").click()
        expect(phone.get_by_test_id("saved")).to_contain_text("updated")
        assert errors == []
    finally:
        context.close()


def test_five_asked_three_answer_on_a_phone_and_results_appear_after_the_third(
    page: Page, browser: Browser, feedback_server: Server
) -> None:
    server = feedback_server
    errors = watch_console(page)
    page.goto(server.url)
    page.goto(server.base + "/feedback")
    check_page(page, server, "feedback")
    page.get_by_role("link", name="Ask for feedback").first.click()
    page.get_by_label("Title").fill("How I handle my workload")
    page.get_by_label("Your name, as they know you").fill("Alex")
    page.get_by_label("Whom to ask, one per line").fill("\n".join(PEOPLE))
    check_page(page, server, "feedback-new")
    page.get_by_role("button", name="Make the links").click()
    expect(page.get_by_role("heading", name="Send each person their link")).to_be_visible()
    links = [box.input_value() for box in page.get_by_test_id("link-url").all()]
    assert len(links) == 5 and len(set(links)) == 5
    check_page(page, server, "feedback-links")

    for number, (link, rating, words) in enumerate(
        zip(
            links[:3],
            ("3 · Often", "2 · Sometimes", "4 · Usually"),
            ("Keep the weekly update. It saves a meeting.", "Your workshops!", "Keep the weekly update going."),
            strict=True,
        ),
        start=1,
    ):
        answer_on_a_phone(page.context.browser or browser, link, server, rating, words, f"feedback-answer-{number}")
        page.goto(server.base + "/feedback/1")
        expect(page.get_by_test_id("answer-count")).to_have_text(f"{number} of 5")
        if number < 3:
            expect(page.get_by_test_id("waiting")).to_contain_text(f"{3 - number} to go")
            page.goto(server.base + "/feedback/1/results")
            expect(page.get_by_test_id("hidden")).to_be_visible()
            expect(page.get_by_test_id("rating-result")).to_have_count(0)
    check_page(page, server, "feedback-request")

    page.goto(server.base + "/feedback/1/results")
    first = page.get_by_test_id("rating-result").first
    expect(first.get_by_test_id("mean")).to_have_text("3.0")
    sentences = page.get_by_test_id("open-result").first.get_by_test_id("sentences")
    expect(sentences.get_by_role("listitem")).to_have_count(4)  # the first answer's two sentences, cut apart
    expect(page.get_by_test_id("theme").first).to_have_text("update")
    expect(page.get_by_text("Rate yourself on the same questions")).to_be_visible()  # open until you have
    page.get_by_label("Plans work realistically and meets the deadlines I agree to").select_option("4")
    page.get_by_role("button", name="Save my ratings").click()
    expect(first.get_by_test_id("self")).to_have_text("4")
    check_page(page, server, "feedback-results")

    # Withdrawn: the links stop working.
    page.goto(server.base + "/feedback/1")
    page.get_by_role("button", name="Withdraw all links").click()
    expect(page.get_by_test_id("status")).to_have_text("revoked")
    stranger = browser.new_context(viewport=PHONE)
    try:
        gone = stranger.new_page()
        response = gone.goto(links[3])
        assert response is not None and response.status == 404
        expect(gone.get_by_role("heading", name="This link does not work")).to_be_visible()
    finally:
        stranger.close()
    assert errors == []


def test_a_one_on_one_turns_agreements_into_tasks(page: Page, feedback_server: Server) -> None:
    server = feedback_server
    errors = watch_console(page)
    page.goto(server.url)
    page.goto(server.base + "/feedback/meetings")
    page.get_by_label("With").fill("Morgan")
    page.get_by_label("Concerns raised, one per line").fill("Grant work in the evenings")
    page.get_by_label("What was agreed, one per line").fill(
        "Hand the volunteer rota to Jo\nAgree an end date for grants"
    )
    page.get_by_label("Next 1:1").fill("2026-12-14")
    page.get_by_label("Attach the one-page workload report as it stands today").check()
    page.get_by_role("button", name="Save the 1:1").click()
    meeting = page.get_by_test_id("meeting").first
    expect(meeting.get_by_test_id("agreements").get_by_role("listitem")).to_have_count(2)
    expect(page.get_by_test_id("next-meeting")).to_contain_text("14 December 2026")
    expect(meeting.get_by_test_id("attached-report")).to_be_visible()
    check_page(page, server, "feedback-meetings")
    meeting.get_by_role("link", name="Hand the volunteer rota to Jo").click()
    expect(page.get_by_role("heading", name="Hand the volunteer rota to Jo")).to_be_visible()
    assert errors == []


def test_the_demo_feedback_pages_read_well_at_both_widths(page: Page, feedback_server: Server) -> None:
    server = feedback_server
    errors = watch_console(page)
    page.goto(server.url)
    page.get_by_role("button", name="Open the demo workspace").first.click()
    expect(page.get_by_role("heading", name="Hello, Alex")).to_be_visible()
    page.goto(server.base + "/feedback")
    closed = page.get_by_test_id("request").filter(has_text="How I handle my workload")
    expect(closed.get_by_test_id("answer-count")).to_have_text("5 of 5 answered")
    check_page(page, server, "demo-feedback")
    closed.get_by_role("link", name="See the results").click()
    expect(page.get_by_test_id("rating-result")).to_have_count(3)
    expect(page.get_by_test_id("self").first).to_have_text("4")
    check_page(page, server, "demo-feedback-results")
    page.goto(server.base + "/feedback/meetings")
    expect(page.get_by_test_id("meeting")).to_have_count(2)
    expect(page.get_by_test_id("attached-report")).to_have_count(1)
    check_page(page, server, "demo-feedback-meetings")
    # The demo's contacts, long e-mail addresses and all, beside their checkboxes: wrapped, not sideways.
    page.goto(server.base + "/feedback/new")
    expect(page.get_by_role("checkbox", name="Aisha Rahman aisha.rahman@brightfutures.example")).to_be_visible()
    check_page(page, server, "demo-feedback-new")
    page.get_by_role("button", name="Back to my own workspace").click()
    assert errors == []
