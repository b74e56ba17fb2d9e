"""Network's views: each page's data, built once here from the network service (the page renders it, its `/api`
twin returns it, and the CLI's --json prints it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from onward.network.imports import FORMATS
from onward.network.models import INTERACTION_KINDS, OUTCOMES, RELATIONSHIPS
from onward.network.schemas import (
    ContactImportResult,
    ContactView,
    Draft,
    Due,
    DuplicateGroup,
    InteractionView,
    Suggestions,
)
from onward.network.service import NetworkService

PAGE_SIZE = 50  # contacts per page: a long address book is searched, not scrolled
LOSING_SHOWN = 100  # losing-touch rows on the due page before "show everyone": the longest overdue come first


@dataclass
class NetworkOverview:
    contacts: int
    follow_ups_due: int
    losing_touch: int
    duplicate_groups: int
    suggestions: Suggestions
    support_people: int


@dataclass
class ContactsPage:
    contacts: list[ContactView]
    total: int  # matching the search
    search: str
    offset: int
    page_size: int
    today: dt.date
    relationships: tuple[str, ...] = RELATIONSHIPS

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.page_size if self.offset + self.page_size < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.page_size) if self.offset > 0 else None


@dataclass
class ContactPage:
    contact: ContactView
    interactions: list[InteractionView]
    today: dt.date
    saved: bool = False
    relationships: tuple[str, ...] = RELATIONSHIPS
    kinds: tuple[str, ...] = INTERACTION_KINDS
    outcomes: tuple[str, ...] = OUTCOMES


@dataclass
class NewContactPage:
    relationships: tuple[str, ...] = RELATIONSHIPS


@dataclass
class OutreachPage:
    draft: Draft
    today: dt.date


@dataclass
class DuePage:
    due: Due
    tag_cadences: dict[str, int] = field(default_factory=dict)
    losing_shown: int = LOSING_SHOWN  # how many of due.losing_touch the page lists (the JSON twin has them all)


@dataclass
class DuplicatesPage:
    groups: list[DuplicateGroup]
    merged: str = ""  # the name of the contact just merged, to say so


@dataclass
class ImportPage:
    formats: tuple[str, ...] = FORMATS
    result: ContactImportResult | None = None
    error: str | None = None


def overview(network: NetworkService) -> NetworkOverview:
    # Counts and short lists from grouped queries: the whole address book is never read for this page.
    due = network.follow_ups.due()
    return NetworkOverview(
        contacts=network.contacts.count(),
        follow_ups_due=len(due.follow_ups),
        losing_touch=len(due.losing_touch),
        duplicate_groups=len(network.duplicates.groups()),
        suggestions=network.suggestions(losing=due.losing_touch),
        support_people=network.contacts.count_support(),
    )


def contacts(network: NetworkService, search: str = "", offset: int = 0) -> ContactsPage:
    offset = max(0, offset)
    return ContactsPage(
        contacts=network.contacts.page(search, offset=offset, limit=PAGE_SIZE),
        total=network.contacts.count(search),
        search=search,
        offset=offset,
        page_size=PAGE_SIZE,
        today=network.today,
    )


def contact(network: NetworkService, contact_id: int, *, saved: bool = False) -> ContactPage:
    return ContactPage(
        contact=network.contacts.get(contact_id),
        interactions=network.interactions.of_contact(contact_id),
        today=network.today,
        saved=saved,
    )


def outreach(network: NetworkService, contact_id: int) -> OutreachPage:
    return OutreachPage(draft=network.outreach.draft(contact_id), today=network.today)


def due(network: NetworkService, *, everyone: bool = False) -> DuePage:
    found = network.follow_ups.due()
    return DuePage(
        due=found,
        tag_cadences=network.contacts.tag_cadences(),
        losing_shown=len(found.losing_touch) if everyone else LOSING_SHOWN,
    )


def duplicates(network: NetworkService, merged: str = "") -> DuplicatesPage:
    return DuplicatesPage(groups=network.duplicates.groups(), merged=merged)
