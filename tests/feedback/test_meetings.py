"""1:1s: what was agreed lands on the plate as tasks, the next date is kept, the one-page report can be attached."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.errors import BadInput
from onward.services import Services


def test_agreements_become_tasks_on_the_plate(services: Services) -> None:
    meetings = services.feedback.meetings
    meeting = meetings.log(
        services.today,
        with_whom="Morgan",
        concerns=["Too much grant work"],
        agreements=[("Hand the rota to Jo", services.today + dt.timedelta(days=7)), ("Agree an end date", None)],
        next_on=services.today + dt.timedelta(days=14),
    )
    tasks = {t.title: t for t in services.workload.tasks.list_tasks()}
    rota = tasks["Hand the rota to Jo"]
    assert (rota.status, rota.due, rota.tags) == ("open", services.today + dt.timedelta(days=7), ["1:1"])
    assert "Agreed at the 1:1" in rota.notes and "Morgan" in rota.notes
    assert "Agree an end date" in tasks
    assert [a.task_id for a in meeting.agreements] == [rota.id, tasks["Agree an end date"].id]

    services.workload.tasks.set_status(rota.id, "done")
    later = meetings.add_agreement(meeting.id, "Review the load in a month")
    assert [a.task_status for a in later.agreements] == ["done", "open", "open"]
    assert meetings.next_meeting() == services.today + dt.timedelta(days=14)


def test_the_one_page_report_is_attached_as_it_stood(services: Services) -> None:
    task = services.workload.tasks.add_task("Grant report", effort_hours=6, due=services.today - dt.timedelta(days=2))
    meeting = services.feedback.meetings.log(services.today, attach_report=True)
    assert meeting.report is not None and "Grant report" in meeting.report  # overdue, so the report names it
    assert meeting.report_taken_on == services.today
    services.workload.tasks.set_status(task.id, "done")
    assert "Grant report" in (services.feedback.meetings.get(meeting.id).report or "")  # as it stood that day


def test_bad_dates_and_empty_agreements_are_refused_with_the_reason(services: Services) -> None:
    with pytest.raises(BadInput, match=r"next 1:1: .* is before this one"):
        services.feedback.meetings.log(services.today, next_on=services.today - dt.timedelta(days=1))
    meeting = services.feedback.meetings.log(services.today)
    with pytest.raises(BadInput, match="write what was agreed"):
        services.feedback.meetings.add_agreement(meeting.id, "   ")
    assert services.workload.tasks.list_tasks() == []
