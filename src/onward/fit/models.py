"""What the person thrives in, the role they are after, and the applications and offers on the way there.

The duties and their ratings live in the workload domain (Responsibility, Task); fit adds the rest.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from onward.store.base import Owned

FOCUS = ("focus", "variety")  # one or two main tasks | plenty of variety
COLLABORATION = ("collaborative", "independent", "mix")
WORK_MODES = ("remote", "hybrid", "on-site")
STAGES = ("wishlist", "applied", "interviewing", "offer", "accepted", "declined", "rejected", "ghosted")
# Where an application can go from each stage. "ghosted" is not final: employers do write back late.
NEXT_STAGES: dict[str, tuple[str, ...]] = {
    "wishlist": ("applied", "declined"),
    "applied": ("interviewing", "offer", "rejected", "ghosted", "declined"),
    "interviewing": ("offer", "rejected", "ghosted", "declined"),
    "offer": ("accepted", "declined", "rejected"),
    "ghosted": ("interviewing", "offer", "rejected"),
    "accepted": (),
    "declined": (),
    "rejected": (),
}
OPEN_STAGES = ("wishlist", "applied", "interviewing", "offer")
CLOSED_STAGES = ("accepted", "declined", "rejected", "ghosted")


class Environment(Owned):
    """The environment the person thrives in (one per owner); every field may stay unsaid."""

    __tablename__ = "environments"
    # One per owner: an import matches the existing row instead of adding a second.
    __table_args__ = (UniqueConstraint("owner_id"), {"info": {"natural_key": ("owner_id",)}})

    focus: Mapped[str | None] = mapped_column(String(20), info={"choices": FOCUS})
    collaboration: Mapped[str | None] = mapped_column(String(20), info={"choices": COLLABORATION})
    team_min: Mapped[int | None] = mapped_column(Integer, info={"range": (0, 10_000_000)})
    team_max: Mapped[int | None] = mapped_column(Integer, info={"range": (0, 10_000_000)})
    work_mode: Mapped[str | None] = mapped_column(String(20), info={"choices": WORK_MODES})
    sector: Mapped[str] = mapped_column(String(200), default="")
    mission: Mapped[str] = mapped_column(Text, default="")
    hours_per_week: Mapped[float | None] = mapped_column(Float, info={"range": (0, 168)})
    notes: Mapped[str] = mapped_column(Text, default="")


class RoleProfile(Owned):
    """The person's own wording of their ideal role, when they edit the generated one (one per owner).

    `based_on` keeps the generated statement they started from, so the page can say when ratings
    or environment have since changed what Onward would write.
    """

    __tablename__ = "role_profiles"
    __table_args__ = (UniqueConstraint("owner_id"), {"info": {"natural_key": ("owner_id",)}})

    label: Mapped[str] = mapped_column(String(200), default="")
    statement: Mapped[str] = mapped_column(Text, default="")
    based_on: Mapped[str] = mapped_column(Text, default="")


class Application(Owned):
    """A role the person is after or has applied for, and where it stands."""

    __tablename__ = "applications"

    employer: Mapped[str] = mapped_column(String(200))
    role_title: Mapped[str] = mapped_column(String(200))
    link: Mapped[str] = mapped_column(String(1000), default="")
    stage: Mapped[str] = mapped_column(String(20), default="wishlist", index=True, info={"choices": STAGES})
    applied_on: Mapped[dt.date | None] = mapped_column(Date)
    stage_since: Mapped[dt.date | None] = mapped_column(Date)
    last_follow_up: Mapped[dt.date | None] = mapped_column(Date)
    next_step: Mapped[str] = mapped_column(String(500), default="")
    next_step_on: Mapped[dt.date | None] = mapped_column(Date)
    people_met: Mapped[list[str]] = mapped_column(JSON, default=list)  # names for now; contacts later
    notes: Mapped[str] = mapped_column(Text, default="")

    events: Mapped[list[ApplicationEvent]] = relationship(
        back_populates="application", passive_deletes=True, order_by="ApplicationEvent.id"
    )
    offer: Mapped[Offer | None] = relationship(back_populates="application", passive_deletes=True)


class ApplicationEvent(Owned):
    """One step in an application's history: the stage it reached (or a follow-up), when, and a note."""

    __tablename__ = "application_events"

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20), info={"choices": STAGES})
    date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship(back_populates="events")


class Offer(Owned):
    """An offer that came out of an application, with what it would mean day to day."""

    __tablename__ = "offers"
    __table_args__ = (
        UniqueConstraint("owner_id", "application_id"),
        {"info": {"natural_key": ("application_id",)}},
    )

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    salary: Mapped[float | None] = mapped_column(Float, info={"range": (0, 1e12)})
    currency: Mapped[str] = mapped_column(String(3), default="")
    hours_per_week: Mapped[float | None] = mapped_column(Float, info={"range": (0, 168)})
    work_mode: Mapped[str | None] = mapped_column(String(20), info={"choices": WORK_MODES})
    team_size: Mapped[int | None] = mapped_column(Integer, info={"range": (0, 10_000_000)})
    main_duties: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship(back_populates="offer")


# The postings keep their table in posting_models.py (the registry loads both modules).
__all__ = ["Application", "ApplicationEvent", "Environment", "Offer", "RoleProfile"]
