"""The people the person knows (Contact), what passed between them (Interaction), and how often to keep in touch
with everyone carrying a tag (TagCadence).

A contact's `key` is its stable identity in exports and re-imports: the first external id it arrived with (a vCard
UID, a LinkedIn profile URL, an e-mail address) or, for one typed in, a random token. `external_ids` holds every id
it is known by, so a re-import, or a merge, matches instead of adding the same person twice.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onward.store.base import Owned

RELATIONSHIPS = (
    "colleague",
    "former colleague",
    "manager",
    "mentor",
    "professor",
    "friend",
    "family",
    "classmate",
    "recruiter",
    "acquaintance",
    "other",
)
INTERACTION_KINDS = ("coffee", "call", "message", "email", "meeting", "other")
OUTCOMES = ("", "sent", "replied", "helpful", "no reply", "not now")


class Contact(Owned):
    """Someone who might help, or whom the person wants to keep in touch with."""

    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("owner_id", "key"), {"info": {"natural_key": ("key",)}})

    key: Mapped[str] = mapped_column(String(400))
    name: Mapped[str] = mapped_column(String(200))
    emails: Mapped[list[str]] = mapped_column(JSON, default=list)
    phones: Mapped[list[str]] = mapped_column(JSON, default=list)
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    how_met: Mapped[str] = mapped_column(String(500), default="")
    met_on: Mapped[dt.date | None] = mapped_column(Date)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    relationship: Mapped[str] = mapped_column(String(40), default="", info={"choices": ("", *RELATIONSHIPS)})
    cadence_days: Mapped[int | None] = mapped_column(Integer)  # keep in touch every N days (None: no cadence)
    support: Mapped[bool] = mapped_column(Boolean, default=False)  # someone the person can lean on
    external_ids: Mapped[list[str]] = mapped_column(JSON, default=list)  # "uid:…", "linkedin:…"


class Interaction(Owned):
    """A coffee, call, message or e-mail with a contact: what came of it and when to follow up."""

    __tablename__ = "interactions"
    # Owner first: every query is the owner's, and the last contact per person is read from this index alone.
    # Importing a workspace export again (`onward import --merge`) matches an interaction already here by what
    # it is, instead of logging the same coffee twice.
    __table_args__ = (
        Index("ix_interactions_owner_contact_on", "owner_id", "contact_id", "on"),
        {"info": {"natural_key": ("contact_id", "kind", "on", "notes")}},
    )

    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20), info={"choices": INTERACTION_KINDS})
    on: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(40), default="")
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)


class TagCadence(Owned):
    """Keep in touch every `days` days with everyone tagged `tag` (a contact's own cadence comes first)."""

    __tablename__ = "contact_tag_cadences"
    __table_args__ = (UniqueConstraint("owner_id", "tag"), {"info": {"natural_key": ("tag",)}})

    tag: Mapped[str] = mapped_column(String(100))
    days: Mapped[int] = mapped_column(Integer)


__all__ = ["Contact", "Interaction", "TagCadence"]
