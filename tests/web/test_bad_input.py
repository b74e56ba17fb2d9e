"""Bad input from outside, the way an attacker or a clumsy day would send it: a 4xx and a plain message."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from onward.settings import Settings
from onward.web.app import create_app

from .conftest import TOKEN, import_upload

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer tökén"},
        {"Cookie": "onward_session=sésame"},
        {"Cookie": "onward_csrf=é", "x-csrf-token": "ü"},
    ],
)
def test_non_ascii_credentials_are_simply_wrong(anonymous: TestClient, headers: dict[str, str]) -> None:
    """Found by fuzzing: a 500 for a non-ASCII token, cookie, bearer or CSRF header."""
    encoded = {k: v.encode() for k, v in headers.items()}  # UTF-8 bytes on the wire, as a fuzzer sends them
    assert anonymous.get("/api/home", headers=encoded).status_code == 403
    assert anonymous.post("/workspace/own", headers=encoded, data={"name": "x"}).status_code == 403
    assert anonymous.get("/?token=%C3%A9t%C3%A9").status_code == 403


def test_only_the_hosts_onward_serves_are_answered(anonymous: TestClient, settings: Settings) -> None:
    """DNS rebinding: a page on evil.example that points its name at 127.0.0.1 gets a refusal."""
    for host in ("127.0.0.1:8765", "localhost", "[::1]:8765", "LOCALHOST:1"):
        assert anonymous.get(f"/?token={TOKEN}", headers={"Host": host}, follow_redirects=False).status_code == 303
    refused = anonymous.get(f"/?token={TOKEN}", headers={"Host": "evil.example"}, follow_redirects=False)
    assert refused.status_code == 400
    assert "set-cookie" not in refused.headers or "onward_session" not in refused.headers["set-cookie"]
    assert "allowed_hosts" in refused.text
    assert anonymous.get("/api/health", headers={"Host": "evil.example:8765"}).status_code == 400
    named = settings.model_copy(update={"allowed_hosts": "onward.example.org, other.lan"})
    with TestClient(create_app(named, token=TOKEN), base_url="http://onward.example.org") as browser:
        assert browser.get("/api/health").status_code == 200


def test_no_open_redirect_after_the_token(anonymous: TestClient) -> None:
    for path in ("//evil.example/", "/\\evil.example/", "///evil.example"):
        response = anonymous.get(f"{path}?token={TOKEN}", follow_redirects=False)
        location = response.headers.get("location", "")
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location


def test_cookies_state_their_expiry_and_are_secure_over_https(settings: Settings) -> None:
    for base, secure in (("http://127.0.0.1", False), ("https://127.0.0.1", True)):
        with TestClient(create_app(settings, token=TOKEN), base_url=base) as browser:
            response = browser.get(f"/?token={TOKEN}", follow_redirects=False)
            cookies = response.headers.get_list("set-cookie")
            assert len(cookies) == 2
            for cookie in cookies:
                assert "Max-Age=" in cookie and "HttpOnly" in cookie
                assert ("Secure" in cookie) is secure, cookie


def test_the_api_schema_documents_400_not_422(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert "422" not in operation["responses"], (method, path)
            assert {"400", "403", "404"} <= set(operation["responses"]), (method, path)
    # …and the app does answer 400 where the schema said 422 before.
    assert client.get("/api/workload/priorities", params={"limit": "many"}).status_code in (200, 400)


def test_huge_ids_and_deep_json_are_bad_input_not_500(client: TestClient) -> None:
    from .conftest import csrf

    token = csrf(client)
    huge = client.get(f"/api/workload/tasks/{2**64}")
    assert huge.status_code in (400, 404) and "error" in huge.json()
    deep = b"[" * 100_000 + b"]" * 100_000
    _, page = import_upload(
        client,
        "/data/import",
        "workspace",
        files={"file": ("deep.json", deep, "application/json")},
        headers={"x-csrf-token": token},
    )
    assert "deep.json: not JSON (nested too deeply)" in page
    assert client.get("/api/imports/workspace").json()["state"] == "failed"


def test_a_duplicate_is_a_conflict_with_the_fields_named(settings: Settings) -> None:
    from onward.services import Services

    services = Services.local(settings)
    from onward.errors import Conflict, as_onward_error

    first, last = settings.effective_today(), settings.effective_today()
    services.workload.planning.add_capacity_exception(first, last)
    try:
        services.workload.planning.add_capacity_exception(first, last)
    except Exception as error:  # the store refuses it; the one mapping words it
        known = as_onward_error(error)
        assert isinstance(known, Conflict)
        assert known.message == "there is already one with the same first day and last day"
    else:
        pytest.fail("the same exception twice was stored")
    services.store.dispose()


def test_links_from_user_data_are_links_only_for_http(client: TestClient, settings: Settings) -> None:
    from onward.services import Services

    services = Services.local(settings)
    services.fit.add_application("Harbour Trust", "Programme lead", link="javascript:alert(document.cookie)")
    services.fit.add_application("Eastside", "Instructor", link="https://eastside.example/jobs/1")
    services.store.dispose()
    page = client.get("/fit/applications").text
    assert 'href="javascript:' not in page
    assert "javascript:alert(document.cookie)" in page, "shown as text, not lost"
    assert 'href="https://eastside.example/jobs/1"' in page
