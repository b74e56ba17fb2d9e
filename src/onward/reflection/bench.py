"""The heavy user's journal: 2,000 entries over five years, every prompt, tags, and the load of each week."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, Any

from onward.reflection.models import JournalEntry
from onward.reflection.prompts import KEYS
from onward.store.bulk import bulk_insert

if TYPE_CHECKING:
    from onward.reflection.demo import ReflectionPeers

ENTRIES = 2_000
YEARS = 5
TAGS = ("work", "hope", "tired", "sleep", "manager", "team", "learning", "family", "boundaries", "next-job")
# Sentences a long-time journal keeps coming back to; entries are made of four to twelve of them.
SENTENCES = (
    "The rota took the whole morning again.",
    "I loved the session with the new learners.",
    "My manager asked for the report by Friday.",
    "I slept badly and felt it all day.",
    "A walk at lunch helped more than I expected.",
    "I want a smaller team where people talk to each other.",
    "The grant spreadsheet is not the work I came here for.",
    "I said no to the extra event and the sky did not fall.",
    "Coffee with a former colleague gave me ideas for what comes next.",
    "I noticed I was answering email at eleven at night.",
    "Teaching is where I feel most like myself.",
    "The handover plan made the week feel possible.",
    "I made a mistake in the figures because I was rushing.",
    "Dinner with my sister, phone in the other room.",
    "I am proud of how the workshop went.",
    "Volunteers cancelled and I covered the desk myself.",
    "I wrote down what I was hired for and it is not what I do.",
    "Tomorrow I will ask which duties are really temporary.",
)


def fill_heavy_user(services: ReflectionPeers, today: dt.date, rng: random.Random) -> dict[str, int]:
    """Add the heavy user's 2,000 journal entries; return how many."""
    owner = services.workspace.owner_id
    now = dt.datetime.combine(today, dt.time(12))
    first = today - dt.timedelta(days=365 * YEARS)
    span = (today - first).days
    rows: list[dict[str, Any]] = []
    week_load: dict[int, float] = {}
    for i in range(ENTRIES):
        day = first + dt.timedelta(days=rng.randrange(span + 1))
        week = (day - first).days // 7
        load = week_load.setdefault(week, round(rng.uniform(0.6, 1.7), 3))
        rows.append(
            {
                "owner_id": owner,
                "created_at": now,
                "updated_at": now,
                "prompt": rng.choice((*KEYS, None, None)),
                "text": " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(4, 12))),
                "tags": rng.sample(TAGS, rng.randint(0, 3)),
                "written_at": dt.datetime.combine(day, dt.time(rng.randint(6, 23), rng.randrange(60))),
                "load_ratio": load if rng.random() < 0.9 else None,
                "source_key": f"uuid:heavy-{i}",
            }
        )
    with services.workspace.session() as session:
        bulk_insert(session, JournalEntry, rows)
    return {"journal_entries": ENTRIES}
