"""Alex's mailbox in the demo: twelve weeks of mail with Jo, Sam and the others at Riverside Literacy. Alex
used to answer late into the evening; week by week less of it happens after hours. Some of the mail asks
things of Alex, with deadlines, waiting in the requests inbox."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Protocol

from onward.hours import WorkingHours
from onward.mail.generate import mailbox
from onward.mail.sources import RawMessage

if TYPE_CHECKING:
    from onward.mail.service import MailService
    from onward.workspace import Workspace

ALEX = ("Alex Rivera", "alex@riverside-literacy.org")
DOMAIN = "riverside-literacy.org"
WEEKS = 12


class MailPeers(Protocol):
    """The services mail's fillers (demo, heavy user) use; the composition root's Services provides them."""

    @property
    def workspace(self) -> Workspace: ...
    @property
    def mail(self) -> MailService: ...


def fill(services: MailPeers, today: dt.date) -> None:
    """Add Alex's mailbox (about 480 messages) up to today; requests older than ten days were
    answered long ago, so they are marked done and the inbox holds the recent ones."""
    zone = WorkingHours.from_settings(services.workspace.settings).zone
    first = today - dt.timedelta(weeks=WEEKS - 1)
    rng = random.Random(14)
    messages = (
        RawMessage(f"demo {n}", folder, raw)
        for n, (folder, raw) in enumerate(mailbox(ALEX, DOMAIN, first, WEEKS, zone, rng))
    )
    services.mail.imports.import_messages(_until(messages, today), me=[ALEX[1]])
    answered = today - dt.timedelta(days=10)
    for item in services.mail.requests.inbox():
        if item.date.date() < answered:
            services.mail.requests.mark_done(item.id)


def _until(messages: Iterator[RawMessage], today: dt.date) -> Iterator[RawMessage]:
    """Only the mail dated up to today (the current week is not over yet)."""
    for raw in messages:
        header = raw.data.split(b"\r\nDate: ", 1)[1].split(b"\r\n", 1)[0].decode()
        if parsedate_to_datetime(header).date() <= today:
            yield raw
