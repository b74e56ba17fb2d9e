"""Consistent backups while the app runs, and restore from them.

SQLite: the SQLite online backup API writes a normal database file (openable with any SQLite tool).
PostgreSQL: a logical copy of every table read inside one REPEATABLE READ transaction (one snapshot),
written as gzip-compressed JSON; no pg_dump needed. `restore` takes either kind into either database,
replacing everything in one transaction.

A restore touches nothing until the file has proved to be an Onward backup of a schema version this
Onward knows (an SQLite file with Onward's `alembic_version` rows and its owners, or a logical copy
whose every table and column is known), and it first writes a safety backup of what it replaces.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, insert, select, text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from onward.errors import BadInput
from onward.store.base import Base
from onward.store.engine import Store

SQLITE_MAGIC = b"SQLite format 3\x00"
GZIP_MAGIC = b"\x1f\x8b"
LOGICAL_FORMAT = "onward-backup"


def _all_tables() -> list[Table]:
    # Every domain registered its models when the composition root (onward.services) was imported.
    return list(Base.metadata.sorted_tables)


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def backup(store: Store, destination: Path) -> dict[str, int]:
    """Write a consistent copy of the whole database to `destination`; return rows per table."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    if store.dialect == "sqlite":
        partial = destination.with_name(destination.name + ".partial")
        raw = store.engine.raw_connection()
        try:
            target = sqlite3.connect(partial)
            with target:
                raw.driver_connection.backup(target)  # type: ignore[union-attr]
            target.close()
        finally:
            raw.close()
        partial.replace(destination)
        return _count_rows(Store(f"sqlite:///{destination}", migrate=False))
    counts: dict[str, int] = {}
    payload: dict[str, Any] = {"format": LOGICAL_FORMAT, "tables": {}}
    with store.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            payload["revisions"] = sorted(connection.scalars(text("SELECT version_num FROM alembic_version")))
            for table in _all_tables():
                rows = connection.execute(select(table).order_by(*table.primary_key.columns)).mappings()
                encoded = [{k: _encode(v) for k, v in row.items()} for row in rows]
                payload["tables"][table.name] = encoded
                counts[table.name] = len(encoded)
    partial = destination.with_name(destination.name + ".partial")
    with gzip.open(partial, "wt", encoding="utf-8") as handle:
        json.dump(payload, handle)
    partial.replace(destination)
    return counts


def _count_rows(store: Store) -> dict[str, int]:
    counts = {}
    with store.engine.connect() as connection:
        for table in _all_tables():
            counts[table.name] = len(connection.execute(select(table.c[next(iter(table.c.keys()))])).all())
    store.dispose()
    return counts


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        kind = table.c[key].type
        if isinstance(value, str) and isinstance(kind, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(kind, Date):
            value = dt.date.fromisoformat(value)
        out[key] = value
    return out


def _known_revisions() -> tuple[set[str], list[str]]:
    """Return every schema revision this Onward has ever had, and its current heads."""
    from alembic.script import ScriptDirectory

    from onward.store.migrate import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())  # type: ignore[arg-type]
    return {revision.revision for revision in scripts.walk_revisions()}, sorted(scripts.get_heads())


def _check_sqlite_backup(copy: Path, source: Path) -> None:
    """Raise BadInput unless `copy` (of `source`) is an SQLite file that Onward wrote; nothing is migrated yet."""
    known, _heads = _known_revisions()
    try:
        connection = sqlite3.connect(copy)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in names or "owners" not in names:
                raise BadInput(f"{source}: not an Onward backup (an SQLite file without Onward's tables)")
            revisions = {row[0] for row in connection.execute("SELECT version_num FROM alembic_version")}
            owners = connection.execute("SELECT COUNT(*) FROM owners").fetchone()[0]
            connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise BadInput(f"{source}: not a readable Onward backup ({error})") from None
    unknown = sorted(revisions - known)
    if not revisions or unknown:
        raise BadInput(
            f"{source}: not an Onward backup this version knows (schema {', '.join(sorted(revisions)) or 'missing'})"
        )
    if not owners:
        raise BadInput(f"{source}: the backup holds no workspace (no owner); nothing was changed")


def _read_sqlite(source: Path) -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "restore.sqlite"
        shutil.copyfile(source, copy)  # the user's file is only read, never opened by SQLite (no -wal beside it)
        _check_sqlite_backup(copy, source)
        try:
            old = Store(f"sqlite:///{copy}")  # brings an older backup up to the current schema
            rows: dict[str, list[dict[str, Any]]] = {}
            with old.engine.connect() as connection:
                revisions = sorted(connection.scalars(text("SELECT version_num FROM alembic_version")))
                for table in _all_tables():
                    rows[table.name] = [dict(r) for r in connection.execute(select(table)).mappings()]
            old.dispose()
        except (SQLAlchemyDatabaseError, sqlite3.Error) as error:
            raise BadInput(f"{source}: not a readable Onward backup ({error.__class__.__name__})") from None
        return revisions, rows


def _read_logical(source: Path) -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    try:
        with gzip.open(source, "rt", encoding="utf-8") as handle:
            payload = json.load(handle)
    except (OSError, ValueError, EOFError, RecursionError) as error:
        raise BadInput(f"{source}: not a readable Onward backup ({error.__class__.__name__})") from None
    if not isinstance(payload, dict) or payload.get("format") != LOGICAL_FORMAT:
        raise BadInput(f"{source}: not an Onward backup")
    revisions, file_tables = payload.get("revisions"), payload.get("tables")
    if not isinstance(revisions, list) or not all(isinstance(r, str) for r in revisions):
        raise BadInput(f"{source}: not an Onward backup (no schema revisions)")
    if not isinstance(file_tables, dict):
        raise BadInput(f"{source}: not an Onward backup (no tables)")
    tables = {t.name: t for t in _all_tables()}
    unknown = sorted(set(file_tables) - set(tables))
    if unknown:
        raise BadInput(f"{source}: the backup has tables this version does not know: {', '.join(unknown)}")
    rows: dict[str, list[dict[str, Any]]] = {}
    for name, records in file_tables.items():
        if not isinstance(records, list):
            raise BadInput(f"{source}: {name}: expected a list of rows")
        decoded = []
        for position, record in enumerate(records, start=1):
            if not isinstance(record, dict) or not set(record) <= set(tables[name].c.keys()):
                raise BadInput(f"{source}: {name} row {position}: not a row of this table")
            try:
                decoded.append(_decode(tables[name], record))
            except (TypeError, ValueError) as error:
                raise BadInput(f"{source}: {name} row {position}: {error}") from None
        rows[name] = decoded
    if not rows.get("owners"):
        raise BadInput(f"{source}: the backup holds no workspace (no owner); nothing was changed")
    return revisions, rows


def _read_backup(source: Path) -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    try:
        with source.open("rb") as handle:
            head = handle.read(16)
    except OSError as error:
        raise BadInput(f"{source}: cannot be read ({error.strerror or error})") from None
    if head == SQLITE_MAGIC:
        return _read_sqlite(source)
    if head[:2] == GZIP_MAGIC:
        return _read_logical(source)
    raise BadInput(f"{source}: not an Onward backup (neither an SQLite file nor a gzip logical copy)")


@dataclass
class Restored:
    """What a restore did: rows per table, and the safety backup of what it replaced."""

    counts: dict[str, int]
    safety_backup: Path


def safety_backup_path(folder: Path, dialect: str, now: dt.datetime | None = None) -> Path:
    """Return a new file name in `folder` for the copy a restore keeps of what it replaces."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    suffix = ".sqlite" if dialect == "sqlite" else ".json.gz"
    path = folder / f"before-restore-{stamp}{suffix}"
    count = 1
    while path.exists():
        count += 1
        path = folder / f"before-restore-{stamp}-{count}{suffix}"
    return path


def restore(store: Store, source: Path, safety_folder: Path) -> Restored:
    """Replace everything in the database with the backup's contents (one transaction).

    The backup is read and checked in full first; then what is there now is backed up into
    `safety_folder` (the path is in the result, for the message); only then is anything replaced.
    """
    revisions, rows = _read_backup(source)
    _known, heads = _known_revisions()
    if revisions != heads:
        raise BadInput(
            f"{source}: the backup was made by a different version of Onward "
            f"(schema {', '.join(revisions) or 'unknown'}; this version has {', '.join(heads)})"
        )
    safety = safety_backup_path(safety_folder, store.dialect)
    backup(store, safety)
    tables = _all_tables()
    counts: dict[str, int] = {}
    with store.engine.begin() as connection:
        for table in reversed(tables):
            connection.execute(delete(table))
        for table in tables:
            records = rows.get(table.name, [])
            if records:
                connection.execute(insert(table), records)
            counts[table.name] = len(records)
        if store.dialect == "postgresql":
            for table in tables:
                if "id" in table.c:
                    connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608 - names from our metadata
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )
    return Restored(counts=counts, safety_backup=safety)
