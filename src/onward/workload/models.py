"""Jobs, their responsibilities and tasks: the inventory every other part of Onward reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from onward.errors import BadInput
from onward.store.base import Base, Owned

# One row per owner, its stamp changed by triggers on every write to the tables below (migration 0004_workload):
# what the pages' cache is keyed by (onward.workload.stamp). Made by the migration only.
STAMPS_TABLE = "workload_stamps"
Base.metadata.info.setdefault("migration_only", set()).add(STAMPS_TABLE)

ORIGINS = ("described", "added", "temporary")
ENJOYMENT = ("love", "like", "without")
STATUSES = ("open", "waiting", "done", "handed_off", "dropped", "deferred")
RECURRENCES = ("daily", "weekly", "monthly")
MISTAKE_CAUSES = ("rushed", "overloaded", "unclear", "unfamiliar", "interrupted", "other")


def check_rating(enjoyment: str | None = None, skill: int | None = None, energy: int | None = None) -> None:
    """Raise BadInput when a rating of a duty or a task is out of range (None: not being rated)."""
    if enjoyment is not None and enjoyment not in ENJOYMENT:
        raise BadInput(f"enjoyment must be one of {', '.join(ENJOYMENT)}, not '{enjoyment}'")
    if skill is not None and not 1 <= skill <= 5:
        raise BadInput(f"skill must be from 1 to 5, not {skill}")
    if energy is not None and not -2 <= energy <= 2:
        raise BadInput(f"energy must be from -2 (drains me) to +2 (gives me energy), not {energy}")


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Statuses whose remaining hours still land on the person's plate.
ACTIVE_STATUSES = ("open", "waiting")


class Job(Owned):
    """A job the person holds or held: the duties hang off it."""

    __tablename__ = "jobs"
    # A merge import recognises the same job by these (no unique constraint: two stints may look alike).
    __table_args__ = ({"info": {"natural_key": ("employer", "title", "start_date")}},)

    employer: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)

    responsibilities: Mapped[list[Responsibility]] = relationship(back_populates="job", passive_deletes=True)


class Responsibility(Owned):
    """A duty of a job. `origin` says whether it was in the job description, added, or 'temporary'.

    Enjoyment, skill and energy are the person's own rating (the fit domain's task audit writes them).
    """

    __tablename__ = "responsibilities"
    __table_args__ = (UniqueConstraint("owner_id", "job_id", "name"), {"info": {"natural_key": ("job_id", "name")}})

    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(20), default="described", info={"choices": ORIGINS})
    expected_end: Mapped[dt.date | None] = mapped_column(Date)
    enjoyment: Mapped[str | None] = mapped_column(String(10), info={"choices": ENJOYMENT})
    skill: Mapped[int | None] = mapped_column(Integer, info={"range": (1, 5)})
    energy: Mapped[int | None] = mapped_column(Integer, info={"range": (-2, 2)})  # -2 drains … +2 energises
    can_hand_off: Mapped[bool] = mapped_column(Boolean, default=True)

    job: Mapped[Job] = relationship(back_populates="responsibilities")
    tasks: Mapped[list[Task]] = relationship(back_populates="responsibility", passive_deletes=True)


class Task(Owned):
    """A piece of work under a responsibility, with the hours it still needs."""

    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("owner_id", "source", "external_id"),
        {"info": {"natural_key": ("source", "external_id")}},
    )

    responsibility_id: Mapped[int | None] = mapped_column(
        ForeignKey("responsibilities.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    notes: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[dt.date | None] = mapped_column(Date)
    effort_hours: Mapped[float | None] = mapped_column(Float, info={"range": (0, 10_000)})
    remaining_hours: Mapped[float | None] = mapped_column(Float, info={"range": (0, 10_000)})
    importance: Mapped[int] = mapped_column(Integer, default=3, info={"range": (1, 5)})
    status: Mapped[str] = mapped_column(String(20), default="open", index=True, info={"choices": STATUSES})
    handed_to: Mapped[str | None] = mapped_column(String(200))
    entered: Mapped[dt.date | None] = mapped_column(Date)
    completed: Mapped[dt.date | None] = mapped_column(Date)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    annotations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    recurrence: Mapped[str | None] = mapped_column(String(100))
    checklist: Mapped[list[Any]] = mapped_column(JSON, default=list)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)  # never suggested for hand-off
    enjoyment: Mapped[str | None] = mapped_column(String(10), info={"choices": ENJOYMENT})
    skill: Mapped[int | None] = mapped_column(Integer, info={"range": (1, 5)})
    source: Mapped[str | None] = mapped_column(String(20))  # taskwarrior | todoist | csv | None (typed here)
    external_id: Mapped[str | None] = mapped_column(String(200))

    responsibility: Mapped[Responsibility | None] = relationship(back_populates="tasks")


# The plate, the forecast and priorities read one owner's open tasks out of years of finished ones.
Index("ix_tasks_owner_id_status", Task.owner_id, Task.status)


class Capacity(Owned):
    """The hours the person has for work, from `starts` on: a week's total and the hours of each weekday.

    A new row from a later date changes the capacity from then on; earlier weeks keep the old one, so
    past load (for mistakes and drift) is measured against what the person had at the time.
    """

    __tablename__ = "capacities"
    __table_args__ = (UniqueConstraint("owner_id", "starts"), {"info": {"natural_key": ("starts",)}})

    starts: Mapped[dt.date] = mapped_column(Date)
    weekly_hours: Mapped[float] = mapped_column(Float, info={"range": (0, 168)})
    day_hours: Mapped[list[float]] = mapped_column(JSON)  # Monday … Sunday


class CapacityException(Owned):
    """Days with other hours than usual: leave (0 hours a day), a part-time stretch, a training week."""

    __tablename__ = "capacity_exceptions"
    __table_args__ = (
        UniqueConstraint("owner_id", "first_day", "last_day"),
        {"info": {"natural_key": ("first_day", "last_day")}},
    )

    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)
    hours_per_day: Mapped[float] = mapped_column(Float, default=0.0, info={"range": (0, 24)})
    note: Mapped[str] = mapped_column(String(500), default="")


class Mistake(Owned):
    """A mistake the person logged, tied to a task or a duty, with its cause and the lesson drawn."""

    __tablename__ = "mistakes"

    happened_on: Mapped[dt.date] = mapped_column(Date, index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"), index=True)
    responsibility_id: Mapped[int | None] = mapped_column(
        ForeignKey("responsibilities.id", ondelete="SET NULL"), index=True
    )
    cause: Mapped[str] = mapped_column(String(20), default="other", info={"choices": MISTAKE_CAUSES})
    what_happened: Mapped[str] = mapped_column(Text)
    lesson: Mapped[str] = mapped_column(Text, default="")


class Colleague(Owned):
    """Someone who could take work over, with the most hours a week they could take."""

    __tablename__ = "colleagues"
    __table_args__ = (UniqueConstraint("owner_id", "name"), {"info": {"natural_key": ("name",)}})

    name: Mapped[str] = mapped_column(String(200))
    weekly_limit_hours: Mapped[float] = mapped_column(Float, default=0.0, info={"range": (0, 168)})
    note: Mapped[str] = mapped_column(String(500), default="")


class TaskDependency(Owned):
    """`task` cannot finish before `depends_on` (Taskwarrior's depends)."""

    __tablename__ = "task_dependencies"
    __table_args__ = (
        UniqueConstraint("owner_id", "task_id", "depends_on_id"),
        {"info": {"natural_key": ("task_id", "depends_on_id")}},  # a merge import links each pair once
    )

    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    depends_on_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)


# How an imported calendar event shows the person's time (see onward.workload.files.calendar for the rules).
SHOW_AS = ("busy", "tentative", "free", "out_of_office", "cancelled")


class CalendarEvent(Owned):
    """One occurrence of an imported calendar event, in the user's time zone (naive local times).

    A recurring meeting is stored once per occurrence inside the import window; a re-import replaces all rows.
    """

    __tablename__ = "calendar_events"
    __table_args__ = (
        UniqueConstraint("owner_id", "uid", "starts_at"),
        {"info": {"natural_key": ("uid", "starts_at")}},
    )

    uid: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(String(500), default="")
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    show_as: Mapped[str] = mapped_column(String(20), default="busy", info={"choices": SHOW_AS})
    recurring: Mapped[bool] = mapped_column(Boolean, default=False)


class Change(Owned):
    """A change the person made to their plate (done, drop, defer, hand off, a plan applied), kept so it can
    be undone: `undo` holds each task's fields as they were, and the tasks the change added."""

    __tablename__ = "plate_changes"

    kind: Mapped[str] = mapped_column(String(20))  # done | dropped | deferred | handed_off | open | waiting | plan
    summary: Mapped[str] = mapped_column(String(1000))
    undo: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)
