"""Alex's part of the demo in network: the people around a coordinator whose job stopped fitting — colleagues at
Riverside Literacy, people met through applications, a mentor from the teaching years, a professor, friends to
lean on — and what passed between them lately."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from onward.network.schemas import ContactRecord

if TYPE_CHECKING:
    from onward.network.service import NetworkService


class NetworkPeers(Protocol):
    """The services network's fillers use; the composition root's Services provides them."""

    @property
    def network(self) -> NetworkService: ...


# name, email, organisation, role, relationship, how met, met (days ago), tags, cadence, support
PEOPLE = [
    (
        "Priya Shah",
        "priya.shah@northside.example",
        "Northside Adult Learning Centre",
        "Programme Director",
        "acquaintance",
        "at the first interview for the tutor coordinator role",
        10,
        ["adult learning"],
        None,
        False,
    ),
    (
        "Tom Okafor",
        "tom.okafor@northside.example",
        "Northside Adult Learning Centre",
        "Senior Literacy Tutor",
        "acquaintance",
        "at the first interview for the tutor coordinator role",
        10,
        ["adult learning"],
        None,
        False,
    ),
    (
        "Dana Reyes",
        "dana@harbour-ae.example",
        "Harbour Adult Education",
        "Head of Adult Literacy",
        "acquaintance",
        "at the Harbour panel interview",
        27,
        ["adult learning"],
        None,
        False,
    ),
    (
        "Margaret Lin",
        "m.lin@hillside.example",
        "Hillside Primary School",
        "Deputy Head",
        "mentor",
        "when I started as a teaching assistant",
        2000,
        ["teaching"],
        60,
        False,
    ),
    (
        "Dr Samuel Adeyemi",
        "s.adeyemi@university.example",
        "City University",
        "Professor of Education",
        "professor",
        "on the adult education certificate course",
        1500,
        [],
        None,
        False,
    ),
    (
        "Jo Fielding",
        "jo@riverside-literacy.example",
        "Riverside Literacy",
        "Volunteer Coordinator",
        "colleague",
        "",
        240,
        ["riverside"],
        None,
        True,
    ),
    (
        "Chris Ward",
        "chris.ward@riverside-literacy.example",
        "Riverside Literacy",
        "Operations Manager",
        "manager",
        "",
        240,
        ["riverside"],
        None,
        False,
    ),
    ("Maya Patel", "maya.p@mail.example", "", "", "friend", "through the book club", 3000, ["friends"], 30, True),
    (
        "Ben Castillo",
        "ben.castillo@library.example",
        "City Library Service",
        "Learning Services Manager",
        "former colleague",
        "at Hillside Primary, running the reading corner together",
        900,
        ["teaching"],
        90,
        False,
    ),
    (
        "Aisha Rahman",
        "",
        "Bright Futures Trust",
        "Education Programme Lead",
        "acquaintance",
        "at the 2025 community learning conference",
        400,
        ["adult learning"],
        None,
        False,
    ),
]


def fill(services: NetworkPeers, today: dt.date) -> None:
    """Add Alex's contacts, a few interactions (one follow-up overdue, one due today) and a likely duplicate."""
    network = services.network

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    network.contacts.set_tag_cadence("adult learning", 45)
    ids: dict[str, int] = {}
    for name, email, org, role, relationship, how, met, tags, cadence, support in PEOPLE:
        contact = network.contacts.add(
            ContactRecord(
                name=name,
                where="demo",
                emails=[email] if email else [],
                organisation=org,
                role=role,
                relationship=relationship,
                how_met=how,
                met_on=ago(met),
                tags=tags,
                cadence_days=cadence,
                support=support,
            )
        )
        ids[name] = contact.id
    log = network.interactions.log
    log(
        ids["Priya Shah"],
        "meeting",
        on=ago(10),
        notes="First interview; Priya runs the tutor programme.",
        outcome="helpful",
        follow_up_on=ago(2),
    )
    log(
        ids["Dana Reyes"],
        "call",
        on=ago(5),
        notes="Offer call. Grant reporting sits with their development team.",
        outcome="helpful",
        follow_up_on=today,
    )
    log(
        ids["Jo Fielding"],
        "coffee",
        on=ago(3),
        notes="Talked through the rota; Jo offered to take Saturdays.",
        outcome="helpful",
    )
    log(ids["Margaret Lin"], "email", on=ago(130), notes="Christmas card and news.", outcome="replied")
    log(ids["Maya Patel"], "call", on=ago(20), notes="Long catch-up.", outcome="")
    log(
        ids["Ben Castillo"],
        "coffee",
        on=ago(60),
        notes="Ben mentioned a literacy post opening at the library.",
        outcome="helpful",
        follow_up_on=today + dt.timedelta(days=4),
    )
    # The same person twice, as an imported address book and LinkedIn often leave them: the duplicates page
    # shows them with a preview before merging.
    network.contacts.add(
        ContactRecord(
            name="Aisha Rahman",
            where="demo",
            emails=["aisha.rahman@brightfutures.example"],
            organisation="Bright Futures Trust",
            role="Programme Lead",
            how_met="Connected on LinkedIn",
            external_ids=["linkedin:https://linkedin.com/in/aisha-rahman-demo"],
        )
    )
