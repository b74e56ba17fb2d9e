"""What the first page lists under "Today": each domain's due and overdue things, gathered through its record.

A domain names a function in its registry record (`today="onward.<name>.today:items"`); it is called with the
composition root's services and returns TodayItems, most pressing first. The first page shows them in one list,
calmly: a count and a link, never one alert per thing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TodayItem:
    """One line of the Today list."""

    domain: str  # the domain it comes from (its registry name)
    title: str  # what it is, in a few words ("Send the rota to Sam")
    detail: str  # when or why ("due today", "3 days overdue", "last in touch in May")
    href: str  # where to act on it
    overdue: bool = False
