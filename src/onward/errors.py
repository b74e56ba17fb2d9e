"""Errors that carry their meaning: one mapping to HTTP status, page, JSON and CLI exit code.

`as_onward_error` is that one mapping for errors that are not Onward's own but that bad input can still
cause deep down (a nesting too deep for the JSON reader, a date past year 9999, a duplicate the database
refuses): the CLI (cli/main.py) and the web app (web/app.py) both show what it returns, so a user sees one
plain sentence and a status code, never a traceback.
"""

from __future__ import annotations


class OnwardError(Exception):
    """Base of every error a user can cause; its message is shown to them as is."""

    http_status = 400
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInput(OnwardError):
    """Input that cannot be used: a bad file, a bad value. Names the record and the reason.

    `fields` maps a form's field names to their own message when several were wrong at once (onward.fields).
    """

    def __init__(self, message: str, *, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.fields = fields or {}


class NotFound(OnwardError):
    """A record that does not exist (or belongs to someone else, which looks the same)."""

    http_status = 404


class Conflict(OnwardError):
    """A request that clashes with what is there, such as importing into a non-empty database."""

    http_status = 409


class NotAllowed(OnwardError):
    """A request without the right to do it."""

    http_status = 403


class TooLarge(OnwardError):
    """An upload or a value larger than Onward takes."""

    http_status = 413


def _duplicate(error: Exception) -> str:
    """Return which fields clash, from the database's own message (SQLite and PostgreSQL word it differently)."""
    import re

    text = str(getattr(error, "orig", error))
    sqlite = re.search(r"UNIQUE constraint failed: ([\w., ]+)", text)
    postgres = re.search(r"Key \(([^)]*)\)=", text)
    found = sqlite.group(1) if sqlite else postgres.group(1) if postgres else ""
    fields = [part.strip().split(".")[-1] for part in found.split(",") if part.strip()]
    fields = [name.replace("_", " ") for name in fields if name != "owner_id"]
    if not fields:
        return "that would store the same thing twice"
    return f"there is already one with the same {' and '.join(fields)}"


def as_onward_error(error: BaseException) -> OnwardError | None:
    """Return the OnwardError a user should see for `error`, or None when it is a fault of Onward itself."""
    if isinstance(error, OnwardError):
        return error
    if isinstance(error, RecursionError):
        return BadInput("the input is nested too deeply to read")
    if isinstance(error, OverflowError):
        return BadInput("a number or a date is out of the range Onward can store")
    if isinstance(error, UnicodeError):
        return BadInput("the input is not readable text (it may be binary, or in another encoding than UTF-8)")
    from pydantic import ValidationError
    from sqlalchemy.exc import DataError, IntegrityError

    if isinstance(error, ValidationError) and error.title == "Settings":
        problems = [
            f"ONWARD_{str(problem['loc'][0]).upper() if problem.get('loc') else 'SETTINGS'}: "
            f"{str(problem.get('msg', 'invalid')).removeprefix('Value error, ')}"
            for problem in error.errors()
        ]
        return BadInput("; ".join(problems))

    if isinstance(error, IntegrityError):
        return Conflict(_duplicate(error))
    if isinstance(error, DataError):
        return BadInput(
            "a value does not fit: a number or a date out of the range Onward can store, or a text too long"
        )
    return None


def plain_line(message: str, limit: int = 500) -> str:
    """Return `message` as one printable line: no control characters or binary echoed to a terminal."""
    line = "".join(ch if ch.isprintable() else " " for ch in message)
    line = " ".join(line.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
