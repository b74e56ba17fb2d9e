"""Network in a real Chromium: who to reach out to, a drafted message edited, copied and marked as sent, a
vCard imported, duplicates merged after a preview; every page checked at desktop and phone widths with axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

from playwright.sync_api import Page, expect

from ..live_server import Server
from .test_fit import open_demo
from .test_pages import check_page, watch_console

NETWORK_PAGES = (
    "/network",
    "/network/contacts",
    "/network/contacts/new",
    "/network/due",
    "/network/duplicates",
    "/network/import",
)


def test_every_network_page_reads_well_on_desktop_and_phone(page: Page, server: Server) -> None:
    errors = watch_console(page)
    open_demo(page, server)
    expect(page.get_by_role("link", name="2 people you are losing touch with")).to_be_visible()
    for path in NETWORK_PAGES:
        page.goto(server.base + path)
        check_page(page, server, "network" + path.replace("/", "-"))
    page.goto(server.base + "/network/contacts")
    page.get_by_role("link", name="Margaret Lin").click()
    check_page(page, server, "network-contact")
    page.get_by_role("link", name="Draft a message").click()
    check_page(page, server, "network-outreach")
    assert errors == []


def test_a_drafted_message_is_edited_copied_and_marked_as_sent(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.base)
    page = context.new_page()
    errors = watch_console(page)
    open_demo(page, server)
    page.goto(server.base + "/network")
    page.get_by_test_id("matching-role").get_by_role("link", name="Draft a message to Dana Reyes").click()
    body = page.get_by_label("Message")
    expect(body).to_contain_text("Hi Dana,")
    expect(body).to_contain_text("an adult literacy educator")
    expect(body).to_contain_text("Would you have twenty minutes")
    body.fill(body.input_value().replace("twenty minutes", "half an hour"))
    mail = page.get_by_role("link", name="Open in my mail app")
    href = mail.get_attribute("href") or ""
    assert href.startswith("mailto:dana@harbour-ae.example?subject=")
    assert "half an hour" in unquote(href), "the mail link follows the edit"
    page.get_by_role("button", name="Copy the message").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert "half an hour" in page.evaluate("navigator.clipboard.readText()")
    page.get_by_role("button", name="Mark as sent").click()
    logged = page.get_by_test_id("interactions").locator("li").first
    expect(logged).to_contain_text("email on")
    expect(logged).to_contain_text("sent")
    expect(logged).to_contain_text("half an hour")
    expect(logged).to_contain_text("Follow up on")
    assert errors == []
    context.close()


def test_import_a_vcard_then_merge_duplicates_after_a_preview(page: Page, server: Server, tmp_path: Path) -> None:
    errors = watch_console(page)
    open_demo(page, server)
    card = tmp_path / "phone.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Okoye;Ngozi\r\nFN:Ngozi Okoye\r\nORG:Eastside Community College\r\n"
        b"NOTE;ENCODING=QUOTED-PRINTABLE:Met at the=0D=0Alibrary fair=\r\n\r\nEMAIL;INTERNET:ngozi@eastside.example\r\n"
        b"END:VCARD\r\n"
    )
    page.goto(server.base + "/network/import")
    page.get_by_label("File").set_input_files(str(card))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_test_id("import-result")).to_contain_text("phone.vcf (vcard): 1 added")
    page.get_by_label("File").set_input_files(str(card))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_test_id("import-result")).to_contain_text("0 added, 0 merged with new details, 1 already here")

    page.goto(server.base + "/network/duplicates")
    group = page.get_by_test_id("duplicate-group").filter(has_text="Aisha Rahman")
    expect(group.get_by_test_id("preview")).to_contain_text("aisha.rahman@brightfutures.example")
    check_page(page, server, "network-duplicates-preview")
    group.get_by_role("button", name="Merge into one").click()
    expect(page.get_by_role("status").filter(has_text="Merged into")).to_contain_text("Merged into Aisha Rahman")
    page.goto(server.base + "/network/contacts?q=aisha")
    expect(page.get_by_test_id("contacts").locator("tbody tr")).to_have_count(1)
    assert errors == []


def test_adding_someone_to_lean_on_and_a_mistake_shown_beside_its_field(page: Page, server: Server) -> None:
    errors = watch_console(page)
    open_demo(page, server)
    page.goto(server.base + "/network/contacts/new")
    page.get_by_label("Name").fill("Rosa Mendes")
    page.get_by_label("E-mail addresses").fill("rosa@mail.example")
    page.get_by_label("When you met").fill("last summer")
    page.get_by_label("Someone I can lean on when things are hard").check()
    page.get_by_role("button", name="Add contact").click()
    met = page.get_by_label("When you met")
    expect(met).to_have_value("last summer")
    expect(met).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".field-error")).to_contain_text("met on: 'last summer' is not a date")
    expect(page.get_by_label("Someone I can lean on when things are hard")).to_be_checked()
    check_page(page, server, "network-new-mistake")
    met.fill("2025-07-01")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", name="Rosa Mendes")).to_be_visible()
    expect(page.get_by_text("someone to lean on")).to_be_visible()
    assert [e for e in errors if "status of 400" not in e] == []
