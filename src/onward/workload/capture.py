"""Quick capture: one typed line such as `Draft grant report #grants due:fri 3h !4` becomes a task's fields.

The words the parser understands, anywhere in the line:
  #tag          the responsibility, matched against duty names ignoring case, spaces and punctuation:
                the whole name (#GrantReporting), its start (#grant), or one of its words, singular or
                plural (#grants). An unknown or ambiguous tag is an error that names it.
  due:WHEN      mon…sun (the next such day), today, tomorrow, YYYY-MM-DD, +3d, +2w
  3h 90m 1.5h   the effort in hours (1h30m works too)
  !1 … !5       importance, 5 the highest
  recur:daily|weekly|monthly
Everything else is the title. Pure: no database, `today` and the duty names are passed in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from onward import fields
from onward.errors import BadInput
from onward.workload.dates import parse_due
from onward.workload.models import RECURRENCES

_TAG = re.compile(r"^#([^\W\d_][\w\-.]*)$")
# "-3h" is a mistake to say, not words of the title.
_NEGATIVE_EFFORT = re.compile(r"^-\d+(?:[.,]\d+)?(?:h|m|min)$")
_EFFORT = re.compile(r"^(?:(\d+(?:[.,]\d+)?)h)?(?:(\d+)m(?:in)?)?$")
_IMPORTANCE = re.compile(r"^!(\d+)$")


@dataclass(frozen=True)
class Captured:
    """What a quick-capture line says about the new task."""

    title: str
    responsibility_id: int | None = None
    responsibility: str | None = None
    due: dt.date | None = None
    effort_hours: float | None = None
    importance: int | None = None
    recurrence: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)


def _key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def match_duty(tag: str, duties: Sequence[tuple[int, str]]) -> tuple[int, str]:
    """Return the (id, name) of the one duty `tag` names; raise BadInput naming the tag when none or several do."""
    key = _key(tag)
    exact = [d for d in duties if _key(d[1]) == key]
    if len(exact) == 1:
        return exact[0]
    tries = [
        [d for d in duties if _key(d[1]).startswith(key)],
        [d for d in duties if _singular(key) in {_singular(_key(w)) for w in d[1].split()}],
        [d for d in duties if any(_key(w).startswith(_singular(key)) for w in d[1].split())],
    ]
    for found in tries:
        unique = list(dict.fromkeys(found))
        if len(unique) == 1:
            return unique[0]
        if len(unique) > 1:
            names = ", ".join(f"'{d[1]}'" for d in unique)
            raise BadInput(f"#{tag} could mean several responsibilities ({names}); write more of the name")
    known = ", ".join(f"'{d[1]}'" for d in duties) or "none yet"
    raise BadInput(f"#{tag} does not match any of your responsibilities (yours: {known})")


def parse_effort(word: str) -> float | None:
    """Return the hours an effort word like 3h, 90m, 1,5h or 1h30m means, or None when it is not one.

    Raise BadInput for hours that could be read two ways ("1,200h").
    """
    found = _EFFORT.match(word.lower())
    if not found or not (found.group(1) or found.group(2)):
        return None
    hours = fields.hours(found.group(1), f"'{word}'") if found.group(1) else 0.0
    minutes = int(found.group(2)) if found.group(2) else 0
    return round(hours + minutes / 60, 4)


def parse_capture(line: str, *, today: dt.date, duties: Sequence[tuple[int, str]]) -> Captured:
    """Return the task a quick-capture line describes; raise BadInput naming the word that is wrong."""
    title_words: list[str] = []
    duty: tuple[int, str] | None = None
    tag_word = ""
    due: dt.date | None = None
    effort: float | None = None
    importance: int | None = None
    recurrence: str | None = None
    for word in line.split():
        lower = word.lower()
        tag = _TAG.match(word)
        if tag:
            name = tag.group(1).rstrip(".-")
            found = match_duty(name, duties)
            if duty is not None and found != duty:
                raise BadInput(f"a task belongs to one responsibility: {tag_word} and #{name} name two")
            duty, tag_word = found, f"#{name}"
            continue
        if lower.startswith("due:"):
            if due is not None:
                raise BadInput(f"'{word}': the line gives a due date twice")
            due = parse_due(word[4:], today)
            continue
        if lower.startswith("recur:"):
            recurrence = lower[6:]
            if recurrence not in RECURRENCES:
                raise BadInput(f"'{word}': recur must be one of {', '.join(RECURRENCES)}")
            continue
        if _NEGATIVE_EFFORT.match(lower):
            raise BadInput(f"'{word}': the hours must be more than 0")
        hours = parse_effort(word)
        if hours is not None and hours <= 0:
            raise BadInput(f"'{word}': the hours must be more than 0")
        if hours is not None:
            if effort is not None:
                raise BadInput(f"'{word}': the line gives the effort twice")
            effort = hours
            continue
        bang = _IMPORTANCE.match(word)
        if bang:
            importance = int(bang.group(1))
            if not 1 <= importance <= 5:
                raise BadInput(f"'{word}': importance goes from !1 to !5 (5 is the most important)")
            continue
        title_words.append(word)
    title = " ".join(title_words).strip()
    if not title:
        raise BadInput(f"'{line.strip()}' has no title left once the dates, hours and tags are taken out")
    return Captured(
        title=title,
        responsibility_id=duty[0] if duty else None,
        responsibility=duty[1] if duty else None,
        due=due,
        effort_hours=effort,
        importance=importance,
        recurrence=recurrence,
        tags=(tag_word[1:].lower(),) if tag_word else (),
    )
