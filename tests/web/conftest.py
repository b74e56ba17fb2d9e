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
