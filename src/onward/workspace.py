"""One owner's workspace: settings, the store and the owner, its sessions and small preferences.

Every domain service is built on a Workspace. It depends only on settings and the store, so a domain can
use it without reaching up to the composition root (onward.services).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from onward.settings import Settings
from onward.store import Store
from onward.store.base import Setting


@dataclass
class Workspace:
    """One owner's workspace in one database: what every domain service is built on."""

    settings: Settings
    store: Store
    owner_id: int

    @property
    def today(self) -> dt.date:
        return self.settings.effective_today()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Yield a session that sees only this owner's rows (commit on success)."""
        with self.store.session(self.owner_id) as session:
            yield session


class Preferences:
    """Small per-owner preferences kept as key/value rows (for example the name to greet)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def get(self, key: str, default: str = "") -> str:
        with self.workspace.session() as session:
            value = session.scalar(select(Setting.value).where(Setting.key == key))
            return default if value is None else value

    def set(self, key: str, value: str) -> None:
        with self.workspace.session() as session:
            row = session.scalar(select(Setting).where(Setting.key == key))
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value


class HasWorkspace(Protocol):
    """What a filler (demo, heavy user) needs of the composition root when it writes rows itself."""

    @property
    def workspace(self) -> Workspace: ...
