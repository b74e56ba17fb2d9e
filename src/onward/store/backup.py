"""Consistent backups while the app runs, and restore from them.

SQLite: the SQLite online backup API writes a normal database file (openable with any SQLite tool).
PostgreSQL: a logical copy of every table read inside one REPEATABLE READ transaction (one snapshot),
written as gzip-compressed JSON; no pg_dump needed. `restore` takes either kind into either database,
replacing everything in one transaction.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, insert, select, text

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


def _read_backup(source: Path) -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    head = source.read_bytes()[:16]
    if head == SQLITE_MAGIC:
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "restore.sqlite"
            shutil.copyfile(source, copy)
            old = Store(f"sqlite:///{copy}")  # brings an older backup up to the current schema
            rows: dict[str, list[dict[str, Any]]] = {}
            with old.engine.connect() as connection:
                revisions = sorted(connection.scalars(text("SELECT version_num FROM alembic_version")))
                for table in _all_tables():
                    rows[table.name] = [dict(r) for r in connection.execute(select(table)).mappings()]
            old.dispose()
            return revisions, rows
    if head[:2] == GZIP_MAGIC:
        try:
            with gzip.open(source, "rt", encoding="utf-8") as handle:
                payload = json.load(handle)
        except (OSError, ValueError) as error:
            raise BadInput(f"{source}: not a readable Onward backup ({error})") from None
        if not isinstance(payload, dict) or payload.get("format") != LOGICAL_FORMAT:
            raise BadInput(f"{source}: not an Onward backup")
        tables = {t.name: t for t in _all_tables()}
        rows = {
            name: [_decode(tables[name], r) for r in records]
            for name, records in payload["tables"].items()
            if name in tables
        }
        return list(payload.get("revisions", [])), rows
    raise BadInput(f"{source}: not an Onward backup (neither an SQLite file nor a gzip logical copy)")


def restore(store: Store, source: Path) -> dict[str, int]:
    """Replace everything in the database with the backup's contents (one transaction); return rows per table."""
    from alembic.script import ScriptDirectory

    from onward.store.migrate import alembic_config

    revisions, rows = _read_backup(source)
    heads = sorted(ScriptDirectory.from_config(alembic_config()).get_heads())  # type: ignore[arg-type]
    if revisions != heads:
        raise BadInput(
            f"{source}: the backup was made by a different version of Onward "
            f"(schema {', '.join(revisions) or 'unknown'}; this version has {', '.join(heads)})"
        )
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
    return counts
