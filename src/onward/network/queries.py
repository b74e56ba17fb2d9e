"""Network's grouped queries: last in touch, who is past their cadence, and likely duplicates, worked out by the
database over the owner's rows instead of walking every contact in Python (the heavy user's 3,000 contacts).

Written once for SQLite and PostgreSQL: the only two differences (days between two dates, the items of a JSON
list) are compiled per dialect here.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Date, Integer, Text, and_, case, cast, func, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from onward.network.models import Contact, Interaction

BATCH = 200  # losing-touch contacts looked up at once: well under any database's limit on bound values


class days_between(FunctionElement[int]):  # a SQL function, named like one
    """Whole days from the second date to the first (`first - second`)."""

    type = Integer()
    inherit_cache = True


@compiles(days_between)
def _days_between_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    first, second = list(element.clauses)
    # date() first: a stored DateTime's time of day must not take a day off, as in Python's `.date()`.
    days = f"julianday(date({compiler.process(first, **kw)})) - julianday(date({compiler.process(second, **kw)}))"
    return f"CAST({days} AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element: days_between, compiler: Any, **kw: Any) -> str:
    first, second = list(element.clauses)
    return f"(CAST({compiler.process(first, **kw)} AS DATE) - CAST({compiler.process(second, **kw)} AS DATE))"


def last_in_touch() -> Any:
    """A subquery of (contact_id, last): each contact's newest interaction, read from the owner/contact/on index."""
    return (
        select(Interaction.contact_id.label("contact_id"), func.max(Interaction.on).label("last"))
        .group_by(Interaction.contact_id)
        .subquery("last_in_touch")
    )


def has_tag(tag: str) -> ColumnElement[bool]:
    """True when a contact carries `tag` (any case): its JSON text holds the tag as one whole, quoted item."""
    quoted = json.dumps(tag.casefold())  # the stored text escapes as json.dumps does; quotes bound the item
    return func.lower(cast(Contact.tags, Text)).contains(quoted, autoescape=True)


def ascii_tags(by_tag: dict[str, int]) -> bool:
    """Whether every tag with a cadence is plain ASCII, where SQL lower() and Python casefold() agree."""
    return all(tag.isascii() for tag in by_tag)


def effective_cadence(by_tag: dict[str, int]) -> ColumnElement[int]:
    """The contact's own cadence, else the shortest cadence among its tags (cadence.effective_cadence in SQL)."""
    tagged = [(has_tag(tag), days) for tag, days in sorted(by_tag.items(), key=lambda item: item[1])]
    own = func.nullif(Contact.cadence_days, 0)
    if not tagged:
        return own
    return func.coalesce(own, case(*tagged, else_=None))


def losing_touch_rows(session: Session, by_tag: dict[str, int], today: dt.date) -> list[Any]:
    """Return (id, name, last, met_on, created_at, cadence, beyond) for everyone past their cadence."""
    last = last_in_touch()
    every = effective_cadence(by_tag).label("cadence")
    since = func.coalesce(last.c.last, Contact.met_on, Contact.created_at)
    beyond = (days_between(literal(today, Date), since) - every).label("beyond")
    query = (
        select(Contact.id, Contact.name, last.c.last, Contact.met_on, Contact.created_at)
        .add_columns(every, beyond)
        .outerjoin(last, last.c.contact_id == Contact.id)
        .where(every.is_not(None), beyond > 0)
    )
    return list(session.execute(query).all())


def duplicate_candidates(session: Session) -> set[int]:
    """Return the ids of contacts sharing a lower-cased e-mail, or a name and organisation, with another."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        items = func.json_array_elements_text(Contact.emails).table_valued("value").alias("email")
    else:
        items = func.json_each(Contact.emails).table_valued("value").alias("email")
    email = func.lower(items.c.value)
    by_email = select(Contact.id, email.label("address")).select_from(Contact).join(items, literal(True))
    pairs = by_email.subquery("by_email")
    shared = select(pairs.c.address).group_by(pairs.c.address).having(func.count(func.distinct(pairs.c.id)) > 1)
    found = set(session.scalars(select(pairs.c.id).where(pairs.c.address.in_(shared))))
    name, org = func.lower(Contact.name), func.lower(func.trim(Contact.organisation))
    same = (
        select(name.label("name"), org.label("org"))
        .where(func.trim(Contact.organisation) != "")
        .group_by(name, org)
        .having(func.count(Contact.id) > 1)
        .subquery("same")
    )
    found.update(session.scalars(select(Contact.id).join(same, and_(same.c.name == name, same.c.org == org))))
    return found


def suggestion_candidates(
    session: Session, role_words: set[str], employers: set[str], losing: list[int], year_ago: dt.date, shown: int
) -> tuple[set[int], set[int]]:
    """Return (ids to read, other mentors): the contacts that can change what suggestions.suggest() shows, and the
    mentors and professors beyond the first `shown` (placed, never shown, so never read).

    The ones to read: the first `shown` mentors by name; everyone whose role, organisation or tags might match (a
    superset: suggest() checks each word); and enough of the most recent and of the losing-touch list that `shown`
    of each are left once those are placed."""
    mentor = Contact.relationship.in_(("mentor", "professor"))
    mentors = list(session.scalars(select(Contact.id).where(mentor).order_by(func.lower(Contact.name), Contact.id)))
    found = set(mentors[:shown])
    matching: list[ColumnElement[bool]] = []
    text = func.lower(Contact.role + " " + Contact.organisation + " " + cast(Contact.tags, Text))
    matching += [text.contains(word, autoescape=True) for word in sorted(role_words)]
    named = [e.casefold() for e in employers if e.strip()]
    if named and all(e.isascii() for e in named):
        matching.append(func.lower(Contact.organisation).in_(named))
    elif named:  # SQL lower() cannot case-fold every letter: let suggest() look at everyone with an organisation
        matching.append(Contact.organisation != "")
    candidates: set[int] = set()
    if matching:
        candidates = set(session.scalars(select(Contact.id).where(or_(*matching), ~mentor)))
    found |= candidates
    enough = shown + len(candidates)
    last = last_in_touch()
    recent = or_(last.c.last >= year_ago, Contact.met_on >= year_ago)
    newest = (
        select(Contact.id)
        .outerjoin(last, last.c.contact_id == Contact.id)
        .where(recent, ~mentor)
        .order_by(func.coalesce(last.c.last, Contact.met_on).desc(), func.lower(Contact.name), Contact.id)
        .limit(enough)
    )
    found.update(session.scalars(newest))
    if losing:
        # The first `shown` of the losing-touch list that are neither mentors nor recent (those are placed before
        # it), looked up a batch at a time from the top of the list: the first batch nearly always has enough.
        left: list[int] = []
        for start in range(0, len(losing), BATCH):
            batch = [i for i in losing[start : start + BATCH] if i not in candidates]
            newest_of = (
                select(Interaction.contact_id)
                .where(Interaction.contact_id.in_(batch), Interaction.on >= year_ago)
                .distinct()
            )
            placed = set(session.scalars(newest_of))
            placed.update(
                session.scalars(
                    select(Contact.id).where(Contact.id.in_(batch), or_(mentor, Contact.met_on >= year_ago))
                )
            )
            left += [i for i in batch if i not in placed]
            if len(left) >= shown:
                break
        found.update(left[:shown])
    return found, set(mentors[shown:])


__all__ = ["days_between", "duplicate_candidates", "last_in_touch", "losing_touch_rows", "suggestion_candidates"]
