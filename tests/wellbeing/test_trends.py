"""Trends over years: weeks across year ends, rolling averages, the year in pixels, the joined-up view."""

from __future__ import annotations

import datetime as dt

from onward.services import Services
from onward.wellbeing import trends, views
from onward.wellbeing.schemas import CheckInView

from ..conftest import TODAY

WORK_DAYS = frozenset(range(5))


def _c(day: dt.date, mood: int) -> CheckInView:
    return CheckInView(day, mood, mood, 7.0, 8.0, 0, None, None, "", None)


def test_rolling_averages_carry_december_into_january() -> None:
    rows = [_c(dt.date(2025, 12, 20) + dt.timedelta(days=i), 2 if i < 12 else 4) for i in range(24)]
    points = trends.rolling(rows, [dt.date(2026, 1, 5)], window_days=30)
    # 30 days up to 5 January hold the twelve 2s of late December and the five 4s of January so far.
    assert points[0].mood == round((12 * 2 + 5 * 4) / 17, 2)


def test_weeks_run_back_to_the_first_check_in_across_years_with_gaps_left_empty() -> None:
    rows = [_c(dt.date(2025, 11, 3), 3), _c(TODAY, 5)]
    found = trends.weeks(rows, today=TODAY, work_days=WORK_DAYS)
    assert found[0].start == dt.date(2025, 11, 3) and found[-1].start == TODAY
    assert len(found) == 57
    assert sum(w.check_ins for w in found) == 2 and found[1].mood is None  # no made-up values in between


def test_year_in_pixels_covers_the_last_twelve_months_by_day() -> None:
    calendar = trends.year_in_pixels([_c(TODAY, 5), _c(TODAY - dt.timedelta(days=400), 1)], TODAY)
    assert calendar.days[0].day == (TODAY - dt.timedelta(days=7 * 52)).isoformat()  # a Monday, 52 weeks back
    assert calendar.days[-1] == trends.PixelDay(TODAY.isoformat(), 5, "energy 5")
    assert [d.value for d in calendar.days if d.value is not None] == [5]
    assert "2026-11-30: 5 good" in calendar.svg()


def test_the_trend_page_joins_load_and_mistakes_with_mood(services: Services) -> None:
    services.workload.mistakes.log_mistake("Sent the rota twice", happened_on=TODAY - dt.timedelta(days=5))
    services.wellbeing.check_ins.check_in(mood=2, energy=2, day=TODAY - dt.timedelta(days=9))
    services.wellbeing.check_ins.check_in(mood=3, energy=3)
    page = views.trend_page(services.wellbeing)
    assert [(w.start, w.mood, w.mistakes) for w in page.weeks] == [
        (TODAY - dt.timedelta(days=14), 2.0, 0),
        (TODAY - dt.timedelta(days=7), None, 1),
        (TODAY, 3.0, 0),
    ]
    assert page.weeks[-1].load_ratio is not None and page.weeks[0].load_ratio is None
    assert page.weeks[-1].after_hours_mail is None  # no mail part yet: said, not guessed
    assert page.charts.mail is None and any("Mail" in note for note in page.notes)
    assert page.charts.mistakes is not None
