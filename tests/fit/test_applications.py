"""Applications: the stage flow with its history, and follow-up suggestions on the right days."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.errors import BadInput, NotFound
from onward.services import Services

from ..conftest import TODAY


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def test_stage_flow_keeps_its_history(services: Services) -> None:
    fit = services.fit
    a = fit.add_application("Harbour Adult Education", "Adult Literacy Lead", on=ago(40))
    assert a.stage == "wishlist" and a.next_stages == ["applied", "declined"]
    fit.advance(a.id, "applied", on=ago(30))
    fit.advance(a.id, "interviewing", on=ago(20), note="Panel interview")
    a = fit.advance(a.id, "offer", on=ago(5))
    assert a.stage == "offer" and a.applied_on == ago(30) and a.days_since_applying == 30
    assert [(e.stage, e.date, e.note) for e in a.history] == [
        ("wishlist", ago(40), ""),
        ("applied", ago(30), ""),
        ("interviewing", ago(20), "Panel interview"),
        ("offer", ago(5), ""),
    ]
    a = fit.advance(a.id, "accepted")
    assert a.stage == "accepted" and a.next_stages == [] and a.history[-1].date == TODAY


def test_moves_that_make_no_sense_are_refused_with_the_reason(services: Services) -> None:
    fit = services.fit
    a = fit.add_application("Metro", "Coordinator", stage="applied", on=ago(10))
    with pytest.raises(BadInput, match="is applied; it can go to interviewing, offer, rejected, ghosted, declined"):
        fit.advance(a.id, "wishlist")
    with pytest.raises(BadInput, match="before it became applied"):
        fit.advance(a.id, "interviewing", on=ago(11))
    with pytest.raises(BadInput, match="after today"):
        fit.advance(a.id, "interviewing", on=TODAY + dt.timedelta(days=1))
    with pytest.raises(BadInput, match="stage must be one of"):
        fit.advance(a.id, "hired")
    fit.advance(a.id, "rejected")
    with pytest.raises(BadInput, match="that stage is final"):
        fit.advance(a.id, "interviewing")
    with pytest.raises(BadInput, match="starts as wishlist or applied"):
        fit.add_application("Metro", "Coordinator", stage="offer")
    with pytest.raises(NotFound):
        fit.advance(999_999, "applied")
    # No reply is not final: employers do write back late.
    b = fit.add_application("Bright Futures", "Manager", stage="applied", on=ago(34))
    fit.advance(b.id, "ghosted", on=ago(14))
    assert fit.advance(b.id, "interviewing").stage == "interviewing"


@pytest.mark.parametrize(
    ("days", "kind"),
    [(6, None), (7, "follow_up"), (13, "follow_up"), (14, "follow_up"), (20, "follow_up"), (21, "let_go")],
)
def test_follow_up_suggested_at_7_and_14_days_and_letting_go_at_21(
    services: Services, days: int, kind: str | None
) -> None:
    services.fit.add_application("City Library Service", "Literacy Officer", stage="applied", on=ago(days))
    reminders = services.fit.reminders()
    assert [r.kind for r in reminders] == ([kind] if kind else [])
    if kind:
        assert reminders[0].days == days and f"{days} days" in reminders[0].message
        assert "must" not in reminders[0].message and "should" not in reminders[0].message  # a suggestion, not a nag


def test_recording_a_follow_up_quiets_the_suggestion_until_the_next_natural_step(services: Services) -> None:
    fit = services.fit
    a = fit.add_application("City Library Service", "Literacy Officer", stage="applied", on=ago(9))
    assert [r.kind for r in fit.reminders()] == ["follow_up"]
    fit.record_follow_up(a.id, on=ago(1), note="Short email to Jo")
    assert fit.reminders() == []
    assert fit.get_application(a.id).history[-1].note == "Short email to Jo"
    # Two weeks after applying the follow-up on day 8 no longer covers it: a second note is suggested.
    b = fit.add_application("Eastside College", "Instructor", stage="applied", on=ago(15))
    fit.record_follow_up(b.id, on=ago(7))
    assert [(r.application_id, r.kind) for r in fit.reminders()] == [(b.id, "follow_up")]


def test_interviews_and_next_steps_get_their_own_gentle_notes(services: Services) -> None:
    fit = services.fit
    quiet = fit.add_application("Northside", "Tutor Coordinator", stage="applied", on=ago(24))
    fit.advance(quiet.id, "interviewing", on=ago(8))
    soon = fit.add_application("Harbour", "Literacy Lead", stage="applied", on=ago(20))
    fit.advance(soon.id, "interviewing", on=ago(10))
    fit.set_next_step(soon.id, "Second interview", on=TODAY + dt.timedelta(days=1), people_met=["Dana Reyes", " "])
    reminders = fit.reminders()
    assert [(r.application_id, r.kind) for r in reminders] == [(soon.id, "next_step"), (quiet.id, "follow_up")]
    assert reminders[0].message == "Coming up with Harbour: Second interview, tomorrow."
    assert fit.get_application(soon.id).people_met == ["Dana Reyes"]


def test_the_demo_tells_alexs_job_search(services: Services) -> None:
    from onward.demo import fill_demo

    fill_demo(services)
    applications = {a.employer: a for a in services.fit.list_applications()}
    ghosted = applications["Bright Futures Trust"]
    assert ghosted.stage == "ghosted"
    assert (ghosted.history[-1].date - ghosted.history[0].date).days == 20  # no reply 20 days after applying
    assert applications["Northside Adult Learning Centre"].stage == "interviewing"
    assert applications["Harbour Adult Education"].has_offer and applications["Metro Nonprofit Services"].has_offer
    kinds = {r.employer: r.kind for r in services.fit.reminders()}
    assert kinds == {"Northside Adult Learning Centre": "next_step", "City Library Service": "follow_up"}
