"""Network pages over HTTP: every page and its JSON twin, forms that come back as typed, upload, downloads."""

from __future__ import annotations

import re

import icalendar
import pytest
from fastapi.testclient import TestClient

from onward.network import views

from .conftest import csrf, import_upload


def _demo(client: TestClient) -> str:
    token = csrf(client)
    assert client.post("/workspace/demo", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    return token


def test_every_network_page_and_its_json_twin(client: TestClient) -> None:
    _demo(client)
    contacts = client.get("/api/network/contacts").json()
    first = contacts["contacts"][0]["id"]
    for path in (
        "/network",
        "/network/contacts",
        "/network/contacts/new",
        f"/network/contacts/{first}",
        f"/network/contacts/{first}/outreach",
        "/network/due",
        "/network/duplicates",
        "/network/import",
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "style=" not in page.text, path
        assert client.get("/api" + path).status_code == 200, path
    links = set(re.findall(r'href="(/network[^"#?]*)"', client.get("/network").text))
    for link in links:
        assert client.get(link).status_code == 200, link
    assert client.get("/api/network/contacts/99999").status_code == 404


def test_contact_form_comes_back_as_typed_with_the_message_beside_the_field(client: TestClient) -> None:
    token = _demo(client)
    sent = {
        "csrf_token": token,
        "name": "Sam Lee",
        "emails": "sam@x.example",
        "met_on": "last spring",
        "cadence_days": "30",
    }
    page = client.post("/network/contacts", data=sent)
    assert page.status_code == 400
    assert 'value="last spring"' in page.text and 'value="Sam Lee"' in page.text
    assert 'id="contact-met_on-error">met on: &#39;last spring&#39; is not a date' in page.text
    sent["met_on"] = "2025-04-01"
    sent["support"] = "yes"
    done = client.post("/network/contacts", data=sent, follow_redirects=False)
    assert done.status_code == 303
    contact = client.get("/api" + done.headers["location"]).json()["contact"]
    assert (contact["name"], contact["support"], contact["cadence_days"]) == ("Sam Lee", True, 30)


def test_upload_import_and_the_downloads(client: TestClient) -> None:
    token = _demo(client)
    vcard = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Okoye;Ngozi\r\nFN:Ngozi Okoye\r\n"
        b"EMAIL;INTERNET:ngozi@x.example\r\nEND:VCARD\r\n"
    )
    status, page = import_upload(
        client,
        "/network/import",
        "contacts",
        data={"csrf_token": token, "format": ""},
        files={"file": ("phone.vcf", vcard)},
    )
    assert status == 303 and "phone.vcf (vcard): 1 added" in page
    contacts = client.get("/api/network/contacts").json()["total"]
    _, bad = import_upload(
        client,
        "/network/import",
        "contacts",
        data={"csrf_token": token, "format": "linkedin"},
        files={"file": ("x.csv", b"a,b\n1,2\n")},
    )
    assert "Nothing was imported: x.csv: not a LinkedIn Connections.csv" in bad and 'action="/network/import"' in bad
    assert client.get("/api/network/contacts").json()["total"] == contacts
    vcf = client.get("/network/contacts.vcf")
    assert vcf.headers["content-type"].startswith("text/vcard") and "FN:Ngozi Okoye" in vcf.text
    ics = client.get("/network/follow-ups.ics")
    events = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert {str(e["summary"]) for e in events} >= {"Follow up with Priya Shah", "Follow up with Dana Reyes"}


def test_marking_a_draft_as_sent_logs_it_and_the_home_page_lists_what_is_due(client: TestClient) -> None:
    token = _demo(client)
    home = client.get("/").text
    assert "Follow up with Priya Shah" in home and "people you are losing touch with" in home
    people = {c["name"]: c["id"] for c in client.get("/api/network/contacts").json()["contacts"]}
    ben = people["Ben Castillo"]
    client.post(
        f"/network/contacts/{ben}/outreach/sent",
        data={"csrf_token": token, "body": "Hi Ben, coffee?", "follow_up": "yes"},
    )
    logged = client.get(f"/api/network/contacts/{ben}").json()["interactions"][0]
    assert (logged["notes"], logged["outcome"], logged["kind"]) == ("Hi Ben, coffee?", "sent", "email")
    # A message emptied by mistake comes back with the subject as typed and the reason beside the message.
    emptied = client.post(
        f"/network/contacts/{ben}/outreach/sent",
        data={"csrf_token": token, "subject": "Coffee in January?", "body": "  ", "follow_up": "yes"},
    )
    assert emptied.status_code == 400 and 'value="Coffee in January?"' in emptied.text
    assert 'id="outreach-body-error">message is empty: there is nothing to send yet' in emptied.text


def test_the_due_page_lists_the_longest_overdue_first_and_shows_everyone_on_asking(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _demo(client)
    everyone = client.get("/api/network/due").json()["due"]["losing_touch"]
    assert len(everyone) >= 2, "Alex's demo has people past their cadence"
    monkeypatch.setattr(views, "LOSING_SHOWN", 1)
    page = client.get("/network/due").text
    table = page.split('data-testid="losing-touch"')[1].split("</table>")[0]
    assert everyone[0]["name"] in table and everyone[1]["name"] not in table
    assert f"Show all {len(everyone)}" in page
    full = client.get("/network/due?everyone=true").text.split('data-testid="losing-touch"')[1].split("</table>")[0]
    assert all(lt["name"] in full for lt in everyone)
    assert client.get("/api/network/due").json()["due"]["losing_touch"] == everyone  # the JSON twin has them all
