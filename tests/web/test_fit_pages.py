"""Fit pages over HTTP: every page and its JSON twin, htmx rating, forms, and no dead links."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from .conftest import csrf


def _demo(client: TestClient) -> str:
    token = csrf(client)
    assert client.post("/workspace/demo", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    return token


def test_every_fit_page_and_its_json_twin(client: TestClient) -> None:
    _demo(client)
    for path in ("/fit", "/fit/audit", "/fit/environment", "/fit/profile", "/fit/applications", "/fit/offers"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "style=" not in page.text, path
        assert client.get("/api" + path).status_code == 200, path
    assert "Closest to your ideal role" in client.get("/fit/offers").text
    overview = client.get("/api/fit").json()
    assert overview["profile"]["statement"].startswith("A role centred on adult literacy workshops")


def test_the_fit_page_links_to_every_part_and_no_link_is_dead(client: TestClient) -> None:
    _demo(client)
    page = client.get("/fit").text
    links = set(re.findall(r'href="(/fit[^"#?]*)"', page))
    assert {"/fit/audit", "/fit/occupations", "/fit/postings"} <= links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_rating_with_htmx_returns_the_duty_and_the_new_statement(client: TestClient) -> None:
    token = _demo(client)
    duties = client.get("/api/fit/audit").json()["audit"]["jobs"][0]["duties"]
    tutor = next(d for d in duties if d["name"] == "Tutor training")
    response = client.post(
        f"/fit/audit/duties/{tutor['id']}",
        data={"enjoyment": "without", "skill": "4", "energy": "-2"},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert response.status_code == 200
    assert f'id="duty-{tutor["id"]}"' in response.text and "Saved." in response.text
    assert 'id="profile-statement" hx-swap-oob="innerHTML"' in response.text
    assert "with few duties like grant reporting and tutor training" in response.text
    # Without htmx, the same form posts and comes back to the duty.
    plain = client.post(
        f"/fit/audit/duties/{tutor['id']}", data={"csrf_token": token, "enjoyment": "love"}, follow_redirects=False
    )
    assert plain.status_code == 303 and plain.headers["location"] == f"/fit/audit#duty-{tutor['id']}"


def test_forms_save_and_bad_input_is_named(client: TestClient) -> None:
    token = csrf(client)
    saved = client.post(
        "/fit/environment",
        data={"csrf_token": token, "focus": "focus", "team_min": "3", "team_max": "6", "hours_per_week": "30"},
    )
    assert saved.status_code == 200 and "Saved." in saved.text
    bad = client.post("/fit/environment", data={"csrf_token": token, "team_min": "four"})
    assert bad.status_code == 400 and "smallest team size is not a whole number" in bad.text
    job = client.post(
        "/fit/audit/jobs",
        data={"csrf_token": token, "title": "Teaching assistant", "end_date": "2025-07-20"},
        follow_redirects=False,
    )
    assert job.status_code == 303
    job_id = job.headers["location"].split("#job-")[1]
    client.post("/fit/audit/duties", data={"csrf_token": token, "job_id": job_id, "name": "Reading groups"})
    duty = client.get("/api/fit/audit").json()["audit"]["jobs"][0]["duties"][0]
    client.post(f"/fit/audit/duties/{duty['id']}", data={"csrf_token": token, "enjoyment": "love", "skill": "5"})
    assert "A role centred on reading groups" in client.get("/fit/profile").text
    added = client.post(
        "/fit/applications",
        data={
            "csrf_token": token,
            "employer": "Metro",
            "role_title": "Coordinator",
            "stage": "applied",
            "on": "2026-11-20",
            "people_met": "Jo, Sam",
        },
        follow_redirects=False,
    )
    assert added.status_code == 303
    app_id = added.headers["location"].split("#application-")[1]
    client.post(f"/fit/applications/{app_id}/advance", data={"csrf_token": token, "stage": "interviewing"})
    client.post(
        "/fit/offers",
        data={
            "csrf_token": token,
            "application_id": app_id,
            "salary": "48,000",
            "currency": "EUR",
            "hours_per_week": "30",
            "main_duties": "Reading groups; reports",
        },
    )
    offers = client.get("/api/fit/offers").json()["comparison"]["offers"]
    assert offers[0]["offer"]["salary"] == 48000 and offers[0]["loved_present"] == ["Reading groups"]
    exported = client.get("/fit/profile/resume.json")
    assert exported.headers["content-disposition"].startswith('attachment; filename="resume-fragment-')
    assert exported.json()["skills"][0] == {"name": "Reading groups", "level": "Expert", "keywords": []}
