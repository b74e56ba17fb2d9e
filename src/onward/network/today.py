"""Network's lines in the first page's Today list: follow-ups due or overdue, and one line for everyone the person
is losing touch with (a count and a link to one page, never one alert per person)."""

from __future__ import annotations

from typing import Protocol

from onward.network.service import NetworkService
from onward.today import TodayItem

SHOWN = 3


class HasNetwork(Protocol):
    @property
    def network(self) -> NetworkService: ...


def items(services: HasNetwork) -> list[TodayItem]:
    due = services.network.follow_ups.due()
    lines = []
    for follow_up in due.follow_ups[:SHOWN]:
        late = follow_up.days_overdue
        detail = "follow-up due today" if late <= 0 else f"follow-up {late} day{'s' if late != 1 else ''} overdue"
        lines.append(
            TodayItem(
                "network",
                f"Follow up with {follow_up.contact_name}",
                detail,
                f"/network/contacts/{follow_up.contact_id}",
                overdue=late > 0,
            )
        )
    if len(due.follow_ups) > SHOWN:
        more = len(due.follow_ups) - SHOWN
        lines.append(TodayItem("network", f"{more} more follow-up{'s' if more != 1 else ''}", "due", "/network/due"))
    if due.losing_touch:
        count = len(due.losing_touch)
        lines.append(
            TodayItem(
                "network",
                f"{count} {'person' if count == 1 else 'people'} you are losing touch with",
                "longer than you wanted since you were last in touch",
                "/network/due#losing-touch",
            )
        )
    return lines
