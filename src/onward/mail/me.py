"""Who is me: the person's own addresses, which make a message sent (From is one of them) or received.

From the setting ONWARD_MAIL_ADDRESSES and the addresses given at import (`--me`, kept), or else a guess: the
most frequent From of the sent folders. One of the parts `MailService` (service.py) is made of.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select, update

from onward.errors import BadInput
from onward.mail.models import MailMessage
from onward.workspace import Preferences

if TYPE_CHECKING:
    from onward.workspace import Workspace

KEPT = "mail.me"  # the preference holding the addresses given at import
SENT_FOLDER_WORDS = ("sent", "outbox", "gesendet", "envoy", "enviad", "inviat")
SORT_BATCH = 5000


def _clean(addresses: Iterable[str]) -> list[str]:
    found = []
    for address in addresses:
        for part in address.replace(";", ",").split(","):
            part = part.strip().strip("<>").lower()
            if not part:
                continue
            if "@" not in part or " " in part:
                raise BadInput(f"'{part}' is not an email address")
            found.append(part)
    return found


class MailMe:
    """The person's addresses, and sorting messages into sent and received by them."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.preferences = Preferences(workspace)

    def stated(self) -> list[str]:
        """The addresses the person gave: the setting, then those given at import."""
        kept = self.preferences.get(KEPT)
        return list(dict.fromkeys(_clean([self.workspace.settings.mail_addresses, kept])))

    def guess(self) -> str | None:
        """The most frequent From of messages in sent folders, or None when no folder looks like one."""
        folder = func.lower(MailMessage.folder)
        in_sent = or_(*(folder.like(f"%{word}%") for word in SENT_FOLDER_WORDS))
        with self.workspace.session() as session:
            row = session.execute(
                select(MailMessage.from_address, func.count())
                .where(in_sent)
                .group_by(MailMessage.from_address)
                .order_by(func.count().desc(), MailMessage.from_address)
                .limit(1)
            ).first()
        return row[0] if row else None

    def addresses(self) -> set[str]:
        """The addresses that are the person's: those stated, else the guess (none before any import)."""
        stated = self.stated()
        if stated:
            return set(stated)
        guessed = self.guess()
        return {guessed} if guessed else set()

    def add_addresses(self, addresses: Iterable[str]) -> list[str]:
        """Keep more of the person's addresses (given at import); return all that are kept."""
        kept = _clean([self.preferences.get(KEPT)])
        for address in _clean(addresses):
            if address not in kept:
                kept.append(address)
        self.preferences.set(KEPT, ", ".join(kept))
        return kept

    def set_addresses(self, addresses: Iterable[str]) -> list[str]:
        """Replace the kept addresses (the setting's stay); sort every message again by them."""
        kept = _clean(addresses)
        self.preferences.set(KEPT, ", ".join(kept))
        self.sort_messages()
        return kept

    def sort_messages(self) -> None:
        """Mark each message sent or received, and whether it was addressed to the person, by their addresses.

        Sent is one UPDATE; "addressed to me" reads the To and Cc lists a batch at a time (flat memory)."""
        mine = self.addresses()
        with self.workspace.session() as session:
            session.execute(update(MailMessage).values(direction=_direction(mine) if mine else "received"))
            last = 0
            while True:
                rows = session.execute(
                    select(MailMessage.id, MailMessage.to_addresses, MailMessage.cc_addresses, MailMessage.to_me)
                    .where(MailMessage.id > last)
                    .order_by(MailMessage.id)
                    .limit(SORT_BATCH)
                ).all()
                if not rows:
                    break
                last = rows[-1][0]
                changes: dict[bool, list[int]] = {True: [], False: []}
                for row_id, to, cc, was in rows:
                    now = bool(mine.intersection(a.strip() for a in f"{to},{cc}".split(",") if a.strip()))
                    if now != was:
                        changes[now].append(row_id)
                for value, ids in changes.items():
                    if ids:
                        session.execute(update(MailMessage).where(MailMessage.id.in_(ids)).values(to_me=value))


def _direction(mine: set[str]) -> object:
    from sqlalchemy import case

    return case((MailMessage.from_address.in_(sorted(mine)), "sent"), else_="received")
