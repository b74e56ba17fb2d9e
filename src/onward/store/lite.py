"""A local SQLite store through the standard library alone, for the CLI's fast lane.

Importing SQLAlchemy costs about 0.3 s, more than Taskwarrior takes for a whole `task next`. The everyday
listing (`onward tasks list`) therefore reads the file with `sqlite3` when it safely can (`open_at_head`):
the file exists, its schema is at the code's heads and its local owner exists. A task import writes through
`open_to_write`, which also creates a missing file the way the ordinary start would leave it: the schema of
sqlite_schema.sql (written from a freshly migrated database by scripts/gen_sqlite_schema.py, held to the
migrations by tests/store/test_sqlite_schema.py), the engine's pragmas and the local owner. Anything else (a
migration pending, no owner, PostgreSQL) answers None and the caller takes the ordinary way, which creates,
migrates and scopes as always. Queries through a `LiteStore` name the owner themselves: `owner_id` of every
table read or written.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onward.store.heads import script_heads

LOCAL_OWNER_NAME = "me"  # the single owner of local mode (Store.local_owner_id makes it the same way)
# What every SQLite connection gets, the engine's (store.engine.make_engine) and the lane's.
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL")
SCHEMA = Path(__file__).with_name("sqlite_schema.sql")
SCHEMA_HEADER = (
    "-- A new SQLite store at the migrations' heads, for the CLI's fast lane (onward.store.lite.open_to_write).\n"
    "-- Written from a freshly migrated database by scripts/gen_sqlite_schema.py (`make docs`); do not edit.\n"
)


@dataclass
class LiteStore:
    """An open read-only connection to a local SQLite store at head, and its local owner."""

    connection: sqlite3.Connection
    owner_id: int

    def rows(self, sql: str, *params: Any) -> list[Any]:
        """Return every row of one SELECT."""
        return self.connection.execute(sql, params).fetchall()

    def commit(self) -> None:
        """Commit the transaction `open_to_write` began."""
        self.connection.execute("COMMIT")

    def close(self) -> None:
        """Close the connection; a transaction not committed is rolled back (all or nothing)."""
        self.connection.close()


def now_text() -> str:
    """Return the current UTC time as the store writes a timestamp (base.utcnow through SQLite's DateTime)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0).isoformat(" ", "microseconds")


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


def open_to_write(database: Path) -> LiteStore | None:
    """Return the store in the SQLite file `database` with a write transaction begun, or None.

    A missing (or empty) file is created at head with its owner, in that same transaction; an existing one
    must be at head and have its owner. None (nothing written) sends the caller the ordinary way.
    """
    try:
        database.parent.mkdir(parents=True, exist_ok=True)  # as make_engine does
        # isolation_level=None: the transaction is this code's own (BEGIN … COMMIT), DDL included.
        connection = sqlite3.connect(database, timeout=30, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        for pragma in PRAGMAS:  # before BEGIN: foreign_keys and journal_mode do nothing inside a transaction
            connection.execute(pragma)
        connection.execute("BEGIN IMMEDIATE")  # the write lock first: no other process creates it meanwhile
        (objects,) = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not objects:
            _create_at_head(connection)
        owner = _owner_at_head(connection)
    except sqlite3.Error:
        connection.close()
        return None
    if owner is None:
        connection.close()
        return None
    return LiteStore(connection, owner)


def _create_at_head(connection: sqlite3.Connection) -> None:
    for statement in schema_statements(SCHEMA.read_text(encoding="utf-8")):
        connection.execute(statement)
    connection.execute("INSERT INTO owners (name, created_at) VALUES (?, ?)", (LOCAL_OWNER_NAME, now_text()))


def _owner_at_head(connection: sqlite3.Connection) -> int | None:
    """Return the local owner when the schema is at the code's heads (a stale schema script is not)."""
    (has_versions,) = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_versions:
        return None
    heads = {row[0] for row in connection.execute("SELECT version_num FROM alembic_version")}
    if not heads or heads != script_heads():
        return None
    owner = connection.execute("SELECT id FROM owners ORDER BY id LIMIT 1").fetchone()
    return None if owner is None else int(owner[0])


def schema_statements(script: str) -> list[str]:
    """Return the statements of a schema script one by one (executescript would commit the transaction)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(part.startswith("--") for part in buffer.strip().splitlines()):
        raise ValueError("the schema script ends inside a statement")
    return statements


def schema_script(connection: sqlite3.Connection) -> str:
    """Return the script that makes a new database like the one `connection` holds: every table, index and
    trigger in the order made, and the Alembic versions; no rows otherwise. A virtual table (FTS5) makes its
    own shadow tables, so those are left out, and SQLite's own objects (autoindexes, sqlite_*) too."""
    shadows = {
        name for name, kind in connection.execute("SELECT name, type FROM pragma_table_list") if kind == "shadow"
    }
    parts = [SCHEMA_HEADER]
    for name, sql in connection.execute("SELECT name, sql FROM sqlite_master ORDER BY rowid"):
        if sql is None or name.startswith("sqlite_") or name in shadows:
            continue
        parts.append(f"{sql};\n")
    for (version,) in connection.execute("SELECT version_num FROM alembic_version ORDER BY version_num"):
        quoted = version.replace("'", "''")
        parts.append(f"INSERT INTO alembic_version (version_num) VALUES ('{quoted}');\n")  # noqa: S608 - a script
    return "".join(parts)
