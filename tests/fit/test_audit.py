"""The task audit on both databases: rating duties (past jobs too) and single tasks, and the quadrant."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.demo import fill_demo
from onward.errors import BadInput, NotFound
from onward.fit.quadrant import quadrant_chart
from onward.services import Services

from ..conftest import TODAY


def test_rating_a_duty_moves_it_on_the_quadrant(services: Services) -> None:
    job = services.workload.duties.add_job("Program Coordinator", employer="Riverside Literacy")
    workshops = services.fit.add_responsibility(job.id, "Adult literacy workshops")
    grants = services.fit.add_responsibility(job.id, "Grant reporting")
    assert services.fit.audit().points == []  # nothing rated, nothing on the chart
    services.fit.rate_duty(workshops.id, enjoyment="love", skill=5, energy=2)
    services.fit.rate_duty(grants.id, enjoyment="without", skill=2, energy=-2)
    audit = services.fit.audit()
    points = {p.name: p for p in audit.points}
    assert (points["Adult literacy workshops"].enjoyment, points["Adult literacy workshops"].skill) == ("love", 5)
    assert points["Adult literacy workshops"].core and not points["Grant reporting"].core
    assert (audit.rated, audit.unrated) == (2, 0)
    # A loved duty with skill 3 is loved but not (yet) in the loved-and-good corner.
    services.fit.rate_duty(workshops.id, skill=3)
    assert not {p.name: p for p in services.fit.audit().points}["Adult literacy workshops"].core


def test_past_job_duties_are_rated_alongside_the_current_ones(services: Services) -> None:
    services.workload.duties.add_job("Program Coordinator")
    past = services.fit.add_past_job(
        "Teaching assistant", employer="Hillside Primary", start_date=dt.date(2019, 9, 1), end_date=dt.date(2025, 7, 20)
    )
    duty = services.fit.add_responsibility(past.id, "Small-group reading sessions", description="Phonics groups")
    services.fit.rate_duty(duty.id, enjoyment="love", skill=5, energy=2)
    jobs = services.fit.audit().jobs
    assert [j.title for j in jobs] == ["Program Coordinator", "Teaching assistant"]  # current first
    assert jobs[1].past and jobs[1].duties[0].in_core
    assert services.fit.profile().core == ["Small-group reading sessions"]


def test_a_past_job_needs_an_end_date_that_has_passed(services: Services) -> None:
    with pytest.raises(BadInput, match="end date is needed"):
        services.fit.add_past_job("Teaching assistant", end_date=None)
    with pytest.raises(BadInput, match="after today"):
        services.fit.add_past_job("Teaching assistant", end_date=TODAY + dt.timedelta(days=1))


def test_single_tasks_can_be_rated_and_bad_ratings_say_why(services: Services) -> None:
    fill_demo(services)
    duty = next(d for job in services.fit.audit().jobs for d in job.duties if d.name == "Tutor training")
    task = next(t for t in duty.tasks if t.title == "Update tutor handbook")
    services.fit.rate_task(task.id, enjoyment="without", skill=3)
    again = next(d for job in services.fit.audit().jobs for d in job.duties if d.id == duty.id)
    rated = next(t for t in again.tasks if t.id == task.id)
    assert (rated.enjoyment, rated.skill) == ("without", 3)
    with pytest.raises(BadInput, match="love, like, without"):
        services.fit.rate_task(task.id, enjoyment="meh")
    with pytest.raises(BadInput, match="from 1 to 5"):
        services.fit.rate_task(task.id, skill=0)
    with pytest.raises(NotFound, match="no task"):
        services.fit.rate_task(999_999, skill=3)
    with pytest.raises(BadInput, match="drains me"):
        services.fit.rate_duty(duty.id, energy=3)


def test_the_quadrant_names_each_duty_and_shades_the_core(services: Services) -> None:
    fill_demo(services)
    svg = quadrant_chart(services.fit.audit().points).svg()
    assert "Core of your ideal role" in svg
    assert "Adult literacy workshops: love, skill 5, energy +2" in svg
    assert "Grant reporting: could do without, skill 2, energy -2" in svg
    assert "style=" not in svg  # the pages' CSP forbids inline styles
