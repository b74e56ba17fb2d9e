"""Mail's pages over HTTP: an uploaded mbox imported in the background (progress in the JSON twin), a form that
comes back with what was typed, requests acted on, and the JSON twins being what the CLI prints."""

from __future__ import annotations

import json
import time
from pathlib import Path

from fastapi.testclient import TestClient

from onward.cli.main import main
from onward.settings import Settings

from ..mail.conftest import raw, write_mbox
from .conftest import csrf

ME = "alex@example.org"


def _wait_for_import(client: TestClient) -> dict[str, object]:
    deadline = time.monotonic() + 60
    while True:
        status: dict[str, object] = client.get("/api/mail/import").json()
        if status["state"] in ("ready", "failed") or time.monotonic() > deadline:
            return status
        time.sleep(0.1)


def test_an_uploaded_mbox_is_imported_in_the_background(client: TestClient, tmp_path: Path) -> None:
    mbox = write_mbox(
        tmp_path / "mine.mbox",
        [
            raw("w1@x", to=ME, subject="Rota", body="Could you send me the rota by Friday?"),
            raw("w2@x", sender=ME, to="sam@example.org", date="Mon, 30 Nov 2026 22:00:00 -0600"),
            b"not a message\n",
        ],
    )
    token = csrf(client)
    with mbox.open("rb") as upload:
        response = client.post(
            "/mail/import",
            data={"csrf_token": token, "me": ME, "format": "auto"},
            files={"file": ("mine.mbox", upload, "application/mbox")},
            follow_redirects=False,
        )
    assert response.status_code == 303
    status = _wait_for_import(client)
    assert (status["state"], status["imported"], status["broken"]) == ("ready", 2, 1)
    assert status["problems"] == ["mine.mbox message 3: it does not start with mail headers"]
    page = client.get("/mail")
    assert "Imported 2 messages from mine.mbox" in page.text and "1 could not be read" in page.text

    requests = client.get("/api/mail/requests").json()["requests"]
    assert [item["request"] for item in requests] == ["Could you send me the rota by Friday?"]
    accepted = client.post(
        f"/mail/requests/{requests[0]['id']}/accept", data={"csrf_token": token}, follow_redirects=False
    )
    assert accepted.status_code == 303
    message = client.get(f"/api/mail/messages/{requests[0]['id']}").json()["message"]
    assert message["state"] == "accepted" and message["task_id"]


def test_a_path_that_is_not_there_comes_back_as_typed(client: TestClient, tmp_path: Path) -> None:
    typed = str(tmp_path / "nowhere.mbox")
    response = client.post("/mail/import", data={"csrf_token": csrf(client), "path": typed, "me": "me@x.org"})
    assert response.status_code == 400
    assert f'value="{typed}"' in response.text and 'value="me@x.org"' in response.text
    assert 'id="import-path-error"' in response.text and "there is no file or folder" in response.text


def test_the_hours_twin_carries_what_onward_mail_hours_json_prints(
    client: TestClient, settings: Settings, tmp_path: Path, capsys: object
) -> None:
    mbox = write_mbox(tmp_path / "s.mbox", [raw("h1@x", sender=ME, date="Mon, 30 Nov 2026 22:00:00 -0600")])
    assert main(["--db", str(settings.database_url), "mail", "import", str(mbox), "--me", ME]) == 0
    capsys.readouterr()  # type: ignore[attr-defined]
    assert main(["--db", str(settings.database_url), "mail", "hours", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert client.get("/api/mail/hours").json()["summary"] == printed
    assert client.get("/api/mail/requests", params={"state": "sometime"}).status_code == 400
