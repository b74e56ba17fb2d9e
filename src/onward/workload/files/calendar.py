"""Calendars (iCalendar from Outlook, Google, Apple): which hours meetings take, week by week. Pure functions.

The rules, in the order they are applied to each occurrence:

- Recurring events are expanded (recurring-ical-events: RRULE, RDATE, EXDATE, moved or cancelled single
  occurrences) over a window from 8 weeks before today to 52 weeks after, and only over it: a series that
  began long ago starts its expansion at the window (same rhythm), so "every second since 1970" costs
  nothing. At most 1,000 occurrences are kept per event (a daily meeting has about 420 in the window) and
  20,000 events per file; the import says what it capped.
- Times are placed in the user's time zone (`ONWARD_TIMEZONE`); an event with a TZID (or UTC) is converted,
  an event without one ("floating") is taken as local time. Outlook's Windows zone names are understood.
- `show_as` says how the event uses the person's time: cancelled (STATUS:CANCELLED, or an invitation the
  calendar's owner declined) → doesn't count; Outlook's X-MICROSOFT-CDO-BUSYSTATUS when present (FREE and
  WORKINGELSEWHERE → free, TENTATIVE → tentative, OOF → out_of_office, BUSY → busy); otherwise
  TRANSP:TRANSPARENT → free, STATUS:TENTATIVE (or an invitation not yet answered) → tentative, else busy.
- Meeting hours: busy and timed out-of-office time count in full, tentative at the `tentative_meeting_share`
  setting (half by default), free and cancelled not at all. Overlapping events count once (the larger
  share wins for the overlap). Only working days (Monday to Friday) count.
- All-day events never count as meeting hours, nor do timed blocks of 24 hours or more: they are days away
  or conferences, not meetings, and belong in the capacity's leave. All-day events marked out of office
  (Outlook's OOF) or named like an absence ("Out of office", "OOO", "vacation", "PTO", "leave", "holiday",
  "sick") are reported as away days, so the person can enter them as leave where capacity is kept.
- A holiday calendar's entries are days away by the calendar's own signals, whatever their names ("Christmas
  Day"): the calendar is named like one (X-WR-CALNAME "Holidays in United Kingdom"), the entry
  has CATEGORIES:Holiday (Outlook) or its description begins "Public holiday" (Google). Entries marked as no
  day off are not, though "holiday" is in their name: "[Not a public holiday]" (Outlook) or a description
  "Observance" (Google).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from onward.errors import BadInput

WEEKS_BACK = 8
WEEKS_AHEAD = 52
WORKING_WEEKDAYS = (0, 1, 2, 3, 4)
UID_MAX = 300
SUMMARY_MAX = 500
MAX_OCCURRENCES_PER_EVENT = 1_000
MAX_EVENTS_PER_FILE = 20_000
# Rules with a fixed step: a series that started before the window is moved to its first step inside it.
FIXED_STEPS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86400, "WEEKLY": 7 * 86400}
COUNT_NEEDS_NO_SHIFT = 50_000  # a COUNT this small bounds the work on its own
OUTLOOK_BUSY_STATUS = {
    "FREE": "free",
    "WORKINGELSEWHERE": "free",
    "TENTATIVE": "tentative",
    "BUSY": "busy",
    "OOF": "out_of_office",
}
AWAY_WORDS = re.compile(
    r"\b(out of (the )?office|ooo|vacation|holidays?|pto|annual leave|leave|sick|day off|time off)\b", re.I
)


@dataclass
class Occurrence:
    """One occurrence of a calendar event, in the user's local time (naive datetimes)."""

    uid: str
    summary: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    show_as: str
    recurring: bool


@dataclass
class ParsedCalendar:
    events: int  # distinct events in the file (a recurring series counts once)
    occurrences: list[Occurrence]
    capped: list[str] = field(default_factory=list)  # what was left out, in plain words


@dataclass
class Span:
    """A stored occurrence as the hour counting needs it."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    show_as: str
    summary: str = ""


def import_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """Return the dates [start, end) within which recurring events are expanded and kept."""
    return today - dt.timedelta(weeks=WEEKS_BACK), today + dt.timedelta(weeks=WEEKS_AHEAD)


# ---- reading a file ----


# Exchange writes "BYDAY=MO, TU, WE"; the spaces are not in RFC 5545 and icalendar refuses the whole rule.
RULE_LINE_SPACES = re.compile(rb"^((?:RRULE|EXRULE)[:;][^\r\n]*)", re.M)


def _tidy_rules(data: bytes) -> bytes:
    return RULE_LINE_SPACES.sub(lambda m: re.sub(rb",[ \t]+", b",", m.group(1)), data)


def _calendars(data: bytes, filename: str) -> list[Any]:
    import icalendar

    data = _tidy_rules(data)
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as error:
        raise BadInput(f"{filename}: not an iCalendar file ({error})") from None
    calendars = [c for c in calendars if c.name == "VCALENDAR"]
    if not calendars:
        raise BadInput(f"{filename}: not an iCalendar file (no BEGIN:VCALENDAR)")
    return calendars


def _owner_address(calendar: Any) -> str | None:
    """Return the calendar owner's e-mail address when the file says it (Google names the calendar by it)."""
    name = str(calendar.get("X-WR-CALNAME", "")).strip().lower()
    return name if "@" in name else None


def show_as_of(event: Any, owner: str | None) -> str:
    """Return how an event uses the person's time: busy, tentative, free, out_of_office or cancelled."""
    status = str(event.get("STATUS", "")).upper()
    if status == "CANCELLED":
        return "cancelled"
    if owner:
        attendees = event.get("ATTENDEE", [])
        for attendee in attendees if isinstance(attendees, list) else [attendees]:
            if str(attendee).lower().removeprefix("mailto:") == owner:
                answer = str(attendee.params.get("PARTSTAT", "")).upper()
                if answer == "DECLINED":
                    return "cancelled"
                if answer in ("NEEDS-ACTION", "TENTATIVE"):
                    return "tentative"
    outlook = str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper()
    if outlook in OUTLOOK_BUSY_STATUS:
        return OUTLOOK_BUSY_STATUS[outlook]
    if str(event.get("TRANSP", "")).upper() == "TRANSPARENT":
        return "free"
    if status == "TENTATIVE":
        return "tentative"
    return "busy"


def _local(value: dt.date | dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    if value.tzinfo is None:  # floating time: the same clock time wherever the person is
        return value
    return value.astimezone(zone).replace(tzinfo=None)


def _describe(event: Any, position: int) -> str:
    summary = str(event.get("SUMMARY", "")).strip()
    uid = str(event.get("UID", "")).strip()
    return f"event {position}" + (f" '{summary}'" if summary else "") + (f" (UID {uid})" if uid else "")


def _describe_short(event: Any) -> str:
    summary = " ".join(str(event.get("SUMMARY", "")).split())[:80]
    return f"'{summary}'" if summary else f"UID {str(event.get('UID', ''))[:80]}"


def _start_at_window(event: Any, start: dt.date) -> tuple[Any, dt.datetime | None] | None:
    """Return a copy of a recurring event whose fixed-step rule starts at the window, and the last start
    worth expanding to (enough for the per-event cap), or None when the series ended before the window."""
    rule = event.get("RRULE")
    if rule is None or isinstance(rule, list):
        return event, None
    freq = str((rule.get("FREQ") or [""])[0]).upper()
    begins = event["DTSTART"].dt
    if freq not in FIXED_STEPS or not isinstance(begins, dt.datetime):
        return event, None
    try:
        interval = max(1, int((rule.get("INTERVAL") or [1])[0]))
    except (TypeError, ValueError):
        return event, None
    step = dt.timedelta(seconds=FIXED_STEPS[freq] * interval)
    window = dt.datetime.combine(start, dt.time(), tzinfo=begins.tzinfo)
    if begins.tzinfo is not None:
        window = window.astimezone(begins.tzinfo)
    count = (rule.get("COUNT") or [None])[0]
    skipped = max(0, (window - begins) // step) if begins < window else 0
    if skipped and count is not None and int(count) <= COUNT_NEEDS_NO_SHIFT:
        skipped = 0  # a short series: expanding it from its real start is cheap and exact
    event = event.copy() if skipped else event
    if skipped:
        shift = step * skipped
        moved = begins + shift
        end_value = event["DTEND"].dt if "DTEND" in event else None
        del event["DTSTART"]
        event.add("DTSTART", moved)
        if isinstance(end_value, dt.datetime):
            del event["DTEND"]
            event.add("DTEND", end_value + shift)
        if count is not None:
            left = int(count) - skipped
            if left <= 0:
                return None
            event["RRULE"]["COUNT"] = [left]
        begins = moved
    # Enough steps for the cap (a few more for EXDATEs); a sub-daily rule would otherwise fill the window.
    return event, begins + step * (MAX_OCCURRENCES_PER_EVENT + 50)


def _expand_one(calendar: Any, components: list[Any], start: dt.date, end: dt.date) -> tuple[list[Any], bool]:
    """Expand one event (its series and moved occurrences) over [start, end); True when capped."""
    import icalendar
    import recurring_ical_events

    single = icalendar.Calendar()
    for zone in calendar.walk("VTIMEZONE"):
        single.add_component(zone)
    stop: dt.date | dt.datetime = end
    for component in components:
        tamed = _start_at_window(component, start)
        if tamed is None:
            continue
        component, last = tamed
        if last is not None:  # wall-clock time is close enough for where to stop
            stop = min(dt.datetime.combine(end, dt.time()), last.replace(tzinfo=None))
        single.add_component(component)
    # The library compares the bounds with the events' own starts: dates for all-day series.
    first: dt.date | dt.datetime = dt.datetime.combine(start, dt.time()) if isinstance(stop, dt.datetime) else start
    found = list(recurring_ical_events.of(single).between(first, max(stop, first)))
    found.sort(key=lambda o: _sort_key(o["DTSTART"].dt))
    # Expansion stopped short of the window's end only once enough occurrences were there for the cap.
    capped = len(found) > MAX_OCCURRENCES_PER_EVENT or (
        isinstance(stop, dt.datetime)
        and stop < dt.datetime.combine(end, dt.time())
        and len(found) >= MAX_OCCURRENCES_PER_EVENT
    )
    return found[:MAX_OCCURRENCES_PER_EVENT], capped


def _sort_key(value: dt.date | dt.datetime) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    return value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone(dt.UTC).replace(tzinfo=None)


def _expand(calendar: Any, start: dt.date, end: dt.date, filename: str) -> tuple[list[Any], list[str]]:
    """Return the occurrences between start and end and what was capped, or raise BadInput naming the
    event that breaks. Each recurring event is expanded on its own, so one runaway rule cannot crowd out
    (or hold up) the rest."""
    import icalendar
    import recurring_ical_events

    notes: list[str] = []
    events = list(calendar.walk("VEVENT"))
    if len(events) > MAX_EVENTS_PER_FILE:
        notes.append(f"the file has {len(events):,} events; the first {MAX_EVENTS_PER_FILE:,} were read")
        events = events[:MAX_EVENTS_PER_FILE]
    groups: dict[str, list[tuple[int, Any]]] = {}
    for position, event in enumerate(events, start=1):
        groups.setdefault(str(event.get("UID", "")) or f"no-uid-{position}", []).append((position, event))
    plain = icalendar.Calendar()
    for zone in calendar.walk("VTIMEZONE"):
        plain.add_component(zone)
    found: list[Any] = []
    for group in groups.values():
        components = [event for _, event in group]
        if not any(key in event for event in components for key in ("RRULE", "RDATE", "RECURRENCE-ID")):
            for event in components:
                plain.add_component(event)
            continue
        try:
            occurrences, capped = _expand_one(calendar, components, start, end)
        except Exception as error:  # the library raises many kinds; name the event at fault
            position, event = group[0]
            reason = str(error) or type(error).__name__
            raise BadInput(f"{filename} {_describe(event, position)}: cannot be read ({reason})") from None
        if capped:
            notes.append(
                f"{_describe_short(components[0])} repeats more than {MAX_OCCURRENCES_PER_EVENT:,} times in the "
                f"window: only its first {MAX_OCCURRENCES_PER_EVENT:,} occurrences were kept"
            )
        found.extend(occurrences)
    try:
        found.extend(recurring_ical_events.of(plain).between(start, end))
    except Exception:
        for position, event in enumerate(events, start=1):
            if any(key in event for key in ("RRULE", "RDATE", "RECURRENCE-ID")):
                continue
            single = icalendar.Calendar()
            single.add_component(event)
            try:
                list(recurring_ical_events.of(single).between(start, end))
            except Exception as error:
                reason = str(error) or type(error).__name__
                raise BadInput(f"{filename} {_describe(event, position)}: cannot be read ({reason})") from None
        raise BadInput(f"{filename}: the events cannot be read") from None
    return found, notes


def read_calendar(data: bytes, filename: str, *, zone: dt.tzinfo, start: dt.date, end: dt.date) -> ParsedCalendar:
    """Return the events of an iCalendar file and their occurrences in [start, end), in the local zone."""
    events: set[str] = set()
    occurrences: dict[tuple[str, dt.datetime], Occurrence] = {}
    capped: list[str] = []
    for calendar in _calendars(data, filename):
        owner = _owner_address(calendar)
        holiday_calendar = is_holiday_calendar(calendar)
        recurring: set[str] = set()
        for position, event in enumerate(calendar.walk("VEVENT"), start=1):
            if "DTSTART" not in event:
                raise BadInput(f"{filename} {_describe(event, position)}: it has no start (DTSTART)")
            ends = event.get("DTEND")
            if ends is not None and _sort_key(ends.dt) < _sort_key(event["DTSTART"].dt):
                raise BadInput(f"{filename} {_describe(event, position)}: it ends before it starts")
            uid = str(event.get("UID", "")) or f"no-uid-{position}"
            events.add(uid)
            if any(key in event for key in ("RRULE", "RDATE", "RECURRENCE-ID")):
                recurring.add(uid)
        expanded, notes = _expand(calendar, start, end, filename)
        capped.extend(notes)
        for event in expanded:
            begins = event["DTSTART"].dt
            all_day = not isinstance(begins, dt.datetime)
            starts_at = _local(begins, zone)
            ends_at = _local(event.end, zone) if ("DTEND" in event or "DURATION" in event) else None
            if ends_at is None or ends_at < starts_at:
                ends_at = starts_at + (dt.timedelta(days=1) if all_day else dt.timedelta())
            summary = " ".join(str(event.get("SUMMARY", "")).split())
            uid = str(event.get("UID", "")) or _synthetic_uid(summary, starts_at)
            show_as = show_as_of(event, owner)
            if (
                all_day
                and show_as in ("busy", "free")
                and is_day_away(summary, event, holiday_calendar=holiday_calendar)
            ):
                show_as = "out_of_office"
            key = (uid[:UID_MAX], starts_at)
            occurrences.setdefault(
                key,
                Occurrence(
                    uid=uid[:UID_MAX],
                    summary=summary[:SUMMARY_MAX],
                    starts_at=starts_at,
                    ends_at=ends_at,
                    all_day=all_day,
                    show_as=show_as,
                    recurring=uid in recurring,
                ),
            )
    ordered = sorted(occurrences.values(), key=lambda o: (o.starts_at, o.uid))
    return ParsedCalendar(events=len(events), occurrences=ordered, capped=capped)


# Outlook's holiday calendars mark the days that are not days off: "Valentine's Day [Not a public holiday]";
# Google's describe them: "Observance\nTo hide observances, go to Google Calendar Settings > Holidays in …".
NOT_A_DAY_OFF = re.compile(r"\bnot an? (public |bank |official )?holiday\b|\bobservance\b", re.I)
# The name Outlook and Google give their holiday calendars: "Holidays in United Kingdom". (Apple's "UK Holidays"
# is not taken: nothing in it is known to tell its observances from its days off.)
HOLIDAY_CALENDAR_NAME = re.compile(r"^\s*holidays in\b", re.I)
HOLIDAY_CATEGORIES = {"holiday", "holidays", "public holiday"}
PUBLIC_HOLIDAY_DESCRIPTION = re.compile(r"^\s*(public|bank|national|federal) holiday\b", re.I)
OBSERVANCE_DESCRIPTION = re.compile(r"^\s*observance\s*$", re.I)


def is_holiday_calendar(calendar: Any) -> bool:
    """Return True when a calendar is a published holiday calendar, by its own name (X-WR-CALNAME)."""
    return bool(HOLIDAY_CALENDAR_NAME.search(str(calendar.get("X-WR-CALNAME", ""))))


def is_day_away(summary: str, event: Any, *, holiday_calendar: bool = False) -> bool:
    """Return True when an all-day event reads as a day away: an absence word in its name, or a holiday
    calendar's entry not marked as no day off. An entry is a holiday calendar's when its calendar is named
    like one, it has CATEGORIES:Holiday (Outlook) or its description says "Public holiday" (Google); it is
    no day off when its name says "[Not a public holiday]" (Outlook) or its description "Observance" (Google).
    """
    description = str(event.get("DESCRIPTION", "")).strip()
    first_line = description.splitlines()[0] if description else ""
    if NOT_A_DAY_OFF.search(summary) or OBSERVANCE_DESCRIPTION.search(first_line):
        return False
    categories = event.get("CATEGORIES")
    listed = categories if isinstance(categories, list) else [categories] if categories is not None else []
    names = {str(name).strip().lower() for entry in listed for name in getattr(entry, "cats", [entry])}
    holiday_entry = (
        holiday_calendar or bool(names & HOLIDAY_CATEGORIES) or bool(PUBLIC_HOLIDAY_DESCRIPTION.search(first_line))
    )
    return holiday_entry or bool(AWAY_WORDS.search(summary))


def _synthetic_uid(summary: str, starts_at: dt.datetime) -> str:
    return "onward-" + hashlib.sha256(f"{summary}\x1f{starts_at.isoformat()}".encode()).hexdigest()[:24]


# ---- counting hours ----


def share_of(span: Span, tentative_share: float) -> float:
    """Return how much of a span's time counts as meeting time (0 to 1), by the rules above."""
    if span.all_day or span.ends_at - span.starts_at >= dt.timedelta(hours=24):
        return 0.0
    return {"busy": 1.0, "out_of_office": 1.0, "tentative": tentative_share}.get(span.show_as, 0.0)


def _day_pieces(starts_at: dt.datetime, ends_at: dt.datetime) -> Iterable[tuple[dt.date, float, float]]:
    """Yield (day, start hour, end hour) for each day a span touches."""
    day = starts_at.date()
    while dt.datetime.combine(day, dt.time()) < ends_at:
        midnight = dt.datetime.combine(day, dt.time())
        begin = max(starts_at, midnight)
        finish = min(ends_at, midnight + dt.timedelta(days=1))
        if finish > begin:
            yield day, (begin - midnight).total_seconds() / 3600, (finish - midnight).total_seconds() / 3600
        day += dt.timedelta(days=1)


def _union_hours(pieces: list[tuple[float, float, float]]) -> float:
    """Return the weighted hours covered by (start, end, share) pieces, overlaps counted once at the top share."""
    edges = sorted({edge for start, end, _ in pieces for edge in (start, end)})
    total = 0.0
    for left, right in itertools.pairwise(edges):
        top = max((share for start, end, share in pieces if start < right and end > left), default=0.0)
        total += (right - left) * top
    return total


def meeting_hours_by_week(
    spans: Sequence[Span],
    first_monday: dt.date,
    weeks: int,
    *,
    tentative_share: float = 0.5,
    working_weekdays: Collection[int] = WORKING_WEEKDAYS,
) -> list[float]:
    """Return meeting hours for each of `weeks` weeks from `first_monday`, working days only."""
    by_day: dict[dt.date, list[tuple[float, float, float]]] = {}
    last = first_monday + dt.timedelta(days=7 * max(weeks, 0))
    for span in spans:
        share = share_of(span, tentative_share)
        if share <= 0:
            continue
        for day, begin, finish in _day_pieces(span.starts_at, span.ends_at):
            if first_monday <= day < last and day.weekday() in working_weekdays:
                by_day.setdefault(day, []).append((begin, finish, share))
    hours = [0.0] * max(weeks, 0)
    for day, pieces in by_day.items():
        hours[(day - first_monday).days // 7] += _union_hours(pieces)
    return [round(value, 2) for value in hours]


def away_days(occurrences: Iterable[Occurrence], since: dt.date | None = None) -> list[dt.date]:
    """Return the working days that all-day (or day-long) out-of-office events cover, from `since` on."""
    days: set[dt.date] = set()
    for occurrence in occurrences:
        long = occurrence.all_day or occurrence.ends_at - occurrence.starts_at >= dt.timedelta(hours=24)
        if occurrence.show_as != "out_of_office" or not long:
            continue
        day = occurrence.starts_at.date()
        while dt.datetime.combine(day, dt.time()) < occurrence.ends_at:
            if day.weekday() in WORKING_WEEKDAYS and (since is None or day >= since):
                days.add(day)
            day += dt.timedelta(days=1)
    return sorted(days)
