"""When a request is due: "by Friday", "EOD tomorrow", "no later than 3/15", resolved against the message's own
date (on the sender's clock) with dateparser. Only phrases that look like a deadline reach dateparser: it is
thorough but takes milliseconds a call."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WHEN = (
    rf"(?:(?:this|next|coming)\s+)?{_DAY}(?:,?\s+{_MONTH}\s+\d{{1,2}})?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?|today|tonight|tomorrow|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month)"
    r"|next\s+week|this\s+week|noon"
)
_DEADLINE = re.compile(
    rf"\b(?:(?:by|before|until|till|due|no\s+later\s+than|deadline(?:\s+is)?:?)\s+(?:close\s+of\s+business\s+|"
    rf"(?:eod|cob|eow)\s+)?(?P<when>{_WHEN})|(?P<short>eod|cob|eow|asap)(?:\s+(?P<after>{_WHEN}))?)\b",
    re.IGNORECASE,
)


def _end_of(phrase: str, base: dt.datetime) -> dt.date | None:
    words = phrase.lower().split()
    if words[-1:] == ["day"] or phrase.lower() in ("eod", "cob", "tonight", "today", "noon"):
        return base.date()
    if words[-1:] == ["week"] or phrase.lower() == "eow":
        return base.date() + dt.timedelta(days=4 - base.weekday() if base.weekday() <= 4 else 6 - base.weekday())
    if words[-1:] == ["month"]:
        following = (base.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        return following.date() - dt.timedelta(days=1)
    return None


def find_due(text: str, sent: dt.datetime) -> dt.date | None:
    """Return the deadline the text names, as a date on the sender's calendar, or None."""
    match = _DEADLINE.search(text)
    if match is None:
        return None
    phrase = match.group("when") or match.group("after") or match.group("short") or ""
    if phrase.lower() == "asap":
        return sent.date()
    fixed = _end_of(phrase, sent)
    if fixed is not None:
        return fixed
    return _dateparser(re.sub(r"^(?:this|coming)\s+", "", phrase, flags=re.IGNORECASE), sent)


def _dateparser(phrase: str, sent: dt.datetime) -> dt.date | None:
    import dateparser  # slow to import (~1 s): only when a deadline is seen

    settings: Any = {
        "RELATIVE_BASE": sent.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "MDY",
    }
    found = dateparser.parse(phrase, languages=["en"], settings=settings)
    if found is None:
        return None
    due = found.date()
    # "by Friday" sent on a Friday means today; dateparser's "future" reads it as a week on
    if phrase.lower().startswith(("mon", "tue", "wed", "thu", "fri", "sat", "sun")) and (due - sent.date()).days == 7:
        return sent.date()
    return due if due >= sent.date() - dt.timedelta(days=1) else None
