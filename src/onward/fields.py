"""Reading what people type into form fields and command options: a bad value becomes a BadInput that names
the field and says what was expected. Web routes and CLI commands share these, so both say the same thing."""

from __future__ import annotations

import datetime as dt

from onward.errors import BadInput


def optional_date(value: str | None, what: str) -> dt.date | None:
    """Return the YYYY-MM-DD date in `value`, None when it is blank, or raise BadInput naming `what`."""
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadInput(f"{what}: {value!r} is not a date (use YYYY-MM-DD)") from None


def optional_int(value: str, what: str) -> int | None:
    """Return the whole number in `value`, None when it is blank, or raise BadInput naming `what`."""
    if not value.strip():
        return None
    try:
        return int(value.strip())
    except ValueError:
        raise BadInput(f"{what} is not a whole number (got {value!r})") from None


def optional_number(value: str, what: str) -> float | None:
    """Return the number in `value` (thousands commas allowed), None when blank, or raise BadInput naming `what`."""
    if not value.strip():
        return None
    try:
        return float(value.strip().replace(",", ""))
    except ValueError:
        raise BadInput(f"{what} is not a number (got {value!r})") from None
