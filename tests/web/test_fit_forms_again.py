"""Fit's application form comes back with what was typed and each message beside its field; nothing is saved."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .conftest import csrf


def test_an_application_without_an_employer_comes_back_as_typed(client: TestClient) -> None:
    token = csrf(client)
    before = client.get("/api/fit/applications").json()
    bad = client.post(
        "/fit/applications",
        data={
            "csrf_token": token,
            "employer": "  ",
            "role_title": "Literacy coordinator",
            "stage": "applied",
            "next_step_on": "next-ish",
            "notes": "Met Sam at the fair",
        },
    )
    assert bad.status_code == 400
    assert 'id="application-employer-error">Employer is needed</p>' in bad.text
    assert 'id="application-next_step_on-error">next step date' in bad.text
    assert 'value="Literacy coordinator"' in bad.text
    assert "Met Sam at the fair</textarea>" in bad.text
    assert 'value="applied" checked' in bad.text
    assert "Field required" not in bad.text
    assert client.get("/api/fit/applications").json() == before
    good = client.post(
        "/fit/applications",
        data={"csrf_token": token, "employer": "City Library", "role_title": "Literacy coordinator"},
        follow_redirects=False,
    )
    assert good.status_code == 303
    assert client.get("/api/fit/applications").json() != before
