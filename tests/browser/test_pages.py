"""A newcomer's first minutes, in a real Chromium against the real server process."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import ConsoleMessage, Page, expect

from ..live_server import Server
from .conftest import AXE

PHONE = {"width": 375, "height": 740}


def watch_console(page: Page) -> list[str]:
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"{message.text} ({message.location.get('url', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def serious_accessibility_violations(page: Page) -> list[dict[str, Any]]:
    """Return axe-core's serious and critical violations on the current page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE)  # evaluated through DevTools, so the page's CSP stays in force for its own code
    violations: list[dict[str, Any]] = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => ({id: v.id, impact: v.impact, help: v.help,
                          targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }"""
    )
    return violations


def check_page(page: Page, server: Server, name: str) -> None:
    """The page has a heading, no serious accessibility problem, and fits a phone without sideways scrolling."""
    expect(page.locator("h1").first).to_be_visible()
    assert serious_accessibility_violations(page) == [], f"{name}: accessibility"
    page.screenshot(path=str(server.screenshots / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{name}: {overflow}px wider than a phone screen"
    page.screenshot(path=str(server.screenshots / f"{name}-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def test_without_the_token_the_page_says_how_to_get_in(page: Page, server: Server) -> None:
    response = page.goto(server.base + "/")
    assert response is not None and response.status == 403
    expect(page.get_by_text("link printed in the terminal")).to_be_visible()


def test_newcomer_opens_the_demo_and_visits_every_menu_entry(page: Page, server: Server) -> None:
    errors = watch_console(page)
    page.goto(server.url)
    assert "token=" not in page.url
    expect(page.get_by_role("heading", name="When a job has stopped fitting")).to_be_visible()
    check_page(page, server, "welcome")

    page.get_by_role("button", name="Open the demo workspace").click()
    expect(page.get_by_role("heading", name="Hello, Alex")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="demo workspace")).to_be_visible()
    check_page(page, server, "demo-home")

    menu = [link.get_attribute("href") for link in page.get_by_test_id("menu").get_by_role("link").all()]
    footer = ["/data", "/about", "/-/patterns"]
    for path in [*menu, *footer]:
        assert path is not None
        response = page.goto(server.base + path)
        assert response is not None and response.status == 200, path
        check_page(page, server, slug(path))
        if path in menu:
            expect(
                page.get_by_test_id("menu")
                .get_by_role("link", name=re.compile(".+"))
                .and_(page.locator("[aria-current=page]"))
            ).to_have_count(1)
    assert errors == []


def test_starting_my_own_workspace(browser: Any, server: Server) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors = watch_console(page)
    page.goto(server.url)
    page.get_by_label("What should Onward call you?").fill("Sam")
    page.get_by_role("button", name="Start with my own").click()
    expect(page.get_by_role("heading", name="Hello, Sam")).to_be_visible()
    page.locator("footer").get_by_role("link", name="Your data").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the export").click()
    assert download.value.suggested_filename.startswith("onward-export-")
    assert errors == []
    context.close()
