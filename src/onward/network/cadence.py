"""Keep-in-touch cadences: whose last contact is older than the cadence they (or their tags) ask for. Pure."""

from __future__ import annotations

import datetime as dt


def effective_cadence(own: int | None, tags: list[str], by_tag: dict[str, int]) -> int | None:
    """Return the contact's own cadence, else the shortest cadence among its tags, else None."""
    if own:
        return own
    found = [by_tag[tag.casefold()] for tag in tags if tag.casefold() in by_tag]
    return min(found) if found else None


def days_beyond(
    cadence: int | None, last_contacted: dt.date | None, met_on: dt.date | None, added: dt.date, today: dt.date
) -> int | None:
    """Return how many days past its cadence a contact is (None when within it or without one).

    With no interaction yet, the clock starts when they met, else when they were added: someone imported
    yesterday is not "losing touch" on day one.
    """
    if not cadence:
        return None
    since = last_contacted or met_on or added
    beyond = (today - since).days - cadence
    return beyond if beyond > 0 else None
