"""Contacts in and out: vCard, LinkedIn's Connections.csv and plain CSV in; vCard 4.0 out.

An import is all or nothing: the file is read whole first (a bad record refuses it, naming the record), then
written in one transaction. Each record is matched to the address book by any external id it carries (vCard UID,
LinkedIn profile URL, an id Onward exported) or any of its e-mail addresses, so importing the same file twice,
or the export of this workspace, adds nobody twice: a match gains only what it did not have yet.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import select

from onward.background import Reporter
from onward.errors import BadInput
from onward.network.contacts import ContactBook, clean, new_key
from onward.network.linkedin import read_connections
from onward.network.models import Contact
from onward.network.plain_csv import read_contacts_csv
from onward.network.schemas import ContactImportResult, ContactRecord, Refusal
from onward.network.vcard import decode, read_vcards, write_vcards
from onward.store.base import utcnow
from onward.store.bulk import bulk_insert
from onward.workspace import Workspace

FORMATS = ("vcard", "linkedin", "csv")
PROGRESS_EVERY = 200  # contacts compared between reports to a progress bar
LISTS = ("emails", "phones", "tags", "external_ids")
FILLABLE = ("organisation", "role", "how_met", "met_on", "notes", "relationship", "cadence_days")


def guess_format(name: str, text: str) -> str:
    """Return the format a file looks like: vcard, linkedin or csv."""
    if "BEGIN:VCARD" in text[:4000].upper() or name.lower().endswith((".vcf", ".vcard")):
        return "vcard"
    if "First Name,Last Name,URL" in text[:4000]:
        return "linkedin"
    return "csv"


def read_file(data: bytes, name: str, format_: str | None) -> tuple[str, list[ContactRecord], list[Refusal], list[str]]:
    """Return (format, records, refusals, notes) for a file's bytes, or raise BadInput naming what is wrong."""
    if not data.strip():
        raise BadInput(f"{name}: the file is empty")
    text = decode(data, name)
    chosen = format_ or guess_format(name, text)
    if chosen not in FORMATS:
        raise BadInput(f"format must be one of {', '.join(FORMATS)}, not '{chosen}'")
    notes: list[str] = []
    if chosen == "vcard":
        records, refused = read_vcards(text, name)
    elif chosen == "linkedin":
        records, refused = read_connections(text, name)
    else:
        records, refused, unused = read_contacts_csv(text, name)
        if unused:
            notes.append(f"columns not used: {', '.join(unused)}")
    checked = []
    for record in records:
        try:
            checked.append(clean(record))
        except BadInput as error:
            raise BadInput(f"{name}, {record.where}: {error.message}") from None
    return chosen, checked, refused, notes


def fingerprint(record: ContactRecord) -> str:
    """Return the id of a record with no UID, e-mail or profile link: its name, organisation and first phone,
    so importing the same card twice still matches (a card that changed those is, fairly, someone new)."""
    phone = "".join(ch for ch in (record.phones[0] if record.phones else "") if ch.isdigit())
    parts = (" ".join(record.name.casefold().split()), record.organisation.casefold().strip(), phone)
    return ("name:" + "|".join(parts))[:400]


class _Book:
    """The address book in memory during one import: who is known by which id and e-mail."""

    def __init__(self, rows: list[Any]) -> None:
        self.by_id: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.rows: dict[int, Any] = {}
        for row in rows:
            self.know(row.id, row)

    def know(self, contact_id: int, row: Any) -> None:
        self.rows[contact_id] = row
        for ext in [row.key, *row.external_ids]:
            self.by_id.setdefault(ext, contact_id)
        for email in row.emails:
            self.by_email.setdefault(email.casefold(), contact_id)

    def match(self, record: ContactRecord) -> int | None:
        for ext in record.external_ids:
            if ext in self.by_id:
                return self.by_id[ext]
        for email in record.emails:
            if email.casefold() in self.by_email:
                return self.by_email[email.casefold()]
        return None


def gains(row: Any, record: ContactRecord) -> dict[str, Any]:
    """Return what the record adds to a matched contact: new list items, and blanks it fills (never overwrites)."""
    changes: dict[str, Any] = {}
    for name in LISTS:
        have = list(getattr(row, name))
        seen = {item.casefold() for item in have}
        if name == "external_ids":
            seen.add(row.key.casefold())
        new = [item for item in getattr(record, name) if item.casefold() not in seen]
        if new:
            changes[name] = have + new
    for name in FILLABLE:
        if not getattr(row, name) and getattr(record, name):
            changes[name] = getattr(record, name)
    if record.support and not row.support:
        changes["support"] = True
    return changes


class ContactImports:
    """Bring contacts in (all or nothing, nobody twice) and take them out as vCard 4.0."""

    def __init__(self, workspace: Workspace, book: ContactBook) -> None:
        self.workspace = workspace
        self.book = book

    def import_data(
        self, data: bytes, name: str, format_: str | None = None, reporter: Reporter | None = None
    ) -> ContactImportResult:
        """Return what importing a file's bytes did: added, merged, unchanged and refused (with reasons).

        A `reporter` (onward.background) hears "reading", then "comparing" with the contacts done of total.
        """
        if reporter is not None:
            reporter.step("reading")
        chosen, records, refused, notes = read_file(data, name, format_)
        if reporter is not None:
            reporter.step("comparing", done=0, total=len(records))
        result = ContactImportResult(file=name, format=chosen, refused=refused, notes=notes)
        owner = self.workspace.owner_id
        now = utcnow()
        with self.workspace.session() as session:
            book = _Book(list(session.scalars(select(Contact))))
            fresh: dict[int, dict[str, Any]] = {}  # new rows, by a negative id while this import runs
            touched: set[int] = set()
            for number, record in enumerate(records, start=1):
                if reporter is not None and number % PROGRESS_EVERY == 0:
                    reporter.advance(PROGRESS_EVERY)
                if not record.external_ids and not record.emails:
                    record.external_ids = [fingerprint(record)]
                match = book.match(record)
                if match is None:
                    values = {
                        "owner_id": owner,
                        "created_at": now,
                        "updated_at": now,
                        "key": new_key(record),
                        "name": record.name,
                        "support": record.support,
                        **{n: getattr(record, n) for n in (*LISTS, *FILLABLE)},
                    }
                    if values["key"] in book.by_id:  # a random key never clashes; an external id might not be unique
                        values["key"] = new_key(replace(record, external_ids=[], emails=[]))
                    values["external_ids"] = [e for e in record.external_ids if e != values["key"]]
                    temp = -(len(fresh) + 1)
                    fresh[temp] = values
                    book.know(temp, _Row(values))
                    result.added += 1
                    continue
                target = fresh[match] if match < 0 else book.rows[match]
                changes = gains(_Row(target) if match < 0 else target, record)
                if not changes:
                    if match > 0 and match not in touched:
                        result.unchanged += 1
                    continue
                if match < 0:
                    target.update(changes)
                else:
                    for key, value in changes.items():
                        setattr(target, key, value)
                    if match not in touched:
                        result.merged += 1
                        touched.add(match)
                book.know(match, _Row(target) if match < 0 else target)
            bulk_insert(session, Contact, list(fresh.values()))
        return result

    def export_vcard(self, contact_ids: list[int] | None = None) -> str:
        """Return the contacts (all, or those named) as a vCard 4.0 file that imports back without loss."""
        contacts = self.book.list_all()
        if contact_ids is not None:
            wanted = set(contact_ids)
            contacts = [c for c in contacts if c.id in wanted]
        keys = {c.id: c.key for c in contacts}
        records = [
            ContactRecord(
                name=c.name,
                where=f"contact {c.id}",
                emails=c.emails,
                phones=c.phones,
                organisation=c.organisation,
                role=c.role,
                how_met=c.how_met,
                met_on=c.met_on,
                tags=c.tags,
                notes=c.notes,
                relationship=c.relationship,
                cadence_days=c.cadence_days,
                support=c.support,
                external_ids=c.external_ids,
            )
            for c in contacts
        ]
        return write_vcards(records, [keys[c.id] for c in contacts])


class _Row:
    """A dict of a new row read like an ORM row (attribute access), for matching within one file."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)
