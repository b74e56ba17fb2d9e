"""The environment the person thrives in: saved once per owner, checked, partly updated."""

from __future__ import annotations

import pytest

from onward.errors import BadInput
from onward.services import Services


def test_environment_is_saved_and_partly_updated(services: Services) -> None:
    assert not services.fit.environment().saved
    services.fit.save_environment(
        focus="focus", collaboration="collaborative", team_min=4, team_max=8, work_mode="hybrid", hours_per_week=37.5
    )
    services.fit.save_environment(sector="education or community work", notes="Quiet mornings help.")
    env = services.fit.environment()
    assert env.saved and (env.focus, env.collaboration, env.work_mode) == ("focus", "collaborative", "hybrid")
    assert (env.team_min, env.team_max, env.hours_per_week) == (4, 8, 37.5)
    assert env.sector == "education or community work" and env.notes == "Quiet mornings help."
    services.fit.save_environment(work_mode=None)  # "no preference" clears a choice
    assert services.fit.environment().work_mode is None


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"focus": "both"}, "focus must be one of focus, variety"),
        ({"work_mode": "office"}, "work mode must be one of remote, hybrid, on-site"),
        ({"team_min": 8, "team_max": 4}, "largest \\(4\\) is smaller than the smallest \\(8\\)"),
        ({"team_min": 0}, "smallest team size must be from 1"),
        ({"hours_per_week": 0}, "hours per week must be more than 0"),
        ({"colour": "blue"}, "no field\\(s\\) colour"),
    ],
)
def test_bad_environment_values_say_what_is_wrong(services: Services, values: dict[str, object], message: str) -> None:
    with pytest.raises(BadInput, match=message):
        services.fit.save_environment(**values)
    assert not services.fit.environment().saved  # nothing was stored


def test_importing_an_export_twice_keeps_one_environment_and_one_profile(services: Services) -> None:
    from onward.demo import fill_demo

    fill_demo(services)
    exported = services.export()
    services.import_(exported, merge=True)
    tables = services.export()["tables"]
    assert len(tables["environments"]) == 1 and len(tables["role_profiles"]) == 1
    assert services.fit.environment().team_max == 8
