"""Requests: found in the newest part of received mail addressed to the person, deadlines read against the
message's date, accepted as workload tasks with a link back, dismissed or marked done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onward.errors import NotFound
from onward.mail.deadlines import find_due
from onward.mail.detect import baseline, find_request
from onward.services import Services

from .conftest import raw, write_mbox

ME = "alex@example.org"


@pytest.mark.parametrize(
    "text",
    [
        "Could you send me the rota by Friday?",
        "Please review the attached draft and add your comments.",
        "Mark, please forward this to Jim.",
        "Let me know what you think.",
        "Let me know if this works:",
        "Is the reference to the State a reference to the DPUC?",
        "We need to have two more books created as soon as possible.",
    ],
)
def test_questions_and_directives_to_the_reader_are_requests(text: str) -> None:
    assert find_request(f"Hi Alex,\n{text}") == text


@pytest.mark.parametrize(
    "text",
    [
        "If you have any questions, please let me know.",
        "Please see the attached file.",
        "Attached please find the minutes.",
        "FYI, the printer works again.",
        "Let me know if I can help.",
        "Thanks for covering Tuesday.",
        "Start Date: 1/10/02; HourAhead hour: 19; No variances detected.",
        "Click here to unsubscribe from this list. Get 5,000 bonus miles today!",
    ],
)
def test_offers_pointers_and_notices_are_not(text: str) -> None:
    assert find_request(text) == ""


def test_the_baseline_is_a_question_mark_or_an_imperative_start() -> None:
    assert baseline("Any news?") and baseline("Send the rota.") and not baseline("The rota is done.")
    assert baseline("If you have questions, please call?")  # what the simple rule gets wrong


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Please send it by Friday.", dt.date(2026, 12, 4)),
        ("I need it EOD tomorrow.", dt.date(2026, 12, 2)),
        ("Reply by COB Monday please.", dt.date(2026, 12, 7)),
        ("Can you finish by end of week?", dt.date(2026, 12, 4)),
        ("Send comments no later than 12/10.", dt.date(2026, 12, 10)),
        ("Please look at it when you can.", None),
    ],
)
def test_deadlines_are_read_against_the_messages_own_date(text: str, due: dt.date | None) -> None:
    tuesday = dt.datetime(2026, 12, 1, 22, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert find_due(text, tuesday) == due


def _mailbox(services: Services, tmp_path: Path) -> None:
    messages = [
        raw(
            "ask@x",
            to=ME,
            subject="Rota",
            body="Hi Alex,\n\nCould you send me the rota by Friday?\n\nThanks,\nSam",
            date="Tue, 01 Dec 2026 10:00:00 -0600",
        ),
        raw(
            "cc@x",
            to="jo@example.org",
            cc=ME,
            subject="Room",
            body="Please book the library room.",
            date="Tue, 01 Dec 2026 11:00:00 -0600",
        ),
        raw("other@x", to="jo@example.org", subject="Not you", body="Can you call the printer people?"),
        raw("quoted@x", to=ME, subject="Re: Rota", body="Done.\n\n-----Original Message-----\nCan you do it?"),
        raw("mine@x", sender=ME, to="sam@example.org", subject="Question", body="Can you come at ten?"),
    ]
    services.mail.imports.import_path(write_mbox(tmp_path / "in.mbox", messages), me=[ME])


def test_the_inbox_holds_requests_to_the_person_only(mail_services: Services, tmp_path: Path) -> None:
    _mailbox(mail_services, tmp_path)
    inbox = mail_services.mail.requests.inbox()
    assert [(item.message_id, item.request, item.due) for item in inbox] == [
        ("<ask@x>", "Could you send me the rota by Friday?", dt.date(2026, 12, 4)),
        ("<cc@x>", "Please book the library room.", None),
    ]


def test_accepting_makes_a_workload_task_that_links_back(mail_services: Services, tmp_path: Path) -> None:
    _mailbox(mail_services, tmp_path)
    accepted = mail_services.mail.requests.accept("<ask@x>")
    assert accepted.state == "accepted" and accepted.task_id is not None
    task = mail_services.workload.tasks.get_task(accepted.task_id)
    assert (task.title, task.due, task.tags) == (
        "Could you send me the rota by Friday?",
        dt.date(2026, 12, 4),
        ["mail"],
    )
    assert f"/mail/messages/{accepted.id}" in task.notes
    again = mail_services.mail.requests.accept("<ask@x>")  # accepting twice makes one task
    assert again.task_id == accepted.task_id
    assert len(mail_services.workload.tasks.list_tasks()) == 1
    assert [item.message_id for item in mail_services.mail.requests.inbox()] == ["<cc@x>"]


def test_dismissed_and_done_leave_the_inbox_and_can_come_back(mail_services: Services, tmp_path: Path) -> None:
    _mailbox(mail_services, tmp_path)
    mail_services.mail.requests.dismiss("<ask@x>")
    mail_services.mail.requests.mark_done("<cc@x>")
    assert mail_services.mail.requests.inbox() == []
    assert mail_services.mail.requests.counts() == {"proposed": 0, "accepted": 0, "dismissed": 1, "done": 1}
    mail_services.mail.requests.reopen("<ask@x>")
    assert [item.message_id for item in mail_services.mail.requests.inbox()] == ["<ask@x>"]
    with pytest.raises(NotFound, match="there is no message <nope@x>"):
        mail_services.mail.requests.accept("<nope@x>")


def test_changing_who_is_me_sorts_the_mail_again(mail_services: Services, tmp_path: Path) -> None:
    _mailbox(mail_services, tmp_path)
    assert mail_services.mail.counts() == {"sent": 1, "received": 4}
    mail_services.mail.me.set_addresses(["jo@example.org"])
    assert mail_services.mail.counts() == {"sent": 0, "received": 5}
    # now the mail to jo asks things of the person
    assert {item.message_id for item in mail_services.mail.requests.inbox()} == {"<cc@x>", "<other@x>"}


def test_a_bare_question_mark_over_a_forward_reads_as_a_question_about_its_subject(
    mail_services: Services, tmp_path: Path
) -> None:
    forward = raw("fw@x", to=ME, subject="FW: Capacity release", body="??\n\n-----Original Message-----\nFrom: Ivy")
    mail_services.mail.imports.import_path(write_mbox(tmp_path / "fw.mbox", [forward]), me=[ME])
    assert [item.request for item in mail_services.mail.requests.inbox()] == ["Asks about “FW: Capacity release”"]
