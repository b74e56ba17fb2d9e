"""When a request is due: "by Friday", "EOD tomorrow", "no later than 3/15", resolved against the message's own
date (on the sender's clock). Only phrases that look like a deadline are read at all; the common ones (a weekday,
today, tomorrow, 3/15) are resolved here, the rest ("March 7th", "the 20th") by dateparser, which is thorough but
takes ten milliseconds a call, so its answers are remembered."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WHEN = (
    rf"(?:(?:this|next|coming)\s+)?{_DAY}(?:,?\s+{_MONTH}\s+\d{{1,2}})?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?|today|tonight|tomorrow|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month)"
    r"|next\s+week|this\s+week|noon|the\s+\d{1,2}(?:st|nd|rd|th)"
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
    fixed = _end_of(phrase, sent) or _simple(phrase.lower(), sent.date())
    if fixed is not None:
        return fixed
    return _dateparser(re.sub(r"^(?:this|coming)\s+", "", phrase, flags=re.IGNORECASE).lower(), sent.date())


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?$")


def _simple(phrase: str, day: dt.date) -> dt.date | None:
    """A weekday (the coming one; today when it is that day), tomorrow, or a month/day date."""
    if phrase == "tomorrow":
        return day + dt.timedelta(days=1)
    words = phrase.split()
    name = words[-1][:3] if words else ""
    if len(words) <= 2 and name in _WEEKDAYS and (len(words) == 1 or words[0] in ("this", "next", "coming")):
        ahead = (_WEEKDAYS.index(name) - day.weekday()) % 7
        if words[0] == "next" and ahead == 0:
            ahead = 7
        return day + dt.timedelta(days=ahead)
    ordinal = re.match(r"^the\s+(\d{1,2})", phrase)
    if ordinal is not None:  # "by the 20th": this month's, or next month's once it has passed
        target = int(ordinal[1])
        month_start = day.replace(day=1)
        for start in (month_start, (month_start + dt.timedelta(days=32)).replace(day=1)):
            try:
                due = start.replace(day=target)
            except ValueError:
                continue
            if due >= day:
                return due
        return None
    numeric = _NUMERIC.match(phrase)
    if numeric is None:
        return None
    month, date, year = int(numeric[1]), int(numeric[2]), numeric[3]
    full_year = (int(year) + (2000 if len(year) == 2 else 0)) if year else day.year
    try:
        due = dt.date(full_year, month, date)
    except ValueError:
        return None
    if not year and due < day - dt.timedelta(days=1):
        due = due.replace(year=due.year + 1)  # "by 1/5" written in December
    return due


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, day: dt.date) -> dt.date | None:
    import dateparser  # slow to import (~1 s): only when a deadline is seen

    sent = dt.datetime.combine(day, dt.time(12))
    settings: Any = {
        "RELATIVE_BASE": sent,
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
