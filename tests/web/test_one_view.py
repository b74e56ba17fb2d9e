"""One view, three renderings: the page's `/api` twin and the CLI's `--json` are the same object."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from onward.cli.main import main
from onward.services import Services
from onward.settings import Settings


def test_the_handoff_api_twin_and_onward_handoff_json_are_one_object(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services.local(settings)
    services.fill_demo()
    services.workload.handoffs.add_colleague("Jo", weekly_limit_hours=6)
    services.store.dispose()
    page = client.get("/api/workload/handoff", params={"weeks": 6})
    assert page.status_code == 200

    monkeypatch.setenv("ONWARD_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ONWARD_TODAY", settings.today.isoformat() if settings.today else "")
    capsys.readouterr()
    assert main(["--db", str(settings.database_url), "handoff", "--weeks", "6", "--time-limit", "5", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    api = page.json()

    assert list(cli) == list(api)  # the same keys in the same order
    api.pop("seconds"), cli.pop("seconds")  # how long the solver took is the only thing that may differ
    assert cli == api
    assert len(api["weeks"]) == 6 and api["suggestions"] and api["chart"]["kind"] == "bars"
    assert any(s["action"] == "hand_off" and s["colleague"] == "Jo" for s in api["suggestions"])


def test_charts_reach_the_json_twin_as_series_not_pictures(client: TestClient, settings: Settings) -> None:
    services = Services.local(settings)
    services.fill_demo()
    services.store.dispose()
    load = client.get("/api/workload/load", params={"weeks": 4}).json()
    chart = load["load_chart"]
    assert "<svg" not in json.dumps(load)
    assert chart["labels"] == ["Nov 30", "Dec 7", "Dec 14", "Dec 21"]
    needed = [sum(s["values"][i] for s in chart["stacks"]) for i in range(4)]
    # The bars add up to the forecast's hours needed (meetings included), week by week.
    assert needed == pytest.approx([w["hours_needed"] + w["meeting_hours"] for w in load["weeks"]], abs=0.01)
    html = client.get("/workload/load", params={"weeks": 4}).text
    assert html.count("<svg") >= 2 and "Hours needed each week, by duty" in html


@pytest.mark.parametrize(
    ("api", "command"),
    [("/api/workload/load?weeks=6", ["load", "--weeks", "6"]), ("/api/workload/drift", ["drift"])],
)
def test_the_load_and_drift_api_twins_are_what_the_cli_prints(
    api: str,
    command: list[str],
    client: TestClient,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    services = Services.local(settings)
    services.fill_demo()
    services.store.dispose()
    page = client.get(api).json()
    monkeypatch.setenv("ONWARD_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ONWARD_TODAY", settings.today.isoformat() if settings.today else "")
    capsys.readouterr()
    assert main(["--db", str(settings.database_url), *command, "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert list(cli) == list(page) and cli == page
    assert page["weeks"] and "chart" in "".join(page)


def test_the_occupations_api_twin_is_what_onward_occupations_match_json_prints(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tasks = ["Teach adults to read", "Train volunteer tutors"]
    # Matching by words on both sides, so the page need not wait for the model.
    page = client.get("/api/fit/occupations", params={"tasks": "\n".join(tasks), "top": 3}).json()
    monkeypatch.setenv("ONWARD_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ONWARD_CACHE_DIR", str(settings.cache_dir))
    capsys.readouterr()
    assert main(["--db", str(settings.database_url), "occupations", "match", *tasks, "--top", "3", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert list(cli) == list(page)
    assert [r["code"] for r in cli["results"]] == [r["code"] for r in page["results"]] or page["preparing"]
    assert set(cli["results"][0]) == set(page["results"][0]) >= {"code", "title", "score", "evidence", "avoid"}
