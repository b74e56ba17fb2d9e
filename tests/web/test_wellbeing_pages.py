"""Well-being pages over HTTP: the trends' /api twin is the CLI's --json; forms refuse bad input calmly."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from onward.cli.main import main
from onward.services import Services
from onward.settings import Settings

from .conftest import csrf


def test_the_trends_api_twin_and_onward_wellbeing_trend_json_are_one_object(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services.local(settings)
    services.fill_demo()
    services.store.dispose()
    api = client.get("/api/wellbeing/trends", params={"years": "all"}).json()
    monkeypatch.setenv("ONWARD_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ONWARD_TODAY", settings.today.isoformat() if settings.today else "")
    capsys.readouterr()
    assert main(["--db", str(settings.database_url), "wellbeing", "trend", "--years", "all", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert cli == api
    assert api["check_ins"] > 100 and api["charts"]["pixels"]["kind"] == "pixels"
    assert api["charts"]["who5"]["thresholds"] == [
        {"value": 50, "label": "low well-being: 50 or less"},
        {"value": 28, "label": "28 or less: talk to a professional"},
    ]


def test_bad_questionnaire_input_is_a_clear_message_not_an_error_page(client: TestClient) -> None:
    token = csrf(client)
    assert client.get("/wellbeing/survey/phq9").status_code == 400
    response = client.post("/wellbeing/survey/who5", data={"csrf_token": token, "item_1": "9"})
    assert response.status_code == 400
    assert "item 1 (\u201cI have felt cheerful and in good spirits\u201d): 9 is not one of the answers" in response.text
    nothing = client.post("/wellbeing/survey/who5", data={"csrf_token": token})
    assert nothing.status_code == 400 and "no question was answered" in nothing.text
    assert client.get("/api/wellbeing/trends").json()["questionnaires"] == []
    assert client.get("/api/wellbeing/surveys/999").status_code == 404
