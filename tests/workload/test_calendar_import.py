"""Meetings eat capacity: real calendar exports (Google, Outlook, Apple) on both databases, rule by rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from onward.errors import BadInput
from onward.services import Services
from onward.workspace import Workspace

DATA = Path(__file__).parents[1] / "data"
MONDAY = dt.date(2026, 11, 30)  # the tests' today


def in_zone(services: Services, zone: str, **settings: object) -> Services:
    """Return the same workspace seen from a person living in `zone`."""
    changed = services.workspace.settings.model_copy(update={"timezone": zone, **settings})
    return Services(Workspace(changed, services.store, services.workspace.owner_id))


def occurrences(services: Services, day: dt.date) -> dict[str, tuple[dt.time, dt.time, str]]:
    """Return summary → (local start, local end, show_as) of the stored events of one day."""
    spans = services.workload_imports.calendar_events(day, day + dt.timedelta(days=1))
    return {s.summary: (s.starts_at.time(), s.ends_at.time(), s.show_as) for s in spans}


@pytest.fixture
def new_york(services: Services) -> Services:
    ny = in_zone(services, "America/New_York")
    ny.workload_imports.import_calendar(DATA / "calendar-google.ics")
    return ny


def test_a_google_calendar_gives_the_meeting_hours_of_each_week(new_york: Services) -> None:
    # Week 1: staff meeting 1 h + a tentative coffee overlapping it (its last half hour counts half: 0.25)
    # + Wednesday 10:00 London call 1 h + two overlapping calls 13:00-14:30 (1.5 h, not 2)
    # + a tentative budget review 2 h × 0.5 + a webinar given in UTC 1 h + the Friday evening board call 1.5 h.
    # Not counted: the all-day offsite, focus time (free), the cancelled demo, the declined social, Saturday.
    # Week 2: the staff meeting moved to Tuesday for 1.5 h. Week 5: 28 December is excluded (EXDATE).
    hours = new_york.workload_imports.meeting_hours_by_week(MONDAY, 5)
    assert hours == [7.25, 1.5, 1.0, 1.0, 0.0]


def test_each_rule_on_its_own_event(new_york: Services) -> None:
    friday = occurrences(new_york, dt.date(2026, 12, 4))
    assert friday["Focus time: grant report"][2] == "free"  # TRANSP:TRANSPARENT
    assert friday["Vendor demo: volunteer scheduling app"][2] == "cancelled"  # STATUS:CANCELLED
    assert friday["All-hands social"][2] == "cancelled"  # the calendar's owner declined
    thursday = occurrences(new_york, dt.date(2026, 12, 3))
    assert thursday["Budget review (if the numbers are in)"][2] == "tentative"
    assert thursday["Webinar: adult learners and digital skills"][:2] == (dt.time(14), dt.time(15))  # 19:00Z
    offsite = new_york.workload_imports.calendar_events(dt.date(2026, 12, 1), dt.date(2026, 12, 2))
    assert [(s.summary, s.all_day) for s in offsite] == [("Team offsite (Bridgeport library)", True)]


def test_a_recurring_meeting_honours_its_exception_and_its_moved_occurrence(new_york: Services) -> None:
    assert occurrences(new_york, dt.date(2026, 12, 7)) == {}  # moved away from Monday …
    moved = occurrences(new_york, dt.date(2026, 12, 8))
    assert moved["Staff meeting (moved)"] == (dt.time(14), dt.time(15, 30), "busy")  # … to Tuesday afternoon
    assert occurrences(new_york, dt.date(2026, 12, 28)) == {}  # EXDATE
    # It stays at 10:00 local time on both sides of the end of daylight saving time (1 November).
    assert occurrences(new_york, dt.date(2026, 10, 26))["Staff meeting"][0] == dt.time(10)
    assert occurrences(new_york, dt.date(2026, 11, 30))["Staff meeting"][0] == dt.time(10)


def test_times_follow_the_users_time_zone(services: Services) -> None:
    london = in_zone(services, "Europe/London")
    result = london.workload_imports.import_calendar(DATA / "calendar-google.ics")
    wednesday = occurrences(london, dt.date(2026, 12, 2))
    assert wednesday["Call with the London reading partners"][:2] == (dt.time(15), dt.time(16))
    assert occurrences(london, dt.date(2026, 11, 30))["Staff meeting"][:2] == (dt.time(15), dt.time(16))
    # Friday's 19:00 New York board call is past midnight in London, on a Saturday: not a working-day meeting.
    assert "Evening board call" in occurrences(london, dt.date(2026, 12, 5))
    assert result.meeting_hours_next_4_weeks == pytest.approx(7.25 - 1.5 + 1.5 + 1 + 1)
    assert london.workload_imports.meeting_hours_by_week(MONDAY, 1) == [5.75]


def test_tentative_meetings_count_as_configured(services: Services) -> None:
    ny = in_zone(services, "America/New_York", tentative_meeting_share=1.0)
    ny.workload_imports.import_calendar(DATA / "calendar-google.ics")
    # In full: the coffee adds its last half hour (0.5) and the budget review 2 h.
    assert ny.workload_imports.meeting_hours_by_week(MONDAY, 1) == [8.5]


def test_outlook_windows_zones_busy_status_and_out_of_office(services: Services) -> None:
    ny = in_zone(services, "America/New_York")
    result = ny.workload_imports.import_calendar(DATA / "calendar-outlook.ics")
    assert result.events == 4
    assert occurrences(ny, dt.date(2026, 12, 1))["Program team sync"] == (dt.time(9), dt.time(9, 30), "busy")
    assert occurrences(ny, dt.date(2026, 12, 9))["Library partners planning (hold)"][2] == "tentative"
    # A timed out-of-office block (the dentist) takes time like a meeting; the all-day one is a leave.
    assert ny.workload_imports.meeting_hours_by_week(MONDAY, 4) == [0.5, 0.5 + 1 + 2, 0.5, 0.5]
    assert result.away_days == [dt.date(2026, 12, d) for d in (21, 22, 23, 24, 25)]


def test_apple_calendar_in_paris_seen_from_new_york(services: Services) -> None:
    ny = in_zone(services, "America/New_York")
    result = ny.workload_imports.import_calendar(DATA / "calendar-apple.ics")
    assert result.events == 2
    # 16:00 in Paris is 10:00 in New York; every other Thursday.
    assert occurrences(ny, dt.date(2026, 12, 3))["Partner call (Lyon office)"][:2] == (dt.time(10), dt.time(11))
    assert occurrences(ny, dt.date(2026, 12, 10)) == {}
    assert ny.workload_imports.meeting_hours_by_week(MONDAY, 3) == [1.0, 0.0, 1.0]  # the conference is all-day


def test_a_reimport_replaces_the_previous_calendar(new_york: Services) -> None:
    first = new_york.workload_imports.meeting_hours_by_week(MONDAY, 2)
    result = new_york.workload_imports.import_calendar(DATA / "calendar-outlook.ics")
    assert result.replaced > 0
    assert new_york.workload_imports.meeting_hours_by_week(MONDAY, 2) != first
    assert "Staff meeting" not in occurrences(new_york, MONDAY)
    again = new_york.workload_imports.import_calendar(DATA / "calendar-outlook.ics")
    assert (again.occurrences, again.replaced) == (result.occurrences, result.occurrences)


def test_a_broken_calendar_changes_nothing_and_names_the_event(new_york: Services, tmp_path: Path) -> None:
    before = new_york.workload_imports.meeting_hours_by_week(MONDAY, 2)
    text = (DATA / "calendar-google.ics").read_text()
    broken = text.replace("RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=MO", "RRULE:FREQ=SOMETIMES;BYDAY=MO")
    (tmp_path / "broken.ics").write_text(broken)
    with pytest.raises(BadInput, match=r"broken.ics event 1 'Staff meeting' \(UID 4k2v8q9d1m0s7t3b6n5c@google.com\)"):
        new_york.workload_imports.import_calendar(tmp_path / "broken.ics")
    (tmp_path / "notes.ics").write_text("Meeting with Sam on Tuesday\n")
    with pytest.raises(BadInput, match=r"notes.ics: not an iCalendar file"):
        new_york.workload_imports.import_calendar(tmp_path / "notes.ics")
    assert new_york.workload_imports.meeting_hours_by_week(MONDAY, 2) == before


def test_tasks_export_as_todos_a_calendar_can_read(services: Services) -> None:
    ny = in_zone(services, "America/New_York")
    ny.workload_imports.import_tasks(DATA / "taskwarrior-2.6.json")
    data = ny.workload_imports.export_vtodo()
    calendar = icalendar.Calendar.from_ical(data)
    todos = {str(todo["SUMMARY"]): todo for todo in calendar.walk("VTODO")}
    assert len(todos) == 8  # the open tasks with a due date
    report = todos["Draft the Q4 grant report for the city fund"]
    assert report["UID"] == "cee501f5-e370-48d5-ba73-a09138d773a4@taskwarrior.onward"
    assert report["DUE"].dt == dt.date(2026, 12, 4)
    assert int(report["PRIORITY"]) == 1  # importance 5
    assert str(report["STATUS"]) == "NEEDS-ACTION"
    assert report["CATEGORIES"].cats == ["Grants"]
    # The same UIDs every time, so a calendar updates its to-dos instead of doubling them.
    again = icalendar.Calendar.from_ical(ny.workload_imports.export_vtodo())
    assert {str(t["UID"]) for t in again.walk("VTODO")} == {str(t["UID"]) for t in todos.values()}
    finished = icalendar.Calendar.from_ical(ny.workload_imports.export_vtodo(include_finished=True))
    assert len(list(finished.walk("VTODO"))) == 8  # done and dropped tasks in the sample have no due date
    # And it reads back as a calendar file.
    assert ny.workload_imports.import_calendar_data(data, "tasks.ics").events == 0


def test_todo_text_survives_escaping_and_line_folding() -> None:
    from onward.workload.files.ical_export import TodoRow, tasks_to_vtodo

    title = "Ask Zoë; then Dana, about the “spring” budget — " + "très " * 20
    notes = "Line one\nLine two, with a comma; and a back\\slash"
    row = TodoRow(7, title, dt.date(2026, 12, 4), 4, "done", "Grants, reports", notes, completed=dt.date(2026, 12, 1))
    data = tasks_to_vtodo([row], stamp=dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC))
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    [todo] = icalendar.Calendar.from_ical(data).walk("VTODO")
    assert (str(todo["SUMMARY"]), str(todo["DESCRIPTION"])) == (title, notes)
    assert todo["CATEGORIES"].cats == ["Grants, reports"]
    assert (str(todo["UID"]), int(todo["PRIORITY"]), str(todo["STATUS"])) == ("task-7@onward", 3, "COMPLETED")


def _one_event(rule: str, start: str = "20250101T090000Z", end: str = "20250101T093000Z") -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\nBEGIN:VEVENT\r\nUID:runaway@example.org\r\n"
        f"SUMMARY:Runaway\r\nDTSTART:{start}\r\nDTEND:{end}\r\n{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def test_a_secondly_rule_is_expanded_only_over_the_window_and_capped(services: Services) -> None:
    """Found by fuzzing: a 182-byte FREQ=SECONDLY file hung the CLI for minutes; MINUTELY stored 522,120 events."""
    import time

    from onward.workload.files.calendar import MAX_OCCURRENCES_PER_EVENT

    for rule in ("RRULE:FREQ=SECONDLY", "RRULE:FREQ=MINUTELY", "RRULE:FREQ=HOURLY;INTERVAL=1"):
        started = time.perf_counter()
        result = services.workload_imports.import_calendar_data(_one_event(rule), "runaway.ics")
        assert time.perf_counter() - started < 20, "loosely: seconds, not minutes"
        assert result.occurrences == MAX_OCCURRENCES_PER_EVENT
        assert result.capped == [
            f"'Runaway' repeats more than {MAX_OCCURRENCES_PER_EVENT:,} times in the window: "
            f"only its first {MAX_OCCURRENCES_PER_EVENT:,} occurrences were kept"
        ]
        first = services.workload_imports.calendar_events(dt.date(2000, 1, 1), dt.date(2100, 1, 1))[0]
        assert first.starts_at.date() == result.window_start, "the expansion starts at the window, not in 2025"


def test_a_daily_series_from_long_ago_keeps_its_rhythm_and_is_not_capped(services: Services) -> None:
    utc = in_zone(services, "UTC")
    data = _one_event("RRULE:FREQ=DAILY;INTERVAL=3", "19700101T140000Z", "19700101T150000Z")
    result = utc.workload_imports.import_calendar_data(data, "old.ics")
    assert result.capped == []
    spans = utc.workload_imports.calendar_events(dt.date(2000, 1, 1), dt.date(2100, 1, 1))
    assert all((s.starts_at.date() - dt.date(1970, 1, 1)).days % 3 == 0 for s in spans), "every third day"
    assert all(s.starts_at.time() == dt.time(14) for s in spans)
    assert len(spans) == pytest.approx(60 * 7 / 3, abs=1)
    counted = _one_event("RRULE:FREQ=MINUTELY;COUNT=100000000", "19700101T140000Z", "19700101T140100Z")
    assert utc.workload_imports.import_calendar_data(counted, "counted.ics").occurrences == 1000


def test_an_exchange_rule_with_spaces_after_commas_is_read(services: Services) -> None:
    """Exchange writes BYDAY=MO, TU, WE; it was refused with a wrong reason and the whole file lost."""
    utc = in_zone(services, "UTC")
    data = _one_event(
        "RRULE:FREQ=WEEKLY;BYDAY=MO, TU, WE;UNTIL=20261231T000000Z", "20261130T090000Z", "20261130T100000Z"
    )
    result = utc.workload_imports.import_calendar_data(data, "exchange.ics")
    days = {s.starts_at.date() for s in utc.workload_imports.calendar_events(MONDAY, MONDAY + dt.timedelta(7))}
    assert days == {MONDAY, MONDAY + dt.timedelta(1), MONDAY + dt.timedelta(2)}
    assert result.capped == []


def test_an_event_that_ends_before_it_starts_is_refused_by_name(services: Services) -> None:
    """Silently accepted before (stored as a zero-length meeting)."""
    services.workload_imports.import_calendar(DATA / "calendar-google.ics")
    before = services.workload_imports.meeting_hours_by_week(MONDAY, 2)
    data = _one_event("DESCRIPTION:backwards", "20261201T100000Z", "20261201T090000Z")
    with pytest.raises(BadInput, match=r"backwards.ics event 1 'Runaway' \(UID runaway@example.org\): it ends before"):
        services.workload_imports.import_calendar_data(data, "backwards.ics")
    assert services.workload_imports.meeting_hours_by_week(MONDAY, 2) == before


def test_a_holiday_calendar_suggests_the_days_off_not_the_observances(services: Services) -> None:
    """Outlook's holiday calendar: '[Not a public holiday]' entries were suggested as days away, and
    Christmas (no 'holiday' in its name) was missed."""

    def day(summary: str, date: str, extra: str = "") -> str:
        return (
            f"BEGIN:VEVENT\r\nUID:{date}@holidays\r\nSUMMARY:{summary}\r\nDTSTART;VALUE=DATE:{date}\r\n"
            f"CATEGORIES:Holiday\r\n{extra}END:VEVENT\r\n"
        )

    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0//EN\r\n"
        + day("Christmas Day", "20261225")
        + day("Boxing Day (Holiday)", "20261228")
        + day("St Andrew's Day [Not a public holiday]", "20261201")
        + "END:VCALENDAR\r\n"
    ).encode()
    result = services.workload_imports.import_calendar_data(data, "holidays.ics")
    assert result.away_days == [dt.date(2026, 12, 25), dt.date(2026, 12, 28)]


def _days_away_by_name(services: Services) -> set[str]:
    spans = services.workload_imports.calendar_events(dt.date(2026, 1, 1), dt.date(2028, 1, 1))
    return {s.summary for s in spans if s.show_as == "out_of_office"}


def test_outlooks_uk_holiday_calendar_suggests_its_public_holidays_by_the_calendars_name(
    services: Services,
) -> None:
    """Issue 9: Outlook's 'Holidays in United Kingdom' (no CATEGORIES): 'Valentine's Day [Not a public
    holiday]' was suggested as a day away for the word 'holiday', and Christmas and Easter were missed."""
    result = services.workload_imports.import_calendar(DATA / "calendar-holidays-outlook-uk.ics")
    assert result.away_days == [
        dt.date(2026, 12, 25),  # Christmas Day
        dt.date(2026, 12, 28),  # Boxing Day (Substitute day); Boxing Day itself is a Saturday
        dt.date(2027, 1, 1),  # New Year's Day
        dt.date(2027, 3, 26),  # Good Friday
        dt.date(2027, 3, 29),  # Easter Monday
        dt.date(2027, 5, 3),  # Early May Bank Holiday
    ]
    assert _days_away_by_name(services) == {
        "Christmas Day",
        "Boxing Day",
        "Boxing Day (Substitute day)",
        "New Year's Day",
        "Good Friday",
        "Easter Monday",
        "Early May Bank Holiday",
    }


def test_googles_us_holiday_calendar_suggests_public_holidays_not_observances(services: Services) -> None:
    """Google writes every entry with TRANSP:TRANSPARENT and says which is which in DESCRIPTION:
    'Public holiday' or 'Observance\\nTo hide observances, …'."""
    public = {
        "Thanksgiving Day",
        "Christmas Day",
        "New Year's Day",
        "Martin Luther King Jr. Day",
        "Memorial Day",
        "Independence Day",
        "Independence Day (substitute)",
        "Labor Day",
        "Veterans Day",
    }
    suggested = [
        dt.date(2026, 12, 25),
        dt.date(2027, 1, 1),
        dt.date(2027, 1, 18),
        dt.date(2027, 5, 31),
        dt.date(2027, 7, 5),  # Independence Day (substitute); the 4th is a Sunday
        dt.date(2027, 9, 6),
        dt.date(2027, 11, 11),
        dt.date(2027, 11, 25),  # this year's Thanksgiving (26 Nov 2026) is before today
    ]
    data = (DATA / "calendar-holidays-google-us.ics").read_bytes()
    assert services.workload_imports.import_calendar_data(data, "holidays.ics").away_days == suggested
    assert _days_away_by_name(services) == public
    # The same entries copied into a calendar of one's own keep their meaning: the description decides.
    own = data.replace(b"X-WR-CALNAME:Holidays in United States", b"X-WR-CALNAME:Alex Morgan")
    assert services.workload_imports.import_calendar_data(own, "alex.ics").away_days == suggested
    assert _days_away_by_name(services) == public
