"""Property tests for every importer: for any input, either a complete import or one clear error
(an OnwardError, never another exception) and not one row changed.

Inputs are built from the shapes the real files have (keys, headers and lines of Taskwarrior, Todoist,
CSV, iCalendar, job postings and Onward exports) filled with hostile values: NaN and ±Infinity, huge and
negative numbers, NUL and other control characters, dates near year 1 and 9999, deep nesting.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onward.errors import OnwardError
from onward.services import Services
from onward.store.transfer import normalise_ids

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "\x00", "a\x00b", "é" * 3, "0", "-1", "9" * 30, "NaN", "inf", "-Infinity", "1e308"]),
    st.sampled_from(["0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", "00010101T000000Z", "20261130T090000Z"]),
    st.sampled_from(["ev sun", "every day", "tomorrow", "30 Feb", "2026-02-30", "1700000000", "p1", "p4"]),
    st.text(min_size=300, max_size=600),
)
hostile_json = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        hostile_text,
    ),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(hostile_text, children, max_size=4),
    max_leaves=12,
)


def _snapshot(services: Services) -> dict[str, Any]:
    return normalise_ids(services.export())["tables"]


def _all_or_nothing(services: Services, attempt: Callable[[], object]) -> None:
    before = _snapshot(services)
    try:
        attempt()
    except OnwardError as error:
        assert error.message.strip(), "the error says what is wrong"
        assert _snapshot(services) == before, f"refused ({error.message}) but rows changed"


TASKWARRIOR_KEYS = ["uuid", "description", "status", "due", "entry", "end", "modified", "priority", "estimate",
                    "project", "tags", "depends", "annotations", "wait", "recur", "urgency"]  # fmt: skip


@given(
    st.lists(st.dictionaries(st.sampled_from(TASKWARRIOR_KEYS), hostile_json, max_size=8), max_size=4)
    | hostile_json.map(lambda v: [v])
)
@FUZZ
def test_taskwarrior_files(services: Services, tasks: list[Any]) -> None:
    data = json.dumps(tasks).encode()
    _all_or_nothing(services, lambda: services.workload_imports.import_tasks_data(data, "f.json", "taskwarrior"))


TODOIST_HEADER = ["TYPE", "CONTENT", "DESCRIPTION", "PRIORITY", "INDENT", "AUTHOR", "RESPONSIBLE", "DATE",
                  "DATE_LANG", "TIMEZONE", "DURATION", "DURATION_UNIT", "DEADLINE"]  # fmt: skip
CSV_HEADER = ["title", "due", "effort", "importance", "duty", "status", "tags"]


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


@given(
    st.sampled_from([("todoist", TODOIST_HEADER), ("csv", CSV_HEADER)]),
    st.lists(st.lists(hostile_text, min_size=1, max_size=13), max_size=5),
    st.sampled_from(["", '"', "\x00", "\r", "\n,,,\n"]),
)
@FUZZ
def test_todoist_and_csv_files(
    services: Services, kind: tuple[str, list[str]], rows: list[list[str]], tail: str
) -> None:
    fmt, header = kind
    if fmt == "todoist":
        rows = [["task", *row] for row in rows]
    try:
        data = _csv(header, rows) + tail.encode()
    except UnicodeEncodeError:
        return
    _all_or_nothing(services, lambda: services.workload_imports.import_tasks_data(data, "f.csv", fmt))


ICS_LINES = st.one_of(
    st.sampled_from(
        [
            "BEGIN:VEVENT",
            "END:VEVENT",
            "UID:a@x",
            "UID:b@x",
            "SUMMARY:Sync",
            "SUMMARY:Holiday",
            "DTSTART:20261201T090000Z",
            "DTEND:20261201T100000Z",
            "DTSTART;VALUE=DATE:20261225",
            "DTSTART:00010101T000000Z",
            "DTEND:99991231T235959Z",
            "DTSTART;TZID=Not/AZone:20261201T090000",
            "RRULE:FREQ=SECONDLY",
            "RRULE:FREQ=MINUTELY;COUNT=99999999",
            "RRULE:FREQ=DAILY;UNTIL=99991231",
            "RRULE:FREQ=WEEKLY;BYDAY=MO, TU",
            "RRULE:FREQ=YEARLY;INTERVAL=0",
            "EXDATE:20261202T090000Z",
            "RECURRENCE-ID:20261203T090000Z",
            "DURATION:PT1H",
            "DURATION:-P1D",
            "STATUS:CANCELLED",
            "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
            "BEGIN:VTIMEZONE",
            "END:VTIMEZONE",
        ]
    ),
    hostile_text.map(lambda text: "X-NOTE:" + text),
)


@given(st.lists(ICS_LINES, max_size=14), st.binary(max_size=20))
@FUZZ
def test_calendar_files(services: Services, lines: list[str], junk: bytes) -> None:
    text = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fuzz//EN", *lines, "END:VCALENDAR"])
    data = text.encode("utf-8", "surrogatepass") + junk
    _all_or_nothing(services, lambda: services.workload_imports.import_calendar_data(data, "f.ics"))


JOB_KEYS = ["@type", "title", "description", "hiringOrganization", "datePosted", "validThrough", "jobLocation",
            "baseSalary", "employmentType", "url", "identifier", "jobLocationType"]  # fmt: skip


@given(
    st.sampled_from(["jsonld", "csv", "text"]),
    st.dictionaries(st.sampled_from(JOB_KEYS), hostile_json, max_size=8),
    st.lists(hostile_text, max_size=6),
)
@FUZZ
def test_posting_files(services: Services, kind: str, node: dict[str, Any], lines: list[str]) -> None:
    if kind == "jsonld":
        text = json.dumps({"@context": "https://schema.org", "@type": "JobPosting", **node})
    elif kind == "csv":
        text = _csv(["title", "company", "description", "location", "salary", "remote"], [lines]).decode()
    else:
        text = "\n".join(lines)
    matching = services.fit_matching
    _all_or_nothing(services, lambda: matching.import_text(text, kind, "f", wait=False))


@given(st.sampled_from(["tasks", "colleagues", "owner_settings"]), st.text(max_size=20), hostile_json)
@FUZZ
def test_workspace_imports(services: Services, table: str, field: str, value: Any) -> None:
    """`onward import`: a real export with one value changed to anything."""
    if not services.export()["tables"]["tasks"]:
        services.workload.tasks.add_task("Draft grant report", effort_hours=3.0)
        services.workload.handoffs.add_colleague("Sam", weekly_limit_hours=4.0)
        services.preferences.set("name", "Alex")
    data = services.export()
    rows = data["tables"][table]
    if rows:
        key = field if field and field in rows[0] and field != "id" else next(iter(rows[0]))
        rows[0][key] = value
    text = json.dumps(data)
    _all_or_nothing(services, lambda: services.import_(json.loads(text), merge=True))
