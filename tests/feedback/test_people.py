"""Whom to ask: plain names and addresses, or contacts from a source handed in (the network domain's, once the
composition root wires it; here a plain list that meets feedback's `People` protocol)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from onward.errors import BadInput
from onward.feedback.people import People, parse_person
from onward.feedback.service import FeedbackService
from onward.services import Services


@dataclass(frozen=True)
class Contact:
    id: int
    name: str
    email: str | None


class AddressBook:
    def __init__(self, contacts: Sequence[Contact]) -> None:
        self.contacts = list(contacts)

    def people_to_ask(self) -> Sequence[Contact]:
        return self.contacts


def test_names_and_addresses_are_read_the_ways_people_write_them() -> None:
    assert parse_person("  Sam   Lee ").name == "Sam Lee"
    assert (parse_person("Sam Lee <sam@example.org>").email, parse_person("Sam Lee, sam@example.org").name) == (
        "sam@example.org",
        "Sam Lee",
    )
    assert parse_person("sam@example.org").name == "sam"
    with pytest.raises(BadInput, match="'Sam <sam@>'"):
        parse_person("Sam <sam@>")


def test_contacts_picked_by_id_become_invites(services: Services) -> None:
    book: People = AddressBook([Contact(7, "Jo Baptiste", "jo@example.org"), Contact(9, "Priya Shah", None)])
    feedback = FeedbackService(services.workspace, services.workload, people=book)
    made = feedback.requests.create("Habits", contact_ids=[9, 7], invite=["Tom"])
    assert [(link.name, link.email) for link in made.links] == [
        ("Priya Shah", ""),
        ("Jo Baptiste", "jo@example.org"),
        ("Tom", ""),
    ]
    with pytest.raises(BadInput, match="contact 3 is not among your contacts"):
        feedback.requests.create("Habits", contact_ids=[3])
    # Without a contacts source, only typed names work.
    alone = FeedbackService(services.workspace, services.workload, people=None)
    with pytest.raises(BadInput, match="type names instead"):
        alone.requests.create("Habits", contact_ids=[7])


def test_the_network_contacts_are_the_people_to_ask(services: Services) -> None:
    """As wired in onward.services: a contact from Network, picked by id, is invited with their address."""
    from onward.network.schemas import ContactRecord

    jo = services.network.contacts.add(ContactRecord(name="Jo Baptiste", where="test", emails=["jo@example.org"]))
    made = services.feedback.requests.create("Habits", contact_ids=[jo.id], invite=["Tom"])
    assert [(link.name, link.email) for link in made.links] == [("Jo Baptiste", "jo@example.org"), ("Tom", "")]
