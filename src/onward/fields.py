"""Reading what people type into form fields and command options: a bad value becomes a BadInput that names
the field and says what was expected. Web routes and CLI commands share these, so both say the same thing.

Each reader takes the text as typed and `what`, the field's name in the user's words ("hours per week",
"--hours"), which starts every message. Ranges (at most 24 hours in a day, a skill from 1 to 5) are the
domain's to check; these only read.

Numbers: the rule for comma and point
- The decimal mark may be a point or a comma: "37.5" and "37,5" are both 37.5, "7,5" is 7.5 (never 75).
- Thousands may be grouped with spaces, commas or points, in groups of three: "48 000", "48,000" and
  "1.234.567" are read as grouped. With both marks in one number the last one is the decimal mark:
  "1,234.50" and "1.234,50" are both 1234.5.
- One mark followed by exactly three digits after one to three digits ("1,200", "2.500") could be either.
  For an amount of money it is grouping (1200: money does not have three decimals). For hours and every
  other number it is refused with both readings named ("write 1200 or 1.2"), rather than guessed.
- Anything else is refused: a mark twice with the wrong groups ("1,23,4"), letters, exponents, "nan".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import TypeVar

from onward.errors import BadInput

T = TypeVar("T")

# Spaces people (and spreadsheets) put between digit groups: plain, no-break, narrow no-break, thin.
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
_NUMBER_SHAPE = re.compile(r"[.,]?[0-9][0-9 ,.]*")
_FIRST_GROUP = re.compile(r"[1-9][0-9]{0,2}")
_WHOLE = re.compile(r"[+-]?[0-9]+")


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def optional_date(value: str | None, what: str) -> dt.date | None:
    """Return the YYYY-MM-DD date in `value`, None when it is blank, or raise BadInput naming `what`."""
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadInput(f"{what}: {value!r} is not a date (use YYYY-MM-DD)") from None


def required_date(value: str | None, what: str) -> dt.date:
    """Return the YYYY-MM-DD date in `value`, or raise BadInput naming `what` when it is blank or not a date."""
    day = optional_date(value, what)
    if day is None:
        raise BadInput(f"{what}: a date is needed (use YYYY-MM-DD)")
    return day


def optional_int(value: str | None, what: str) -> int | None:
    """Return the whole number in `value`, None when it is blank, or raise BadInput naming `what`."""
    if value is None or not value.strip():
        return None
    text = value.strip().replace("\u2212", "-")
    if not _WHOLE.fullmatch(text):
        raise BadInput(f"{what} is not a whole number (got {value!r})")
    return int(text)


def _grouped(text: str, mark: str) -> str | None:
    """Return the digits of `text` when `mark` separates well-formed groups of three in it, else None."""
    first, *groups = text.split(mark)
    if _FIRST_GROUP.fullmatch(first) and groups and all(len(g) == 3 and g.isdigit() for g in groups):
        return first + "".join(groups)
    return None


def _read_number(value: str, what: str, *, money: bool) -> float:
    """Return the number typed in `value` by the rule in this module's docstring, or raise BadInput."""
    not_a_number = BadInput(f"{what} is not a number (got {value!r})")
    text = _SPACES.sub(" ", value.strip())
    negative = text[:1] in ("-", "\u2212")
    if text[:1] in ("-", "+", "\u2212"):
        text = text[1:]
    if not _NUMBER_SHAPE.fullmatch(text):
        raise not_a_number
    marks = [c for c in text if not c.isdigit()]
    whole, fraction = text, ""
    # A point or comma that is the last mark and appears once is the decimal mark...
    if marks and marks[-1] in ",." and marks.count(marks[-1]) == 1:
        cut = text.rindex(marks[-1])
        whole, fraction = text[:cut], text[cut + 1 :]
        # ...unless it is the only mark and three digits follow it: then it could be grouping too.
        if len(marks) == 1 and len(fraction) == 3 and _FIRST_GROUP.fullmatch(whole):
            if not money:
                big, small = whole + fraction, f"{float(whole + '.' + fraction):g}"
                raise BadInput(f"{what}: {value.strip()!r} could mean {big} or {small}; write {big} or {small}")
            whole, fraction = whole + fraction, ""
    if whole and not whole.isdigit():
        groups = {c for c in whole if not c.isdigit()}
        digits = _grouped(whole, groups.pop()) if len(groups) == 1 else None
        if digits is None:
            raise not_a_number
        whole = digits
    number = float(f"{'-' if negative else ''}{whole or '0'}.{fraction or '0'}")
    if not math.isfinite(number):
        raise not_a_number
    return number


def optional_number(value: str | None, what: str) -> float | None:
    """Return the number in `value` (hours, a count: comma or point as the decimal mark), None when blank.

    Raise BadInput naming `what` when it is not a number or could be read two ways ("1,200").
    """
    return None if value is None or _blank(value) else _read_number(value, what, money=False)


def optional_hours(value: str | None, what: str) -> float | None:
    """Return the hours in `value` ("37,5" or "37.5"), None when it is blank; raise BadInput naming `what`."""
    return optional_number(value, what)


def hours(value: str | None, what: str) -> float:
    """Return the hours in `value`, or raise BadInput naming `what` when it is blank or not a number."""
    found = optional_hours(value, what)
    if found is None:
        raise BadInput(f"{what}: a number of hours is needed")
    return found


def optional_amount(value: str | None, what: str) -> float | None:
    """Return the amount of money in `value` ("48,000", "48 000", "1.234,50"), None when it is blank.

    Raise BadInput naming `what` when it is not a number.
    """
    return None if value is None or _blank(value) else _read_number(value, what, money=True)


class Reading:
    """Reads several typed-in values, keeping one message per field instead of stopping at the first.

    `read(reader, value, field, what)` gives the value or None; `done()` raises one BadInput carrying every
    message (its `fields` maps each field to its own), so a form can show each beside its field.
    """

    def __init__(self) -> None:
        self.problems: dict[str, str] = {}

    def read(self, reader: Callable[[str, str], T], value: str, field: str, what: str) -> T | None:
        try:
            return reader(value, what)
        except BadInput as error:
            self.problems[field] = error.message
            return None

    def done(self) -> None:
        """Raise BadInput with every problem found so far; return when there is none."""
        if self.problems:
            raise BadInput("; ".join(self.problems.values()), fields=dict(self.problems))
