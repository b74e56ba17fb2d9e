"""`onward mail …` as a person types it: the issue's contract for import, hours --json and requests --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..mail.conftest import raw, write_mbox

ME = "alex@example.org"


@pytest.fixture
def mailbox(tmp_path: Path) -> Path:
    return write_mbox(
        tmp_path / "mail.mbox",
        [
            raw("a@x", sender=ME, to="sam@example.org", date="Mon, 30 Nov 2026 23:10:00 -0500"),
            raw("b@x", sender=ME, to="sam@example.org", date="Tue, 01 Dec 2026 10:00:00 -0600"),
            raw(
                "c@x",
                to=ME,
                subject="Rota",
                body="Could you send me the rota by Friday?",
                date="Tue, 01 Dec 2026 09:00:00 -0600",
            ),
            b"not a message\n",
        ],
    )


def test_import_prints_the_counts_and_names_the_broken(onward, mailbox: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = onward("mail", "import", str(mailbox), "--format", "mbox", "--me", ME)
    assert code == 0
    assert "Imported 3 messages; 0 skipped as duplicates; 1 broken." in out
    assert "mail.mbox message 4: it does not start with mail headers" in err
    code, out, _ = onward("mail", "import", str(mailbox))
    assert "Imported 0 messages; 3 skipped as duplicates; 1 broken." in out


def test_hours_json_is_the_contract(onward, mailbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ONWARD_TIMEZONE", "America/Chicago")
    monkeypatch.setenv("ONWARD_WORK_START", "09:00")
    monkeypatch.setenv("ONWARD_WORK_END", "17:30")
    monkeypatch.setenv("ONWARD_WORK_DAYS", "Mon,Tue,Wed,Thu,Fri")
    onward("mail", "import", str(mailbox), "--me", ME)
    code, out, _ = onward("mail", "hours", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"sent_total", "after_hours_total", "by_hour", "by_weekday", "weeks"}
    assert (data["sent_total"], data["after_hours_total"]) == (2, 1)
    assert len(data["by_hour"]) == 24 and data["by_hour"][22] == 1 and data["by_hour"][10] == 1
    assert data["by_weekday"] == [1, 1, 0, 0, 0, 0, 0]
    assert data["weeks"] == [{"start": "2026-11-30", "sent": 2, "after_hours": 1}]


def test_requests_json_is_the_contract_and_accept_makes_a_task(onward, mailbox: Path) -> None:  # type: ignore[no-untyped-def]
    onward("mail", "import", str(mailbox), "--me", ME)
    code, out, _ = onward("mail", "requests", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "message_id": "<c@x>",
            "from": "sam@example.org",
            "subject": "Rota",
            "date": "2026-12-01T09:00:00-06:00",
            "request": "Could you send me the rota by Friday?",
            "due": "2026-12-04",
        }
    ]
    code, out, _ = onward("mail", "accept", "<c@x>")
    assert code == 0 and "It is now task" in out
    code, out, _ = onward("tasks", "list", "--json")
    assert [task["title"] for task in json.loads(out)] == ["Could you send me the rota by Friday?"]
    code, out, _ = onward("mail", "requests", "--json")
    assert json.loads(out) == []


def test_bad_input_is_one_line_not_a_traceback(onward, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = onward("mail", "import", str(tmp_path / "missing.mbox"))
    assert code == 1 and err.strip() == f"error: {tmp_path / 'missing.mbox'}: no such file or folder"
    code, _, err = onward("mail", "import", str(tmp_path), "--format", "pst")
    assert code == 1 and "--format must be one of mbox|maildir|eml|csv|auto" in err
    code, _, err = onward("mail", "me", "--set", "not an address")
    assert code == 1 and "is not an email address" in err
    code, _, err = onward("mail", "accept", "<nope@x>")
    assert code == 1 and "there is no message <nope@x>" in err
