"""Capacity, the load forecast, drift and mistakes through the service, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.errors import BadInput, NotFound
from onward.services import Services
from onward.workload.service import WorkloadService

TODAY = dt.date(2026, 11, 30)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def test_capacity_defaults_to_forty_hours_until_set(services: Services) -> None:
    capacity = services.workload.planning.capacity()
    assert capacity.is_default and capacity.weekly_hours == 40 and capacity.day_hours["sat"] == 0


def test_setting_capacity_by_week_and_by_day(services: Services) -> None:
    w = services.workload
    assert w.planning.set_capacity(weekly_hours=37.5).day_hours == {
        "mon": 7.5, "tue": 7.5, "wed": 7.5, "thu": 7.5, "fri": 7.5, "sat": 0, "sun": 0,
    }  # fmt: skip
    # Days given keep their hours; the other weekdays share the rest.
    four_days = w.planning.set_capacity(weekly_hours=32, days={"fri": 0})
    assert four_days.day_hours["mon"] == 8 and four_days.day_hours["fri"] == 0 and four_days.weekly_hours == 32
    # Days alone change only those days.
    saturday = w.planning.set_capacity(days={"sat": 4})
    assert saturday.weekly_hours == 36 and saturday.day_hours["mon"] == 8
    with pytest.raises(BadInput, match="more than the 10 h week"):
        w.planning.set_capacity(weekly_hours=10, days={"mon": 8, "tue": 8})
    with pytest.raises(BadInput, match="'fun' is not a weekday"):
        w.planning.set_capacity(days={"fun": 3})
    with pytest.raises(BadInput, match="weekly hours, some days"):
        w.planning.set_capacity()


def test_a_later_capacity_leaves_earlier_weeks_alone(services: Services) -> None:
    w = services.workload
    w.planning.set_capacity(weekly_hours=40, starts=days(-30))
    w.planning.set_capacity(weekly_hours=20, starts=days(7))
    assert w.planning.capacity(days(-1)).weekly_hours == 40
    assert w.planning.capacity(days(8)).weekly_hours == 20
    weeks = w.planning.load_forecast(2).weeks
    assert [week.hours_available for week in weeks] == [40, 20]


def test_leave_shows_in_the_forecast(services: Services) -> None:
    w = services.workload
    w.planning.set_capacity(weekly_hours=37.5)
    leave = w.planning.add_capacity_exception(days(7), days(11), note="Leave")
    w.tasks.add_task("Report", due=days(11), effort_hours=10)
    forecast = w.planning.load_forecast(2)
    assert [week.hours_available for week in forecast.weeks] == [37.5, 0]
    assert [week.hours_needed for week in forecast.weeks] == [10, 0]
    assert [e.note for e in w.planning.capacity().exceptions] == ["Leave"]
    with pytest.raises(BadInput, match="ends"):
        w.planning.add_capacity_exception(days(3), days(1))
    w.planning.delete_capacity_exception(leave.id)
    with pytest.raises(NotFound):
        w.planning.delete_capacity_exception(leave.id)


def test_meeting_hours_come_from_the_provider(services: Services) -> None:
    asked: list[tuple[dt.date, int]] = []

    def meetings(start: dt.date, weeks: int) -> list[float]:
        asked.append((start, weeks))
        return [10.0] * weeks

    w = WorkloadService(services.workspace, meeting_hours_by_week=meetings)
    w.tasks.add_task("Report", due=days(4), effort_hours=35)
    week = w.planning.load_forecast(3).weeks[0]
    assert asked == [(TODAY, 3)]
    assert (week.hours_available, week.meeting_hours, week.over) == (30, 10, True)


def test_only_open_and_waiting_work_is_forecast(services: Services) -> None:
    w = services.workload
    kept = w.tasks.add_task("Waiting on Jo", due=days(4), effort_hours=3)
    w.tasks.set_status(kept.id, "waiting")
    for status in ("done", "dropped", "deferred"):
        w.tasks.set_status(w.tasks.add_task(status, due=days(4), effort_hours=50).id, status)
    w.tasks.set_status(w.tasks.add_task("handed", due=days(4), effort_hours=50).id, "handed_off", handed_to="Jo")
    forecast = w.planning.load_forecast(1)
    assert forecast.weeks[0].hours_needed == 3 and set(forecast.hours_by_week) == {kept.id}
    with pytest.raises(BadInput, match="1 to 104 weeks"):
        w.planning.load_forecast(500)


def test_drift_finds_temporary_duties_past_their_end_and_the_share_outside_the_description(
    services: Services,
) -> None:
    w = services.workload
    job = w.duties.add_job("Coordinator")
    core = w.duties.add_responsibility(job.id, "Workshops")
    temp = w.duties.add_responsibility(job.id, "Grant reporting", origin="temporary", expected_end=days(-40))
    w.duties.add_responsibility(job.id, "Summer rota", origin="temporary", expected_end=days(30))
    added = w.duties.add_responsibility(job.id, "Office IT", origin="added")
    w.tasks.add_task("Workshop", responsibility_id=core.id, due=days(4), effort_hours=6)
    w.tasks.add_task("Report", responsibility_id=temp.id, due=days(4), effort_hours=3)
    w.tasks.add_task("Printer", responsibility_id=added.id, due=days(4), effort_hours=1)
    w.tasks.add_task("No duty", due=days(4), effort_hours=10)
    drift = w.planning.drift(weeks=2, past_weeks=2)
    (late,) = drift.temporary_overdue
    assert (late.name, late.days_past, late.open_tasks, late.open_hours) == ("Grant reporting", 40, 1, 3)
    ahead = [week for week in drift.weeks if week.planned]
    assert ahead[0].share_outside == pytest.approx(0.4) and ahead[1].share_outside is None
    assert drift.share_ahead == pytest.approx(0.4)
    assert drift.outside_duties == ["Grant reporting", "Office IT", "Summer rota"]


def test_past_drift_comes_from_finished_work(services: Services) -> None:
    w = services.workload
    job = w.duties.add_job("Coordinator")
    core = w.duties.add_responsibility(job.id, "Workshops")
    added = w.duties.add_responsibility(job.id, "Office IT", origin="added")
    services.workspace.settings.today = days(-7)  # finish the tasks last week
    for duty, hours in ((core.id, 3), (added.id, 1)):
        w.tasks.complete(w.tasks.add_task("x", responsibility_id=duty, effort_hours=hours).id)
    services.workspace.settings.today = TODAY
    past = [week for week in w.planning.drift(weeks=1, past_weeks=2).weeks if not week.planned]
    assert [week.start for week in past] == [days(-14), days(-7)]
    assert past[1].share_outside == pytest.approx(0.25) and past[0].share_outside is None


def test_mistakes_are_logged_and_counted_against_the_load_of_their_week(services: Services) -> None:
    w = services.workload
    w.planning.set_capacity(weekly_hours=40, starts=days(-60))
    job = w.duties.add_job("Coordinator")
    duty = w.duties.add_responsibility(job.id, "Volunteer scheduling")
    rota = w.tasks.add_task("Rota", responsibility_id=duty.id, recurrence="weekly", due=days(3), effort_hours=2)
    services.workspace.settings.today = days(-14)
    heavy = w.tasks.add_task("Big report", effort_hours=60, due=days(-10))  # 60 h over 5 working days
    services.workspace.settings.today = days(-9)
    w.tasks.complete(heavy.id)
    services.workspace.settings.today = TODAY
    mistake = w.mistakes.log_mistake(
        "Sent the rota with last month's names", cause="rushed", task_id=rota.id, happened_on=days(-12),
        lesson="Check the absences list first",
    )  # fmt: skip
    assert mistake.responsibility == "Volunteer scheduling" and mistake.task_title == "Rota"
    assert mistake.offer_checklist
    w.mistakes.log_mistake("Missed a deadline", cause="overloaded", happened_on=days(-1))
    with pytest.raises(BadInput, match="cause must be one of"):
        w.mistakes.log_mistake("x", cause="tired")
    with pytest.raises(BadInput, match="after today"):
        w.mistakes.log_mistake("x", happened_on=days(3))
    assert [m.what_happened for m in w.mistakes.list_mistakes()] == [
        "Missed a deadline",
        "Sent the rota with last month's names",
    ]
    weeks = {week.start: week for week in w.mistakes.mistakes_by_week(weeks=4)}
    heavy_week = weeks[days(-14)]
    assert heavy_week.mistakes == 1 and heavy_week.causes == {"rushed": 1}
    assert heavy_week.load_ratio is not None and heavy_week.load_ratio > 1
    assert weeks[days(-7)].mistakes == 1
    w.tasks.set_checklist(rota.id, ["check absences"])
    assert not w.mistakes.list_mistakes()[1].offer_checklist


def test_colleagues(services: Services) -> None:
    w = services.workload
    jo = w.handoffs.add_colleague("Jo", weekly_limit_hours=6)
    assert w.handoffs.add_colleague("Jo", weekly_limit_hours=4).id == jo.id
    assert [(c.name, c.weekly_limit_hours) for c in w.handoffs.list_colleagues()] == [("Jo", 4)]
    with pytest.raises(BadInput, match="0 to 80"):
        w.handoffs.add_colleague("Sam", weekly_limit_hours=100)
    w.handoffs.delete_colleague(jo.id)
    assert w.handoffs.list_colleagues() == []
