"""The address book: contacts added, edited, listed and searched, each with its derived last contact."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import String, Text, cast, func, or_, select
from sqlalchemy.orm import Session

from onward.errors import BadInput, NotFound
from onward.network import cadence
from onward.network.models import RELATIONSHIPS, Contact, Interaction, TagCadence
from onward.network.schemas import ContactRecord, ContactView, Person
from onward.workspace import Workspace

MAX_CADENCE = 3650
EDITABLE = (
    "name",
    "emails",
    "phones",
    "organisation",
    "role",
    "how_met",
    "met_on",
    "tags",
    "notes",
    "relationship",
    "cadence_days",
    "support",
)
LIST_COLUMNS = ("emails", "phones", "tags", "external_ids")
# The list columns are read as their JSON text and decoded here: most are empty, and decoding "[]" 12,000 times
# through the JSON type took longer than the rest of the contacts page.
COLUMNS = (
    Contact.id,
    Contact.name,
    cast(Contact.emails, Text).label("emails"),
    cast(Contact.phones, Text).label("phones"),
    Contact.organisation,
    Contact.role,
    Contact.how_met,
    Contact.met_on,
    cast(Contact.tags, Text).label("tags"),
    Contact.notes,
    Contact.relationship,
    Contact.cadence_days,
    Contact.support,
    cast(Contact.external_ids, Text).label("external_ids"),
    Contact.key,
)


def json_list(text: str | None) -> list[str]:
    """Return a stored JSON list (read as text), the empty ones without a parse."""
    if not text or text == "[]":
        return []
    found = json.loads(text)
    return [str(item) for item in found] if isinstance(found, list) else []


def new_key(record: ContactRecord) -> str:
    """Return a new contact's identity: its first external id, its first e-mail, or a random token."""
    if record.external_ids:
        return record.external_ids[0][:400]
    if record.emails:
        return ("email:" + record.emails[0].casefold())[:400]
    return "onward:" + secrets.token_urlsafe(12)


def clean(record: ContactRecord) -> ContactRecord:
    """Return the record checked and trimmed, or raise BadInput naming the field and the reason."""
    who = record.name.strip() or (record.emails[0] if record.emails else "")
    if not who:
        raise BadInput("name: a contact needs a name or an e-mail address")
    record.name = " ".join(who.split())[:200]
    record.emails = list(dict.fromkeys(e.strip() for e in record.emails if e.strip()))
    for email in record.emails:
        if "@" not in email or " " in email:
            raise BadInput(f"email '{email}' is not an e-mail address")
    record.phones = list(dict.fromkeys(p.strip() for p in record.phones if p.strip()))
    record.tags = list(dict.fromkeys(t.strip() for t in record.tags if t.strip()))
    record.relationship = record.relationship.strip().lower()
    if record.relationship and record.relationship not in RELATIONSHIPS:
        raise BadInput(f"relationship must be one of {', '.join(RELATIONSHIPS)}, not '{record.relationship}'")
    if record.cadence_days is not None and not 1 <= record.cadence_days <= MAX_CADENCE:
        raise BadInput(f"keep in touch every: {record.cadence_days} days is not from 1 to {MAX_CADENCE}")
    record.organisation, record.role = record.organisation.strip()[:200], record.role.strip()[:200]
    record.how_met = record.how_met.strip()[:500]
    return record


class ContactBook:
    """Contacts: add, edit, find, list; the last contact is read from the interactions, never stored twice."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @property
    def today(self) -> dt.date:
        return self.workspace.today

    # ---- reading ----

    def tag_cadences(self, session: Session | None = None) -> dict[str, int]:
        """Return {tag (case-folded): days} for the tags that carry a keep-in-touch cadence."""
        if session is None:
            with self.workspace.session() as own:
                return self.tag_cadences(own)
        return {tag.casefold(): days for tag, days in session.execute(select(TagCadence.tag, TagCadence.days))}

    def _views(
        self, session: Session, *conditions: Any, order: bool = True, limit: int | None = None, offset: int = 0
    ) -> list[ContactView]:
        query = select(*COLUMNS).where(*conditions)
        if order:
            query = query.order_by(func.lower(Contact.name), Contact.id)
        if limit is not None or offset:
            query = query.limit(limit).offset(offset)
        rows = session.execute(query).all()
        stats: dict[int, tuple[dt.date | None, int]] = {}
        counts = select(Interaction.contact_id, func.max(Interaction.on), func.count(Interaction.id)).group_by(
            Interaction.contact_id
        )
        if conditions or limit is not None:
            counts = counts.where(Interaction.contact_id.in_([row.id for row in rows]))
        for contact_id, newest, count in session.execute(counts):
            stats[contact_id] = (newest, count)
        by_tag = self.tag_cadences(session)
        views = []
        for row in rows:
            last, count = stats.get(row.id) or (None, 0)
            values = row._asdict()
            for name in LIST_COLUMNS:
                values[name] = json_list(values[name])
            views.append(
                ContactView(
                    **values,
                    last_contacted=last,
                    interactions=count,
                    effective_cadence=cadence.effective_cadence(row.cadence_days, values["tags"], by_tag),
                )
            )
        return views

    def get(self, contact_id: int) -> ContactView:
        with self.workspace.session() as session:
            found = self._views(session, Contact.id == contact_id)
        if not found:
            raise NotFound(f"there is no contact {contact_id}")
        return found[0]

    def list_all(self) -> list[ContactView]:
        """Return every contact, by name."""
        with self.workspace.session() as session:
            return self._views(session)

    def of_ids(self, contact_ids: set[int]) -> list[ContactView]:
        """Return the contacts named, by name (as list_all orders them)."""
        if not contact_ids:
            return []
        with self.workspace.session() as session:
            return self._views(session, Contact.id.in_(sorted(contact_ids)))

    def count_support(self) -> int:
        """Return how many contacts the person marked as someone to lean on."""
        with self.workspace.session() as session:
            return int(session.scalar(select(func.count(Contact.id)).where(Contact.support.is_(True))) or 0)

    def count(self, search: str = "") -> int:
        with self.workspace.session() as session:
            return int(session.scalar(select(func.count(Contact.id)).where(*self._search(search))) or 0)

    def _search(self, search: str) -> list[Any]:
        words = search.split()
        conditions = []
        for word in words[:5]:
            pattern = f"%{word.lower()}%"
            conditions.append(
                or_(
                    func.lower(Contact.name).like(pattern),
                    func.lower(Contact.organisation).like(pattern),
                    func.lower(Contact.role).like(pattern),
                    func.lower(cast(Contact.tags, String)).like(pattern),
                )
            )
        return conditions

    def page(self, search: str = "", *, offset: int = 0, limit: int | None = 50) -> list[ContactView]:
        """Return one page of contacts (by name), those matching every word of `search` when given."""
        with self.workspace.session() as session:
            return self._views(session, *self._search(search), limit=limit, offset=offset)

    def people(self, contact_ids: Sequence[int] | None = None) -> list[Person]:
        """Return the contacts named (or all), each with a name and how to reach them, by name."""
        with self.workspace.session() as session:
            query = select(Contact.id, Contact.name, Contact.emails, Contact.phones, Contact.relationship)
            if contact_ids is not None:
                query = query.where(Contact.id.in_(list(contact_ids)))
            rows = session.execute(query.order_by(func.lower(Contact.name), Contact.id)).all()
        return [Person(r.id, r.name, (r.emails or [""])[0], (r.phones or [""])[0], r.relationship) for r in rows]

    def support_people(self) -> list[Person]:
        """Return the people the person marked as someone they can lean on, with how to reach them."""
        with self.workspace.session() as session:
            ids = list(session.scalars(select(Contact.id).where(Contact.support.is_(True))))
        return self.people(ids) if ids else []

    # ---- writing ----

    def add(self, record: ContactRecord) -> ContactView:
        """Return a new contact typed in by the person."""
        record = clean(record)
        with self.workspace.session() as session:
            clash = self._email_owner(session, record.emails)
            if clash is not None:
                raise BadInput(f"email {clash[1]} is already {clash[0]}'s; add to that contact instead")
            key = new_key(record)
            row = Contact(key=key, **{name: getattr(record, name) for name in EDITABLE})
            row.external_ids = [e for e in record.external_ids if e != key]
            session.add(row)
            session.flush()
            contact_id = row.id
        return self.get(contact_id)

    def _email_owner(self, session: Session, emails: list[str], but: int | None = None) -> tuple[str, str] | None:
        wanted = {e.casefold() for e in emails}
        if not wanted:
            return None
        for contact_id, name, theirs in session.execute(select(Contact.id, Contact.name, Contact.emails)):
            if contact_id == but:
                continue
            for email in theirs:
                if email.casefold() in wanted:
                    return name, email
        return None

    def edit(self, contact_id: int, **values: Any) -> ContactView:
        """Return the contact after changing the given fields (a field left out keeps its value)."""
        unknown = sorted(set(values) - set(EDITABLE))
        if unknown:
            raise BadInput(f"a contact has no field(s) {', '.join(unknown)}")
        current = self.get(contact_id)
        record = ContactRecord(name=current.name, where=f"contact {contact_id}")
        for name in EDITABLE:
            setattr(record, name, values[name] if name in values else getattr(current, name))
        record = clean(record)
        with self.workspace.session() as session:
            clash = self._email_owner(session, record.emails, but=contact_id)
            if clash is not None:
                raise BadInput(f"email {clash[1]} is already {clash[0]}'s; merge the two on the duplicates page")
            row = session.get(Contact, contact_id)
            assert row is not None
            for name in EDITABLE:
                setattr(row, name, getattr(record, name))
        return self.get(contact_id)

    def set_support(self, contact_id: int, support: bool) -> ContactView:
        return self.edit(contact_id, support=support)

    def delete(self, contact_id: int) -> str:
        """Remove a contact and its interactions; return its name."""
        with self.workspace.session() as session:
            row = session.get(Contact, contact_id)
            if row is None:
                raise NotFound(f"there is no contact {contact_id}")
            name = row.name
            for interaction in session.scalars(select(Interaction).where(Interaction.contact_id == contact_id)):
                session.delete(interaction)
            session.delete(row)
        return name

    def set_tag_cadence(self, tag: str, days: int | None) -> dict[str, int]:
        """Keep in touch every `days` days with everyone tagged `tag` (None removes it); return all tag cadences."""
        tag = tag.strip()
        if not tag:
            raise BadInput("tag: which tag?")
        if days is not None and not 1 <= days <= MAX_CADENCE:
            raise BadInput(f"keep in touch every: {days} days is not from 1 to {MAX_CADENCE}")
        with self.workspace.session() as session:
            row = session.scalar(select(TagCadence).where(func.lower(TagCadence.tag) == tag.casefold()))
            if days is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(TagCadence(tag=tag, days=days))
            else:
                row.days = days
        return self.tag_cadences()
