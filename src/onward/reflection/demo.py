"""Alex's part of the demo: a few journal entries over the last weeks, one from a year ago in the old job,
each of the five prompts answered at least once. The recent ones keep the load of the week they were written."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Protocol

from onward.reflection.models import JournalEntry

if TYPE_CHECKING:
    from onward.workspace import Workspace


class ReflectionPeers(Protocol):
    """What reflection's fillers use of the composition root."""

    @property
    def workspace(self) -> Workspace: ...


# days ago, hour, prompt, tags, load ratio of that week (None: not recorded), text
ENTRIES: list[tuple[int, int, str | None, list[str], float | None, str]] = [
    (
        366,
        20,
        None,
        ["classroom"],
        None,
        "Maya read a whole page out loud today without stopping. She looked at me like she'd climbed something. "
        "Those are the moments I want more of, wherever I end up.",
    ),
    (
        26,
        22,
        "tasks",
        ["work", "energy"],
        1.18,
        "Love: planning the tutor sessions, the first five minutes with a new learner. Like: the newsletter, "
        "honestly. Could do without: chasing volunteers for Saturday cover, and the grant spreadsheets.\n"
        "Where I'm strongest: explaining things so they click, and noticing when someone is stuck.",
    ),
    (
        19,
        23,
        None,
        ["work", "tired"],
        1.46,
        "Eleven at night and I'm still fixing the volunteer rota. I sent Sam the wrong version of the grant "
        "figures this afternoon. Not a disaster, but it's the second time this month. I'm doing three jobs.",
    ),
    (
        17,
        21,
        "care",
        ["sleep", "boundaries"],
        1.46,
        "Small things I can actually keep: laptop shut by nine, even when the rota isn't done. "
        "A walk with Jo on Sundays. Saying 'let me check and come back to you' instead of yes on the spot.",
    ),
    (
        12,
        19,
        "fit",
        ["work", "hope"],
        1.31,
        "I want a job where teaching is the job, not the thing I squeeze in between reports. A small team, "
        "four to eight people, who talk to each other. Some days from home. A manager who asks before adding.",
    ),
    (
        8,
        20,
        "people",
        ["network"],
        1.22,
        "Priya from the adult learning college: ask what her team looks for and whether they hire coordinators "
        "who teach. Mr Okafor, who supervised my placement: ask if he'd be a reference. Dani: just coffee, and "
        "to hear how she made her move.",
    ),
    (
        3,
        21,
        "start",
        ["next-job", "boundaries"],
        0.94,
        "First month: listen, write down what I was hired for, and keep that list somewhere I see it. "
        "Ask in week two how new duties get added. If something 'temporary' appears, ask when it ends.",
    ),
    (
        1,
        18,
        None,
        ["manager", "hope"],
        0.94,
        "Talked to Sam about the report. It went better than the version in my head. We agreed the grant "
        "reporting goes back to finance from January. I feel lighter.",
    ),
]


def fill(services: ReflectionPeers, today: dt.date) -> None:
    """Add Alex's journal entries."""
    with services.workspace.session() as session:
        for days_ago, hour, prompt, tags, load, text in ENTRIES:
            day = today - dt.timedelta(days=days_ago)
            if days_ago > 300:
                day = today.replace(year=today.year - 1) - dt.timedelta(days=1)  # "around this time last year"
            session.add(
                JournalEntry(
                    prompt=prompt,
                    text=text,
                    tags=tags,
                    written_at=dt.datetime.combine(day, dt.time(hour, 10)),
                    load_ratio=load,
                    source_key=f"uuid:{uuid.UUID(int=days_ago * 1000 + hour)}",
                )
            )
