"""Read task files from other tools into `ImportedTask`s: pure parsing, no database.

Formats (each parser raises `BadInput` at the first bad record, naming the file, the position and the reason):

- **taskwarrior**: the JSON that `task export` writes (a JSON array; older versions wrote one object per line).
  `project` becomes the responsibility; `priority` H/M/L becomes importance 5/3/1 and no priority Onward's
  default 3; `due`, `entry`, `end` (UTC, `YYYYMMDDTHHMMSSZ`) become dates in the user's time zone; status
  pending → open (waiting when `wait` is still ahead), waiting → waiting, completed → done, deleted →
  dropped. Recurring *templates* (status `recurring`) are skipped: their pending instances, which
  Taskwarrior creates, are the work, and carry the recurrence. An `estimate` UDA gives the effort hours
  (a bare number counts in hours, or in minutes when the import says so, since the exporting .taskrc may
  define the UDA in minutes; or a duration such as `PT3H`, `PT1H30M`, `3h`, `90min`). `depends` (a list, or a
  comma-separated string before Taskwarrior 2.6) names other tasks by uuid.
- **todoist**: the CSV that Todoist exports for a project (TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,
  RESPONSIBLE,DATE,DATE_LANG,TIMEZONE[,DURATION,DURATION_UNIT,DEADLINE,DEADLINE_LANG]). `section` rows name
  the responsibility of the tasks below them (tasks above the first section take the file's name);
  `note` rows become annotations of the task above. In this CSV PRIORITY 1 is Todoist's p1, the highest,
  and 4 is p4, "no priority" (Todoist's help: "Format a CSV file to import into Todoist"; its REST API is the
  reverse). p1 → 5, p2 → 4, p3 → 2, p4 or empty → 3: p4 is what every task has until someone marks it,
  so it is Onward's default, while p3 is a deliberate "low". `@labels` in CONTENT become tags. DEADLINE,
  when set, is the due date, else DATE; a DATE of the form `every …` is a recurrence, not a due date.
  DURATION in minutes or days gives the effort hours. Todoist writes dates of the export's own year
  without the year ("Dec 5"); those are read as the such day nearest the latest full date in the file
  (so a years-old export keeps its own year), or, when the file has no full dates, the next such day from
  today. The import result says which reference was used.
- **csv**: a plain CSV with a header and the columns title,responsibility,due,effort_hours,importance
  (only title is required; commas or semicolons).

Effort written in days or weeks counts 8 working hours a day, 5 days a week (`1d` of effort is a working day).
External ids are stable so re-importing a file adds nothing: the Taskwarrior uuid; for Todoist, which
exports no ids, a hash of the section, the parent tasks and the title (not the date, so moving a date in
Todoist updates the task instead of adding a second one); for the plain CSV, a hash of title,
responsibility and due. A second identical record in the same file gets `#2` appended.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from onward import fields
from onward.errors import BadInput

if TYPE_CHECKING:
    from onward.workload.files.tasks_csv import YearReference

FORMATS = ("taskwarrior", "todoist", "csv")
# The unit of a bare number in Taskwarrior's `estimate` UDA: the .taskrc that defines the UDA says which.
ESTIMATE_UNITS = ("hours", "minutes")
WORKDAY_HOURS = 8.0
WORKWEEK_DAYS = 5
TITLE_MAX = 500
NAME_MAX = 200
CSV_COLUMNS = ("title", "responsibility", "due", "effort_hours", "importance")
TODOIST_SIGNATURE = ("TYPE", "CONTENT")

TASKWARRIOR_IMPORTANCE = {"H": 5, "M": 3, "L": 1}
TODOIST_IMPORTANCE = {1: 5, 2: 4, 3: 2, 4: 3}
TASKWARRIOR_STATUS = {"pending": "open", "waiting": "waiting", "completed": "done", "deleted": "dropped"}


@dataclass(slots=True)
class ImportedTask:
    """One task read from a file, in Onward's words, before it meets the database."""

    source: str
    external_id: str
    title: str
    responsibility: str | None = None
    notes: str = ""
    due: dt.date | None = None
    effort_hours: float | None = None
    importance: int = 3
    status: str = "open"
    entered: dt.date | None = None
    completed: dt.date | None = None
    tags: list[str] = field(default_factory=list)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    recurrence: str | None = None
    depends_on: list[str] = field(default_factory=list)  # external ids of tasks in the same source


# ---- shared helpers ----


def decode(data: bytes, filename: str) -> str:
    """Return the file's text (UTF-8, with or without a byte-order mark), or raise BadInput."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInput(f"{filename}: not UTF-8 text (byte {error.start} cannot be read)") from None


def guess_format(filename: str, head: str) -> str:
    """Return the format a file is in, from its extension and (for CSV) its header."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".json", ".ndjson", ".jsonl"):
        return "taskwarrior"
    if suffix in (".csv", ".tsv", ".txt"):
        first = head.lstrip("\ufeff").split("\n", 1)[0].upper().replace('"', "")
        return "todoist" if first.startswith(",".join(TODOIST_SIGNATURE)) else "csv"
    raise BadInput(f"{filename}: cannot tell the format from the name; say --format taskwarrior, todoist or csv")


def parse_tasks(
    text: str,
    filename: str,
    fmt: str,
    *,
    zone: dt.tzinfo,
    today: dt.date,
    year_reference: YearReference | None = None,
    estimate_unit: str = "hours",
) -> list[ImportedTask]:
    """Return the tasks in `text` read as `fmt` (taskwarrior | todoist | csv).

    `year_reference` is what a Todoist file's dates without a year are read against (worked out from the
    file when not given; see `tasks_csv.year_reference`). `estimate_unit` (hours | minutes) is what a bare
    number in Taskwarrior's `estimate` means.
    """
    from onward.workload.files import tasks_csv

    parsers: dict[str, Callable[[], list[ImportedTask]]] = {
        "taskwarrior": lambda: parse_taskwarrior(text, filename, zone=zone, today=today, estimate_unit=estimate_unit),
        "todoist": lambda: tasks_csv.parse_todoist(text, filename, today=today, reference=year_reference),
        "csv": lambda: tasks_csv.parse_plain_csv(text, filename),
    }
    if fmt not in parsers:
        raise BadInput(f"unknown format '{fmt}'; choose taskwarrior, todoist or csv")
    return parsers[fmt]()


_ISO_DURATION = re.compile(
    r"^P(?:(?P<weeks>\d+(?:\.\d+)?)W)?(?:(?P<days>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$"
)
_UNIT_DURATION = re.compile(r"^(?P<number>\d+(?:[.,]\d+)?)\s*(?P<unit>[a-z]*)$")
_UNIT_HOURS = {
    "": 1.0,
    "h": 1.0,
    "hr": 1.0,
    "hrs": 1.0,
    "hour": 1.0,
    "hours": 1.0,
    "m": 1 / 60,
    "min": 1 / 60,
    "mins": 1 / 60,
    "minute": 1 / 60,
    "minutes": 1 / 60,
    "d": WORKDAY_HOURS,
    "day": WORKDAY_HOURS,
    "days": WORKDAY_HOURS,
    "w": WORKDAY_HOURS * WORKWEEK_DAYS,
    "wk": WORKDAY_HOURS * WORKWEEK_DAYS,
    "week": WORKDAY_HOURS * WORKWEEK_DAYS,
    "weeks": WORKDAY_HOURS * WORKWEEK_DAYS,
}


def hours_of(value: Any) -> float:
    """Return hours from a number of hours or a duration (`PT1H30M`, `P1D`, `3h`, `90min`); raise ValueError."""
    if isinstance(value, bool):
        raise ValueError("not a duration")
    if isinstance(value, int | float):
        return _checked_hours(float(value))
    return _hours_of_text(str(value).strip())


_BARE_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def estimate_hours(value: Any, unit: str) -> float:
    """Return the hours of a Taskwarrior `estimate`: a bare number counts in `unit` (hours | minutes).

    A duration that names its unit (`PT90M`, `3h`, `90min`) means what it says whatever `unit` is.
    """
    bare = isinstance(value, int | float) and not isinstance(value, bool)
    if unit == "minutes" and (bare or _BARE_NUMBER.match(str(value).strip())):
        return hours_of(f"{str(value).strip()}min")
    return hours_of(value)


@functools.lru_cache(maxsize=1024)
def _hours_of_text(text: str) -> float:
    """Return the hours a duration string says (cached: a big export repeats a few estimates many times)."""
    iso = _ISO_DURATION.match(text.upper())
    if iso and text.upper() not in ("P", "PT"):
        parts = {k: float(v) for k, v in iso.groupdict(default="0").items()}
        hours = (
            (parts["weeks"] * WORKWEEK_DAYS + parts["days"]) * WORKDAY_HOURS
            + parts["hours"]
            + parts["minutes"] / 60
            + parts["seconds"] / 3600
        )
    else:
        unit = _UNIT_DURATION.match(text.lower())
        if not unit or unit["unit"] not in _UNIT_HOURS:
            raise ValueError("not a duration")
        try:  # "1,5h" is 1.5 hours; "1,200" could be 1.2 or 1200, so it is refused (onward.fields)
            hours = fields.hours(unit["number"], "hours") * _UNIT_HOURS[unit["unit"]]
        except BadInput as error:
            raise ValueError(error.message) from None
    return _checked_hours(hours)


def _checked_hours(hours: float) -> float:
    if hours < 0 or hours != hours or hours > 10_000:
        raise ValueError("not a sensible number of hours")
    return round(hours, 4)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def title_and_notes(title: str, notes: str) -> tuple[str, str]:
    """Return a title that fits the store, moving an over-long one whole into the notes."""
    title = " ".join(title.split())
    if len(title) <= TITLE_MAX:
        return title, notes
    return clip(title, TITLE_MAX), (title + ("\n\n" + notes if notes else ""))


def stable_id(*parts: str | None) -> str:
    joined = "\x1f".join(part or "" for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:24]


def unique_id(external_id: str, seen: dict[str, int]) -> str:
    """Return `external_id`, with `#n` appended when the same record already came earlier in the file."""
    seen[external_id] = seen.get(external_id, 0) + 1
    count = seen[external_id]
    return external_id if count == 1 else f"{external_id}#{count}"


# ---- Taskwarrior ----

_TW_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$")


def taskwarrior_datetime(value: Any) -> dt.datetime:
    """Return an aware datetime from Taskwarrior's `20261204T000000Z`, ISO 8601 or epoch seconds (which
    Taskwarrior's own import accepts too); raise ValueError."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_epoch(value)
    text = str(value).strip()
    if text.isdigit() and 9 <= len(text) <= 11:  # 8 digits are YYYYMMDD
        return _from_epoch(int(text))
    if len(text) == 16 and text[8] == "T" and text[15] == "Z" and text[:8].isdigit() and text[9:15].isdigit():
        # The form every `task export` writes; read without a regex, since a big export holds 100,000 of them.
        return dt.datetime(
            int(text[:4]),
            int(text[4:6]),
            int(text[6:8]),
            int(text[9:11]),
            int(text[11:13]),
            int(text[13:15]),
            tzinfo=dt.UTC,
        )
    match = _TW_DATE.match(text)
    if not match:
        raise ValueError("not a Taskwarrior date")
    year, month, day, hour, minute, second, offset = match.groups()
    moment = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    if offset in (None, "Z"):
        return moment.replace(tzinfo=dt.UTC)
    sign = 1 if offset[0] == "+" else -1
    digits = offset[1:].replace(":", "")
    delta = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return moment.replace(tzinfo=dt.timezone(sign * delta))


def _from_epoch(seconds: float) -> dt.datetime:
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError("epoch seconds out of range") from None


_UNSEEN_DAY: Any = object()


class LocalDates:
    """Turns Taskwarrior's UTC timestamps into dates in the user's zone, fast: a big export holds 60,000 of them.

    The zone's offset is looked up once per UTC day (and the slow, exact way on days when it changes).
    """

    def __init__(self, zone: dt.tzinfo) -> None:
        self.zone = zone
        # UTC day (YYYYMMDD) → (the day before, the day, the day after, the zone's offset in minutes),
        # or None when the clocks change that day.
        self.days: dict[str, tuple[dt.date, dt.date, dt.date, int] | None] = {}

    def __call__(self, value: Any) -> dt.date:
        """Return the local date of a Taskwarrior timestamp; raise ValueError when it is not one."""
        text = value if isinstance(value, str) else str(value)
        if len(text) == 16 and text[8] == "T" and text[15] == "Z" and text[9:15].isdigit():
            key = text[:8]
            known: tuple[dt.date, dt.date, dt.date, int] | None = self.days.get(key, _UNSEEN_DAY)
            if known is _UNSEEN_DAY:
                known = self.days[key] = self._day(key)
            hour, minute = int(text[9:11]), int(text[11:13])
            if known is not None and hour < 24 and minute < 60:
                before, day, after, offset = known
                minutes = hour * 60 + minute + offset  # local minutes since the UTC day's midnight
                return day if 0 <= minutes < 1440 else (before if minutes < 0 else after)
        return taskwarrior_datetime(text).astimezone(self.zone).date()

    def _day(self, key: str) -> tuple[dt.date, dt.date, dt.date, int] | None:
        try:
            day = dt.date(int(key[:4]), int(key[4:6]), int(key[6:8]))
        except ValueError:
            return None
        start = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
        first = start.astimezone(self.zone).utcoffset()
        last = (start + dt.timedelta(hours=23, minutes=59)).astimezone(self.zone).utcoffset()
        if first is None or first != last:
            return None  # the clocks change that day: convert each timestamp exactly
        one = dt.timedelta(days=1)
        try:
            return day - one, day, day + one, int(first.total_seconds() // 60)
        except OverflowError:  # 0001-01-01 or 9999-12-31: the exact way says what it says
            return None


def _json_records(text: str, filename: str) -> list[Any]:
    stripped = text.strip()
    if not stripped:
        return []
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as error:
        if not stripped.startswith("{"):
            raise BadInput(f"{filename}: not JSON ({error})") from None
        data = None
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        return [data]
    # Before 2.4 (and with json.array=off) `task export` wrote one object per line, commas optional.
    records = []
    for number, line in enumerate(stripped.splitlines(), start=1):
        line = line.strip().rstrip(",")
        if not line:
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise BadInput(f"{filename} line {number}: not JSON ({error.msg})") from None
    return records


def parse_taskwarrior(
    text: str, filename: str, *, zone: dt.tzinfo, today: dt.date, estimate_unit: str = "hours"
) -> list[ImportedTask]:
    """Return the tasks of a `task export` file (see the module docstring for the mapping)."""
    if estimate_unit not in ESTIMATE_UNITS:
        raise BadInput(f"unknown estimate unit '{estimate_unit}'; choose hours or minutes")
    by_uuid: dict[str, ImportedTask] = {}
    positions: dict[str, int] = {}
    records = _TaskwarriorRecords(filename, LocalDates(zone), today, estimate_unit)
    for index, record in enumerate(_json_records(text, filename), start=1):
        task = records.task(record, index)
        if task is not None:
            # One file holding one uuid twice is two different tasks or a broken export: which one to keep
            # is not ours to guess (it was silently the later one before), so the file is refused.
            if task.external_id in positions:
                raise BadInput(
                    f"{filename} record {index} (uuid {task.external_id}): the same uuid as record "
                    f"{positions[task.external_id]}; a file may hold each task once"
                )
            positions[task.external_id] = index
            by_uuid[task.external_id] = task
    return list(by_uuid.values())


class _TaskwarriorRecords:
    """Reads one file's records into tasks. Made once per file: what repeats across 20,000 records (the few
    estimates and projects) is worked out once, and a record's place is written out only when it is bad."""

    def __init__(self, filename: str, local_date: LocalDates, today: dt.date, estimate_unit: str) -> None:
        self.filename, self.local_date, self.today, self.estimate_unit = filename, local_date, today, estimate_unit
        self.estimates: dict[str, float] = {}  # estimate text → hours (text only: True == 1 as a key)
        self.projects: dict[str, str] = {}  # project text → responsibility name

    def fail(self, index: int, uuid: str, reason: str) -> BadInput:
        where = f"{self.filename} record {index}" + (f" (uuid {uuid})" if uuid else "")
        return BadInput(f"{where}: {reason}")

    def date_of(self, record: dict[str, Any], key: str, index: int, uuid: str) -> dt.date | None:
        value = record.get(key)
        if value in (None, ""):
            return None
        try:
            return self.local_date(value)
        except ValueError:
            raise self.fail(index, uuid, f"'{key}' is not a date (got {value!r})") from None

    def effort(self, value: Any, index: int, uuid: str) -> float:
        known = self.estimates.get(value) if type(value) is str else None
        if known is not None:
            return known
        try:
            hours = estimate_hours(value, self.estimate_unit)
        except ValueError:
            raise self.fail(
                index, uuid, f"'estimate' is not a number of {self.estimate_unit} or a duration (got {value!r})"
            ) from None
        if type(value) is str:
            self.estimates[value] = hours
        return hours

    def responsibility(self, project: Any) -> str:
        known = self.projects.get(project) if type(project) is str else None
        if known is None:
            known = clip(" ".join(str(project).split()), NAME_MAX)
            if type(project) is str:
                self.projects[project] = known
        return known

    def task(self, record: Any, index: int) -> ImportedTask | None:
        if not isinstance(record, dict):
            raise BadInput(f"{self.filename} record {index}: expected a task object, got {type(record).__name__}")
        uuid = str(record.get("uuid") or "").strip()
        if not uuid:
            raise self.fail(index, uuid, "it has no uuid")
        if len(uuid) > 200:
            raise self.fail(index, uuid, "its uuid is longer than 200 characters")
        status = str(record.get("status") or "pending")
        if status == "recurring":
            return None
        if status not in TASKWARRIOR_STATUS:
            raise self.fail(
                index, uuid, f"unknown status '{status}' (expected pending, waiting, completed, deleted or recurring)"
            )
        description = record.get("description")
        if not isinstance(description, str) or not description.strip():
            raise self.fail(index, uuid, "it has no description")

        priority = record.get("priority")
        if priority in (None, ""):
            importance = 3
        elif str(priority).upper() in TASKWARRIOR_IMPORTANCE:
            importance = TASKWARRIOR_IMPORTANCE[str(priority).upper()]
        else:
            raise self.fail(index, uuid, f"'priority' must be H, M or L (got {priority!r})")

        estimate = record.get("estimate")
        effort = None if estimate in (None, "") else self.effort(estimate, index, uuid)

        onward_status = TASKWARRIOR_STATUS[status]
        if "wait" in record:
            wait = self.date_of(record, "wait", index, uuid)
            if onward_status == "open" and wait is not None and wait > self.today:
                onward_status = "waiting"

        tags = record.get("tags") or []
        if isinstance(tags, str):  # very old exports: a comma-separated string
            tags = [tag for tag in tags.split(",") if tag]
        if not isinstance(tags, list):
            raise self.fail(index, uuid, "'tags' must be a list")

        annotations = []
        for note in record.get("annotations") or []:
            if not isinstance(note, dict) or not isinstance(note.get("description"), str):
                raise self.fail(index, uuid, "an annotation has no description")
            try:
                entered = self.local_date(note["entry"]) if note.get("entry") else None
            except ValueError:
                raise self.fail(
                    index, uuid, f"an annotation's 'entry' is not a date (got {note.get('entry')!r})"
                ) from None
            annotations.append({"date": entered.isoformat() if entered else None, "text": note["description"]})

        depends = record.get("depends") or []
        if isinstance(depends, str):  # before 2.6: "uuid1,uuid2"
            depends = [part.strip() for part in depends.split(",") if part.strip()]
        if not isinstance(depends, list) or not all(isinstance(d, str) for d in depends):
            raise self.fail(index, uuid, "'depends' must list task uuids")

        project = record.get("project")
        title, notes = title_and_notes(description, "")
        return ImportedTask(
            source="taskwarrior",
            external_id=uuid,
            title=title,
            notes=notes,
            responsibility=self.responsibility(project) if project else None,
            due=self.date_of(record, "due", index, uuid),
            effort_hours=effort,
            importance=importance,
            status=onward_status,
            entered=self.date_of(record, "entry", index, uuid),
            completed=self.date_of(record, "end", index, uuid) if onward_status in ("done", "dropped") else None,
            tags=[str(tag) for tag in tags],
            annotations=annotations,
            recurrence=clip(str(record["recur"]), 100) if record.get("recur") else None,
            depends_on=[d for d in depends if d != uuid] if depends else [],
        )
