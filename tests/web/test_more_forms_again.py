"""The mistakes log and the keep-in-touch cadence come back as typed, each message beside its field."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .conftest import csrf


def test_a_mistake_without_words_or_in_the_future_comes_back_as_typed(client: TestClient) -> None:
    token = csrf(client)
    before = client.get("/api/workload/mistakes").json()
    empty = client.post(
        "/workload/mistakes",
        data={"csrf_token": token, "what_happened": " ", "cause": "rushed", "lesson": "Check the rota twice"},
    )
    assert empty.status_code == 400
    assert 'id="mistake-what_happened-error">What happened is needed' in empty.text
    assert "Check the rota twice</textarea>" in empty.text
    assert 'value="rushed" selected' in empty.text
    future = client.post(
        "/workload/mistakes",
        data={"csrf_token": token, "what_happened": "Sent the wrong rota", "happened_on": "2999-01-01"},
    )
    assert future.status_code == 400
    assert 'id="mistake-happened_on-error">date 2999-01-01 is after today' in future.text
    assert "Sent the wrong rota</textarea>" in future.text
    assert "Something needs attention" not in future.text
    assert client.get("/api/workload/mistakes").json() == before


def test_a_cadence_out_of_range_comes_back_beside_its_field(client: TestClient) -> None:
    token = csrf(client)
    bad = client.post("/network/tags", data={"csrf_token": token, "tag": "mentors", "days": "0"})
    assert bad.status_code == 400
    assert 'id="cadence-days-error">keep in touch every: 0 days' in bad.text
    assert 'value="mentors"' in bad.text
    no_tag = client.post("/network/tags", data={"csrf_token": token, "tag": "", "days": "30"})
    assert 'id="cadence-tag-error">tag: which tag?</p>' in no_tag.text
    assert 'value="30"' in no_tag.text
    good = client.post("/network/tags", data={"csrf_token": token, "tag": "mentors", "days": "30"})
    assert good.status_code == 200
    assert "mentors: every 30 days" in good.text


def test_an_agreement_with_a_bad_date_comes_back_on_its_own_meeting(client: TestClient) -> None:
    token = csrf(client)
    client.post("/feedback/meetings", data={"csrf_token": token, "with_whom": "Morgan", "concerns": "Evenings"})
    meeting = client.get("/api/feedback/meetings").json()["meetings"][0]["id"]
    bad = client.post(
        f"/feedback/meetings/{meeting}/agreements", data={"csrf_token": token, "text": "Rota to Jo", "due": "someday"}
    )
    assert bad.status_code == 400
    assert f'id="agreement-{meeting}-due-error">due date' in bad.text
    assert 'value="Rota to Jo"' in bad.text
    empty = client.post(f"/feedback/meetings/{meeting}/agreements", data={"csrf_token": token, "text": " "})
    assert f'id="agreement-{meeting}-text-error">agreement: write what was agreed</p>' in empty.text
    assert client.get("/api/feedback/meetings").json()["meetings"][0]["agreements"] == []


def test_asking_more_people_and_reopening_come_back_beside_their_fields(client: TestClient) -> None:
    token = csrf(client)
    made = client.post(
        "/feedback/new",
        data={
            "csrf_token": token,
            "title": "How I work",
            "invite": "Jo\nSam\nPriya",
            "ratings": "Plans well",
            "min_answers": "3",
        },
    )
    assert made.status_code == 200
    number = client.get("/api/feedback").json()["requests"][0]["id"]
    nobody = client.post(f"/feedback/{number}/invites", data={"csrf_token": token, "invite": "  \n "})
    assert nobody.status_code == 400
    assert 'id="invite-invite-error">invite: name at least one person to ask</p>' in nobody.text
    assert "Something needs attention" not in nobody.text
    client.post(f"/feedback/{number}/close", data={"csrf_token": token})
    past = client.post(f"/feedback/{number}/reopen", data={"csrf_token": token, "closes_on": "2020-01-01"})
    assert past.status_code == 400
    assert 'id="reopen-closes_on-error">close date: 2020-01-01 has passed' in past.text
    assert 'value="2020-01-01"' in past.text
    assert client.get(f"/api/feedback/{number}").json()["request"]["status"] == "closed"
