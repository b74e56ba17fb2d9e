"""The heavy user's network: 3,000 contacts (as a long LinkedIn history leaves them) and 20,000 interactions."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from sqlalchemy import select

from onward.network.models import RELATIONSHIPS, Contact, Interaction, TagCadence
from onward.store.base import utcnow
from onward.store.bulk import bulk_insert

if TYPE_CHECKING:
    from onward.workspace import HasWorkspace

CONTACTS = 3_000
INTERACTIONS = 20_000
FIRST = ("Alex", "Sam", "Priya", "Tom", "Dana", "Maya", "Ben", "Aisha", "Jo", "Chris", "Lee", "Noor", "Ravi", "Ana")
LAST = ("Shah", "Okafor", "Reyes", "Lin", "Patel", "Castillo", "Rahman", "Ward", "Kim", "Novak", "Silva", "Berg")
ORGS = ("Literacy Trust", "Adult Learning Centre", "Library Service", "Community College", "Council", "Foundation")
ROLES = ("Programme Manager", "Literacy Tutor", "Coordinator", "Director", "Trainer", "Learning Officer")
KINDS = ("coffee", "call", "message", "email", "meeting")


def fill_heavy_user(services: HasWorkspace, today: dt.date, rng: random.Random) -> dict[str, int]:
    """Add the heavy user's contacts and interactions in bulk; return how many of each."""
    workspace = services.workspace
    owner = workspace.owner_id
    now = utcnow()
    contacts = []
    for i in range(CONTACTS):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        slug = name.lower().replace(" ", "-")
        contacts.append(
            {
                "owner_id": owner,
                "created_at": now,
                "updated_at": now,
                "key": f"linkedin:https://linkedin.com/in/{slug}",
                "name": name,
                "emails": [f"{slug}@example.org"] if rng.random() < 0.3 else [],
                "phones": [],
                "organisation": f"{rng.choice(('North', 'City', 'Harbour', 'Valley'))} {rng.choice(ORGS)}",
                "role": rng.choice(ROLES),
                "how_met": "Connected on LinkedIn",
                "met_on": today - dt.timedelta(days=rng.randint(1, 3650)),
                "tags": rng.sample(("teaching", "adult learning", "libraries", "riverside"), rng.randint(0, 2)),
                "notes": "",
                "relationship": rng.choice(RELATIONSHIPS),
                "cadence_days": rng.choice((None, None, None, 30, 90, 180)),
                "support": rng.random() < 0.01,
                "external_ids": [],
            }
        )
    with workspace.session() as session:
        bulk_insert(session, Contact, contacts)
        session.add(TagCadence(tag="adult learning", days=60))
        ids = list(session.scalars(select(Contact.id)))
        rows = []
        for _ in range(INTERACTIONS):
            on = today - dt.timedelta(days=rng.randint(0, 1500))
            follow = on + dt.timedelta(days=7) if rng.random() < 0.1 else None
            rows.append(
                {
                    "owner_id": owner,
                    "created_at": now,
                    "updated_at": now,
                    "contact_id": rng.choice(ids),
                    "kind": rng.choice(KINDS),
                    "on": on,
                    "notes": "",
                    "outcome": "",
                    "follow_up_on": follow,
                    "follow_up_done": follow is not None and follow < today - dt.timedelta(days=30),
                }
            )
        bulk_insert(session, Interaction, rows)
    return {"contacts": CONTACTS, "interactions": INTERACTIONS}
