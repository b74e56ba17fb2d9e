"""What the network service hands out: plain dataclasses, the same for pages, JSON and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class ContactRecord:
    """One person as an importer read them, before they are matched to the address book."""

    name: str
    where: str  # "card 3", "line 12": how the import result names the record
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    organisation: str = ""
    role: str = ""
    how_met: str = ""
    met_on: dt.date | None = None
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    relationship: str = ""
    cadence_days: int | None = None
    support: bool = False
    external_ids: list[str] = field(default_factory=list)


@dataclass
class Refusal:
    """A record an import left out, and why."""

    where: str
    reason: str


@dataclass
class ContactImportResult:
    """What an import did: contacts added, matched and given new details, matched with nothing new, left out."""

    file: str
    format: str
    added: int = 0
    merged: int = 0
    unchanged: int = 0
    refused: list[Refusal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. columns the importer did not use


@dataclass
class ContactView:
    id: int
    name: str
    emails: list[str]
    phones: list[str]
    organisation: str
    role: str
    how_met: str
    met_on: dt.date | None
    tags: list[str]
    notes: str
    relationship: str
    cadence_days: int | None  # its own cadence
    support: bool
    external_ids: list[str]  # every id it is known by, besides its key
    key: str  # its identity in exports and re-imports
    last_contacted: dt.date | None  # the newest interaction's date
    interactions: int
    effective_cadence: int | None = None  # its own, else the shortest of its tags'

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""

    @property
    def linkedin_url(self) -> str:
        for ext in [self.key, *self.external_ids]:
            if ext.startswith("linkedin:"):
                return ext.removeprefix("linkedin:")
        return ""


@dataclass
class Person:
    """Whom to ask or reach: a name and how to reach them (for other domains)."""

    id: int
    name: str
    email: str
    phone: str
    relationship: str


@dataclass
class InteractionView:
    id: int
    contact_id: int
    contact_name: str
    kind: str
    on: dt.date
    notes: str
    outcome: str
    follow_up_on: dt.date | None
    follow_up_done: bool


@dataclass
class FollowUp:
    """A follow-up that is due (or coming up): with whom, about what, and how many days late."""

    interaction_id: int
    contact_id: int
    contact_name: str
    on: dt.date
    about: str  # the interaction it follows: "coffee on 2026-11-02"
    days_overdue: int  # 0 today, negative when still to come


@dataclass
class LosingTouch:
    contact_id: int
    name: str
    last_contacted: dt.date | None
    since: dt.date  # the last contact, or when they met when there is none
    cadence_days: int
    days_overdue: int  # beyond the cadence


@dataclass
class Due:
    """`onward contacts due`: follow-ups due and the people you are losing touch with."""

    today: dt.date
    follow_ups: list[FollowUp]
    losing_touch: list[LosingTouch]


@dataclass
class Suggestion:
    contact_id: int
    name: str
    organisation: str
    role: str
    reason: str


@dataclass
class Suggestions:
    """Who to reach out to, in groups (a person appears in the first group that fits them)."""

    met_this_year: list[Suggestion]
    matching_role: list[Suggestion]
    losing_touch: list[Suggestion]
    mentors: list[Suggestion]
    role_words: list[str]  # the words of the target role the matching used


@dataclass
class DuplicateGroup:
    """Contacts that look like one person, and what keeping them as one would give (the preview)."""

    reason: str  # "same e-mail a@b.c" | "same name and organisation"
    contacts: list[ContactView]
    keep_id: int
    merged: ContactView  # the preview: the kept contact with the others' details added
    interactions_moving: int


@dataclass
class Draft:
    """An outreach message: to whom, the subject, the text, and a mailto: link that opens it in the mail app."""

    contact_id: int
    name: str
    email: str
    subject: str
    body: str
    mailto: str
    based_on: list[str]  # what the draft was built from, in plain words
