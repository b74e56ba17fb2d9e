"""The load forecast rule, edge by edge (pure: no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.workload.forecast import CapacityPeriod, DayException, DayHours, PlannedTask, forecast

MONDAY = dt.date(2026, 11, 30)
WEEKDAYS_8H = DayHours([CapacityPeriod(dt.date(2020, 1, 1), (8, 8, 8, 8, 8, 0, 0))])


def task(id: int, hours: float, due: dt.date | None, duty: str | None = "Grants") -> PlannedTask:
    return PlannedTask(id, f"task {id}", duty, due, hours)


def days(n: int) -> dt.date:
    return MONDAY + dt.timedelta(days=n)


def test_work_due_this_friday_lands_in_this_week() -> None:
    result = forecast([task(1, 10, days(4))], today=MONDAY, weeks=2, day_hours=WEEKDAYS_8H)
    assert [w.hours_needed for w in result.weeks] == [10, 0]
    assert [w.hours_available for w in result.weeks] == [40, 40]
    assert result.weeks[0].ratio == pytest.approx(0.25)


def test_work_is_spread_evenly_over_the_working_days_up_to_its_due_date() -> None:
    # Due the Friday after next: ten working days, five in each week; the weekend takes nothing.
    result = forecast([task(1, 10, days(11))], today=MONDAY, weeks=3, day_hours=WEEKDAYS_8H)
    assert result.hours_by_week[1] == pytest.approx((5, 5, 0))
    # Due on the Wednesday of the second week: 5 + 3 working days.
    result = forecast([task(1, 8, days(9))], today=MONDAY, weeks=2, day_hours=WEEKDAYS_8H)
    assert result.hours_by_week[1] == pytest.approx((5, 3))


def test_overdue_work_lands_in_the_current_week() -> None:
    result = forecast([task(1, 6, days(-10))], today=MONDAY, weeks=2, day_hours=WEEKDAYS_8H)
    assert result.hours_by_week[1] == (6, 0)
    assert result.overdue_hours == 6


def test_undated_work_spreads_over_eight_weeks_whatever_the_horizon() -> None:
    # 16 h without a due date: 2 h in each of the next eight weeks, whether one looks 3 or 12 weeks ahead.
    short = forecast([task(1, 16, None)], today=MONDAY, weeks=3, day_hours=WEEKDAYS_8H)
    long = forecast([task(1, 16, None)], today=MONDAY, weeks=12, day_hours=WEEKDAYS_8H)
    assert short.hours_by_week[1] == pytest.approx((2, 2, 2))
    assert long.hours_by_week[1] == pytest.approx((2,) * 8 + (0,) * 4)
    assert short.undated_hours == 16 and short.beyond_horizon_hours == pytest.approx(10)


def test_whether_a_week_is_over_does_not_depend_on_the_horizon() -> None:
    # The bug: `load --weeks 4` and the 8-week view disagreed about the same week.
    tasks = [task(1, 30, None), task(2, 20, days(4)), task(3, 60, days(40))]
    four = forecast(tasks, today=MONDAY, weeks=4, day_hours=WEEKDAYS_8H)
    eight = forecast(tasks, today=MONDAY, weeks=8, day_hours=WEEKDAYS_8H)
    for a, b in zip(four.weeks, eight.weeks[:4], strict=True):
        assert (a.hours_needed, a.over) == (pytest.approx(b.hours_needed), b.over)


def test_work_due_after_the_horizon_counts_only_its_share_inside() -> None:
    # Due in four weeks (20 working days), horizon two weeks: half of it is planned inside.
    result = forecast([task(1, 20, days(25))], today=MONDAY, weeks=2, day_hours=WEEKDAYS_8H)
    assert result.hours_by_week[1] == pytest.approx((5, 5))
    assert result.beyond_horizon_hours == pytest.approx(10)


def test_the_first_week_counts_from_today() -> None:
    wednesday = days(2)
    result = forecast([task(1, 6, days(4))], today=wednesday, weeks=2, day_hours=WEEKDAYS_8H)
    assert result.weeks[0].start == MONDAY
    assert result.weeks[0].hours_available == 24  # Wednesday to Friday
    assert result.weeks[0].hours_needed == 6


def test_leave_takes_the_hours_and_no_work_is_planned_on_it() -> None:
    leave = DayHours(
        [CapacityPeriod(dt.date(2020, 1, 1), (8, 8, 8, 8, 8, 0, 0))],
        [DayException(days(7), days(10), 0.0)],  # Monday to Thursday of week two
    )
    result = forecast([task(1, 12, days(11))], today=MONDAY, weeks=2, day_hours=leave)
    assert [w.hours_available for w in result.weeks] == [40, 8]
    assert result.hours_by_week[1] == pytest.approx((10, 2))  # six working days: five, then the Friday


def test_leave_over_a_weekend_changes_nothing_and_part_time_days_count() -> None:
    hours = DayHours(
        [CapacityPeriod(dt.date(2020, 1, 1), (8, 8, 8, 8, 8, 0, 0))],
        [DayException(days(5), days(6), 4.0), DayException(days(0), days(0), 4.0)],
    )
    assert hours(days(5)) == 0 and hours(days(0)) == 4


def test_work_due_before_any_working_day_lands_in_the_current_week() -> None:
    saturday = days(5)
    result = forecast([task(1, 3, days(6))], today=saturday, weeks=2, day_hours=WEEKDAYS_8H)
    assert result.hours_by_week[1] == (3, 0)
    assert result.weeks[0].hours_available == 0 and result.weeks[0].ratio is None
    assert result.weeks[0].over


def test_meetings_take_hours_from_the_week() -> None:
    result = forecast(
        [task(1, 30, days(4))], today=MONDAY, weeks=2, day_hours=WEEKDAYS_8H, meeting_hours_by_week=[12.5]
    )
    week = result.weeks[0]
    assert (week.capacity_hours, week.meeting_hours, week.hours_available) == (40, 12.5, 27.5)
    assert week.ratio == pytest.approx(30 / 27.5, abs=1e-4) and week.over and week.hours_over == pytest.approx(2.5)
    assert result.weeks[1].meeting_hours == 0  # weeks the calendar does not cover have none


def test_a_new_capacity_applies_from_its_date() -> None:
    hours = DayHours(
        [
            CapacityPeriod(dt.date(2020, 1, 1), (8, 8, 8, 8, 8, 0, 0)),
            CapacityPeriod(days(7), (6, 6, 6, 6, 0, 0, 0)),
        ]
    )
    result = forecast([], today=MONDAY, weeks=2, day_hours=hours)
    assert [w.hours_available for w in result.weeks] == [40, 24]
    # Before the first period the earliest one is the best guess.
    assert hours(dt.date(1999, 1, 1)) == 8


def test_hours_are_grouped_by_duty_and_origin_and_sum_to_the_total() -> None:
    tasks = [
        PlannedTask(1, "a", "Grants", days(4), 10, "temporary"),
        PlannedTask(2, "b", None, days(4), 5, None),
        PlannedTask(3, "c", "Workshops", None, 32, "described"),  # undated: 4 h in each of eight weeks
    ]
    result = forecast(tasks, today=MONDAY, weeks=2, day_hours=WEEKDAYS_8H)
    first = result.weeks[0]
    assert first.by_responsibility == pytest.approx({"Grants": 10, "No responsibility": 5, "Workshops": 4})
    assert first.by_origin == pytest.approx({"described": 4, "none": 5, "temporary": 10})
    assert sum(first.by_responsibility.values()) == pytest.approx(first.hours_needed) == 19
    assert result.responsibilities == ["Grants", "No responsibility", "Workshops"]
    assert len(result.weeks_over) == 0


def test_a_far_away_due_date_does_not_blow_up() -> None:
    result = forecast([task(1, 100, dt.date(9999, 12, 31))], today=MONDAY, weeks=2, day_hours=WEEKDAYS_8H)
    assert 0 < sum(result.hours_by_week[1]) < 2


def test_a_recurring_task_brings_its_next_occurrences_inside_the_horizon() -> None:
    weekly = PlannedTask(1, "rota", "Volunteers", days(2), 1, recurrence="weekly", effort=2)
    result = forecast([weekly], today=MONDAY, weeks=3, day_hours=WEEKDAYS_8H)
    # This one (1 h left, due Wednesday), then 2 h spread over Thursday..next Wednesday, and so on.
    assert result.hours_by_week[1] == pytest.approx((1 + 2 * 2 / 5, 2 * 3 / 5 + 2 * 2 / 5, 2 * 3 / 5 + 2 * 2 / 5))
    monthly = PlannedTask(2, "newsletter", "Office", days(-3), 4, recurrence="monthly", effort=5)
    result = forecast([monthly], today=MONDAY, weeks=2, day_hours=WEEKDAYS_8H)
    # Overdue now (4 h this week); the next one (Dec 27) needs 5 h over the working days up to it.
    assert result.hours_by_week[2][0] == pytest.approx(4 + 5 * 5 / 20)
