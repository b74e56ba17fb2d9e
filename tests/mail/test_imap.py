"""IMAP import against a real Dovecot (Debian's dovecot-imapd) started on a free local port over a temp folder:
read-only (flags unchanged), the password from an environment variable, incremental by UID."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from onward.errors import BadInput
from onward.mail.imap import ImapAccount, messages_of_fetch
from onward.services import Services

from .conftest import raw

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
needs_dovecot = pytest.mark.skipif(not Path(DOVECOT).exists(), reason="Debian's dovecot-imapd is not installed")
PASSWORD = "test-secret-14"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Dovecot:
    def __init__(self, root: Path, port: int) -> None:
        self.root, self.port = root, port
        self.maildir = root / "home" / "alex" / "Maildir"

    def deliver(self, name: str, message: bytes, *, seen: bool = False) -> None:
        target = self.maildir / ("cur" if seen else "new") / (f"{name}:2,S" if seen else name)
        target.write_bytes(message)
        if os.geteuid() == 0:
            shutil.chown(target, "nobody", "nogroup")

    def seen(self) -> int:
        """How many messages carry the \\Seen flag (S in a Maildir file name's flags)."""
        files = [*(self.maildir / "cur").iterdir(), *(self.maildir / "new").iterdir()]
        return sum("S" in path.name.rpartition(":2,")[2] for path in files if ":2," in path.name)


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    # Its own folder under /tmp: Dovecot reads the mail as "nobody", who cannot enter pytest's private temp folder.
    root = Path(tempfile.mkdtemp(prefix="onward-dovecot-"))
    for folder in ("run", "state", "home/alex/Maildir/cur", "home/alex/Maildir/new", "home/alex/Maildir/tmp"):
        (root / folder).mkdir(parents=True)
    user = "uid=nobody gid=nogroup " if os.geteuid() == 0 else ""
    if os.geteuid() == 0:
        subprocess.run(["chown", "-R", "nobody:nogroup", str(root / "home")], check=True)
        root.chmod(0o755)
    port = _free_port()
    config = root / "dovecot.conf"
    config.write_text(
        f"""base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
mail_location = maildir:{root}/home/%u/Maildir
passdb {{
  driver = static
  args = password={PASSWORD}
}}
userdb {{
  driver = static
  args = {user}home={root}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""
    )
    subprocess.run([DOVECOT, "-c", str(config)], check=True)
    server = Dovecot(root, port)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield server
    finally:
        pid = (root / "run" / "master.pid").read_text().strip()
        subprocess.run(["kill", pid], check=False)
        time.sleep(0.2)
        shutil.rmtree(root, ignore_errors=True)


@needs_dovecot
def test_imap_import_is_read_only_and_incremental(
    dovecot: Dovecot, mail_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    dovecot.deliver("1.host", raw("i1@x.org", body="Could you send me the rota by Friday?"), seen=False)
    dovecot.deliver("2.host", raw("i2@x.org", subject="Seen already"), seen=True)
    monkeypatch.setenv("ONWARD_TEST_IMAP", PASSWORD)
    account = ImapAccount("127.0.0.1", "alex", dovecot.port, ssl=False)
    first = mail_services.mail.import_imap(account, ["INBOX"], password_env="ONWARD_TEST_IMAP", me=["alex@example.org"])
    assert (first.imported, first.duplicates, first.broken) == (2, 0, 0)
    assert dovecot.seen() == 1  # read-only: the unread message is still unread on the server
    assert [item.request for item in mail_services.mail.requests.inbox()] == ["Could you send me the rota by Friday?"]

    dovecot.deliver("3.host", raw("i3@x.org", subject="New since"))
    second = mail_services.mail.import_imap(account, ["INBOX"], password_env="ONWARD_TEST_IMAP")
    assert (second.imported, second.duplicates) == (1, 0)  # only the new one was fetched


@needs_dovecot
def test_a_wrong_or_missing_password_is_a_clear_message(
    dovecot: Dovecot, mail_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = ImapAccount("127.0.0.1", "alex", dovecot.port, ssl=False)
    monkeypatch.delenv("ONWARD_TEST_IMAP", raising=False)
    monkeypatch.setattr("keyring.get_password", lambda service, user: None)  # no keyring entry on this machine
    with pytest.raises(BadInput, match="set the environment variable ONWARD_TEST_IMAP"):
        mail_services.mail.import_imap(account, ["INBOX"], password_env="ONWARD_TEST_IMAP")
    monkeypatch.setenv("ONWARD_TEST_IMAP", "wrong")
    with pytest.raises(BadInput, match=r"could not log in to alex@127\.0\.0\.1"):
        mail_services.mail.import_imap(account, ["INBOX"], password_env="ONWARD_TEST_IMAP")


def test_fetched_bytes_become_messages_in_uid_order() -> None:
    fetched = {7: {b"BODY[]": raw("b@x"), b"SEQ": 2}, 3: {b"BODY[]": raw("a@x"), b"SEQ": 1}}
    messages = list(messages_of_fetch("INBOX", fetched))
    assert [m.where for m in messages] == ["INBOX UID 3", "INBOX UID 7"]
    assert messages[0].data.startswith(b"Message-ID: <a@x>")
