"""The first page mentions the next 1:1 on its day, calmly, and nothing before."""

from __future__ import annotations

import datetime as dt

from onward.feedback.today import items
from onward.services import Services


def test_the_next_one_on_one_shows_on_its_day(services: Services) -> None:
    assert items(services) == []
    services.feedback.meetings.log(services.today - dt.timedelta(days=7), next_on=services.today + dt.timedelta(days=1))
    assert items(services) == []
    services.feedback.meetings.log(services.today - dt.timedelta(days=1), next_on=services.today)
    assert [(i.title, i.detail, i.href) for i in items(services)] == [("Your 1:1", "today", "/feedback/meetings")]
