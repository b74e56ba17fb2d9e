"""Export and import of one owner's workspace as JSON: generic over every owned table.

The file lists, per table, every row with its columns. Ids in the file are only references inside the
file: import gives rows new ids and rewires foreign keys, so a file can go into any database.
An import is all or nothing: the first bad record stops it, names the table, the record's position
and the reason, and the caller's transaction is rolled back.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Protocol

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    Text,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session

from onward import __version__
from onward.errors import BadInput
from onward.store.base import Base
from onward.store.limits import problem

FORMAT = "onward-export"
FORMAT_VERSION = 1
SKIP_COLUMNS = {"owner_id"}
PROGRESS_EVERY = 200  # records between reports to a progress bar


class Reporter(Protocol):
    """How far an import is, as onward.background.Reporter hears it (the store imports no layer above it)."""

    def step(self, state: str, *, done: int | None = None, total: int | None = None) -> None: ...

    def advance(self, pieces: int) -> None: ...


def owned_tables() -> list[Table]:
    """Return every table with an owner_id column, parents before children (of the models registered)."""
    return [t for t in Base.metadata.sorted_tables if "owner_id" in t.c]


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def export_owner(session: Session, owner_id: int) -> dict[str, Any]:
    """Return the owner's whole workspace as a JSON-ready dict (tables in dependency order, rows by id)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in owned_tables():
        columns = [c for c in table.c if c.name not in SKIP_COLUMNS]
        rows = session.execute(select(*columns).where(table.c.owner_id == owner_id).order_by(table.c.id)).mappings()
        tables[table.name] = [{k: _encode(v) for k, v in row.items()} for row in rows]
    return {"format": FORMAT, "version": FORMAT_VERSION, "onward": __version__, "tables": tables}


def dumps(data: dict[str, Any]) -> str:
    """Return the export as stable, readable JSON text."""
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _fail(table: str, position: int, reason: str) -> BadInput:
    return BadInput(f"{table} record {position}: {reason}")


def _coerce(column: Column[Any], value: Any, table: str, position: int) -> Any:
    """Return `value` checked and converted for `column`, or raise BadInput naming the record."""
    name = column.name
    if value is None:
        if not column.nullable and column.default is None and not column.primary_key:
            raise _fail(table, position, f"'{name}' is required")
        return None
    kind = column.type
    try:
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError("expected true or false")
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("expected a whole number")
        elif isinstance(kind, Float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError("expected a number")
            value = float(value)
        elif isinstance(kind, DateTime):
            if not isinstance(value, str):
                raise ValueError("expected a date and time (ISO 8601)")
            value = dt.datetime.fromisoformat(value)
            if value.tzinfo is not None:
                value = value.astimezone(dt.UTC)
            return value.replace(tzinfo=None)
        elif isinstance(kind, Date):
            if not isinstance(value, str):
                raise ValueError("expected a date (YYYY-MM-DD)")
            return dt.date.fromisoformat(value)
        elif isinstance(kind, String | Text) and not isinstance(value, str):
            raise ValueError("expected text")
        elif isinstance(kind, JSON):
            json.dumps(value, allow_nan=False)  # what the column will write back out must be valid JSON
            return value
        reason = problem(column, value)  # the same limits as every other write (store/limits.py)
        if reason is not None:
            raise ValueError(reason)
        return value
    except (TypeError, ValueError, OverflowError, RecursionError) as error:
        raise _fail(table, position, f"'{name}': {error}") from None
    return value


def _natural_key(table: Table) -> tuple[str, ...]:
    return tuple(table.info.get("natural_key", ()))


def import_owner(
    session: Session, owner_id: int, data: Any, *, merge: bool = False, reporter: Reporter | None = None
) -> dict[str, int]:
    """Add an export's rows to the owner's workspace; return counts added per table.

    A row whose natural key (for example an external id) already exists is matched to the existing
    row instead of being added twice. With `merge`, a row without a natural key that equals a row stored
    before this import (every column but ids and timestamps) is matched too: merging the same export
    twice adds nothing the second time. A `reporter` (onward.background) hears "saving" with the records
    done of total.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput('not an Onward export: the file has no "format": "onward-export" field')
    if data.get("version") != FORMAT_VERSION:
        raise BadInput(f"export version {data.get('version')!r} is not supported (expected {FORMAT_VERSION})")
    file_tables = data.get("tables")
    if not isinstance(file_tables, dict):
        raise BadInput('the export has no "tables" object')
    known = {t.name: t for t in owned_tables()}
    unknown = sorted(set(file_tables) - set(known))
    if unknown:
        raise BadInput(f"unknown table(s) in the export: {', '.join(unknown)}")

    if reporter is not None:
        counts = [len(records) for records in file_tables.values() if isinstance(records, list)]
        reporter.step("saving", done=0, total=sum(counts))
    id_maps: dict[str, dict[int, int]] = {}
    added: dict[str, int] = {}
    # Rows already there before this import: a merge matches against these only, so two equal rows
    # inside one file both arrive, while the same file merged twice adds nothing the second time.
    before = {
        name: session.scalar(select(func.max(t.c.id)).where(t.c.owner_id == owner_id)) or 0 for name, t in known.items()
    }
    for table in known.values():
        records = file_tables.get(table.name, [])
        if not isinstance(records, list):
            raise BadInput(f"{table.name}: expected a list of records")
        id_map = id_maps.setdefault(table.name, {})
        added[table.name] = 0
        for position, record in enumerate(records, start=1):
            if reporter is not None and position % PROGRESS_EVERY == 0:
                reporter.advance(PROGRESS_EVERY)
            if not isinstance(record, dict):
                raise _fail(table.name, position, "expected an object")
            extra = sorted(set(record) - {c.name for c in table.c})
            if extra:
                raise _fail(table.name, position, f"unknown field(s) {', '.join(extra)}")
            old_id = record.get("id")
            if isinstance(old_id, bool) or not isinstance(old_id, int):
                raise _fail(table.name, position, "'id' must be a whole number")
            if old_id in id_map:
                raise _fail(table.name, position, f"id {old_id} appears twice")
            values: dict[str, Any] = {}
            for column in table.c:
                if column.name in SKIP_COLUMNS or column.name == "id":
                    continue
                value = _coerce(column, record.get(column.name), table.name, position)
                for fk in column.foreign_keys:
                    target = fk.column.table.name
                    if value is not None and target in id_maps:
                        if value not in id_maps[target]:
                            raise _fail(table.name, position, f"'{column.name}' refers to missing {target} {value}")
                        value = id_maps[target][value]
                if value is None and column.name in ("created_at", "updated_at"):
                    continue
                values[column.name] = value
            values["owner_id"] = owner_id
            key = _natural_key(table)
            # Rows with a complete natural key are matched, never duplicated (a NULL part never matches).
            if key and all(values.get(k) is not None for k in key):
                existing = session.scalar(
                    select(table.c.id).where(table.c.owner_id == owner_id, *[table.c[k] == values.get(k) for k in key])
                )
                if existing is not None:
                    id_map[old_id] = existing
                    continue
            elif merge:
                existing = _same_row(session, table, values, before[table.name])
                if existing is not None:
                    id_map[old_id] = existing
                    continue
            new_id = session.execute(insert(table).values(values).returning(table.c.id)).scalar_one()
            id_map[old_id] = new_id
            added[table.name] += 1
    session.flush()
    return added


def _same_row(session: Session, table: Table, values: dict[str, Any], up_to_id: int) -> int | None:
    """Return the id of a row stored before this import with the same content as `values`, if any."""
    if not up_to_id:
        return None
    content = {k: v for k, v in values.items() if k not in ("created_at", "updated_at")}
    plain = {k: v for k, v in content.items() if not isinstance(table.c[k].type, JSON)}
    conditions = [table.c[k].is_(None) if v is None else table.c[k] == v for k, v in plain.items()]
    json_columns = [k for k in content if k not in plain]
    query = select(table.c.id, *[table.c[k] for k in json_columns]).where(table.c.id <= up_to_id, *conditions)
    for row in session.execute(query):
        if all(row._mapping[k] == content[k] for k in json_columns):  # JSON compared here: not every SQL can
            return int(row.id)
    return None


def normalise_ids(data: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of an export whose ids are renumbered 1..n per table in file order (for comparisons)."""
    tables = data["tables"]
    maps: dict[str, dict[int, int]] = {}
    for name, rows in tables.items():
        maps[name] = {row["id"]: i for i, row in enumerate(rows, start=1)}
    fk_targets: dict[str, dict[str, str]] = {}
    for table in owned_tables():
        fk_targets[table.name] = {
            col.name: next(iter(col.foreign_keys)).column.table.name
            for col in table.c
            if col.foreign_keys and col.name not in SKIP_COLUMNS
        }
    out = {**data, "tables": {}}
    for name, rows in tables.items():
        new_rows = []
        for row in rows:
            new_row = dict(row)
            new_row["id"] = maps[name][row["id"]]
            for col, target in fk_targets.get(name, {}).items():
                if new_row.get(col) is not None and target in maps:
                    new_row[col] = maps[target][new_row[col]]
            new_rows.append(new_row)
        out["tables"][name] = new_rows
    return out
