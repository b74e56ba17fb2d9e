"""Alex's part of the demo in fit: the environment they thrive in, a past job's duties, applications and
two offers to weigh against the ideal role."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from onward.fit.matching.service import MatchingService
    from onward.fit.service import FitService
    from onward.workspace import Workspace


class FitPeers(Protocol):
    """The services fit's fillers (demo, heavy user) use; the composition root's Services provides them."""

    @property
    def workspace(self) -> Workspace: ...
    @property
    def fit(self) -> FitService: ...
    @property
    def fit_matching(self) -> MatchingService: ...


# name, description, enjoyment, skill, energy
PAST_DUTIES = [
    (
        "Small-group reading sessions",
        "Ran daily phonics and reading groups for children who were behind.",
        "love",
        5,
        2,
    ),
    ("Classroom displays", "Kept the classroom walls and reading corner up to date.", "like", 3, 0),
    ("Lunchtime supervision", "Playground and dinner-hall duty every day.", "without", 3, -1),
    ("Photocopying and resources", "Prepared worksheets and packs for the teachers.", "without", 4, -1),
]

# Single tasks rated on their own: their titles become keywords in the JSON Resume export.
LOVED_TASKS = ("Plan January term curriculum", "Run tutor induction session", "Learner progress check-ins")


def fill(services: FitPeers, today: dt.date) -> None:
    """Add Alex's environment, a previous role's rated duties, five applications, two offers and the
    job postings Alex saved."""
    from onward.fit.matching import demo as demo_matching

    demo_matching.fill(services, today)
    fit = services.fit

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    fit.save_environment(
        focus="focus",
        collaboration="collaborative",
        team_min=4,
        team_max=8,
        work_mode="hybrid",
        sector="education or community work",
        mission="helping adults learn to read and write with confidence",
        hours_per_week=37.5,
        notes=(
            "I do my best work when I can prepare properly, and I like having colleagues to think things through with."
        ),
    )
    past = fit.add_past_job(
        "Classroom teaching assistant", employer="Hillside Primary School", start_date=ago(2200), end_date=ago(260)
    )
    for name, description, enjoyment, skill, energy in PAST_DUTIES:
        duty = fit.add_responsibility(past.id, name, description=description)
        fit.rate_duty(duty.id, enjoyment=enjoyment, skill=skill, energy=energy)
    for job in fit.audit().jobs:
        for task in (t for d in job.duties for t in d.tasks):
            if task.title in LOVED_TASKS:
                fit.rate_task(task.id, enjoyment="love", skill=4)
    fit.edit_profile(label="Adult literacy educator")

    fit.add_application(
        "Eastside Community College",
        "Adult Basic Education Instructor",
        link="https://eastside.example/jobs/abe-instructor",
        stage="wishlist",
        on=ago(3),
        notes="Applications open in January.",
    )
    fit.add_application(
        "City Library Service",
        "Learning and Literacy Officer",
        stage="applied",
        on=ago(9),
        link="https://library.example/careers/literacy-officer",
    )
    ghosted = fit.add_application("Bright Futures Trust", "Education Programme Manager", stage="applied", on=ago(34))
    fit.advance(ghosted.id, "ghosted", on=ago(14), note="No reply 20 days after applying; letting it rest.")

    interviewing = fit.add_application(
        "Northside Adult Learning Centre",
        "Literacy Tutor Coordinator",
        stage="applied",
        on=ago(24),
        people_met=["Priya Shah", "Tom Okafor"],
    )
    fit.advance(interviewing.id, "interviewing", on=ago(10), note="First interview with Priya and Tom.")
    fit.set_next_step(interviewing.id, "Second interview with the programme director", on=today + dt.timedelta(days=2))

    harbour = fit.add_application(
        "Harbour Adult Education", "Adult Literacy Lead", stage="applied", on=ago(40), people_met=["Dana Reyes"]
    )
    fit.advance(harbour.id, "interviewing", on=ago(27), note="Panel interview and a sample workshop.")
    fit.add_offer(
        harbour.id,
        on=ago(5),
        salary=52000,
        currency="USD",
        hours_per_week=37.5,
        work_mode="hybrid",
        team_size=6,
        main_duties=(
            "Lead the adult literacy workshops; train and support volunteer tutors; keep partnerships with "
            "local libraries; quarterly programme reports"
        ),
        start_date=today + dt.timedelta(days=35),
        deadline=today + dt.timedelta(days=7),
        notes="Dana said the grant reporting sits with their development team.",
    )
    metro = fit.add_application(
        "Metro Nonprofit Services", "Operations and Grants Coordinator", stage="applied", on=ago(30)
    )
    fit.advance(metro.id, "interviewing", on=ago(18))
    fit.add_offer(
        metro.id,
        on=ago(3),
        salary=58000,
        currency="USD",
        hours_per_week=40,
        work_mode="on-site",
        team_size=15,
        main_duties=(
            "Grant reporting and compliance; volunteer scheduling; office IT support and the newsletter; "
            "event planning; database upkeep; some workshop support"
        ),
        start_date=today + dt.timedelta(days=28),
        deadline=today + dt.timedelta(days=10),
    )
