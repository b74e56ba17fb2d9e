"""Limits declared once, on the columns, and checked on every way in.

A column's type says how long its text may be (`String(200)`) and what kind of value it holds; a column
may add `info={"range": (low, high)}` for numbers and `info={"choices": (...)}` for fixed words. These
are checked on every write:

- ORM writes (forms, API calls, `onward` commands, importers that add objects): a `before_flush` listener
  on every Session checks each new or changed row, so no route or service has to remember to;
- Core inserts: `store/bulk.py` (imports, the heavy user) and `store/transfer.py` (`onward import`)
  call `check_value` for each value.

Everywhere: text fits its column, has no NUL characters (PostgreSQL refuses them, SQLite truncates
reading them in some tools); numbers are finite (no NaN or ±Infinity), whole numbers fit 64 bits, and a
declared range holds. A new domain gets all this by declaring its columns; nothing per domain to write.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Float, Integer, Numeric, String, Table, Text, event, inspect
from sqlalchemy.orm import Session

from onward.errors import BadInput

INT64 = (-(2**63), 2**63 - 1)


def describe_limit(column: Column[Any]) -> str:
    """Return the column's limit in words (for help texts and messages)."""
    low, high = column.info.get("range", (None, None))
    if low is not None and high is not None:
        return f"from {low:g} to {high:g}"
    length = getattr(column.type, "length", None)
    return f"at most {length} characters" if length else ""


def problem(column: Column[Any], value: Any) -> str | None:
    """Return why `value` cannot go into `column`, or None when it fits."""
    if value is None:
        return None
    kind = column.type
    if isinstance(value, str) and isinstance(kind, String | Text):
        if "\x00" in value:
            return "contains a NUL character"
        length = getattr(kind, "length", None)
        if length and len(value) > length:
            return f"is longer than {length} characters ({len(value)})"
        choices = column.info.get("choices")
        if choices and value not in choices:
            return f"'{value}' is not one of {', '.join(choices)}"
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "is not a finite number"
    if isinstance(value, int) and isinstance(kind, Integer) and not INT64[0] <= value <= INT64[1]:
        return "is too large a number"
    if isinstance(value, int | float) and isinstance(kind, Integer | Float | Numeric):
        low, high = column.info.get("range", (None, None))
        if (low is not None and value < low) or (high is not None and value > high):
            return f"must be {describe_limit(column)}, not {value:g}"
    return None


def check_value(column: Column[Any], value: Any, where: str) -> None:
    """Raise BadInput naming `where` (a record) and the column when `value` does not fit."""
    reason = problem(column, value)
    if reason is not None:
        raise BadInput(f"{where}: '{column.name}' {reason}", fields={column.name: f"{column.name} {reason}"})


def check_row(table: Table, values: Mapping[str, Any], where: str) -> None:
    """Check every value of one row for `table`."""
    for name, value in values.items():
        if name in table.c:
            check_value(table.c[name], value, where)


def _surely_fine(column: Column[Any]) -> Callable[[Any], bool] | None:
    """Return a quick test that passes values surely within the column's limits (a value it does not pass
    gets the full check, which names the reason), or None when the column has no limits to check."""
    kind = column.type
    if isinstance(kind, String | Text):
        length = getattr(kind, "length", None) or math.inf
        choices = column.info.get("choices")
        return lambda v: type(v) is str and len(v) <= length and "\x00" not in v and (not choices or v in choices)
    low, high = column.info.get("range", (None, None))
    if isinstance(kind, Integer):
        lo, hi = (INT64[0] if low is None else low), (INT64[1] if high is None else high)
        return lambda v: type(v) is int and lo <= v <= hi
    if isinstance(kind, Float | Numeric):
        lo, hi = (-math.inf if low is None else low), (math.inf if high is None else high)
        return lambda v: type(v) in (float, int) and lo <= v <= hi and -math.inf < v < math.inf
    return None


def check_rows(table: Table, rows: Sequence[Mapping[str, Any]], label: str) -> None:
    """Check many same-shaped rows, column by column (an import of 20,000 tasks takes a few milliseconds);
    a bad value raises BadInput naming `label`, the row's position and the column."""
    if rows:
        check_columns(table, {key: list(map(itemgetter(key), rows)) for key in rows[0]}, label)


def check_columns(table: Table, columns: Mapping[str, Sequence[Any]], label: str) -> None:
    """`check_rows` for rows given a column at a time ({"subject": [one value per row], ...})."""
    for key, values in columns.items():
        if key not in table.c:
            continue
        column = table.c[key]
        fine = _surely_fine(column)
        if fine is None or _all_text_fits(column, values) or _all_integers_fit(column, values):
            continue
        for position, value in enumerate(values, start=1):
            if value is not None and not fine(value):
                check_value(column, value, f"{label} row {position}")


def _all_text_fits(column: Column[Any], values: Sequence[Any]) -> bool:
    """True when every value of a text column surely fits, checked a column at a time with built-ins (a mail
    import's rows have ten text columns; a Python test per value was a tenth of the import's time). False
    sends the column through the per-row check, which names the row and the reason."""
    kind = column.type
    if not isinstance(kind, String | Text):
        return False
    texts = [value for value in values if value is not None]
    if not texts or not set(map(type, texts)) <= {str}:
        return not texts
    length = getattr(kind, "length", None)
    if length and max(map(len, texts)) > length:
        return False
    choices = column.info.get("choices")
    if choices and not set(texts) <= set(choices):
        return False
    return "\x00" not in "".join(texts)  # joining makes no NUL that was not there


def _all_integers_fit(column: Column[Any], values: Sequence[Any]) -> bool:
    """True when every value of an integer column is surely within its range, checked a column at a time with
    built-ins (what `_surely_fine` tests one value at a time); False sends the column through the per-row check."""
    if not isinstance(column.type, Integer):
        return False
    numbers = [value for value in values if value is not None]
    if not numbers:
        return True
    if not set(map(type, numbers)) <= {int}:
        return False  # a bool or a float among them: the per-row check says which
    low, high = column.info.get("range", (None, None))
    lo, hi = (INT64[0] if low is None else low), (INT64[1] if high is None else high)
    return bool(lo <= min(numbers) and max(numbers) <= hi)


def _label(table: Table) -> str:
    return table.name.replace("_", " ")


def _check_flush(session: Session, _context: Any, _instances: Any) -> None:
    for instance in (*session.new, *session.dirty):
        state = inspect(instance)
        table = getattr(state.mapper, "local_table", None)
        if not isinstance(table, Table):
            continue
        changed = state.attrs if state.key is None else [a for a in state.attrs if a.history.has_changes()]
        for attribute in changed:
            if attribute.key in table.c:
                check_value(table.c[attribute.key], attribute.value, _label(table))


def install() -> None:
    """Check every ORM write of every session (idempotent)."""
    if not event.contains(Session, "before_flush", _check_flush):
        event.listen(Session, "before_flush", _check_flush)
