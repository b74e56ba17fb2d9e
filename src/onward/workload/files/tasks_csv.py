"""The CSV task formats: Todoist's project export and a plain title,responsibility,due,… file.

The mapping of each is described in `onward.workload.files.tasks`, which dispatches here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath

from onward.errors import BadInput
from onward.workload.files.tasks import (
    CSV_COLUMNS,
    NAME_MAX,
    TODOIST_IMPORTANCE,
    TODOIST_SIGNATURE,
    ImportedTask,
    clip,
    hours_of,
    stable_id,
    title_and_notes,
    unique_id,
)


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number where the record starts, cells) for each record, multi-line cells included."""
    # strict: a quote left open is an error ("unexpected end of data"), not the rest of the file in one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    for row in reader:
        yield line, row
        line = reader.line_num + 1


def _csv_failure(filename: str, error: csv.Error, line: int) -> BadInput:
    return BadInput(f"{filename} line {line}: not readable as CSV ({error})")


_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
# "at 5pm", "17:00", "5 pm" after the day: the time of day does not matter for a due date.
_TIME_TAIL = re.compile(r"\s+(?:at\s+\S.*|\d{1,2}:\d{2}\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm))$", re.IGNORECASE)


def _date_parts(text: str) -> tuple[int | None, int, int]:
    """Return (year or None, month, day) of a Todoist DATE cell; raise ValueError when it is not a date."""
    value = text.strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        return int(iso[1]), int(iso[2]), int(iso[3])
    value = _TIME_TAIL.sub("", value).replace(",", " ").lower()
    month = day = year = None
    for word in value.split():
        if word[:3] in _MONTHS and month is None:
            month = _MONTHS[word[:3]]
        elif word.rstrip(".").isdigit() and len(word.rstrip(".")) == 4:
            year = int(word.rstrip("."))
        elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?\.?", word) and day is None:
            day = int(re.sub(r"\D", "", word))
        else:
            raise ValueError("not a date")
    if month is None or day is None:
        raise ValueError("not a date")
    dt.date(year or 2000, month, day)  # raises ValueError for a day the month does not have
    return year, month, day


def todoist_date(text: str, today: dt.date, *, near: dt.date | None = None) -> dt.date:
    """Return the date in a Todoist DATE cell (`2026-12-04`, `2026-12-04T17:00:00`, `Dec 4`, `4 Dec 2026`, …).

    A day and month without a year is, with `near` (a date the file itself holds), the such day nearest to it:
    Todoist leaves the year out of dates in the year the file was exported, so an old export's "Dec 5" belongs
    to that year, not to the next December from today. Without `near` it is the next such day from today.
    Raises ValueError for anything else.
    """
    year, month, day = _date_parts(text)
    if year is not None:
        return dt.date(year, month, day)
    if near is not None:
        candidates = []
        for y in (near.year - 1, near.year, near.year + 1):
            try:
                candidates.append(dt.date(y, month, day))
            except ValueError:  # 29 February outside a leap year
                continue
        return min(candidates, key=lambda day_: (abs((day_ - near).days), day_))
    return _this_or_next(today, month, day)


def _this_or_next(today: dt.date, month: int, day: int) -> dt.date:
    for year in range(today.year, today.year + 9):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise ValueError("not a date")


@dataclass(slots=True)
class YearReference:
    """What a Todoist file's dates without a year were read against: the file's latest full date, or today."""

    date: dt.date
    source: str  # "file" | "today"


def year_reference(text: str, today: dt.date) -> YearReference | None:
    """Return what the file's dates without a year are read against, or None when it has no such dates.

    The latest full date (one with a year) in the DATE and DEADLINE cells, when there is one, else today.
    A cell that cannot be read is left to the parse proper, which names it.
    """
    latest: dt.date | None = None
    yearless = False
    rows = _csv_rows(text, ",")
    try:
        _, header = next(rows)
        columns = [cell.strip().upper() for cell in header]
        wanted = [columns.index(name) for name in ("DATE", "DEADLINE") if name in columns]
        for _, cells in rows:
            for index in wanted:
                cell = cells[index].strip() if index < len(cells) else ""
                if not cell or cell.lower().startswith(("every", "ev ")):
                    continue
                try:
                    year, month, day = _date_parts(cell)
                except ValueError:
                    continue
                if year is None:
                    yearless = True
                else:
                    full = dt.date(year, month, day)
                    latest = full if latest is None or full > latest else latest
    except (StopIteration, csv.Error):
        pass
    if not yearless:
        return None
    return YearReference(latest, "file") if latest is not None else YearReference(today, "today")


_LABEL = re.compile(r"(?:(?<=\s)|^)@([\w\-/.]+)")


def parse_todoist(
    text: str, filename: str, *, today: dt.date, reference: YearReference | None = None
) -> list[ImportedTask]:
    """Return the tasks of a Todoist project CSV export (see the module docstring for the mapping).

    `reference` is what dates without a year are read against (`year_reference` of the text when not given).
    """
    reference = reference or year_reference(text, today)
    near = reference.date if reference is not None and reference.source == "file" else None
    rows = _csv_rows(text, ",")
    try:
        header_line, header = next(rows)
    except StopIteration:
        return []
    except csv.Error as error:
        raise _csv_failure(filename, error, 1) from None
    columns = [cell.strip().upper() for cell in header]
    if not all(name in columns for name in TODOIST_SIGNATURE):
        raise BadInput(f"{filename} line {header_line}: not a Todoist export (the header has no TYPE and CONTENT)")
    project = PurePath(filename).stem
    section: str | None = None
    parents: list[str] = []  # titles of the open parent tasks, by indent
    tasks: list[ImportedTask] = []
    seen: dict[str, int] = {}
    line = header_line
    try:
        for line, cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            row = dict(zip(columns, (cell.strip() for cell in cells), strict=False))

            def fail(reason: str, line: int = line) -> BadInput:
                return BadInput(f"{filename} line {line}: {reason}")

            kind = row.get("TYPE", "").lower()
            content = row.get("CONTENT", "")
            if kind == "section":
                section = clip(content, NAME_MAX) or None
                parents = []
            elif kind == "note":
                if not tasks:
                    raise fail("a note with no task above it")
                tasks[-1].annotations.append({"date": None, "text": content})
            elif kind == "task":
                tasks.append(_todoist_task(row, project, section, parents, seen, today, near, fail))
            elif kind != "meta":
                raise fail(f"unknown TYPE '{row.get('TYPE', '')}' (expected task, section, note or meta)")
    except csv.Error as error:
        raise _csv_failure(filename, error, line) from None
    return tasks


def _todoist_task(
    row: dict[str, str],
    project: str,
    section: str | None,
    parents: list[str],
    seen: dict[str, int],
    today: dt.date,
    near: dt.date | None,
    fail: Callable[[str], BadInput],
) -> ImportedTask:
    content = row.get("CONTENT", "")
    tags = _LABEL.findall(content)
    title = " ".join(_LABEL.sub("", content).split())
    if not title:
        raise fail("a task with no CONTENT")
    priority_text = row.get("PRIORITY", "")
    if priority_text in ("", "0"):
        importance = 3
    elif priority_text in ("1", "2", "3", "4"):
        importance = TODOIST_IMPORTANCE[int(priority_text)]
    else:
        raise fail(f"PRIORITY must be 1 (highest) to 4 (got {priority_text!r})")
    indent_text = row.get("INDENT", "") or "1"
    if not indent_text.isdigit() or int(indent_text) < 1:
        raise fail(f"INDENT must be 1 or more (got {indent_text!r})")
    indent = int(indent_text)
    del parents[indent - 1 :]
    path = list(parents)
    parents.append(title)

    due = recurrence = None
    date_text = row.get("DATE", "")
    if date_text.lower().startswith(("every", "ev ")):  # Todoist's shorthand: "ev sun", "ev 2 weeks"
        recurrence = clip(date_text, 100)
    elif date_text:
        try:
            due = todoist_date(date_text, today, near=near)
        except ValueError:
            raise fail(f"DATE is not a date Onward can read (got {date_text!r}; write it as YYYY-MM-DD)") from None
    deadline = row.get("DEADLINE", "")
    if deadline:
        try:
            due = todoist_date(deadline, today, near=near)
        except ValueError:
            raise fail(f"DEADLINE is not a date (got {deadline!r})") from None

    effort = None
    duration = row.get("DURATION", "")
    if duration:
        unit = row.get("DURATION_UNIT", "minute").lower() or "minute"
        try:
            effort = hours_of(f"{duration}{'min' if unit.startswith('minute') else unit}")
        except ValueError:
            raise fail(f"DURATION is not a number of minutes or days (got {duration!r} {unit})") from None

    notes = row.get("DESCRIPTION", "")
    if path:
        notes = (notes + "\n\n" if notes else "") + "Part of: " + " › ".join(path)
    if row.get("RESPONSIBLE"):
        notes = (notes + "\n\n" if notes else "") + f"Assigned in Todoist to {row['RESPONSIBLE']}"
    responsibility = section or clip(project, NAME_MAX)
    title, notes = title_and_notes(title, notes)
    return ImportedTask(
        source="todoist",
        external_id=unique_id(stable_id(responsibility, *path, title), seen),
        title=title,
        responsibility=responsibility,
        notes=notes,
        due=due,
        effort_hours=effort,
        importance=importance,
        tags=tags,
        recurrence=recurrence,
    )


def parse_plain_csv(text: str, filename: str) -> list[ImportedTask]:
    """Return the tasks of a plain CSV with the header title,responsibility,due,effort_hours,importance."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = _csv_rows(text, delimiter)
    try:
        header_line, header = next(rows)
    except StopIteration:
        return []
    except csv.Error as error:
        raise _csv_failure(filename, error, 1) from None
    columns = [cell.strip().lower() for cell in header]
    unknown = [name for name in columns if name not in CSV_COLUMNS]
    if unknown:
        names = ", ".join(f"'{name}'" for name in unknown)
        raise BadInput(
            f"{filename} line {header_line}: unknown column{'s' if len(unknown) > 1 else ''} {names}; "
            f"the columns are {', '.join(CSV_COLUMNS)} (a header line is required)"
        )
    if "title" not in columns:
        raise BadInput(f"{filename} line {header_line}: the header needs a 'title' column")
    tasks: list[ImportedTask] = []
    seen: dict[str, int] = {}
    line = header_line
    try:
        for line, cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(columns):
                raise BadInput(f"{filename} line {line}: {len(cells)} cells but the header names {len(columns)}")
            row = dict(zip(columns, (cell.strip() for cell in cells), strict=False))
            tasks.append(_plain_task(row, seen, line, filename))
    except csv.Error as error:
        raise _csv_failure(filename, error, line) from None
    return tasks


def _plain_task(row: dict[str, str], seen: dict[str, int], line: int, filename: str) -> ImportedTask:
    def fail(reason: str) -> BadInput:
        return BadInput(f"{filename} line {line}: {reason}")

    title, notes = title_and_notes(row.get("title", ""), "")
    if not title:
        raise fail("'title' is empty")
    responsibility = clip(" ".join(row.get("responsibility", "").split()), NAME_MAX) or None
    due = None
    if row.get("due"):
        try:
            due = dt.date.fromisoformat(row["due"])
        except ValueError:
            raise fail(f"'due' is not a date (got {row['due']!r}; write it as YYYY-MM-DD)") from None
    effort = None
    if row.get("effort_hours"):
        try:
            effort = hours_of(row["effort_hours"])
        except ValueError:
            raise fail(f"'effort_hours' is not a number of hours (got {row['effort_hours']!r})") from None
    importance = 3
    if row.get("importance"):
        if row["importance"] not in ("1", "2", "3", "4", "5"):
            raise fail(f"'importance' must be a whole number from 1 to 5 (got {row['importance']!r})")
        importance = int(row["importance"])
    external_id = stable_id(title, responsibility, due.isoformat() if due else "")
    return ImportedTask(
        source="csv",
        external_id=unique_id(external_id, seen),
        title=title,
        notes=notes,
        responsibility=responsibility,
        due=due,
        effort_hours=effort,
        importance=importance,
    )
