"""Mail in a real Chromium: import the Enron sample from a path and watch the progress, see the after-hours
pages, and accept a request from Alex's demo mailbox as a task. Desktop and phone widths, axe-core checked.

Its own server and data folder: the import and the accepted task must not change what other browser tests see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..live_server import Server, live_server
from .test_pages import check_page, watch_console

MAIL_PAGES = ("/mail", "/mail/hours", "/mail/requests")


@pytest.fixture(scope="module")
def mail_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with live_server(tmp_path_factory.mktemp("onward-mail-server"), ONWARD_TIMEZONE="America/Chicago") as running:
        yield running


def test_importing_a_mailbox_from_a_path_shows_progress_and_the_counts(
    page: Page, mail_server: Server, shared_data: Callable[[str], Path]
) -> None:
    errors = watch_console(page)
    page.goto(mail_server.url)
    page.goto(mail_server.base + "/mail")
    expect(page.get_by_text("No mail yet.")).to_be_visible()
    check_page(page, mail_server, "mail-empty")

    page.get_by_label("A mailbox on this computer").fill(str(mail_server.data_dir / "nowhere"))
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("#import-path-error")).to_contain_text("there is no file or folder")
    expect(page.get_by_label("A mailbox on this computer")).to_have_value(str(mail_server.data_dir / "nowhere"))
    check_page(page, mail_server, "mail-import-again")

    page.get_by_label("A mailbox on this computer").fill(str(shared_data("enron_email_sample/maildir")))
    page.get_by_role("button", name="Import", exact=True).click()
    status = page.get_by_test_id("import-status")
    expect(status).to_contain_text("Imported 500 messages", timeout=60_000)
    page.get_by_role("link", name="Refresh the overview").click()
    expect(page.get_by_test_id("me")).to_be_visible()  # a guess, from the sent folders
    for path in MAIL_PAGES:
        page.goto(mail_server.base + path)
        check_page(page, mail_server, "mail-enron" + path.replace("/", "-"))
    assert [e for e in errors if "status of 400" not in e] == []  # the form that came back answered 400


def test_alex_accepts_a_request_and_it_becomes_a_task(page: Page, mail_server: Server) -> None:
    errors = watch_console(page)
    page.goto(mail_server.url)
    page.get_by_role("button", name="Open the demo workspace").first.click()
    page.goto(mail_server.base + "/mail/hours")
    expect(page.get_by_test_id("hours-trend")).to_contain_text("down from")
    expect(page.get_by_test_id("heatmap")).to_be_visible()
    page.goto(mail_server.base + "/mail/requests")
    first = page.get_by_test_id("requests").get_by_role("listitem").first
    request = first.locator("strong").first.inner_text()
    first.get_by_role("button", name="Make it a task").click()
    page.goto(mail_server.base + "/mail/requests?state=accepted")
    accepted = page.get_by_test_id("requests").get_by_role("listitem").filter(has_text=request).first
    accepted.get_by_role("link", name="Open the task").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(request[:30])
    for path in MAIL_PAGES:
        page.goto(mail_server.base + path)
        check_page(page, mail_server, "mail-demo" + path.replace("/", "-"))
    assert errors == []
