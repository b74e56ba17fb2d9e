"""`onward feedback` and `onward meetings` as a person would type them, with the issue's --json contract."""

from __future__ import annotations

import json

from onward.services import Services
from onward.settings import Settings


def test_create_prints_the_request_its_questions_in_order_and_one_link_each(onward, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ONWARD_PUBLIC_URL", "https://onward.example.org")
    code, out, err = onward(
        "feedback", "create", "--title", "My habits", "--question", "What should I keep doing?",
        "--rating", "Plans realistically", "--anonymous", "--min-answers", "3",
        "--invite", "Jo", "--invite", "Sam <sam@example.org>", "--invite", "Priya", "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["request_id"] == 1
    assert data["questions"] == [
        {"kind": "rating", "text": "Plans realistically"},
        {"kind": "open", "text": "What should I keep doing?"},
    ]
    assert [link["name"] for link in data["links"]] == ["Jo", "Sam", "Priya"]
    assert all(link["url"].startswith("https://onward.example.org/f/") for link in data["links"])

    code, out, _ = onward("feedback", "results", "1", "--json")
    results = json.loads(out)
    assert code == 0 and (results["answers"], results["shown"], results["min_answers"]) == (0, False, 3)


def test_results_appear_once_three_answered(onward, db_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = onward("feedback", "create", "--title", "T", "--rating", "Plans", "--invite", "A", "--invite", "B",
                       "--invite", "C", "--json")  # fmt: skip
    links = [link["url"].rsplit("/", 1)[1] for link in json.loads(out)["links"]]
    from ..conftest import TODAY

    services = Services.local(Settings(data_dir=tmp_path / "data", database_url=db_url, today=TODAY))
    for token, score in zip(links, (2, 4, 5), strict=True):
        services.feedback.answers.submit(token, [score])
    services.store.dispose()
    _, out, _ = onward("feedback", "results", "1", "--json")
    results = json.loads(out)
    assert (results["answers"], results["shown"], results["ratings"][0]["distribution"]) == (3, True, [0, 1, 0, 1, 1])
    _, out, _ = onward("feedback", "results", "1")
    assert "others: 3.7" in out
    assert onward("feedback", "rate-myself", "1", "4")[0] == 0
    assert "you: 4" in onward("feedback", "results", "1")[1]
    assert "closed" in onward("feedback", "close", "1")[1]
    assert "3 of 3 answered" in onward("feedback", "list")[1]
    assert "no longer work" in onward("feedback", "revoke", "1")[1]


def test_bad_input_is_one_line_naming_the_reason(onward) -> None:  # type: ignore[no-untyped-def]
    code, _, err = onward("feedback", "create", "--title", "T", "--invite", "A", "--min-answers", "2")
    assert code == 1 and err.startswith("error: minimum answers must be from 3")
    code, _, err = onward("feedback", "results", "9")
    assert code == 1 and "there is no feedback request 9" in err


def test_meetings_log_turns_agreements_into_tasks(onward) -> None:  # type: ignore[no-untyped-def]
    code, out, err = onward("meetings", "log", "--with", "Morgan", "--concern", "Evenings", "--agreement",
                            "Hand the rota to Jo", "--next", "2026-12-14", "--json")  # fmt: skip
    assert code == 0, err
    meeting = json.loads(out)
    assert meeting["agreements"][0]["task_status"] == "open"
    code, out, _ = onward("tasks", "list", "--json")
    assert "Hand the rota to Jo" in out
    assert onward("meetings", "agree", "1", "Review in a month")[0] == 0
    code, out, _ = onward("meetings", "list")
    assert "[open] Review in a month" in out and "next: 2026-12-14" in out


def test_results_json_is_the_results_pages_api_twin(onward, db_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from onward.web.app import create_app

    from ..conftest import TODAY

    _, out, _ = onward(
        "feedback", "create", "--title", "T", "--invite", "A", "--invite", "B", "--invite", "C", "--json"
    )
    settings = Settings(data_dir=tmp_path / "data", database_url=db_url, today=TODAY, open_browser=False)
    services = Services.local(settings)
    for link, words in zip(json.loads(out)["links"], ("Keep going. Plan ahead.", "Plan ahead!", "Calm."), strict=True):
        services.feedback.answers.submit(link["url"].rsplit("/", 1)[1], [3, 4, None, 5, words, None, None])
    services.store.dispose()
    with TestClient(create_app(settings, token="t-0123456789"), base_url="http://127.0.0.1") as client:
        client.get("/?token=t-0123456789")
        api = client.get("/api/feedback/1/results").json()
    _, out, _ = onward("feedback", "results", "1", "--json")
    assert json.loads(out) == api and api["shown"] is True
