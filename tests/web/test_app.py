"""The web app in-process over a real database: access, CSRF, headers, pages and their JSON twins."""

from __future__ import annotations

import json

import pytest
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient

from onward.settings import Settings
from onward.web.app import create_app
from onward.web.pages import all_routes

from .conftest import TOKEN, csrf, import_upload

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def test_without_the_token_every_page_is_forbidden(anonymous: TestClient) -> None:
    for path in ("/", "/data", "/api/home", "/api/export", "/about"):
        response = anonymous.get(path)
        assert response.status_code == 403, path
    assert "link printed in the terminal" in anonymous.get("/").text
    assert anonymous.get("/?token=wrong").status_code == 403


def test_the_token_is_checked_once_then_a_cookie_keeps_the_browser_in(anonymous: TestClient) -> None:
    response = anonymous.get(f"/data?token={TOKEN}&x=1", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/data?x=1"  # the token leaves the address bar
    assert anonymous.get("/data").status_code == 200


def test_api_clients_may_use_the_token_as_a_bearer(anonymous: TestClient) -> None:
    response = anonymous.get("/api/home", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    assert response.json()["started"] is False


def test_first_page_explains_onward_and_offers_demo_or_own(client: TestClient) -> None:
    page = client.get("/").text
    assert "When a job has stopped fitting" in page
    assert "Open the demo workspace" in page and "Start with my own" in page


def test_security_headers_on_every_response(client: TestClient) -> None:
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["server-timing"].startswith("app;dur=")


def test_a_form_post_without_the_csrf_token_is_refused(client: TestClient) -> None:
    response = client.post("/workspace/own", data={"name": "Sam"})
    assert response.status_code == 403
    assert "reload the page" in response.text
    assert client.get("/api/home").json()["started"] is False


def test_starting_my_own_workspace_remembers_my_name(client: TestClient) -> None:
    token = csrf(client)
    response = client.post("/workspace/own", data={"name": "Sam", "csrf_token": token})
    assert response.status_code == 200  # followed the redirect home
    assert "Hello, Sam" in response.text
    assert client.get("/api/home").json()["started"] is True


def test_opening_the_demo_switches_to_alexs_workspace_and_back(client: TestClient) -> None:
    token = csrf(client)
    page = client.post("/workspace/demo", data={"csrf_token": token}).text
    assert "Hello, Alex" in page and "demo workspace" in page
    assert client.get("/api/home").json()["workspace"] == "demo"
    page = client.post("/workspace/own", data={"csrf_token": token}).text
    assert "Hello, Alex" not in page
    assert client.get("/api/home").json()["workspace"] == "own"


def test_export_download_and_import_upload(client: TestClient, settings: Settings) -> None:
    token = csrf(client)
    client.post("/workspace/demo", data={"csrf_token": token})
    exported = client.get("/data/export.json")
    assert exported.headers["content-disposition"].startswith("attachment")
    data = exported.json()
    assert data["format"] == "onward-export"
    client.post("/workspace/own", data={"csrf_token": token})
    status, page = import_upload(
        client,
        "/data/import",
        "workspace",
        data={"csrf_token": token},
        files={"file": ("export.json", json.dumps(data), "application/json")},
    )
    assert status == 303 and "Imported export.json" in page
    assert client.get("/api/data").json()["empty"] is False


def test_a_bad_upload_says_what_is_wrong(client: TestClient) -> None:
    token = csrf(client)
    _, page = import_upload(
        client,
        "/data/import",
        "workspace",
        data={"csrf_token": token},
        files={"file": ("notes.json", "{oops", "application/json")},
    )
    assert "Nothing was changed" in page and "notes.json: not JSON" in page
    assert client.get("/api/data").json()["empty"] is True


def test_backup_download_is_a_real_database_copy(client: TestClient) -> None:
    response = client.get("/data/backup")
    assert response.status_code == 200
    assert response.content.startswith(b"SQLite format 3\x00")


def test_every_page_has_a_json_twin_listed_in_openapi(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    pages = [
        route
        for route in all_routes(client.app.routes)  # type: ignore[attr-defined]
        if getattr(route, "response_class", None) is HTMLResponse and "GET" in route.methods  # type: ignore[attr-defined]
    ]
    assert {"/", "/data", "/about", "/-/patterns"} <= {route.path for route in pages}  # type: ignore[attr-defined]
    for route in pages:
        path = route.path  # type: ignore[attr-defined]
        if "{" in path:
            continue  # pages of one record (e.g. a task) are covered by their domain's tests
        twin = "/api" + (path if path != "/" else "/home")
        assert twin in paths, f"{path} has no JSON twin"
        assert client.get(twin).status_code == 200, twin


def test_htmx_requests_get_only_the_content(client: TestClient) -> None:
    full = client.get("/about").text
    fragment = client.get("/about", headers={"HX-Request": "true"}).text
    assert "<html" in full and "<html" not in fragment
    assert "About Onward" in fragment


def test_unknown_pages_and_json_errors(client: TestClient) -> None:
    assert client.get("/no/such/page").status_code == 404
    assert "Nothing here" in client.get("/no/such/page").text
    assert client.get("/api/nothing").json() == {"error": "there is no page here"}


def test_nothing_is_built_at_import_time(settings: Settings) -> None:
    one, two = create_app(settings, token="a"), create_app(settings, token="b")
    assert one is not two and one.state.token != two.state.token
