"""Fixtures for mail: services whose working hours and time zone are known, and ways to write mailboxes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from email.utils import format_datetime
from pathlib import Path

import pytest

from onward.services import Services
from onward.settings import Settings

from ..conftest import TODAY

LABELS = Path(__file__).resolve().parents[1] / "data" / "enron_requests_labels.csv"
ENRON = "enron_email_sample"
CHICAGO = "America/Chicago"


@pytest.fixture
def mail_settings(tmp_path: Path, db_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database_url=db_url,
        today=TODAY,
        open_browser=False,
        timezone=CHICAGO,
        work_start=dt.time(9, 0),
        work_end=dt.time(17, 30),
        work_days="Mon,Tue,Wed,Thu,Fri",
    )


@pytest.fixture
def mail_services(mail_settings: Settings) -> Iterator[Services]:
    built = Services.local(mail_settings)
    yield built
    built.store.dispose()


def raw(
    message_id: str | None,
    *,
    sender: str = "sam@example.org",
    to: str = "alex@example.org",
    cc: str = "",
    subject: str = "Hello",
    date: str | dt.datetime = "Mon, 30 Nov 2026 10:00:00 -0600",
    body: str = "Just a note.",
    in_reply_to: str = "",
) -> bytes:
    """A raw message as a mail client writes it."""
    when = format_datetime(date) if isinstance(date, dt.datetime) else date
    lines = [f"Date: {when}", f"From: {sender}", f"To: {to}", f"Subject: {subject}"]
    if message_id is not None:
        lines.insert(0, f"Message-ID: <{message_id}>")
    if cc:
        lines.append(f"Cc: {cc}")
    if in_reply_to:
        lines.append(f"In-Reply-To: <{in_reply_to}>")
    return ("\n".join(lines) + "\n\n" + body + "\n").encode()


def write_mbox(path: Path, messages: list[bytes]) -> Path:
    with path.open("wb") as out:
        for message in messages:
            out.write(b"From sender@example.org Mon Nov 30 10:00:00 2026\n")
            out.write(message.replace(b"\nFrom ", b"\n>From "))
            out.write(b"\n" if message.endswith(b"\n") else b"\n\n")  # a blank line before the next "From "
    return path


def write_maildir(root: Path, messages: list[bytes], folder: str = "") -> Path:
    target = root / folder if folder else root
    for sub in ("cur", "new", "tmp"):
        (target / sub).mkdir(parents=True, exist_ok=True)
    for number, message in enumerate(messages):
        (target / "cur" / f"{1700000000 + number}.M{number}P1.host:2,S").write_bytes(message)
    return root
