"""The feedback pages over HTTP: the answer link's contract (no login, form or JSON, replace, 404, 429), and the
person's own pages behind the sign-in."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onward.services import Services
from onward.web.routes.feedback import answers as answer_routes

from .conftest import csrf


def _create(client: TestClient, invite: str = "Jo\nSam <sam@example.org>\nPriya", **extra: str) -> list[str]:
    form = {
        "csrf_token": csrf(client),
        "title": "How I work",
        "invite": invite,
        "ratings": "Plans well",
        "open_questions": "Keep doing?",
        "min_answers": "3",
        **extra,
    }
    response = client.post("/feedback/new", data=form)
    assert response.status_code == 200, response.text
    return [url.split("8765", 1)[1] for url in re.findall(r'value="(http://127\.0\.0\.1:8765/f/[^"]+)"', response.text)]


def test_the_answer_link_works_with_no_login_from_the_form_or_as_json(
    client: TestClient, anonymous: TestClient, services: Services
) -> None:
    links = _create(client)
    assert len(links) == 3
    stranger = TestClient(anonymous.app, base_url="http://127.0.0.1")  # a different browser: no cookies at all
    page = stranger.get(links[0])
    assert page.status_code == 200 and "How your answer stays anonymous" in page.text
    assert page.headers["cache-control"] == "no-store"
    assert 'data-testid="menu"' not in page.text  # nothing of the person's workspace
    first = stranger.post(links[0], json={"answers": [4, "Keep the check-ins."]})
    assert (first.status_code, first.json()) == (200, {"saved": True, "replaced": False})
    second = stranger.post(links[0], json={"answers": [2, None]})
    assert second.json() == {"saved": True, "replaced": True}
    assert stranger.get(links[0], headers={"accept": "application/json"}).json()["previous"] == [2, None]
    form = stranger.post(links[1], data={"q1": "5", "q2": "Your calm."})
    assert form.status_code == 200 and "your answer is saved" in form.text
    assert services.feedback.requests.list_requests()[0].answers == 2
    # The person's own pages still need the sign-in.
    assert stranger.get("/feedback").status_code == 403
    assert stranger.get("/feedback/1/results").status_code == 403


def test_a_bad_answer_comes_back_with_what_was_typed_and_the_reason(client: TestClient, anonymous: TestClient) -> None:
    links = _create(client)
    refused = anonymous.post(links[0], data={"q1": "7", "q2": "I typed this."})
    assert refused.status_code == 400
    assert "question 1: a rating is a number from 1 to 5" in refused.text and "I typed this." in refused.text
    as_json = anonymous.post(links[0], json={"answers": [3]})
    assert as_json.status_code == 400 and "asks 2 questions" in as_json.json()["error"]
    broken = anonymous.post(links[0], content=b"{not json", headers={"content-type": "application/json"})
    assert broken.status_code == 400


def test_unknown_revoked_and_closed_links(client: TestClient, anonymous: TestClient) -> None:
    links = _create(client)
    assert anonymous.get("/f/" + "A" * 32).status_code == 404
    assert anonymous.get("/f/truncated").status_code == 404
    assert anonymous.post("/f/" + "A" * 32, json={"answers": [1, None]}).status_code == 404
    token = csrf(client)
    client.post("/feedback/1/close", data={"csrf_token": token})
    closed = anonymous.get(links[0])
    assert closed.status_code == 200 and "has closed" in closed.text
    assert anonymous.post(links[0], json={"answers": [3, None]}).status_code == 409
    client.post("/feedback/1/reopen", data={"csrf_token": token})
    assert anonymous.post(links[0], json={"answers": [3, None]}).status_code == 200
    client.post("/feedback/1/revoke", data={"csrf_token": token})
    assert anonymous.get(links[0]).status_code == 404
    assert anonymous.post(links[0], json={"answers": [3, None]}).status_code == 404


def test_the_answer_pages_are_rate_limited_with_a_clear_page(client: TestClient, anonymous: TestClient) -> None:
    links = _create(client)
    for _ in range(answer_routes.PER_LINK):
        assert anonymous.get(links[0]).status_code == 200
    stopped = anonymous.get(links[0])
    assert stopped.status_code == 429 and "Please wait" in stopped.text and stopped.headers["retry-after"]
    assert anonymous.get(links[1]).status_code == 200  # another link from here still works, for a while
    # Guessing links from one address is stopped too, however many different ones it tries.
    statuses = {anonymous.get(f"/f/{i:032d}").status_code for i in range(answer_routes.PER_ADDRESS)}
    assert statuses >= {429}


def test_the_rate_limiter_forgets_after_its_window() -> None:
    limiter = answer_routes.RateLimiter(2, 60)
    assert [limiter.allow("k", now=t) for t in (0, 1, 2)] == [True, True, False]
    assert limiter.allow("k", now=61) is True


def test_owner_pages_and_their_json_twins(client: TestClient, anonymous: TestClient) -> None:
    links = _create(client, invite="A\nB\nC\nD\nE")
    assert "Results appear once 3 people have answered" in client.get("/feedback/1").text
    for link, words in zip(links[:3], ("Plan ahead. Keep the update.", "Keep the update!", "Calm."), strict=True):
        anonymous.post(link, json={"answers": [3, words]})
    results = client.get("/api/feedback/1/results").json()
    assert (results["answers"], results["shown"], results["ratings"][0]["mean"]) == (3, True, 3.0)
    assert sorted(results["open"][0]["sentences"]) == ["Calm.", "Keep the update!", "Keep the update.", "Plan ahead."]
    page = client.get("/feedback/1/results")
    assert page.status_code == 200 and "Recurring themes" in page.text
    saved = client.post("/feedback/1/self-rating", data={"csrf_token": csrf(client), "q1": "4"}, follow_redirects=False)
    assert saved.status_code == 303
    assert client.get("/api/feedback/1/results").json()["ratings"][0]["self_rating"] == 4
    assert "3 of 5 answered" in client.get("/feedback").text


def test_a_form_that_does_not_go_through_keeps_what_was_typed(client: TestClient) -> None:
    response = client.post(
        "/feedback/new",
        data={
            "csrf_token": csrf(client),
            "title": "Habits",
            "invite": "Jo",
            "min_answers": "2",
            "reason": "Honest words",
        },
    )
    assert response.status_code == 400
    assert "minimum answers must be from 3" in response.text and "Honest words" in response.text
    assert client.post("/feedback/new", data={"title": "x", "invite": "Jo"}).status_code == 403  # no CSRF token


def test_a_logged_one_on_one_puts_its_agreements_on_the_plate(client: TestClient, services: Services) -> None:
    response = client.post(
        "/feedback/meetings",
        data={
            "csrf_token": csrf(client),
            "with_whom": "Morgan",
            "concerns": "Evenings",
            "agreements": "Hand the rota to Jo\nEnd date for grants",
            "next_on": "2026-12-14",
            "attach_report": "yes",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert {t.title for t in services.workload.tasks.list_tasks()} == {"Hand the rota to Jo", "End date for grants"}
    data = client.get("/api/feedback/meetings").json()
    assert data["next_meeting"] == "2026-12-14" and data["meetings"][0]["report"]
    bad = client.post(
        "/feedback/meetings", data={"csrf_token": csrf(client), "held_on": "31/31/2026", "agreements": "Keep me"}
    )
    assert bad.status_code == 400 and "Keep me" in bad.text


def test_only_the_answer_path_is_open_without_signing_in() -> None:
    from onward.feedback.links import new_token
    from onward.web.security import is_public_answer_path

    assert is_public_answer_path("/f/" + new_token())
    for path in ("/feedback", "/f/", "/f/abc/extra", "/api/f/" + new_token(), "/f/" + new_token() + "/x", "/ff/abc"):
        assert not is_public_answer_path(path), path
