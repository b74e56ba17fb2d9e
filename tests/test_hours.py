"""Working hours and quiet hours: one reading of the settings for every domain."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from onward.hours import WorkingHours
from onward.settings import Settings


def hours(**values: str) -> WorkingHours:
    return WorkingHours.from_settings(Settings(timezone="America/Chicago", **values))  # type: ignore[arg-type]


def test_a_mail_sent_at_the_end_of_the_day_is_after_hours_in_the_users_zone() -> None:
    working = hours(work_start="09:00", work_end="17:30")
    chicago = ZoneInfo("America/Chicago")
    tuesday = dt.datetime(2026, 12, 1, 17, 29, tzinfo=chicago)
    assert not working.is_after_hours(tuesday)
    assert working.is_after_hours(tuesday.replace(minute=30))
    assert working.is_after_hours(tuesday.replace(hour=8, minute=59))
    # The message's own offset is honoured: 23:10 UTC is 17:10 in Chicago, inside the day.
    assert not working.is_after_hours(dt.datetime(2026, 12, 1, 23, 10, tzinfo=dt.UTC))
    assert working.is_after_hours(dt.datetime(2026, 12, 5, 11, 0, tzinfo=chicago))  # a Saturday


def test_quiet_hours_may_run_past_midnight() -> None:
    working = hours(quiet_start="21:00", quiet_end="07:00")
    chicago = ZoneInfo("America/Chicago")
    assert working.is_quiet(dt.datetime(2026, 12, 1, 23, 0, tzinfo=chicago))
    assert working.is_quiet(dt.datetime(2026, 12, 2, 6, 59, tzinfo=chicago))
    assert not working.is_quiet(dt.datetime(2026, 12, 2, 7, 0, tzinfo=chicago))


def test_working_days_are_read_from_short_or_long_names() -> None:
    assert hours(work_days="monday, Wed,FRI").days == frozenset({0, 2, 4})


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"work_days": "Mon,Funday"}, "'Funday' is not a day name"),
        ({"work_start": "18:00", "work_end": "09:00"}, "must end after it starts"),
    ],
)
def test_settings_that_cannot_be_working_hours_are_refused_plainly(values: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(**values)  # type: ignore[arg-type]
