"""Read-only access to a local SQLite store with the standard library alone, for the CLI's fast lane.

Importing SQLAlchemy costs about 0.3 s, more than Taskwarrior takes for a whole `task next`. The everyday
listing (`onward tasks list`) therefore reads the file with `sqlite3` when it safely can: the file exists,
its schema is at the code's heads and its local owner exists. Anything else (no file yet, a migration
pending, PostgreSQL) answers None and the caller takes the ordinary way, which creates, migrates and scopes
as always. Queries through a `LiteStore` name the owner themselves: `owner_id` of every table read.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onward.store.heads import script_heads


@dataclass
class LiteStore:
    """An open read-only connection to a local SQLite store at head, and its local owner."""

    connection: sqlite3.Connection
    owner_id: int

    def rows(self, sql: str, *params: Any) -> list[Any]:
        """Return every row of one SELECT."""
        return self.connection.execute(sql, params).fetchall()

    def close(self) -> None:
        self.connection.close()


def open_at_head(database: Path) -> LiteStore | None:
    """Return the store in the SQLite file `database` when it exists, is at head and has its owner; else None."""
    if not database.is_file():
        return None
    try:
        # mode=ro: never creates the file; the busy timeout matches the ordinary engine's.
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return None
    try:
        (has_versions,) = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        heads = (
            {row[0] for row in connection.execute("SELECT version_num FROM alembic_version")} if has_versions else set()
        )
        owner = connection.execute("SELECT id FROM owners ORDER BY id LIMIT 1").fetchone() if has_versions else None
    except sqlite3.Error:
        connection.close()
        return None
    if not heads or heads != script_heads() or owner is None:
        connection.close()
        return None
    return LiteStore(connection, int(owner[0]))
