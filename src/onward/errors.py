"""Errors that carry their meaning: one mapping to HTTP status, page, JSON and CLI exit code."""

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
