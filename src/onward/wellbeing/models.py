"""Check-ins and questionnaire answers: the well-being domain's tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onward.store.base import Owned
from onward.wellbeing.instruments import INSTRUMENTS


class CheckIn(Owned):
    """One day's check-in: how the day felt and went. One per day; checking in again replaces it."""

    __tablename__ = "check_ins"
    __table_args__ = (UniqueConstraint("owner_id", "day"), {"info": {"natural_key": ("day",)}})

    day: Mapped[dt.date] = mapped_column(Date, index=True)
    mood: Mapped[int] = mapped_column(Integer)  # 1 (low) … 5 (good)
    energy: Mapped[int] = mapped_column(Integer)  # 1 … 5
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    worked_hours: Mapped[float | None] = mapped_column(Float)
    after_hours_minutes: Mapped[int | None] = mapped_column(Integer)
    saw_people: Mapped[bool | None] = mapped_column(Boolean)  # time with friends or family
    people_minutes: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    # The week's load ratio (hours needed / hours available) when the check-in was made: the forecast only
    # looks ahead, so this snapshot is what lets the trends show load against mood over the years.
    load_ratio: Mapped[float | None] = mapped_column(Float)


class InstrumentResponse(Owned):
    """One questionnaire taken: its answers as given (in the published item order) and the scale scores."""

    __tablename__ = "instrument_responses"
    # Re-importing an export matches a questionnaire by what it was and when it was kept: never added twice.
    __table_args__ = ({"info": {"natural_key": ("instrument", "taken_on", "created_at")}},)

    instrument: Mapped[str] = mapped_column(String(10), info={"choices": INSTRUMENTS})
    taken_on: Mapped[dt.date] = mapped_column(Date, index=True)
    items: Mapped[list[Any]] = mapped_column(JSON, default=list)  # points as answered; null: skipped
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # scale -> score or null
