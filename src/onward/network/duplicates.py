"""Duplicates: contacts that look like one person (the same e-mail, or the same name at the same organisation),
shown with a preview of the merged contact before anything changes."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select, update

from onward.errors import BadInput, NotFound
from onward.network import queries
from onward.network.contacts import ContactBook
from onward.network.models import Contact, Interaction
from onward.network.schemas import ContactView, DuplicateGroup
from onward.workspace import Workspace

LISTS = ("emails", "phones", "tags", "external_ids")
FILLABLE = ("organisation", "role", "how_met", "met_on", "notes", "relationship", "cadence_days")


def merged_view(keep: ContactView, others: list[ContactView]) -> ContactView:
    """Return the kept contact with the others' details added: lists joined, its blanks filled, never overwritten."""
    result = dataclasses.replace(
        keep,
        emails=list(keep.emails),
        phones=list(keep.phones),
        tags=list(keep.tags),
        external_ids=list(keep.external_ids),
    )
    for other in others:
        for name in LISTS:
            have = getattr(result, name)
            seen = {item.casefold() for item in have}
            have += [item for item in getattr(other, name) if item.casefold() not in seen]
        for name in FILLABLE:
            if not getattr(result, name) and getattr(other, name):
                setattr(result, name, getattr(other, name))
        result.support = result.support or other.support
        result.interactions += other.interactions
        dates = [d for d in (result.last_contacted, other.last_contacted) if d]
        result.last_contacted = max(dates) if dates else None
    return result


def _groups(contacts: list[ContactView]) -> list[tuple[str, list[ContactView]]]:
    parent = {c.id: c.id for c in contacts}
    reasons: dict[int, str] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: int, b: int, reason: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
            reasons.setdefault(ra, reason)

    first_by: dict[tuple[str, str], tuple[int, str]] = {}
    for c in contacts:
        keys = [("email", e.casefold()) for e in c.emails]
        if c.organisation.strip():
            keys.append(("name", f"{' '.join(c.name.casefold().split())}|{c.organisation.casefold().strip()}"))
        for key in keys:
            if key in first_by:
                what = (
                    f"same e-mail {key[1]}" if key[0] == "email" else f"same name and organisation ({c.organisation})"
                )
                join(first_by[key][0], c.id, what)
            else:
                first_by[key] = (c.id, key[1])
    members: dict[int, list[ContactView]] = {}
    for c in contacts:
        members.setdefault(root(c.id), []).append(c)
    return [(reasons.get(r, ""), group) for r, group in members.items() if len(group) > 1]


class Duplicates:
    """Find contacts that look like one person; merge them into one after a preview."""

    def __init__(self, workspace: Workspace, book: ContactBook) -> None:
        self.workspace = workspace
        self.book = book

    def groups(self, contacts: list[ContactView] | None = None) -> list[DuplicateGroup]:
        """Return each group of likely duplicates (among `contacts`, or all) with the contact to keep and a
        preview of the merge."""
        if contacts is None:  # the database narrows 3,000 contacts to the few sharing an e-mail or a name
            with self.workspace.session() as session:
                contacts = self.book.of_ids(queries.duplicate_candidates(session))
        found = []
        for reason, group in _groups(contacts):
            keep = max(group, key=lambda c: (c.interactions, len(c.emails) + len(c.phones), -c.id))
            others = [c for c in group if c.id != keep.id]
            found.append(
                DuplicateGroup(reason, group, keep.id, merged_view(keep, others), sum(o.interactions for o in others))
            )
        return found

    def preview(self, keep_id: int, other_ids: list[int]) -> DuplicateGroup:
        """Return what merging `other_ids` into `keep_id` would give, changing nothing."""
        others = [self.book.get(i) for i in dict.fromkeys(other_ids) if i != keep_id]
        if not others:
            raise BadInput("merge: name at least one other contact to merge into this one")
        keep = self.book.get(keep_id)
        return DuplicateGroup(
            "chosen by you", [keep, *others], keep_id, merged_view(keep, others), sum(o.interactions for o in others)
        )

    def merge(self, keep_id: int, other_ids: list[int]) -> ContactView:
        """Merge the other contacts into `keep_id` (their interactions move to it); return the merged contact."""
        plan = self.preview(keep_id, other_ids)
        others = [c.id for c in plan.contacts if c.id != keep_id]
        merged = plan.merged
        with self.workspace.session() as session:
            row = session.get(Contact, keep_id)
            if row is None:
                raise NotFound(f"there is no contact {keep_id}")
            keys = list(session.scalars(select(Contact.key).where(Contact.id.in_(others))))
            session.execute(update(Interaction).where(Interaction.contact_id.in_(others)).values(contact_id=keep_id))
            for other in session.scalars(select(Contact).where(Contact.id.in_(others))):
                session.delete(other)
            session.flush()
            for name in (*LISTS, *FILLABLE):
                setattr(row, name, getattr(merged, name))
            # The others' identities stay with the kept contact, so re-importing their file matches it.
            row.external_ids = list(dict.fromkeys([*merged.external_ids, *keys]))
            row.support = merged.support
        return self.book.get(keep_id)
