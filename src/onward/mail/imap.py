"""IMAP, read-only: folders opened with EXAMINE (imapclient's readonly select) and fetched with BODY.PEEK[], so
nothing on the server changes, not even the \\Seen flag. The password comes from an environment variable or the
system keyring and is never stored by Onward. Incremental: the last UID fetched from each folder is kept (with
the folder's UIDVALIDITY), so the next import asks only for newer mail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from onward.errors import BadInput
from onward.mail.sources import RawMessage

KEYRING_SERVICE = "onward-imap"
DEFAULT_PASSWORD_ENV = "ONWARD_IMAP_PASSWORD"  # noqa: S105 - the name of a variable, not a password
FETCH_BATCH = 200


@dataclass(frozen=True)
class ImapAccount:
    host: str
    user: str
    port: int = 993
    ssl: bool = True

    @property
    def name(self) -> str:
        return f"{self.user}@{self.host}"


def password_for(account: ImapAccount, env_name: str = DEFAULT_PASSWORD_ENV) -> str:
    """The IMAP password: from the environment variable `env_name`, else the system keyring."""
    value = os.environ.get(env_name, "")
    if value:
        return value
    try:
        import keyring

        value = keyring.get_password(KEYRING_SERVICE, account.name) or ""
    except Exception:
        value = ""
    if not value:
        raise BadInput(
            f"no IMAP password for {account.name}: set the environment variable {env_name}, or store it in the "
            f"system keyring with `keyring set {KEYRING_SERVICE} {account.name}`"
        )
    return value


def messages_of_fetch(folder: str, fetched: Mapping[int, Mapping[bytes, Any]]) -> Iterator[RawMessage]:
    """Turn an imapclient FETCH answer ({uid: {b"BODY[]": bytes, …}}) into RawMessages, in UID order."""
    for uid in sorted(fetched):
        data = fetched[uid]
        raw = data.get(b"BODY[]") or data.get(b"RFC822") or b""
        yield RawMessage(f"{folder} UID {uid}", folder, bytes(raw))


def fetch_new(
    client: Any, folders: list[str], seen: dict[str, tuple[int, int]]
) -> Iterator[tuple[str, int, int, list[RawMessage]]]:
    """For each folder, yield (folder, uidvalidity, last uid, messages) a batch at a time, newer than `seen`."""
    for folder in folders:
        status = client.select_folder(folder, readonly=True)
        validity = int(status.get(b"UIDVALIDITY", 0))
        known_validity, last = seen.get(folder, (validity, 0))
        if known_validity != validity:
            last = 0  # the server renumbered the folder: read it again (duplicates are skipped on import)
        uids = sorted(uid for uid in client.search(["UID", f"{last + 1}:*"]) if uid > last)
        for start in range(0, len(uids), FETCH_BATCH):
            chunk = uids[start : start + FETCH_BATCH]
            batch = list(messages_of_fetch(folder, client.fetch(chunk, ["BODY.PEEK[]"])))
            yield folder, validity, chunk[-1], batch


def connect(account: ImapAccount, password: str) -> Any:
    """Log in to the server (imapclient), or raise BadInput saying why not."""
    from imapclient import IMAPClient

    try:
        client = IMAPClient(account.host, port=account.port, ssl=account.ssl, timeout=60)
        client.login(account.user, password)
    except Exception as error:
        raise BadInput(f"could not log in to {account.name}: {error}") from None
    return client
