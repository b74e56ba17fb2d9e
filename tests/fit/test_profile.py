"""The ideal-role profile: written from ratings and environment, kept in the person's words, exported."""

from __future__ import annotations

from onward.demo import fill_demo
from onward.fit.profile import CORE_SKILL
from onward.services import Services


def _alex_like(services: Services) -> dict[str, int]:
    job = services.workload.duties.add_job("Program Coordinator", employer="Riverside Literacy")
    ratings = {
        "Adult literacy workshops": ("love", 5, 2),
        "Tutor training": ("love", 4, 1),
        "Library partnerships": ("like", 4, 1),
        "Grant reporting": ("without", 2, -2),
        "Office IT": ("without", 3, -1),
    }
    ids = {}
    for name, (enjoyment, skill, energy) in ratings.items():
        duty = services.fit.add_responsibility(job.id, name)
        services.fit.rate_duty(duty.id, enjoyment=enjoyment, skill=skill, energy=energy)
        ids[name] = duty.id
    services.fit.save_environment(
        focus="focus",
        collaboration="collaborative",
        team_min=4,
        team_max=8,
        work_mode="on-site",
        sector="education or community work",
    )
    return ids


def test_statement_reads_like_the_person_said_it(services: Services) -> None:
    _alex_like(services)
    assert services.fit.profile().statement == (
        "A role centred on adult literacy workshops and tutor training, with some library partnerships, "
        "in a collaborative team of about four to eight, mostly on-site, in education or community work, "
        "with few duties like grant reporting and office IT."
    )


def test_statement_follows_the_ratings_and_the_environment(services: Services) -> None:
    ids = _alex_like(services)
    services.fit.rate_duty(ids["Tutor training"], enjoyment="without", energy=-2)
    services.fit.save_environment(focus="variety", collaboration="independent", work_mode="remote", hours_per_week=30)
    profile = services.fit.profile()
    assert profile.statement.startswith("A varied role taking in adult literacy workshops, ")
    assert (
        "working mostly on my own, within a team of about four to eight, working mostly remotely" in profile.statement
    )
    assert "with few duties like grant reporting and tutor training." in profile.statement
    assert profile.statement.endswith("About 30 hours a week.")
    assert profile.core == ["Adult literacy workshops"]
    assert profile.fewer[:2] == ["Grant reporting", "Tutor training"]  # the most draining first


def test_no_statement_until_something_is_loved_or_liked(services: Services) -> None:
    job = services.workload.duties.add_job("Coordinator")
    duty = services.fit.add_responsibility(job.id, "Grant reporting")
    services.fit.rate_duty(duty.id, enjoyment="without", skill=2)
    assert services.fit.profile().statement == ""
    services.fit.rate_duty(duty.id, enjoyment="love", skill=2)  # loved, skill still growing
    assert services.fit.profile().statement == "A role centred on grant reporting."
    assert services.fit.profile().growing == ["Grant reporting"] and CORE_SKILL > 2


def test_own_wording_is_kept_and_a_changed_generated_statement_is_pointed_out(services: Services) -> None:
    ids = _alex_like(services)
    mine = "Teaching adults to read, with a small team that plans together."
    profile = services.fit.edit_profile(statement=mine, label="Adult literacy educator")
    assert (profile.statement, profile.edited, profile.generated_differs) == (mine, True, False)
    services.fit.rate_duty(ids["Library partnerships"], enjoyment="love", skill=5)
    profile = services.fit.profile()
    assert profile.statement == mine and profile.generated_differs
    assert "library partnerships" in profile.generated
    profile = services.fit.use_generated_statement()
    assert profile.statement == profile.generated and not profile.edited
    assert profile.label == "Adult literacy educator"
    # Saving the generated text unchanged (with a new label) is not an edit of one's own.
    profile = services.fit.edit_profile(statement=profile.generated, label="Literacy lead")
    assert not profile.edited and profile.label == "Literacy lead"


def test_json_resume_fragment_has_basics_and_skills_from_loved_and_skilled_duties(services: Services) -> None:
    fill_demo(services)
    resume = services.fit.json_resume("Alex")
    assert set(resume) == {"$schema", "basics", "skills"}  # only keys the JSON Resume schema knows
    assert resume["basics"] == {
        "name": "Alex",
        "label": "Adult literacy educator",
        "summary": services.fit.profile().statement,
    }
    skills = {s["name"]: s for s in resume["skills"]}
    assert skills["Adult literacy workshops"]["level"] == "Expert"
    assert "Plan January term curriculum" in skills["Adult literacy workshops"]["keywords"]
    assert skills["Library partnerships"]["level"] == "Advanced"  # liked and skilled
    assert "Grant reporting" not in skills and "Fundraising gala" not in skills  # without / liked but skill 2
    for skill in resume["skills"]:
        assert set(skill) <= {"name", "level", "keywords"}
        assert isinstance(skill["name"], str) and all(isinstance(k, str) for k in skill["keywords"])


def test_profile_export_and_fit_query_carry_the_environment(services: Services) -> None:
    fill_demo(services)
    exported = services.fit.profile_export()
    assert exported["format"] == "onward-role-profile" and exported["environment"]["work_mode"] == "hybrid"
    query = services.fit.fit_query()
    assert any(text.startswith("Adult literacy workshops") for text in query.loved)
    assert any(text.startswith("Small-group reading sessions") for text in query.loved)  # from the past job
    assert any(text.startswith("Grant reporting") for text in query.avoid)
    assert (query.wants_focus, query.collaborative, query.team_size, query.work_mode) == (True, True, (4, 8), "hybrid")
