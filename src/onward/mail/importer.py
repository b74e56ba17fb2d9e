"""Importing mail: messages streamed in, read, their requests found, and written in batches; a broken message is
counted and named, never fatal; a message already there (same Message-ID, or the same key headers) is skipped.

One of the parts `MailService` (service.py) is made of. The whole import is one transaction (all or nothing),
written in batches so memory stays flat: the rows of a batch are checked against the table, not a set kept for
the whole mailbox.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onward.background import BackgroundWork, Progress, Reporter
from onward.mail.deadlines import find_due
from onward.mail.detect import find_request
from onward.mail.models import MailMessage
from onward.mail.reading import BrokenMessage, MailRecord, read_message
from onward.mail.sources import RawMessage, detect_format, progress_total, read_messages
from onward.store.base import utcnow
from onward.store.bulk import bulk_insert_columns, existing_values

if TYPE_CHECKING:
    from onward.mail.me import MailMe
    from onward.workspace import Workspace

BATCH = 2000
PROBLEMS_KEPT = 50  # broken messages named in the result; the count covers them all


@dataclass
class MailImportResult:
    """What an import did: messages imported, skipped as already there, and broken (with why, for the first)."""

    imported: int = 0
    duplicates: int = 0
    broken: int = 0
    problems: list[str] = field(default_factory=list)
    requests: int = 0  # of the imported, how many ask something of the person

    def note_broken(self, where: str, reason: str) -> None:
        self.broken += 1
        if len(self.problems) < PROBLEMS_KEPT:
            self.problems.append(f"{where}: {reason}")


class MailImports:
    """Reads mailboxes into the store, one import at a time, and remembers the one the web page started."""

    def __init__(self, workspace: Workspace, me: MailMe) -> None:
        self.workspace = workspace
        self.me = me
        self._work: BackgroundWork[MailImportResult] | None = None
        self._work_label = ""

    # ---- an import ----

    def import_path(
        self,
        path: Path,
        fmt: str = "auto",
        *,
        me: Iterable[str] = (),
        keep_bodies: bool | None = None,
        reporter: Reporter | None = None,
    ) -> MailImportResult:
        """Import the mailbox at `path` (mbox, Maildir, .eml, CSV; "auto" tells them apart)."""
        path = path.expanduser()
        messages = read_messages(path, fmt)  # BadInput for a missing path, before anything is written
        if reporter is not None:
            reporter.step("reading", done=0, total=progress_total(path, detect_format(path) if fmt == "auto" else fmt))
        return self.import_messages(messages, me=me, keep_bodies=keep_bodies, reporter=reporter)

    def import_messages(
        self,
        messages: Iterable[RawMessage],
        *,
        me: Iterable[str] = (),
        keep_bodies: bool | None = None,
        reporter: Reporter | None = None,
    ) -> MailImportResult:
        """Import raw messages (from a file, a folder, or an IMAP fetch); then sort sent from received."""
        if me:
            self.me.add_addresses(me)
        keep = self.workspace.settings.mail_keep_bodies if keep_bodies is None else keep_bodies
        mine = self.me.addresses()
        # Requests are looked for only in received mail: a sent message asks nothing of the person. Only when
        # the addresses were stated, though: a guess may be corrected later, turning "sent" rows into received.
        skip_sent = bool(self.me.stated())
        result = MailImportResult()
        batch: list[MailRecord] = []
        with self.workspace.session() as session:
            for raw in messages:
                if reporter is not None:
                    if reporter.stopping:
                        raise InterruptedError("the import was stopped; nothing was kept")
                    reporter.advance(raw.progress)
                try:
                    batch.append(read_message(raw.data, raw.folder))
                except BrokenMessage as error:
                    result.note_broken(raw.where, str(error))
                    continue
                if len(batch) >= BATCH:
                    self._write(session, batch, mine, keep, skip_sent, result)
                    batch = []
            self._write(session, batch, mine, keep, skip_sent, result)
        # Rows were sorted by the addresses known before; again only if that changed (a first guess, say).
        if result.imported and self.me.addresses() != mine:
            self.me.sort_messages()
        return result

    def _write(
        self,
        session: Any,
        batch: list[MailRecord],
        mine: set[str],
        keep: bool,
        skip_sent: bool,
        result: MailImportResult,
    ) -> None:
        if not batch:
            return
        keys = {record.key for record in batch}
        there = existing_values(session, MailMessage, "message_key", list(keys))
        kept: list[MailRecord] = []
        for record in batch:
            if record.key in there:
                result.duplicates += 1
                continue
            there.add(record.key)
            kept.append(record)
        if not kept:
            return
        # The rows a column at a time, straight from the records' fields (no dict per message).
        sent = [record.from_address in mine for record in kept]
        requests = [
            "" if mine_too and skip_sent else _request(record.newest, record.subject)
            for record, mine_too in zip(kept, sent, strict=True)
        ]
        count = len(kept)
        fields = dict(zip(MailRecord._fields, zip(*kept, strict=True), strict=True))  # each field's values
        owner, now = self.workspace.owner_id, utcnow()
        columns: dict[str, Sequence[Any]] = {
            "owner_id": [owner] * count,
            "created_at": [now] * count,
            "updated_at": [now] * count,
            "message_key": fields["key"],
            "folder": fields["folder"],
            "direction": ["sent" if mine_too else "received" for mine_too in sent],
            "to_me": [
                not (mine.isdisjoint(to) and mine.isdisjoint(cc))
                for to, cc in zip(fields["to"], fields["cc"], strict=True)
            ],
            "from_address": fields["from_address"],
            "from_name": fields["from_name"],
            "to_addresses": list(map(", ".join, fields["to"])),
            "cc_addresses": list(map(", ".join, fields["cc"])),
            "subject": fields["subject"],
            "sent_at": fields["sent_at"],
            "utc_offset": fields["utc_offset"],
            "in_reply_to": fields["in_reply_to"],
            "snippet": fields["snippet"],
            "body": fields["body"] if keep else [None] * count,
            "request": requests,
            "due": [
                find_due(record.newest, record.local_sent_at) if request else None
                for record, request in zip(kept, requests, strict=True)
            ],
            "request_state": ["proposed" if request else None for request in requests],
            "task_id": [None] * count,
        }
        bulk_insert_columns(session, MailMessage, columns)
        result.imported += count
        result.requests += count - requests.count("")

    # ---- the import the web page started, in the background ----

    def start(self, work: Callable[[Reporter], MailImportResult], label: str) -> None:
        """Start an import in the background unless one is under way (the page shows its progress)."""
        if self._work is not None and self._work.progress().running:
            return
        self._work = BackgroundWork("mail-import", work)
        self._work_label = label
        self._work.start()

    def progress(self) -> tuple[str, Progress | None, MailImportResult | None]:
        """What the background import is reading, how far it is, and its result once done."""
        if self._work is None:
            return "", None, None
        return self._work_label, self._work.progress(), self._work.result


def _request(newest: str, subject: str) -> str:
    """The request of a received message's newest part, or ""."""
    request = find_request(newest)
    if request and not request.strip("?! "):  # "??" over a forward: the question is the forward's subject
        return f"Asks about “{subject or 'the message below'}”"
    return request
