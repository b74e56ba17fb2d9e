"""The heavy user's well-being: 1,800 check-ins over five years and 120 questionnaires, in bulk."""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import TYPE_CHECKING

from onward.store.bulk import bulk_insert
from onward.wellbeing import instruments
from onward.wellbeing.demo import answers_for
from onward.wellbeing.models import CheckIn, InstrumentResponse

if TYPE_CHECKING:
    from onward.workspace import HasWorkspace

CHECK_INS = 1_800
QUESTIONNAIRES = 120
SPAN_DAYS = 1_830  # five years: some days have no check-in


def fill_heavy_user(services: HasWorkspace, today: dt.date, rng: random.Random) -> dict[str, int]:
    owner = services.workspace.owner_id
    days = sorted(rng.sample(range(1, SPAN_DAYS + 1), CHECK_INS))
    now = dt.datetime(today.year, today.month, today.day)
    rows = []
    for days_ago in days:
        wave = math.sin(days_ago / 60)  # seasons of heavier and lighter load, across year ends
        mood = min(5, max(1, round(3.3 - 0.9 * wave + rng.uniform(-1, 1))))
        worked = round(rng.uniform(6, 11), 1)
        rows.append(
            {
                "owner_id": owner,
                "created_at": now,
                "updated_at": now,
                "day": today - dt.timedelta(days=days_ago),
                "mood": mood,
                "energy": min(5, max(1, mood + rng.choice((-1, 0, 0, 1)))),
                "sleep_hours": round(rng.uniform(5, 8.5), 1),
                "worked_hours": worked,
                "after_hours_minutes": min(round(worked * 60), max(0, round(60 * wave + rng.uniform(-30, 60)))),
                "saw_people": rng.random() < 0.6,
                "people_minutes": None,
                "note": "",
                "load_ratio": round(1.1 + 0.3 * wave + rng.uniform(-0.1, 0.1), 2),
            }
        )
    responses = []
    for i in range(QUESTIONNAIRES):
        kind = instruments.CBI if i % 2 else instruments.WHO5
        level = rng.uniform(25, 75) if kind == instruments.CBI else rng.uniform(1.5, 4)
        given = answers_for(kind, level, rng)
        responses.append(
            {
                "owner_id": owner,
                "created_at": now,
                "updated_at": now,
                "instrument": kind,
                "taken_on": today - dt.timedelta(days=SPAN_DAYS - i * (SPAN_DAYS // QUESTIONNAIRES)),
                "items": given + [None] * (len(instruments.items_of(kind)) - len(given)),
                "scores": instruments.score(kind, given),
            }
        )
    with services.workspace.session() as session:
        bulk_insert(session, CheckIn, rows)
        bulk_insert(session, InstrumentResponse, responses)
    return {"check_ins": len(rows), "questionnaires": len(responses)}
