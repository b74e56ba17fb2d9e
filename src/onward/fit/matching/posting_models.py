"""Job postings the person imported (CSV, schema.org JobPosting JSON-LD, pasted text), ready to rank."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onward.fit.models import WORK_MODES
from onward.store.base import Owned

POSTING_SOURCES = ("csv", "jsonld", "text", "demo")


class Posting(Owned):
    """A job posting. `dedupe_key` (normalised title + company + location) keeps one row per posting.

    `duties` are the lines of the description that read like tasks; `kinds_of_work` names the different
    fields they come from (many of them reads as "wear many hats"). `analysis` says how they were found
    ("bm25", or "hybrid:<model>" when `vectors` holds the duties' sentence embeddings: base64 float16, first
    row their mean); rows analysed another way are analysed again when postings are ranked.
    """

    __tablename__ = "postings"
    __table_args__ = (
        UniqueConstraint("owner_id", "dedupe_key"),
        {"info": {"natural_key": ("dedupe_key",)}},
    )

    title: Mapped[str] = mapped_column(String(300))
    company: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(1000), default="")
    source: Mapped[str] = mapped_column(String(10), default="text", info={"choices": POSTING_SOURCES})
    external_id: Mapped[str | None] = mapped_column(String(200))
    employment_type: Mapped[str] = mapped_column(String(100), default="")
    work_mode: Mapped[str | None] = mapped_column(String(10), info={"choices": WORK_MODES})
    salary: Mapped[str] = mapped_column(String(200), default="")
    posted: Mapped[dt.date | None] = mapped_column(Date)
    dedupe_key: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str | None] = mapped_column(String(16), index=True)  # simhash of the description
    times_seen: Mapped[int] = mapped_column(Integer, default=1)  # imports merged into this row
    duties: Mapped[list[str]] = mapped_column(JSON, default=list)
    kinds_of_work: Mapped[list[str]] = mapped_column(JSON, default=list)
    analysis: Mapped[str] = mapped_column(String(100), default="")
    vectors: Mapped[str | None] = mapped_column(Text)
