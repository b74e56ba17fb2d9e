"""Jobs and duties on both databases: adding, rating, and the open load per duty."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.demo import fill_demo
from onward.errors import BadInput, NotFound
from onward.services import Services


def test_add_job_and_rate_a_duty(services: Services) -> None:
    job = services.workload.duties.add_job(
        "Program Coordinator", employer="Riverside Literacy", start_date=dt.date(2026, 4, 1)
    )
    duty = services.workload.duties.add_responsibility(job.id, "Grant reporting", origin="temporary")
    rated = services.workload.duties.rate_responsibility(duty.id, enjoyment="without", skill=2, energy=-2)
    assert (rated.enjoyment, rated.skill, rated.energy) == ("without", 2, -2)
    assert services.workload.duties.current_job() == job


def test_bad_ratings_say_what_is_allowed(services: Services) -> None:
    job = services.workload.duties.add_job("Coordinator")
    duty = services.workload.duties.add_responsibility(job.id, "Newsletter")
    with pytest.raises(BadInput, match="love, like, without"):
        services.workload.duties.rate_responsibility(duty.id, enjoyment="hate")
    with pytest.raises(BadInput, match="from 1 to 5"):
        services.workload.duties.rate_responsibility(duty.id, skill=9)
    with pytest.raises(NotFound):
        services.workload.duties.rate_responsibility(duty.id + 100, skill=3)
    with pytest.raises(BadInput, match="origin"):
        services.workload.duties.add_responsibility(job.id, "Gala", origin="forever")


def test_demo_duties_carry_their_open_load(services: Services) -> None:
    fill_demo(services)
    duties = {d.name: d for d in services.workload.duties.list_responsibilities()}
    grants = duties["Grant reporting"]
    assert grants.origin == "temporary" and grants.enjoyment == "without"
    assert grants.open_tasks == 4 and grants.remaining_hours == pytest.approx(51.0)
    assert duties["Adult literacy workshops"].enjoyment == "love"
