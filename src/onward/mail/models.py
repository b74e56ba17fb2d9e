"""The mailbox as Onward keeps it: one row per message, headers, a short snippet and the detected request.

Whole bodies are kept only when the person opts in (ONWARD_MAIL_KEEP_BODIES or `--keep-bodies`): the features
need the headers, the snippet and the request, and a mailbox is private.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onward.store.base import Owned

DIRECTIONS = ("sent", "received")
# A detected request moves from proposed to accepted (a task now), dismissed or done.
REQUEST_STATES = ("proposed", "accepted", "dismissed", "done")


class MailMessage(Owned):
    """One message: sent (From is one of the person's addresses) or received."""

    __tablename__ = "mail_messages"
    # The Message-ID, or a hash of key headers when it has none: a re-import matches instead of duplicating.
    __table_args__ = (UniqueConstraint("owner_id", "message_key"), {"info": {"natural_key": ("message_key",)}})

    message_key: Mapped[str] = mapped_column(String(300))
    folder: Mapped[str] = mapped_column(String(300), default="")
    direction: Mapped[str] = mapped_column(String(10), default="received", index=True, info={"choices": DIRECTIONS})
    to_me: Mapped[bool] = mapped_column(default=False)  # one of the person's addresses is in To or Cc
    from_address: Mapped[str] = mapped_column(String(320), default="", index=True)
    from_name: Mapped[str] = mapped_column(String(200), default="")
    to_addresses: Mapped[str] = mapped_column(Text, default="")  # comma-separated, lower case
    cc_addresses: Mapped[str] = mapped_column(Text, default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)  # UTC, without tzinfo
    utc_offset: Mapped[int] = mapped_column(Integer, default=0)  # minutes east of UTC, from the Date header
    in_reply_to: Mapped[str] = mapped_column(String(300), default="", index=True)
    snippet: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str | None] = mapped_column(Text)  # only when the person opted in
    request: Mapped[str] = mapped_column(String(500), default="")  # the sentence asking something; "" for none
    due: Mapped[dt.date | None] = mapped_column(Date)
    request_state: Mapped[str | None] = mapped_column(String(20), info={"choices": REQUEST_STATES})
    task_id: Mapped[int | None] = mapped_column(Integer)  # the workload task an accepted request became

    @property
    def local_sent_at(self) -> dt.datetime:
        """When it was sent on the sender's own clock (the Date header's offset)."""
        zone = dt.timezone(dt.timedelta(minutes=self.utc_offset))
        return self.sent_at.replace(tzinfo=dt.UTC).astimezone(zone)
