"""The heavy user's mailbox: two years of mail, 100,000 messages, imported through the same path as a real one."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from onward.hours import WorkingHours
from onward.mail.generate import mailbox
from onward.mail.sources import RawMessage

if TYPE_CHECKING:
    from onward.mail.demo import MailPeers

WEEKS = 104
SENT_PER_WEEK = 480  # and as many received: 100,000 messages in all (DESIGN's heavy user)
PERSON = ("Heavy User", "heavy@example.org")


def fill_heavy_user(services: MailPeers, today: dt.date, rng: random.Random) -> dict[str, int]:
    """Add the heavy user's mailbox; return how many messages were imported and requests found."""
    zone = WorkingHours.from_settings(services.workspace.settings).zone
    first = today - dt.timedelta(weeks=WEEKS)
    raw = mailbox(PERSON, "example.org", first, WEEKS, zone, rng, sent_per_week=SENT_PER_WEEK)
    messages = (RawMessage(f"heavy {n}", folder, data) for n, (folder, data) in enumerate(raw))
    result = services.mail.imports.import_messages(messages, me=[PERSON[1]])
    return {"mail messages": result.imported, "mail requests": result.requests}
