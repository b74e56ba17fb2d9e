"""Well-being in a real Chromium, at desktop and phone widths: the check-in is one short form, the questionnaires
score as published and say they are not a diagnosis, and a low point brings one calm, dismissible note."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from ..live_server import Server, live_server
from .test_pages import check_page, watch_console

PHONE_390 = {"width": 390, "height": 844}
PAGES = (
    "/wellbeing",
    "/wellbeing/trends",
    "/wellbeing/trends?years=all",
    "/wellbeing/survey/cbi",
    "/wellbeing/survey/who5",
)
HELP_LINE = "Riverside's assistance programme listens, day or night: 0800 555 0100."


def open_demo(page: Page, server: Server) -> None:
    page.goto(server.url)
    page.get_by_role("button", name="Open the demo workspace").first.click()
    expect(page.get_by_role("heading", name="Hello, Alex")).to_be_visible()


def fits_390(page: Page, name: str) -> None:
    page.set_viewport_size(PHONE_390)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{name}: {overflow}px wider than a 390 px phone"
    page.set_viewport_size({"width": 1280, "height": 900})


def check_in(page: Page) -> int:
    """Check in the way a person would, from the top of the page; return how many actions it took."""
    form = page.locator("#check-in")
    actions = [
        lambda: form.get_by_role("group", name="Mood").get_by_label("2").check(),
        lambda: form.get_by_role("group", name="Energy").get_by_label("3").check(),
        lambda: form.get_by_label("Sleep last night").fill("6,5"),
        lambda: form.get_by_label("Hours worked").fill("10"),
        lambda: form.get_by_label("Of those, minutes after hours").fill("90"),
        lambda: form.get_by_role("group", name="Time with friends or family").get_by_label("No").check(),
        lambda: form.get_by_role("button", name="Save check-in").click(),
    ]
    for act in actions:
        act()
    return len(actions)


def test_the_check_in_is_one_short_form_on_desktop_and_phone(page: Page, quiet_free_server: Server) -> None:
    # The Today list leaves the check-in link out in quiet hours: without them it is there at any hour the test
    # runs (it failed in the evening on the shared server).
    server = quiet_free_server
    errors = watch_console(page)
    open_demo(page, server)
    # The first page offers it as one quiet link; it leads straight to the form.
    page.get_by_role("link", name="Check in today?").click()
    expect(page.get_by_role("heading", name="How was today?")).to_be_visible()
    # Everything on one form, in view without scrolling on a desktop: seven taps or short entries, one page load.
    assert page.locator("#check-in form").count() == 1
    box = page.locator("#check-in").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 1400
    assert check_in(page) <= 8
    expect(page.get_by_role("status").filter(has_text="Thank you for checking in")).to_be_visible()
    expect(page.get_by_role("heading", name="Today's check-in")).to_be_visible()
    expect(page.locator("#sleep")).to_have_value("6.5")
    # Checking in again replaces today's; on a phone only mood and energy are needed.
    page.set_viewport_size(PHONE_390)
    page.locator("#check-in").get_by_role("group", name="Mood").get_by_label("3").check()
    page.locator("#check-in").get_by_role("button", name="Save check-in").click()
    expect(page.get_by_role("status").filter(has_text="Thank you")).to_be_visible()
    expect(page.locator("#check-in").get_by_role("group", name="Mood").get_by_label("3")).to_be_checked()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server.base + "/")
    expect(page.get_by_role("link", name="Check in today?")).to_have_count(0)  # never more than once a day
    for path in PAGES:
        page.goto(server.base + path)
        check_page(page, server, "wellbeing" + path.replace("/", "-").replace("?", "-"))
        fits_390(page, path)
    assert errors == []


def test_a_mistake_in_the_check_in_comes_back_as_typed(page: Page, server: Server) -> None:
    errors = watch_console(page)
    open_demo(page, server)
    page.goto(server.base + "/wellbeing")
    form = page.locator("#check-in")
    form.get_by_role("group", name="Energy").get_by_label("4").check()
    form.get_by_label("Sleep last night").fill("lots")
    form.get_by_label("One line about the day").fill("Long day, good walk")
    form.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_role("alert")).to_contain_text("Not saved yet")
    expect(page.locator("#check-in-sleep_hours-error")).to_have_text("sleep is not a number (got 'lots')")
    expect(form.get_by_label("Sleep last night")).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_label("One line about the day")).to_have_value("Long day, good walk")
    expect(form.get_by_role("group", name="Energy").get_by_label("4")).to_be_checked()
    check_page(page, server, "wellbeing-check-in-mistake")
    page.goto(server.base + "/wellbeing")  # nothing was saved: what is there is what was there before
    expect(page.locator("#check-in").get_by_label("One line about the day")).not_to_have_value("Long day, good walk")
    assert [e for e in errors if "status of 400" not in e] == []


def test_the_cbi_scores_as_published_and_is_not_a_diagnosis(page: Page, server: Server) -> None:
    errors = watch_console(page)
    open_demo(page, server)
    page.goto(server.base + "/wellbeing/survey/cbi")
    expect(page.get_by_text("Do you have enough energy for family and friends during leisure time?")).to_be_visible()
    answers = ["Often", "Often", "Often", "Sometimes", "Often", "Sometimes"]
    answers += ["To a high degree", "To a high degree", "Somewhat", "Often", "Sometimes", "Sometimes", "Seldom"]
    items = page.get_by_test_id("item")
    for index, answer in enumerate(answers):
        items.nth(index).get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="See my scores").click()
    expect(page.get_by_test_id("not-a-diagnosis")).to_contain_text("This is not a diagnosis.")
    scales = page.get_by_test_id("scale")
    expect(scales).to_have_count(2)  # the client-related part was left out, so it is not shown
    expect(scales.filter(has_text="Personal burnout")).to_contain_text("66.7")
    expect(scales.filter(has_text="Work-related burnout")).to_contain_text("64.3")
    expect(scales.filter(has_text="Work-related burnout")).to_contain_text(
        "High (50 or more, as in Borritz & Kristensen 2004)"
    )
    expect(page.get_by_text("Kristensen, T. S., Borritz, M., Villadsen, E. & Christensen")).to_be_visible()
    check_page(page, server, "wellbeing-cbi-result")
    fits_390(page, "cbi result")
    page.goto(server.base + "/about")
    expect(page.get_by_text("WHO-5 Well-Being Index (1998 version)")).to_be_visible()
    assert errors == []


@pytest.fixture
def quiet_free_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own, with the help line set and no quiet hours (so the Today list does not depend on the
    hour the test runs at)."""
    with live_server(
        tmp_path_factory.mktemp("onward-wellbeing"),
        ONWARD_PROFESSIONAL_HELP_LINE=HELP_LINE,
        ONWARD_QUIET_START="00:00",
        ONWARD_QUIET_END="00:00",
    ) as running:
        yield running


def test_a_low_point_brings_one_calm_note_that_can_be_put_away(browser: Browser, quiet_free_server: Server) -> None:
    server = quiet_free_server
    context = browser.new_context(viewport=PHONE_390)
    page = context.new_page()
    errors = watch_console(page)
    page.goto(server.url)
    page.get_by_role("button", name="Start with my own").click()
    page.goto(server.base + "/wellbeing/survey/who5")
    items = page.get_by_test_id("item")
    for index in range(5):
        items.nth(index).get_by_label("Some of the time", exact=True).check()
    page.get_by_role("button", name="See my scores").click()
    expect(page.get_by_test_id("scale")).to_contain_text("20")
    expect(page.get_by_test_id("not-a-diagnosis")).to_be_visible()
    note = page.get_by_test_id("low-point")
    expect(note).to_contain_text("your WHO-5 on 2026-11-30 was 20, which is 28 or less")
    expect(note).to_contain_text("Name the people you can lean on under Network")
    expect(note).to_contain_text(HELP_LINE)
    check_page(page, server, "wellbeing-low-point")
    page.goto(server.base + "/")
    expect(page.get_by_role("link", name="A note for you")).to_be_visible()
    expect(page.get_by_role("link", name="Check in today?")).to_be_visible()
    page.get_by_role("link", name="A note for you").click()
    assert errors == []
    page.get_by_test_id("low-point").get_by_role("button", name="Thank you, put this away").click()
    expect(page.get_by_test_id("low-point")).to_have_count(0)
    page.goto(server.base + "/")
    expect(page.get_by_role("link", name="A note for you")).to_have_count(0)  # once per episode
    # Saving an empty check-in says what is needed, beside each question, and nothing else.
    page.goto(server.base + "/wellbeing")
    page.locator("#check-in").get_by_role("button", name="Save check-in").click()
    expect(page.locator("#check-in-mood-error")).to_have_text(
        "mood: choose how your mood was today, from 1 (low) to 5 (good)"
    )
    expect(page.locator("#check-in-energy-error")).to_be_visible()
    expect(page.locator("#check-in").get_by_role("group", name="Mood").get_by_label("1")).to_have_attribute(
        "aria-invalid", "true"
    )
    check_page(page, server, "wellbeing-empty-check-in")
    assert [e for e in errors if "status of 400" not in e] == []
    context.close()
