"""The heavy user's fit data: five years of past jobs with rated duties, 400 applications and 30 offers."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from sqlalchemy import select

from onward.fit.models import Application, ApplicationEvent, Offer
from onward.workload.models import ENJOYMENT, Job, Responsibility

if TYPE_CHECKING:
    from onward.fit.demo import FitPeers

PAST_JOBS = 5
DUTIES_PER_JOB = 8
APPLICATIONS = 400
OFFERS = 30
DUTY_WORDS: tuple[str, ...] = (
    "workshops",
    "reporting",
    "scheduling",
    "training",
    "partnerships",
    "budgets",
    "newsletters",
    "events",
)
DUTY_WORDS += ("mentoring", "research", "outreach", "fundraising", "curriculum", "onboarding", "audits", "coaching")
EMPLOYERS = ("Trust", "College", "Library Service", "Learning Centre", "Foundation", "Council", "Network")


def fill_heavy_user(services: FitPeers, today: dt.date, rng: random.Random) -> dict[str, int]:
    """Add the heavy user's fit data; return how many rows of each kind were added."""
    services.fit.save_environment(
        focus="focus", collaboration="mix", team_min=3, team_max=12, work_mode="hybrid", hours_per_week=35
    )
    with services.workspace.session() as session:
        for j in range(PAST_JOBS):
            end = today - dt.timedelta(days=200 + 365 * j)
            job = Job(title=f"Past role {j + 1}", employer=f"Employer {j + 1}", end_date=end)
            session.add(job)
            for d in range(DUTIES_PER_JOB):
                session.add(
                    Responsibility(
                        job=job,
                        name=f"{rng.choice(DUTY_WORDS).capitalize()} {d + 1}",
                        enjoyment=rng.choice(ENJOYMENT),
                        skill=rng.randint(1, 5),
                        energy=rng.randint(-2, 2),
                    )
                )
        session.flush()
        # Duties another domain's heavy user left unrated get a rating too, as a long-time user's would.
        for duty in session.scalars(select(Responsibility).where(Responsibility.enjoyment.is_(None))):
            duty.enjoyment, duty.skill, duty.energy = rng.choice(ENJOYMENT), rng.randint(1, 5), rng.randint(-2, 2)
        events = 0
        offered: list[Application] = []
        for i in range(APPLICATIONS):
            applied = today - dt.timedelta(days=rng.randint(1, 5 * 365))
            path = rng.choice(
                (["applied"], ["applied", "ghosted"], ["applied", "rejected"], ["applied", "interviewing", "rejected"])
            )
            if i < OFFERS:
                path = ["applied", "interviewing", "offer"]
            elif path[-1] == "applied" and (today - applied).days > 60:
                path = ["applied", "ghosted"]  # a long-time user marks old silences as "no reply"
            app = Application(
                employer=f"{rng.choice(('North', 'East', 'City', 'Harbour', 'Valley'))} {rng.choice(EMPLOYERS)} {i}",
                role_title=f"Coordinator {i}",
                stage=path[-1],
                applied_on=applied,
                people_met=[],
            )
            day = applied
            for stage in path:
                app.events.append(ApplicationEvent(stage=stage, date=day, note=""))
                app.stage_since = day
                day = min(today, day + dt.timedelta(days=rng.randint(5, 25)))
                events += 1
            session.add(app)
            if path[-1] == "offer":
                offered.append(app)
        session.flush()
        for app in offered:
            session.add(
                Offer(
                    application=app,
                    salary=float(rng.randrange(38_000, 70_000, 500)),
                    currency="USD",
                    hours_per_week=rng.choice((30.0, 35.0, 37.5, 40.0)),
                    work_mode=rng.choice(("remote", "hybrid", "on-site")),
                    team_size=rng.randint(2, 30),
                    main_duties="; ".join(rng.sample(DUTY_WORDS, rng.randint(2, 7))),
                )
            )
    return {
        "past_jobs": PAST_JOBS,
        "past_duties": PAST_JOBS * DUTIES_PER_JOB,
        "applications": APPLICATIONS,
        "application_events": events,
        "offers": len(offered),
    }
