"""Feedback requests, their invites (links), the answers, and the 1:1 meetings.

How the tables keep an anonymous answer from being traced to the person who gave it:

- A link's token is never stored. The invite keeps `sha256("invite:" + token)`; the answer keeps
  `sha256("answer:" + token)`. With the database alone the two cannot be matched (that needs the token, which
  only the link carries), so the answer has no field pointing at its invite: no foreign key, no shared value.
- An invite records nothing about answering (not even "answered: yes"): the count of answers is the count of
  FeedbackResponse rows, so the database cannot even say who has answered, only how many.
- An answer carries no real time: its created_at and updated_at are the request's close date at midnight
  (overriding Owned's clock), and replacing an answer does not change them.
- An answer's id is drawn at random (answers.py), so the order of ids says nothing about the order of answers;
  results sort and shuffle by content, never by id.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onward.store.base import Owned

STATUSES = ("open", "closed", "revoked")
KINDS = ("rating", "open")
MIN_ANSWERS = 3  # results stay hidden below this, whatever the person asks for


class FeedbackRequest(Owned):
    """What the person asks (questions in the order the answer page asks them), of whom, and how."""

    __tablename__ = "feedback_requests"
    # A merge import recognises the same request by these (the request's own times are the person's).
    __table_args__ = ({"info": {"natural_key": ("title", "created_at")}},)

    title: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")  # why they ask, shown on the answer page
    asker: Mapped[str] = mapped_column(String(200), default="")  # the name respondents see
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    min_answers: Mapped[int] = mapped_column(Integer, default=MIN_ANSWERS)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    closes_on: Mapped[dt.date] = mapped_column(Date)
    # [{"kind": "rating"|"open", "text": str, "labels": [5 words] (rating only)}]
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # The person's own rating of each question (None for open ones and unrated ones), same order.
    self_ratings: Mapped[list[int | None]] = mapped_column(JSON, default=list)


class FeedbackInvite(Owned):
    """One person asked: their name, and the hash of their link's token (the link itself is shown once)."""

    __tablename__ = "feedback_invites"
    __table_args__ = ({"info": {"natural_key": ("token_hash",)}},)

    request_id: Mapped[int] = mapped_column(ForeignKey("feedback_requests.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), default="")
    contact_id: Mapped[int | None] = mapped_column(Integer)  # a contact of the network domain, when picked there
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)


class FeedbackResponse(Owned):
    """One answer. In anonymous mode nothing here names or times its giver (see the module docstring)."""

    __tablename__ = "feedback_responses"
    __table_args__ = (
        UniqueConstraint("request_id", "answer_key"),
        {"info": {"natural_key": ("request_id", "answer_key")}},
    )

    # Owned's clock columns, without their clock: set to the request's close date by answers.py.
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    request_id: Mapped[int] = mapped_column(ForeignKey("feedback_requests.id", ondelete="CASCADE"), index=True)
    answer_key: Mapped[str] = mapped_column(String(64))  # sha256("answer:" + token): only the link finds it
    respondent: Mapped[str] = mapped_column(String(200), default="")  # named mode only; "" when anonymous
    # One value per question: 1-5 for a rating question, text for an open one, None when left out.
    answers: Mapped[list[int | str | None]] = mapped_column(JSON, default=list)


class Meeting(Owned):
    """A 1:1 with the manager: what was raised, what was agreed (each agreement a task), the next date."""

    __tablename__ = "meetings"
    __table_args__ = ({"info": {"natural_key": ("held_on", "created_at")}},)

    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    with_whom: Mapped[str] = mapped_column(String(200), default="")
    concerns: Mapped[list[str]] = mapped_column(JSON, default=list)
    # [{"text": str, "task_id": int | None, "due": "YYYY-MM-DD" | None}]
    agreements: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    next_on: Mapped[dt.date | None] = mapped_column(Date)
    # The one-page workload report as it stood when attached (Markdown), and that day.
    report: Mapped[str | None] = mapped_column(Text)
    report_taken_on: Mapped[dt.date | None] = mapped_column(Date)
