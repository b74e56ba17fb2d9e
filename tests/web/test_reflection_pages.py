"""The journal pages: writing, a save that fails coming back with every word, editing, search with marked and
escaped snippets, export and jrnl import, and the journal kept out of every page made for someone else."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from onward.cli.main import main
from onward.services import Services
from onward.settings import Settings

from .conftest import csrf, import_upload

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
JRNL_FILE = Path(__file__).resolve().parents[1] / "data" / "jrnl-export.json"
LONG_TEXT = "I want to teach again.\n\nNot squeezed between reports: as the job itself. " * 20


def write(client: TestClient, token: str, **fields: str) -> object:
    return client.post("/reflection/entries", data={"csrf_token": token, **fields}, follow_redirects=False)


def test_the_journal_offers_the_five_prompts_and_says_it_is_private(client: TestClient) -> None:
    page = client.get("/reflection")
    assert page.status_code == 200
    for title in (
        "The job and place that suit me",
        "Tasks I love, like and could do without",
        "Who I can reach out to",
        "My first months in the next job",
        "Looking after myself",
    ):
        assert title in page.text
    assert "never part of a report" in page.text
    assert "Nothing written yet" in page.text
    form = client.get("/reflection/write?prompt=people")
    assert "Who could you get in touch with, and what would you like to ask them?" in form.text
    assert '<option value="people" selected>' in form.text


def test_a_save_that_fails_comes_back_with_everything_typed(client: TestClient) -> None:
    token = csrf(client)
    response = write(client, token, text=LONG_TEXT, prompt="fit", tags="hope, not ok!", on="2026-12-25")
    assert response.status_code == 400  # type: ignore[attr-defined]
    html = response.text  # type: ignore[attr-defined]
    textarea = re.search(r'<textarea id="entry-text"[^>]*>(.*?)</textarea>', html, re.S)
    assert textarea is not None and textarea.group(1) == LONG_TEXT
    assert 'value="hope, not ok!"' in html and 'value="2026-12-25"' in html
    assert '<option value="fit" selected>' in html
    assert 'id="entry-tags-error"' in html or 'id="entry-on-error"' in html
    assert client.get("/api/reflection").json()["total"] == 0

    saved = write(client, token, text=LONG_TEXT, prompt="fit", tags="hope", on="")
    assert saved.status_code == 303  # type: ignore[attr-defined]
    entry = client.get(saved.headers["location"])  # type: ignore[attr-defined]
    assert "Saved." in entry.text and "What do you want from your next job" in entry.text


def test_an_edit_that_fails_keeps_the_new_words_and_the_entry_unchanged(client: TestClient) -> None:
    token = csrf(client)
    location = write(client, token, text="First words.", prompt="care").headers["location"]  # type: ignore[attr-defined]
    entry_id = int(location.split("/")[-1].split("?")[0])
    failed = client.post(
        f"/reflection/entries/{entry_id}",
        data={"csrf_token": token, "text": "Second, better words.", "on": "30/30/2026"},
    )
    assert failed.status_code == 400 and "Second, better words." in failed.text
    assert client.get(f"/api/reflection/entries/{entry_id}").json()["entry"]["text"] == "First words."
    client.post(
        f"/reflection/entries/{entry_id}", data={"csrf_token": token, "text": "Second, better words.", "prompt": "free"}
    )
    shown = client.get(f"/api/reflection/entries/{entry_id}").json()["entry"]
    assert shown["text"] == "Second, better words." and shown["prompt"] is None
    client.post(f"/reflection/entries/{entry_id}/delete", data={"csrf_token": token})
    assert client.get(f"/reflection/entries/{entry_id}").status_code == 404


def test_search_marks_the_words_and_escapes_what_was_written(client: TestClient) -> None:
    token = csrf(client)
    write(client, token, text="<script>alert(1)</script> the rota <b>again</b> & again", tags="work")
    write(client, token, text="A quiet Sunday.", tags="family")
    page = client.get("/reflection/search", params={"q": "rota again"})
    assert "<mark>rota</mark>" in page.text and "<mark>again</mark>" in page.text
    assert "<script>alert" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<b>" not in page.text
    twin = client.get("/api/reflection/search", params={"q": "rota"}).json()
    assert [p["text"] for p in twin["hits"][0]["snippet"] if p["marked"]] == ["rota"]
    by_tag = client.get("/api/reflection/search", params={"tag": "family"}).json()
    assert [h["entry"]["text"] for h in by_tag["hits"]] == ["A quiet Sunday."]
    bad = client.get("/reflection/search", params={"since": "someday"})
    assert bad.status_code == 400 and "since" in bad.text


def test_export_and_jrnl_import_round_trip_and_add_nothing_twice(client: TestClient) -> None:
    token = csrf(client)

    def upload(content: bytes, name: str = "journal.json") -> str:
        """Upload through the form and follow it to the import's outcome (it runs in the background)."""
        files = {"file": (name, content, "application/json")}
        return import_upload(client, "/reflection/import", "journal", data={"csrf_token": token}, files=files)[1]

    assert "Imported 3 entries of 3" in upload(JRNL_FILE.read_bytes())
    assert "Imported 0 entries of 3 in the file (3 were already here)" in upload(JRNL_FILE.read_bytes())
    markdown = client.get("/reflection/export.md")
    assert markdown.headers["content-disposition"].startswith("attachment")
    assert "## 2025-03-14 09:00 · A free entry" in markdown.text and "Called in sick." in markdown.text
    exported = client.get("/reflection/export.json").content
    assert len(json.loads(exported)["entries"]) == 3
    assert "Imported 0 entries of 3" in upload(exported)

    broken = json.loads(JRNL_FILE.read_text())
    broken["entries"].append({"title": "Half", "date": "soon"})
    refused = upload(json.dumps(broken).encode())
    assert "journal.json: entry 4 (&#39;Half&#39;)" in refused and "nothing was imported" in refused
    assert client.get("/api/imports/journal").json()["state"] == "failed"
    assert "journal.json: not JSON" in upload(b"{not json")
    assert client.get("/api/reflection/import").json()["entries"] == 3


def test_a_form_without_its_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/")
    response = client.post("/reflection/entries", data={"text": "words"})
    assert response.status_code == 403
    assert client.get("/api/reflection").json()["total"] == 0


def test_no_report_or_export_for_others_carries_the_journal(client: TestClient) -> None:
    """The 1:1 report and the profile exports are for other people: the journal never appears in them."""
    token = csrf(client)
    client.post("/workspace/demo", data={"csrf_token": token})
    secret = "Grant reporting makes me want to quit; zanzibar is my private word."
    write(client, token, text=secret, prompt="tasks", tags="grant")
    assert "zanzibar" in client.get("/reflection/search", params={"q": "zanzibar"}).text
    demo_words = "still fixing the volunteer rota"  # from Alex's own demo journal
    for path in (
        "/workload/report",
        "/api/workload/report",
        "/workload/report/download?format=md",
        "/workload/report/download?format=html",
        "/fit/profile",
        "/fit/profile/export.json",
        "/fit/profile/resume.json",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "zanzibar" not in response.text and demo_words not in response.text, path


def test_the_search_api_twin_is_what_onward_journal_search_json_prints(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services.local(settings)
    services.fill_demo()
    services.store.dispose()
    api = client.get("/api/reflection/search", params={"q": "rota", "tag": "work"}).json()
    monkeypatch.setenv("ONWARD_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ONWARD_TODAY", settings.today.isoformat() if settings.today else "")
    capsys.readouterr()
    assert main(["--db", str(settings.database_url), "journal", "search", "rota", "--tag", "work", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == api
    assert [hit["entry"]["tags"] for hit in api["hits"]] == [["work", "tired"]]


def test_what_is_being_typed_is_kept_as_a_draft_until_saved(client: TestClient) -> None:
    token = csrf(client)
    headers = {"HX-Request": "true", "X-CSRF-Token": token}
    typed = {"form": "new", "prompt": "start", "text": "First month: listen, and write down", "tags": "next-job"}
    kept = client.post("/reflection/draft", data=typed, headers=headers)
    assert kept.status_code == 200 and kept.text.startswith("Draft kept at")
    # The tab closed before saving: opening the form again gives everything back, prompt included.
    page = client.get("/reflection/write")
    assert ">First month: listen, and write down</textarea>" in page.text
    assert '<option value="start" selected>' in page.text and 'value="next-job"' in page.text
    assert "nothing you typed was lost" in page.text
    assert client.get("/api/reflection/write").json()["draft"]["text"] == typed["text"]

    write(client, token, text=typed["text"] + " what I was hired for.", prompt="start")
    assert client.get("/api/reflection/write").json()["draft"] is None
    assert ">First month" not in client.get("/reflection/write").text


def test_an_edit_in_progress_is_kept_and_can_be_discarded(client: TestClient) -> None:
    token = csrf(client)
    location = write(client, token, text="Original words.").headers["location"]  # type: ignore[attr-defined]
    entry_id = int(location.split("/")[-1].split("?")[0])
    form = f"entry-{entry_id}"
    client.post(
        "/reflection/draft", data={"form": form, "text": "Half-way through a rewrite"}, headers={"X-CSRF-Token": token}
    )
    page = client.get(f"/reflection/entries/{entry_id}")
    assert ">Half-way through a rewrite</textarea>" in page.text and '<details class="card" open>' in page.text
    assert client.get(f"/api/reflection/entries/{entry_id}").json()["entry"]["text"] == "Original words."
    back = client.post(
        "/reflection/draft/discard",
        data={"csrf_token": token, "form": form, "back": f"/reflection/entries/{entry_id}"},
        follow_redirects=False,
    )
    assert back.headers["location"] == f"/reflection/entries/{entry_id}"
    assert "Half-way" not in client.get(f"/reflection/entries/{entry_id}").text
    refused = client.post("/reflection/draft", data={"form": "other", "text": "x"}, headers={"X-CSRF-Token": token})
    assert refused.status_code == 400
    assert client.post("/reflection/draft", data={"form": "new", "text": "x"}).status_code == 403  # no CSRF token
