"""Full-text search over the journal, on SQLite (FTS5) and PostgreSQL (tsvector), and the filters.

Each function returns an ORM statement over JournalEntry, so the store's owner scoping applies to it as to
every other query (onward.store.scoping): the full-text index is only ever joined to the owner's own rows.
Both databases match English word stems ("walking" finds "walk") and need every word searched for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, Select, and_, exists, func, literal_column, or_, select, text
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql.elements import ColumnElement

from onward.reflection.models import FTS_TABLE, JournalEntry

Hits = Select[Any]  # (JournalEntry, score)
PG_CONFIG: ColumnElement[Any] = literal_column(
    "'english'::regconfig"
)  # a literal, so the planner can use the expression index


@dataclass(frozen=True)
class Filters:
    """What to narrow the journal to; every part may be left out. `prompt` "free" means entries without one."""

    prompt: str | None = None
    tag: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def pg_document() -> ColumnElement[object]:
    """The expression PostgreSQL's GIN index is built on (the migration creates the same one)."""
    return func.to_tsvector(PG_CONFIG, JournalEntry.text)


def has_tag(dialect: str, tag: str) -> ColumnElement[bool]:
    """Return the condition "the entry carries `tag`" (tags are a JSON list of strings)."""
    if dialect == "postgresql":
        return func.jsonb_exists(sql_cast(JournalEntry.tags, JSONB), tag, type_=Boolean)
    each = func.json_each(JournalEntry.tags).table_valued("value")
    return exists(select(1).select_from(each).where(each.c.value == tag))


def _filtered(statement: Hits, dialect: str, filters: Filters) -> Hits:
    conditions: list[ColumnElement[bool]] = []
    if filters.prompt == "free":
        conditions.append(JournalEntry.prompt.is_(None))
    elif filters.prompt:
        conditions.append(JournalEntry.prompt == filters.prompt)
    if filters.tag:
        conditions.append(has_tag(dialect, filters.tag))
    if filters.since:
        conditions.append(JournalEntry.written_at >= dt.datetime.combine(filters.since, dt.time()))
    if filters.until:
        conditions.append(
            JournalEntry.written_at < dt.datetime.combine(filters.until + dt.timedelta(days=1), dt.time())
        )
    return statement.where(and_(*conditions)) if conditions else statement


def find(dialect: str, words: list[str], filters: Filters, limit: int) -> Hits:
    """Return the statement for entries holding every word (best first), or newest first without words."""
    if not words:
        listed = select(JournalEntry, literal_column("0.0", Float).label("score"))
        ordered = listed.order_by(JournalEntry.written_at.desc(), JournalEntry.id.desc())
        return _filtered(ordered, dialect, filters).limit(limit)
    if dialect == "postgresql":
        query = func.plainto_tsquery(PG_CONFIG, " ".join(words))
        score = func.ts_rank(pg_document(), query).label("score")
        statement = select(JournalEntry, score).where(pg_document().op("@@")(query))
        statement = statement.order_by(score.desc(), JournalEntry.written_at.desc())
        return _filtered(statement, dialect, filters).limit(limit)
    # Each word quoted: FTS5's own operators (AND, NEAR, *, column:) in what was typed stay plain words.
    match = " ".join(f'"{word}"' for word in words)
    hits = (
        text(f"SELECT rowid AS entry_id, -rank AS score FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match")  # noqa: S608 - our table name
        .bindparams(match=match)
        .columns(entry_id=Integer, score=Float)
        .subquery("hits")
    )
    statement = select(JournalEntry, hits.c.score).join(hits, hits.c.entry_id == JournalEntry.id)
    statement = statement.order_by(hits.c.score.desc(), JournalEntry.written_at.desc())
    return _filtered(statement, dialect, filters).limit(limit)


def around_dates(dates: list[tuple[dt.date, dt.date]]) -> ColumnElement[bool]:
    """Return the condition "written in one of these (first, last) day ranges"."""
    return or_(
        *(
            and_(
                JournalEntry.written_at >= dt.datetime.combine(first, dt.time()),
                JournalEntry.written_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
            )
            for first, last in dates
        )
    )


def tag_counts(dialect: str) -> Select[Any]:
    """Return (tag, entries) for every tag used, counted by the database (most used first)."""
    if dialect == "postgresql":
        each = func.jsonb_array_elements_text(sql_cast(JournalEntry.tags, JSONB)).table_valued("value").lateral()
    else:
        each = func.json_each(JournalEntry.tags).table_valued("value")
    tag = each.c.value
    return (
        select(tag, func.count())
        .select_from(JournalEntry)
        .join(each, literal_column("1") == literal_column("1"))
        .group_by(tag)
        .order_by(func.count().desc(), tag)
    )


def week_start(dialect: str) -> ColumnElement[Any]:
    """Return the Monday (a date) of the week an entry was written, as the database computes it."""
    if dialect == "postgresql":
        return sql_cast(func.date_trunc("week", JournalEntry.written_at), Date)
    return func.date(JournalEntry.written_at, "weekday 0", "-6 days")


def heaviest_weeks(dialect: str, weeks: int) -> Select[Any]:
    """Return (week's Monday, highest load recorded) for the `weeks` weeks with the highest load above 0."""
    monday = week_start(dialect).label("monday")
    top = func.max(JournalEntry.load_ratio).label("top")
    return (
        select(monday, top)
        .where(JournalEntry.load_ratio.is_not(None), JournalEntry.load_ratio > 0)
        .group_by(monday)
        .order_by(top.desc(), monday)
        .limit(weeks)
    )
