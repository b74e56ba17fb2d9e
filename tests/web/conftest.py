from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onward.settings import Settings
from onward.web.app import create_app

TOKEN = "test-token-0123456789"


@pytest.fixture
def anonymous(settings: Settings) -> Iterator[TestClient]:
    """A browser that has not presented the token."""
    with TestClient(create_app(settings, token=TOKEN), base_url="http://127.0.0.1") as client:
        yield client


@pytest.fixture
def client(anonymous: TestClient) -> TestClient:
    """A browser signed in with the token URL, as a user would be."""
    response = anonymous.get(f"/?token={TOKEN}", follow_redirects=False)
    assert response.status_code == 303
    return anonymous


def csrf(client: TestClient) -> str:
    client.get("/")
    return str(client.cookies.get("onward_csrf"))


def import_upload(client: TestClient, path: str, kind: str, **post: object) -> tuple[int, str]:
    """Send an import form as a browser does and follow it to its outcome (onward.web.imports): the answer
    is a redirect to the page, where the import shows its progress until it is done. Return the status of
    the form's answer (303 once the import started, or the form again with its message) and the page."""
    response = client.post(path, follow_redirects=False, **post)  # type: ignore[arg-type]
    if response.status_code != 303:
        return response.status_code, response.text
    wait_for_import(client, kind)
    return response.status_code, client.get(response.headers["location"]).text


def wait_for_import(client: TestClient, kind: str, seconds: float = 120) -> dict[str, object]:
    """Poll the import's progress (as the page does) until it is over; return its JSON."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        run: dict[str, object] = client.get(f"/api/imports/{kind}").json()
        if not run["running"] or time.monotonic() > deadline:
            assert not run["running"], f"the import of {kind} did not finish: {run}"
            return run
        time.sleep(0.05)
