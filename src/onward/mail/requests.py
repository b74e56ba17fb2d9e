"""Requests: what received mail addressed to the person asks of them, proposed as tasks to accept (a workload
task with a link back), dismiss, or mark done. One of the parts `MailService` (service.py) is made of."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from onward.errors import BadInput, NotFound
from onward.mail.models import MailMessage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from onward.workload.service import WorkloadService
    from onward.workspace import Workspace

TITLE_CHARS = 120
SHOWN_STATES = {"proposed": "To look at", "accepted": "Now a task", "dismissed": "Dismissed", "done": "Done"}


@dataclass(frozen=True)
class RequestView:
    """One request in the inbox (also a line of `onward mail requests --json`)."""

    id: int
    message_id: str  # the Message-ID (or Onward's hash key when the message had none)
    sender: str
    sender_address: str
    subject: str
    date: dt.datetime  # on the sender's clock
    request: str
    due: dt.date | None
    state: str
    task_id: int | None
    snippet: str


def request_view(row: MailMessage) -> RequestView:
    return RequestView(
        id=row.id,
        message_id=row.message_key,
        sender=row.from_name or row.from_address,
        sender_address=row.from_address,
        subject=row.subject,
        date=row.local_sent_at,
        request=row.request,
        due=row.due,
        state=row.request_state or "",
        task_id=row.task_id,
        snippet=row.snippet,
    )


class MailRequests:
    """The inbox of proposed tasks, read from received mail addressed to the person."""

    def __init__(self, workspace: Workspace, workload: WorkloadService) -> None:
        self.workspace = workspace
        self.workload = workload

    def inbox(self, states: tuple[str, ...] = ("proposed",), *, limit: int | None = None) -> list[RequestView]:
        """Requests in these states, soonest due first, then newest."""
        query = (
            select(MailMessage)
            .where(
                MailMessage.direction == "received",
                MailMessage.to_me.is_(True),
                MailMessage.request != "",
                MailMessage.request_state.in_(states),
            )
            .order_by(MailMessage.due.is_(None), MailMessage.due, MailMessage.sent_at.desc(), MailMessage.id)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.workspace.session() as session:
            return [request_view(row) for row in session.scalars(query)]

    def counts(self) -> dict[str, int]:
        """How many requests are in each state."""
        from sqlalchemy import func

        query = (
            select(MailMessage.request_state, func.count())
            .where(MailMessage.direction == "received", MailMessage.to_me.is_(True), MailMessage.request != "")
            .group_by(MailMessage.request_state)
        )
        with self.workspace.session() as session:
            found = dict(session.execute(query).all())
        return {state: int(found.get(state, 0)) for state in SHOWN_STATES}

    def get(self, ref: int | str) -> RequestView:
        with self.workspace.session() as session:
            return request_view(_find(session, ref))

    def accept(self, ref: int | str) -> RequestView:
        """Make the request a workload task (due when the mail said), linked back to the message."""
        found = self.get(ref)
        if not found.request:
            raise BadInput(f"message {found.message_id}: Onward found no request in it to accept")
        if found.task_id is not None:
            return found
        # The task is written in the workload's own session, then the link in ours: one writer at a time.
        request = found.request
        title = request if len(request) <= TITLE_CHARS else request[: TITLE_CHARS - 1] + "…"
        notes = f"Asked by {found.sender} in “{found.subject or '(no subject)'}”: /mail/messages/{found.id}"
        task = self.workload.tasks.add_task(title, due=found.due, notes=notes, tags=["mail"])
        with self.workspace.session() as session:
            row = _find(session, found.id)
            row.task_id, row.request_state = task.id, "accepted"
            return request_view(row)

    def dismiss(self, ref: int | str) -> RequestView:
        """Not a request after all, or not one for the person: out of the inbox."""
        return self._set(ref, "dismissed")

    def mark_done(self, ref: int | str) -> RequestView:
        """Already done (answered by mail, say): out of the inbox."""
        return self._set(ref, "done")

    def reopen(self, ref: int | str) -> RequestView:
        return self._set(ref, "proposed")

    def _set(self, ref: int | str, state: str) -> RequestView:
        with self.workspace.session() as session:
            row = _find(session, ref)
            if not row.request:
                raise BadInput(f"message {row.message_key}: Onward found no request in it")
            row.request_state = state
            return request_view(row)


def _find(session: Session, ref: int | str) -> MailMessage:
    """The message with this row id or Message-ID (the owner's only: the session is scoped)."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        row = session.get(MailMessage, int(ref))
    else:
        row = session.scalar(select(MailMessage).where(MailMessage.message_key == ref.strip()))
    if row is None:
        raise NotFound(f"there is no message {ref}")
    return row
