"""Alex's part of the demo in well-being: five months of check-ins and a few questionnaires.

Shaped like the story: steady at first, then load climbing and mood, energy and sleep falling with it (more work
after hours), then, after the talk with the manager and the first hand-offs, slowly recovering. Some days have
no check-in, as in life. Today has none yet, so the demo shows the empty check-in form.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, Protocol

from onward.wellbeing import instruments
from onward.wellbeing.models import CheckIn, InstrumentResponse

if TYPE_CHECKING:
    from onward.wellbeing.service import WellbeingService
    from onward.workspace import Workspace

DAYS = 150
SEED = 12


class WellbeingPeers(Protocol):
    @property
    def workspace(self) -> Workspace: ...
    @property
    def wellbeing(self) -> WellbeingService: ...


def story(days_ago: int) -> tuple[float, float, float, float]:
    """Return (mood, energy, sleep hours, load ratio) at that point of Alex's story, before day-to-day noise."""
    if days_ago > 100:  # steady
        return 3.9, 3.8, 7.4, 0.95
    if days_ago > 30:  # load climbing, mood falling
        t = (100 - days_ago) / 70
        return 3.9 - 1.9 * t, 3.8 - 1.8 * t, 7.4 - 1.8 * t, 0.95 + 0.55 * t
    t = (30 - days_ago) / 30  # recovering after the hand-offs
    return 2.0 + 1.3 * t, 2.0 + 1.1 * t, 5.6 + 1.2 * t, 1.5 - 0.35 * t


# days ago, instrument, the level the answers sit around (0-100 for the CBI, 0-5 per WHO-5 item)
QUESTIONNAIRES = [
    (140, "who5", 3.2),
    (126, "cbi", 38),
    (98, "who5", 2.8),
    (84, "cbi", 48),
    (63, "who5", 2.2),
    (56, "cbi", 60),
    (42, "who5", 1.6),
    (35, "cbi", 66),
    (21, "who5", 2.0),
    (9, "cbi", 45),
    (7, "who5", 2.4),
]


def answers_for(instrument: str, level: float, rng: random.Random) -> list[int | None]:
    """Return answers sitting around `level`, as a person would give them (the reversed CBI item as answered)."""
    if instrument == instruments.WHO5:
        return [min(5, max(0, round(level + rng.uniform(-0.8, 0.8)))) for _ in instruments.WHO5_ITEMS]
    found: list[int | None] = []
    for item in instruments.CBI_ITEMS[: instruments.CBI_REQUIRED_ITEMS]:
        points = min(100, max(0, 25 * round((level + rng.uniform(-20, 20)) / 25)))
        found.append(100 - points if item.reversed else points)
    return found


def fill(services: WellbeingPeers, today: dt.date) -> None:
    rng = random.Random(SEED)
    work_days = services.wellbeing.hours.days
    this_week = today - dt.timedelta(days=today.weekday())
    with services.workspace.session() as session:
        for days_ago in range(DAYS, 0, -1):
            day = today - dt.timedelta(days=days_ago)
            if rng.random() < 0.15:
                continue  # a day without a check-in
            mood, energy, sleep, load = story(days_ago)
            working = day.weekday() in work_days
            worked = round(max(0.0, (7.5 + 3 * (load - 1)) + rng.uniform(-1, 1)), 1) if working else 0.0
            if not working and load > 1.2 and rng.random() < 0.5:
                worked = round(rng.uniform(1, 3), 1)  # weekend catch-up while the load was highest
            after = max(0, round((load - 0.9) * 150 + rng.uniform(-20, 20))) if working else round(worked * 60)
            people = rng.random() < (0.7 if load < 1.2 else 0.35)
            session.add(
                CheckIn(
                    day=day,
                    mood=min(5, max(1, round(mood + rng.uniform(-0.9, 0.9)))),
                    energy=min(5, max(1, round(energy + rng.uniform(-0.9, 0.9)))),
                    sleep_hours=round(sleep + rng.uniform(-0.7, 0.7), 1),
                    worked_hours=worked,
                    after_hours_minutes=min(after, round(worked * 60)),
                    saw_people=people,
                    people_minutes=rng.choice((30, 60, 90, 120)) if people else None,
                    note="",
                    # This week's days keep the load the workload part gives now; earlier ones the story's.
                    load_ratio=None if day >= this_week else round(load + rng.uniform(-0.05, 0.05), 2),
                )
            )
        for days_ago, kind, level in QUESTIONNAIRES:
            given = answers_for(kind, level, rng)
            session.add(
                InstrumentResponse(
                    instrument=kind,
                    taken_on=today - dt.timedelta(days=days_ago),
                    items=given + [None] * (len(instruments.items_of(kind)) - len(given)),
                    scores=instruments.score(kind, given),
                )
            )
    pulse = services.wellbeing.workload
    if pulse is not None:
        now = pulse.current_load_ratio()
        with services.workspace.session() as session:
            for row in session.query(CheckIn).filter(CheckIn.day >= this_week):
                row.load_ratio = now
