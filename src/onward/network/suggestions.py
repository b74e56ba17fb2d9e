"""Who to reach out to: people met or worked with this past year, people whose organisation or role matches the
target role, people the person is losing touch with, and mentors and professors.

A person shows in the first group that fits them, with the reason in plain words. The target role comes from
fit (the ideal-role profile's label, loved duties and sector; the employers of open applications).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from onward.network.schemas import ContactView, LosingTouch, Suggestion, Suggestions

# Words too common in job titles to say two roles are alike.
STOP_WORDS = "a an and at by for from in into of on or the to with our your their work job role roles team lead senior"
STOP = frozenset((STOP_WORDS + " junior manager officer assistant coordinator head").split(" "))
SHOWN = 12  # per group: a short list to act on, not a backlog
WORKED_WITH = ("colleague", "former colleague", "manager")


def words_of(text: str) -> set[str]:
    """Return the meaningful words of a text, lower case, with a plural "s" taken off."""
    found = set()
    for word in re.findall(r"[a-zA-Z][a-zA-Z\-]+", text.lower()):
        if word in STOP or len(word) < 3:
            continue
        found.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return found


def _suggestion(contact: ContactView, reason: str) -> Suggestion:
    return Suggestion(contact.id, contact.name, contact.organisation, contact.role, reason)


def suggest(
    contacts: Iterable[ContactView],
    losing: list[LosingTouch],
    today: dt.date,
    role_words: set[str],
    employers: set[str],
    other_mentors: Iterable[int] = (),
) -> Suggestions:
    """Return the groups of people to reach out to (`other_mentors`: the ids of mentors and professors left out
    of `contacts` because they would not be shown; they are kept out of the other groups all the same)."""
    year_ago = today - dt.timedelta(days=365)
    placed: set[int] = set(other_mentors)
    met, matching, mentors = [], [], []
    employer_keys = {e.casefold(): e for e in employers if e.strip()}
    everyone = list(contacts)
    for c in everyone:
        if c.relationship in ("mentor", "professor"):
            mentors.append(_suggestion(c, f"your {c.relationship}: someone who knows how you work and what you want"))
            placed.add(c.id)
    for c in everyone:
        if c.id in placed:
            continue
        org = c.organisation.casefold()
        employer = employer_keys.get(org) if org else None
        shared = sorted(role_words & words_of(f"{c.role} {c.organisation} {' '.join(c.tags)}"))
        if employer:
            matching.append(_suggestion(c, f"works at {employer}, where you have an application open"))
        elif shared:
            matching.append(_suggestion(c, f"their work touches {', '.join(shared[:3])}, as your ideal role does"))
        else:
            continue
        placed.add(c.id)
    for c in sorted(everyone, key=lambda c: c.last_contacted or c.met_on or dt.date.min, reverse=True):
        if c.id in placed:
            continue
        recent = [d for d in (c.last_contacted, c.met_on) if d is not None and d >= year_ago]
        if recent:
            verb = "worked with" if c.relationship in WORKED_WITH else "in touch with"
            when = max(recent)
            met.append(_suggestion(c, f"{verb} this past year (last on {when.isoformat()})"))
            placed.add(c.id)
    losing_touch = []
    by_id = {c.id: c for c in everyone}
    for lt in losing:
        if lt.contact_id in placed or lt.contact_id not in by_id:
            continue
        losing_touch.append(
            _suggestion(
                by_id[lt.contact_id], f"last in touch {lt.since.isoformat()}; you wanted every {lt.cadence_days} days"
            )
        )
    return Suggestions(
        met_this_year=met[:SHOWN],
        matching_role=matching[:SHOWN],
        losing_touch=losing_touch[:SHOWN],
        mentors=mentors[:SHOWN],
        role_words=sorted(role_words),
    )
