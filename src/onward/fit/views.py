"""Fit's views: each page's data, built once here from the fit service (the page renders it, its `/api` twin
returns it). Rows become the service's dataclasses in row_views.py; this module gathers them per page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from onward.charts import ScatterChart
from onward.fit.models import COLLABORATION, FOCUS, OPEN_STAGES, WORK_MODES
from onward.fit.quadrant import quadrant_chart
from onward.fit.schemas import (
    ApplicationView,
    Audit,
    EnvironmentView,
    OfferComparison,
    Reminder,
    RoleProfileView,
)
from onward.fit.service import FitService

STAGE_WORDS = {
    "wishlist": "Wishlist",
    "applied": "Applied",
    "interviewing": "Interviewing",
    "offer": "Offer",
    "accepted": "Accepted",
    "declined": "Declined",
    "rejected": "Not this time",
    "ghosted": "No reply",
}
CLOSED_SHOWN = 30  # closed applications listed on the page, newest first (`onward applications list` has all)
REMINDERS_SHOWN = 5  # a few suggestions at a time: more would read as a to-do list
# Links to the matching pages, shown only once those pages exist in this build.
MATCHING_PAGES = (
    ("/fit/occupations", "Occupations that fit", "Real occupations whose tasks look like the ones you love."),
    ("/fit/postings", "Job postings", "Postings you imported, ranked against your profile, with reasons."),
)


@dataclass
class FitLink:
    path: str
    label: str
    summary: str


@dataclass
class FitOverview:
    profile: RoleProfileView
    reminders: list[Reminder]
    open_applications: int
    offers: int
    links: list[FitLink] = field(default_factory=list)
    reminders_shown: int = REMINDERS_SHOWN


@dataclass
class AuditPage:
    audit: Audit
    profile: RoleProfileView
    chart: ScatterChart
    today: dt.date


@dataclass
class EnvironmentPage:
    environment: EnvironmentView
    saved: bool
    focus_choices: tuple[str, ...] = FOCUS
    collaboration_choices: tuple[str, ...] = COLLABORATION
    work_modes: tuple[str, ...] = WORK_MODES


@dataclass
class ProfilePage:
    profile: RoleProfileView
    saved: bool


@dataclass
class ApplicationsPage:
    open: list[ApplicationView]
    closed: list[ApplicationView]  # the most recent CLOSED_SHOWN
    closed_total: int
    reminders: list[Reminder]
    today: dt.date
    stage_words: dict[str, str]
    reminders_shown: int = REMINDERS_SHOWN


@dataclass
class OffersPage:
    comparison: OfferComparison
    can_take_offer: list[ApplicationView]
    today: dt.date
    work_modes: tuple[str, ...] = WORK_MODES


def overview(fit: FitService, *, page_exists: Callable[[str], bool]) -> FitOverview:
    """Return the Fit overview; `page_exists(path)` says whether this build serves a matching page."""
    applications = fit.list_applications(stages=OPEN_STAGES)
    links = [
        FitLink("/fit/audit", "Task audit", "Rate each duty: love, like or could do without, and your skill."),
        FitLink("/fit/environment", "Environment", "Focus or variety, team or solo, team size, where and how long."),
        FitLink("/fit/profile", "Ideal-role profile", "Your ideal role in a few lines; edit it, export it."),
    ]
    links += [FitLink(path, label, summary) for path, label, summary in MATCHING_PAGES if page_exists(path)]
    links += [
        FitLink("/fit/applications", "Applications", "Where each application stands, and gentle follow-up notes."),
        FitLink("/fit/offers", "Offers", "Offers side by side against your ideal role."),
    ]
    return FitOverview(
        profile=fit.profile(),
        reminders=fit.reminders(applications),
        open_applications=len(applications),
        offers=fit.offer_count(),
        links=links,
    )


def audit(fit: FitService) -> AuditPage:
    """Return the task audit: every duty to rate, the ideal role it gives, and the enjoyment × skill chart."""
    found = fit.audit()
    return AuditPage(audit=found, profile=fit.profile(), chart=quadrant_chart(found.points), today=fit.today)


def environment(fit: FitService, *, saved: bool = False) -> EnvironmentPage:
    return EnvironmentPage(environment=fit.environment(), saved=saved)


def profile(fit: FitService, *, saved: bool = False) -> ProfilePage:
    return ProfilePage(profile=fit.profile(), saved=saved)


def applications(fit: FitService) -> ApplicationsPage:
    """Return the open applications, the most recent closed ones, and a few gentle follow-up notes."""
    found = fit.list_applications(stages=OPEN_STAGES)
    closed, closed_total = fit.closed_applications(CLOSED_SHOWN)
    return ApplicationsPage(
        open=found,
        closed=closed,
        closed_total=closed_total,
        reminders=fit.reminders(found),
        today=fit.today,
        stage_words=STAGE_WORDS,
    )


def offers(fit: FitService) -> OffersPage:
    """Return the offers compared with the ideal role, and the applications an offer could be added to."""
    found = fit.list_applications(stages=("applied", "interviewing", "ghosted", "offer"))
    return OffersPage(
        comparison=fit.compare_offers(),
        can_take_offer=[a for a in found if not a.has_offer and ("offer" in a.next_stages or a.stage == "offer")],
        today=fit.today,
    )
