"""Rows to views: how the fit service turns its stored rows into the dataclasses it hands out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from onward.errors import BadInput
from onward.fit.models import NEXT_STAGES, Environment, Offer
from onward.fit.schemas import ApplicationView, EnvironmentView, EventView, OfferView


def choice(value: str | None, allowed: tuple[str, ...], what: str) -> str | None:
    if value in (None, ""):
        return None
    if value not in allowed:
        raise BadInput(f"{what} must be one of {', '.join(allowed)}, not '{value}'")
    return value


def environment_view(row: Environment | None) -> EnvironmentView:
    if row is None:
        return EnvironmentView()
    return EnvironmentView(
        focus=row.focus,
        collaboration=row.collaboration,
        team_min=row.team_min,
        team_max=row.team_max,
        work_mode=row.work_mode,
        sector=row.sector,
        mission=row.mission,
        hours_per_week=row.hours_per_week,
        notes=row.notes,
        saved=True,
    )


def application_view(row: Any, today: dt.date, history: list[EventView], has_offer: bool) -> ApplicationView:
    """Return the view of an application from its row (an ORM object or a selected row with the same names)."""
    return ApplicationView(
        id=row.id,
        employer=row.employer,
        role_title=row.role_title,
        link=row.link,
        stage=row.stage,
        applied_on=row.applied_on,
        stage_since=row.stage_since,
        last_follow_up=row.last_follow_up,
        next_step=row.next_step,
        next_step_on=row.next_step_on,
        people_met=list(row.people_met or []),
        notes=row.notes,
        days_since_applying=(today - row.applied_on).days if row.applied_on else None,
        next_stages=list(NEXT_STAGES[row.stage]),
        has_offer=has_offer,
        history=history,
    )


def offer_view(row: Offer) -> OfferView:
    return OfferView(
        id=row.id,
        application_id=row.application_id,
        employer=row.application.employer,
        role_title=row.application.role_title,
        salary=row.salary,
        currency=row.currency,
        hours_per_week=row.hours_per_week,
        work_mode=row.work_mode,
        team_size=row.team_size,
        main_duties=row.main_duties,
        start_date=row.start_date,
        deadline=row.deadline,
        notes=row.notes,
    )


def clean_names(names: list[str] | None) -> list[str]:
    return [n.strip()[:200] for n in names or [] if n.strip()]
