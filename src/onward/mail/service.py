"""MailService: the mail domain's public API, made of small parts with one job each.

`imports` (mbox, Maildir, .eml, CSV and IMAP in), `me` (the person's addresses: sent or received), `hours`
(sent mail against working hours, week by week) and `requests` (what received mail asks, proposed as tasks).
Built in onward.services, handed the workload service (mail -> workload, an arrow of DESIGN.md) for turning
an accepted request into a task.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from onward.background import Reporter
from onward.mail.analytics import WeekCount
from onward.mail.hours import MailHours
from onward.mail.imap import DEFAULT_PASSWORD_ENV, ImapAccount, connect, fetch_new, password_for
from onward.mail.importer import MailImportResult, MailImports
from onward.mail.me import MailMe
from onward.mail.models import MailMessage
from onward.mail.requests import MailRequests
from onward.mail.sources import RawMessage
from onward.workload.service import WorkloadService
from onward.workspace import Preferences

if TYPE_CHECKING:
    from onward.workspace import Workspace


class MailService:
    """The person's mailbox: imported, sorted into sent and received, counted against working hours."""

    def __init__(self, workspace: Workspace, workload: WorkloadService) -> None:
        self.workspace = workspace
        self.me = MailMe(workspace)
        self.imports = MailImports(workspace, self.me)
        self.hours = MailHours(workspace)
        self.requests = MailRequests(workspace, workload)

    def sent_after_hours_by_week(self, start: dt.date, end: dt.date) -> list[WeekCount]:
        """Per week (Monday start) from `start`'s week to `end`'s: messages sent and those sent after hours, empty
        weeks included. The numbers `onward mail hours --json` prints under "weeks" (for well-being's trends)."""
        return self.hours.sent_after_hours_by_week(start, end)

    def version(self) -> tuple[int, int, int, str]:
        """What changes whenever the kept mail does: how many messages, sent ones, the highest id, and the
        newest message time (so a cached summary of it can tell it is stale)."""
        with self.workspace.session() as session:
            total, sent, top, newest = session.execute(
                select(
                    func.count(),
                    func.count().filter(MailMessage.direction == "sent"),
                    func.max(MailMessage.id),
                    func.max(MailMessage.sent_at),
                )
            ).one()
        return int(total), int(sent or 0), int(top or 0), str(newest)

    def counts(self) -> dict[str, int]:
        """How many messages are kept, sent and received."""
        with self.workspace.session() as session:
            rows = dict(
                session.execute(select(MailMessage.direction, func.count()).group_by(MailMessage.direction)).all()
            )
        return {"sent": int(rows.get("sent", 0)), "received": int(rows.get("received", 0))}

    def import_imap(
        self,
        account: ImapAccount,
        folders: list[str],
        *,
        password_env: str = DEFAULT_PASSWORD_ENV,
        me: Iterable[str] = (),
        reporter: Reporter | None = None,
    ) -> MailImportResult:
        """Import the folders' new mail from an IMAP server, read-only; the password is never stored."""
        password = password_for(account, password_env)
        preferences = Preferences(self.workspace)
        seen = {folder: _seen(preferences.get(_seen_key(account, folder))) for folder in folders}
        client = connect(account, password)
        total = MailImportResult()
        try:
            for folder, validity, last, batch in fetch_new(client, folders, seen):
                result = self.imports.import_messages(batch, me=me, reporter=reporter)
                total.imported += result.imported
                total.duplicates += result.duplicates
                total.requests += result.requests
                for problem in result.problems:
                    total.note_broken(*problem.split(": ", 1))
                total.broken += result.broken - len(result.problems)
                preferences.set(_seen_key(account, folder), f"{validity}:{last}")
        finally:
            with contextlib.suppress(Exception):  # already disconnected: nothing to tidy
                client.logout()
        return total

    def import_raw(self, messages: Iterable[RawMessage], **options: object) -> MailImportResult:
        """Import messages given as bytes (an upload)."""
        return self.imports.import_messages(messages, **options)  # type: ignore[arg-type]


def _seen_key(account: ImapAccount, folder: str) -> str:
    return f"mail.imap.{account.name}/{folder}"[:100]


def _seen(value: str) -> tuple[int, int]:
    validity, _, last = value.partition(":")
    try:
        return int(validity), int(last)
    except ValueError:
        return 0, 0
