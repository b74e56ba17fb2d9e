"""The journal: each JournalEntry is one reflection (prompt, text, tags), private to its owner.

Full-text search lives beside the table, not in it: SQLite keeps an FTS5 index (`journal_fts`) kept in step by
triggers, PostgreSQL a GIN index over `to_tsvector('english', text)`. Both are made by the migration only, so
the models name them in `MIGRATION_ONLY` for the schema comparisons (onward.store.migrate.include_object).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, Float, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onward.reflection.prompts import KEYS
from onward.store.base import Base, Owned

FTS_TABLE = "journal_fts"
PG_SEARCH_INDEX = "ix_journal_entries_search"
# The FTS5 table and its shadow tables (SQLite), and the expression index (PostgreSQL).
MIGRATION_ONLY = frozenset(
    {FTS_TABLE, *(f"{FTS_TABLE}_{part}" for part in ("data", "idx", "content", "docsize", "config")), PG_SEARCH_INDEX}
)
Base.metadata.info.setdefault("migration_only", set()).update(MIGRATION_ONLY)

MAX_TEXT = 100_000  # characters in one entry: a long letter to oneself, not a book
MAX_TAG = 40


class JournalEntry(Owned):
    """One reflection: the guided prompt it answers (None: a free entry), what was written, and its tags."""

    __tablename__ = "journal_entries"
    # Entries brought in from jrnl keep a key made from the entry, so importing the same file twice adds nothing.
    __table_args__ = (
        UniqueConstraint("owner_id", "source_key"),
        # The journal is read newest first, one owner at a time: the index walks it in that order.
        Index("ix_journal_entries_owner_written", "owner_id", "written_at", "id"),
        {"info": {"natural_key": ("source_key",)}},
    )

    prompt: Mapped[str | None] = mapped_column(String(20), index=True, info={"choices": KEYS})
    text: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    written_at: Mapped[dt.datetime] = mapped_column(DateTime)  # the person's own clock, no zone
    # The workload's hours needed / hours available for the week it was written (None: not known).
    load_ratio: Mapped[float | None] = mapped_column(Float)
    source_key: Mapped[str | None] = mapped_column(String(80))


class JournalDraft(Owned):
    """What is being typed into a journal form, kept every few seconds until it is saved as an entry.

    `form` names the form: "new" for a new entry, "entry-<id>" for an edit. Nothing is checked here: a draft
    keeps whatever was typed, so a closed tab or a lost connection loses nothing.
    """

    __tablename__ = "journal_drafts"
    __table_args__ = (UniqueConstraint("owner_id", "form"), {"info": {"natural_key": ("form",)}})

    form: Mapped[str] = mapped_column(String(40))
    prompt: Mapped[str] = mapped_column(String(20), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(String(500), default="")
    on: Mapped[str] = mapped_column(String(40), default="")


__all__ = ["JournalDraft", "JournalEntry"]
