"""Whom to ask: plain names and e-mail addresses, or the person's contacts when a contacts source is handed in.

Feedback does not import the network domain (no arrow between them in DESIGN.md): it names what it needs here,
and the composition root (onward.services) hands in something that has it, or None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from onward.errors import BadInput

_ANGLE = re.compile(r"^\s*(?P<name>[^<>]*?)\s*<\s*(?P<email>[^<>\s]+@[^<>\s]+)\s*>\s*$")
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
MAX_PEOPLE = 500  # a whole department, not a mailing list


class Contact(Protocol):
    """One contact someone could be asked: what feedback reads of it."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def email(self) -> str | None: ...


class People(Protocol):
    """A source of people to ask (the network domain's contacts, once wired in onward.services)."""

    def people_to_ask(self) -> Sequence[Contact]: ...


@dataclass(frozen=True)
class Person:
    """Someone to invite: a name, maybe an e-mail address, maybe the contact they came from."""

    name: str
    email: str = ""
    contact_id: int | None = None


def parse_person(text: str) -> Person:
    """Return the person in "Sam Lee", "Sam Lee <sam@example.org>", "Sam Lee, sam@example.org" or
    "sam@example.org", or raise BadInput naming the line."""
    text = " ".join(text.split())
    match = _ANGLE.match(text)
    if not match and ("<" in text or ">" in text):
        raise BadInput(f"'{text}': write the address as Name <name@example.org>")
    if match:
        name, email = match.group("name").strip(" ,"), match.group("email")
    elif "," in text:
        name, _, email = (part.strip() for part in text.rpartition(","))
        if not _EMAIL.match(email):
            name, email = text, ""
    elif _EMAIL.match(text):
        name, email = text.split("@")[0], text
    else:
        name, email = text, ""
    if email and not _EMAIL.match(email):
        raise BadInput(f"'{text}': '{email}' does not look like an e-mail address")
    if not name:
        raise BadInput(f"'{text}': give a name (it is only for you, to know whom each link is for)")
    if len(name) > 200:
        raise BadInput(f"'{text[:40]}…': a name is at most 200 characters")
    return Person(name, email)


def parse_people(lines: Sequence[str]) -> list[Person]:
    """Return the people named one per entry (blank entries left out)."""
    people = [parse_person(line) for line in lines if line.strip()]
    if len(people) > MAX_PEOPLE:
        raise BadInput(f"ask at most {MAX_PEOPLE} people at once, not {len(people)}")
    return people


def from_contacts(source: People | None, contact_ids: Sequence[int]) -> list[Person]:
    """Return the contacts picked by id, or raise BadInput naming an id that is not a contact."""
    if not contact_ids:
        return []
    if source is None:
        raise BadInput("contacts are not available here; type names instead")
    known = {c.id: c for c in source.people_to_ask()}
    missing = [i for i in contact_ids if i not in known]
    if missing:
        raise BadInput(f"contact {missing[0]} is not among your contacts")
    return [Person(known[i].name, known[i].email or "", i) for i in contact_ids]
