"""Bulk inserts: many same-shaped rows in one statement, for imports (tasks today; contacts and mail next)
and the heavy user's fill. A store primitive, so it knows no domain: the caller names the model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Table, bindparam, insert, select
from sqlalchemy.dialects.sqlite import DATETIME as SQLITE_DATETIME
from sqlalchemy.orm import Session

from onward.store.limits import check_columns
from onward.store.scoping import OwnerScopeError, session_owner

_UNSEEN = object()


def bulk_insert(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """Insert same-shaped rows (every row has the same keys) with one DB-API executemany.

    Values are converted by the columns' own SQLAlchemy types (dates, JSON) as usual, but in one tight loop:
    for 20,000 tasks this takes a third of the time of `session.execute(insert(...), rows)`. The store's
    owner stamping does not see these rows, so each must carry the session's owner_id (checked here).
    """
    if not rows:
        return
    bulk_insert_columns(session, model, {key: list(map(itemgetter(key), rows)) for key in rows[0]})


def bulk_insert_columns(session: Session, model: type[Any], columns: Mapping[str, Sequence[Any]]) -> None:
    """`bulk_insert` for rows given a column at a time ({"subject": [one value per row], ...}, every column as
    long), for an import that has its values that way: no dict is made per row (a mail import's 21 columns,
    100,000 times). The same conversions and checks; owner_id is a column like the others."""
    count = len(next(iter(columns.values()), ()))
    if not count:
        return
    if any(len(values) != count for values in columns.values()):
        raise ValueError(f"{model.__name__} columns of different lengths")
    owner = session_owner(session)
    if owner is not None and set(columns.get("owner_id", (None,))) != {owner}:
        raise OwnerScopeError(f"{model.__name__} rows must belong to the session's owner")
    table: Table = model.__table__
    check_columns(table, columns, table.name.replace("_", " "))  # the columns' limits, as on every other write
    connection = session.connection()
    dialect = connection.dialect
    keys = list(columns)
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    # Column by column (a C-speed map per column), then zipped into rows: for a mail import's 21 columns this
    # takes half the time of building each row's values in a Python loop.
    converted: dict[str, Sequence[Any]] = {}
    for key in keys:
        process = _converter(table.c[key].type, dialect)
        converted[key] = columns[key] if process is None else list(map(process, columns[key]))
    params: list[Any]
    if compiled.positiontup is not None:  # positional paramstyle (SQLite's "?")
        params = list(zip(*(converted[name] for name in compiled.positiontup), strict=True))
    else:  # named paramstyle (psycopg's "%(name)s")
        params = [dict(zip(keys, values, strict=True)) for values in zip(*converted.values(), strict=True)]
    connection.exec_driver_sql(str(compiled), params)


def existing_values(session: Session, model: type[Any], key: str, values: Collection[Any]) -> set[Any]:
    """Which of `values` the session owner's rows of `model` already hold in column `key`: one query, for an
    import that checks a batch against what is there. The statement is Core, driven as the driver's own SQL
    (half the cost of the ORM's query for 2,000 values), so the owner's filter is written out here."""
    if not values:
        return set()
    owner = session_owner(session)
    table: Table = model.__table__
    connection = session.connection()
    dialect = connection.dialect
    cache_key = (table.name, key, len(values), owner is None, dialect.name)
    compiled = _LOOKUPS.get(cache_key)
    if compiled is None:
        column = table.c[key]
        statement = select(column).where(column.in_([bindparam(f"v{number}") for number in range(len(values))]))
        if owner is not None:
            statement = statement.where(table.c.owner_id == bindparam("owner"))
        compiled = _LOOKUPS[cache_key] = statement.compile(dialect=dialect)
    named = dict(zip((f"v{number}" for number in range(len(values))), values, strict=True))
    named["owner"] = owner
    if compiled.positiontup is not None:  # positional paramstyle (SQLite's "?")
        params: Any = tuple(named[name] for name in compiled.positiontup)
    else:  # named paramstyle (psycopg's "%(name)s")
        params = named
    return {row[0] for row in connection.exec_driver_sql(str(compiled), params)}


_LOOKUPS: dict[tuple[Any, ...], Any] = {}  # compiled lookups by table, column, count, scoping and dialect


def _converter(column_type: Any, dialect: Any) -> Any:
    """The column type's bind processor for `dialect` (None when values go as they are), made quicker."""
    impl = column_type.dialect_impl(dialect)
    process = impl.bind_processor(dialect)
    if process is None:
        return None
    if type(impl) is SQLITE_DATETIME and impl._storage_format == SQLITE_DATETIME._storage_format:
        return _sqlite_datetime(process)
    return _json_converter(process) if isinstance(column_type, JSON) else _remembered(process)


def _remembered(process: Any) -> Any:
    """Return `process` remembering its answers: dates and timestamps repeat across thousands of rows."""
    answers: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        answer = answers.get(value, _UNSEEN)  # not try/except: a miss (each row's own timestamp) would raise
        if answer is _UNSEEN:
            answers[value] = answer = process(value)
        return answer

    return convert


def _sqlite_datetime(process: Any) -> Any:
    """Return SQLite's DateTime `process` with a naive datetime written by `isoformat` (the same text,
    "2025-01-09 10:17:00.000000", at a third of the cost: a mail import has a timestamp of its own per row);
    anything else (None, an aware datetime, a date) still goes through `process`. The value written last is
    remembered: created_at and updated_at are one value for a whole batch."""
    datetime = dt.datetime
    remembered = _remembered(process)
    last: list[Any] = [None, None]

    def convert(value: Any) -> Any:
        if value is last[0]:
            return last[1]
        if type(value) is datetime and value.tzinfo is None:
            answer = value.isoformat(" ", "microseconds")
        else:
            answer = remembered(value)
        last[:] = value, answer
        return answer

    return convert


def _json_converter(process: Any) -> Any:
    """Return `process` with the empty list answered from memory: most tags and checklists are empty."""
    empty = process([])

    def convert(value: Any) -> Any:
        return empty if isinstance(value, list) and not value else process(value)

    return convert
