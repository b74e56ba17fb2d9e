"""Check-ins on SQLite and PostgreSQL: one per day, replacing; clear messages; the week's load kept with each."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.errors import BadInput
from onward.services import Services

from ..conftest import TODAY


def test_checking_in_again_the_same_day_replaces_it(services: Services) -> None:
    checks = services.wellbeing.check_ins
    checks.check_in(mood=2, energy=3, sleep_hours=6.5, worked_hours=10, after_hours_minutes=90, saw_people=False)
    checks.check_in(mood=4, energy=4, note="  better\nafter a walk ")
    rows = checks.all()
    assert len(rows) == 1
    assert (rows[0].mood, rows[0].energy, rows[0].note, rows[0].sleep_hours) == (4, 4, "better after a walk", None)


def test_a_check_in_keeps_this_weeks_load(services: Services) -> None:
    services.workload.planning.set_capacity(weekly_hours=10)
    services.workload.tasks.add_task("Grant report", due=TODAY + dt.timedelta(days=3), effort_hours=15)
    today = services.wellbeing.check_ins.check_in(mood=2, energy=2)
    assert today.load_ratio == pytest.approx(services.workload.planning.load_forecast(1).weeks[0].ratio, abs=1e-3)
    assert today.load_ratio is not None and today.load_ratio > 1
    # A day in an earlier week cannot know that week's load: none is made up.
    earlier = services.wellbeing.check_ins.check_in(mood=3, energy=3, day=TODAY - dt.timedelta(days=10))
    assert earlier.load_ratio is None


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"mood": 6, "energy": 3}, r"mood goes from 1 \(low\) to 5"),
        ({"mood": 3, "energy": 0}, "energy goes from 1"),
        ({"mood": 3, "energy": 3, "sleep_hours": 25.0}, "sleep is hours in a night"),
        ({"mood": 3, "energy": 3, "worked_hours": 2.0, "after_hours_minutes": 180}, "are part of the hours worked"),
        ({"mood": 3, "energy": 3, "day": TODAY + dt.timedelta(days=1)}, "is in the future"),
    ],
)
def test_values_out_of_range_are_refused_by_name(services: Services, values: dict[str, object], message: str) -> None:
    with pytest.raises(BadInput, match=message):
        services.wellbeing.check_ins.check_in(**values)  # type: ignore[arg-type]
    assert services.wellbeing.check_ins.all() == []


def test_a_check_in_on_a_day_off_counts_all_its_work_as_after_hours(services: Services) -> None:
    saturday = TODAY - dt.timedelta(days=2)  # TODAY is a Monday; the default working days are Mon-Fri
    services.wellbeing.check_ins.check_in(mood=3, energy=3, worked_hours=2, day=saturday)
    services.wellbeing.check_ins.check_in(mood=3, energy=3, worked_hours=9, after_hours_minutes=30)
    weeks = services.wellbeing.weeks()
    assert [(w.start, w.after_hours_hours) for w in weeks] == [
        (TODAY - dt.timedelta(days=7), 2.0),
        (TODAY, 0.5),
    ]


def test_questionnaires_are_kept_with_their_scores(services: Services) -> None:
    taken = services.wellbeing.questionnaires.take("who5", [3, 2, 4, 1, 2])
    again = services.wellbeing.questionnaires.get(taken.id)
    assert again.scores == {"wellbeing": 48.0} and again.items == [3, 2, 4, 1, 2]
    with pytest.raises(BadInput, match="no question was answered"):
        services.wellbeing.questionnaires.take("who5", [None] * 5)
    assert len(services.wellbeing.questionnaires.history()) == 1


def test_an_export_comes_back_whole_and_a_second_import_adds_nothing_twice(services: Services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services.wellbeing.check_ins.check_in(mood=2, energy=3, sleep_hours=6.5, note="long day")
    services.wellbeing.check_ins.check_in(mood=4, energy=4, day=TODAY - dt.timedelta(days=1))
    services.wellbeing.questionnaires.take("cbi", [75, 75, 75, 50, 75, 50, 75, 75, 50, 75, 50, 50, 25])
    exported = services.export()
    other = Services.local(services.workspace.settings.with_database(f"sqlite:///{tmp_path / 'other.sqlite'}"))
    other.import_(exported)
    assert other.wellbeing.check_ins.all() == services.wellbeing.check_ins.all()
    assert other.wellbeing.questionnaires.history()[0].scores == {"personal": 66.7, "work": 64.3, "client": None}
    other.import_(exported, merge=True)
    assert len(other.wellbeing.check_ins.all()) == 2  # one check-in per day, matched by its day
    assert len(other.wellbeing.questionnaires.history()) == 1
    other.store.dispose()
