"""A form that did not go through comes back as typed, with each message beside its field.

A route reads its fields with `onward.fields` and, on BadInput, returns `form_again(...)` with what was typed
(the `typed_in` dependency gives it): the page is drawn again (status 400) with `typed` in the template
context; `templates/_fields.html` puts the typed values back and the messages beside their fields. The page's
data (and so its JSON twin) is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from onward.errors import BadInput
from onward.web.pages import render
from onward.web.security import CSRF_FIELD

WHOLE_FORM = ""  # the key of a message that belongs to no one field


@dataclass(frozen=True)
class TypedForm:
    """What was typed into the form named `form`, and the message for each field that needs a look."""

    form: str
    values: dict[str, str]
    errors: dict[str, str]


async def typed_in(request: Request) -> dict[str, str]:
    """A dependency: the text fields of the form being posted, as typed (the CSRF token left out), to put back
    in a form that comes back. Starlette parses a request's form once, so this reads what Form(...) read."""
    form = await request.form()
    return {name: value for name, value in form.items() if isinstance(value, str) and name != CSRF_FIELD}


def field_of(message: str, labels: dict[str, str]) -> str:
    """Return the field a message is about when it starts with that field's label, else WHOLE_FORM.

    The domain names the value it refuses first ("hours per week must be more than 0 …"), in the same
    words the route gave the reader, so the message can stand beside the right field; a message about a
    record names the record first ("Grant report: effort hours must be …").
    """
    _, _, after_record = message.partition(": ")
    for field, label in sorted(labels.items(), key=lambda item: -len(item[1])):
        for text in (message, after_record):
            if text.startswith((f"{label} ", f"{label}:")):
                return field
    return WHOLE_FORM


def form_again(
    request: Request,
    template: str,
    data: Any,
    *,
    form: str,
    values: dict[str, str],
    error: BadInput,
    labels: dict[str, str],
) -> Response:
    """Return the page again with what was typed into `form` and the message(s) of `error` beside the fields."""
    errors = dict(error.fields) or {field_of(error.message, labels): error.message}
    typed = TypedForm(form, values, errors)
    return render(request, template, data, status_code=error.http_status, typed=typed)
