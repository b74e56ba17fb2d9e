"""Well-being's lines on the first page's Today list: a gentle link, never a nag, and the low-point note."""

from __future__ import annotations

import datetime as dt

from onward.services import Services
from onward.wellbeing.today import items

from ..conftest import TODAY


def _at(hour: int) -> dt.datetime:
    return dt.datetime(TODAY.year, TODAY.month, TODAY.day, hour, 0)


def test_check_in_today_is_one_quiet_link_and_never_in_quiet_hours(services: Services) -> None:
    assert [(i.title, i.href) for i in items(services, now=_at(12))] == [("Check in today?", "/wellbeing#check-in")]
    assert items(services, now=_at(22)) == []  # quiet hours: 21:00 to 07:00 by default
    services.wellbeing.check_ins.check_in(mood=3, energy=3)
    assert items(services, now=_at(12)) == []  # checked in: nothing more to say


def test_the_low_point_note_is_listed_until_it_is_put_away(services: Services) -> None:
    services.wellbeing.check_ins.check_in(mood=2, energy=2)
    services.wellbeing.questionnaires.take("who5", [1, 1, 1, 1, 1])
    assert [i.title for i in items(services, now=_at(12))] == ["A note for you"]
    services.wellbeing.low_point.dismiss()
    assert items(services, now=_at(12)) == []
