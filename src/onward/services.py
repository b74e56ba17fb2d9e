"""Builds every domain service from settings; the one place the web app and the CLI get them from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onward.errors import Conflict
from onward.settings import Settings
from onward.store import Store
from onward.store.base import Setting

if TYPE_CHECKING:
    from onward.fit.matching_service import MatchingService
    from onward.fit.service import FitService
    from onward.workload.importing import WorkloadImports
    from onward.workload.service import WorkloadService


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


class Services:
    """Every domain service of one workspace, built on first use."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @classmethod
    def local(cls, settings: Settings, database_url: str | None = None) -> Services:
        """Return the services of local mode's single owner, migrating the database first."""
        store = Store(database_url or settings.resolved_database_url())
        return cls(Workspace(settings, store, store.local_owner_id()))

    @property
    def store(self) -> Store:
        return self.workspace.store

    @property
    def today(self) -> dt.date:
        return self.workspace.today

    # Domain services are added here as their domains land (see onward/domains.py).

    @cached_property
    def workload(self) -> WorkloadService:
        from onward.workload.service import WorkloadService

        # Meetings from the imported calendar take hours off each forecast week.
        return WorkloadService(self.workspace, self.workload_imports.meeting_hours_by_week)

    @cached_property
    def workload_imports(self) -> WorkloadImports:
        from onward.workload.importing import WorkloadImports

        return WorkloadImports(self.workspace)

    @cached_property
    def fit(self) -> FitService:
        from onward.fit.service import FitService

        return FitService(self.workspace)

    @cached_property
    def fit_matching(self) -> MatchingService:
        from onward.fit.matching_service import MatchingService

        return MatchingService(self.workspace)

    @cached_property
    def preferences(self) -> Preferences:
        return Preferences(self.workspace)

    # ---- the whole workspace: export, import, backup, restore ----

    def is_empty(self) -> bool:
        """Return True when this owner has nothing stored yet."""
        return not self.store.owner_has_data(self.workspace.owner_id)

    def export(self) -> dict[str, Any]:
        """Return the whole workspace as a JSON-ready dict."""
        from onward.store.transfer import export_owner

        with self.workspace.session() as session:
            return export_owner(session, self.workspace.owner_id)

    def import_(self, data: Any, *, merge: bool = False) -> dict[str, int]:
        """Add an export to the workspace (all or nothing); refuse a non-empty one unless merging."""
        from onward.store.transfer import import_owner

        if not merge and not self.is_empty():
            raise Conflict("the workspace already holds data; import with --merge to add to it")
        with self.workspace.session() as session:
            return import_owner(session, self.workspace.owner_id, data, merge=merge)

    def backup(self, destination: Path) -> dict[str, int]:
        from onward.store.backup import backup

        return backup(self.store, destination)

    def restore(self, source: Path) -> dict[str, int]:
        from onward.store.backup import restore

        return restore(self.store, source)


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
