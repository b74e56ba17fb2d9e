"""A plain CSV of contacts, as a spreadsheet would hold them. Pure functions over text.

The first row names the columns, in any order and any case: name (or first name + last name), email (several
separated by ";"), phone, organisation (or company), role (or title, position), how met, met on (YYYY-MM-DD), tags
(separated by ";" or ","), notes, relationship, cadence days, support (yes/no). Columns it does not know are
named in the result and left alone. A bad value refuses the whole file, naming the line and the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from onward.errors import BadInput
from onward.network.models import RELATIONSHIPS
from onward.network.schemas import ContactRecord, Refusal

ALIASES = {
    "name": "name",
    "full name": "name",
    "first name": "first",
    "last name": "last",
    "email": "emails",
    "emails": "emails",
    "e-mail": "emails",
    "email address": "emails",
    "phone": "phones",
    "phones": "phones",
    "organisation": "organisation",
    "organization": "organisation",
    "company": "organisation",
    "role": "role",
    "title": "role",
    "position": "role",
    "how met": "how_met",
    "how we met": "how_met",
    "met on": "met_on",
    "tags": "tags",
    "notes": "notes",
    "relationship": "relationship",
    "cadence days": "cadence_days",
    "keep in touch every": "cadence_days",
    "support": "support",
}


def _split(value: str, *separators: str) -> list[str]:
    for sep in separators[1:]:
        value = value.replace(sep, separators[0])
    return list(dict.fromkeys(part.strip() for part in value.split(separators[0]) if part.strip()))


def read_contacts_csv(text: str, name: str) -> tuple[list[ContactRecord], list[Refusal], list[str]]:
    """Return the contacts of a plain CSV, the rows left out (with why), and the columns not used."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise BadInput(f"{name}: the file is empty")
        columns = [ALIASES.get(" ".join(h.strip().lower().replace("_", " ").split())) for h in header]
        if "name" not in columns and "first" not in columns and "emails" not in columns:
            raise BadInput(f"{name}: the first line should name the columns, with at least a name or email column")
        unused = [h for h, c in zip(header, columns, strict=True) if c is None and h.strip()]
        records: list[ContactRecord] = []
        refused: list[Refusal] = []
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise BadInput(f"{name}, line {line}: more cells than the header has columns")
            values: dict[str, str] = {}
            for column, cell in zip(columns, row, strict=False):
                if column:
                    values[column] = cell.strip()
            records_or_refusal = _record(values, f"line {line}", name)
            (records if isinstance(records_or_refusal, ContactRecord) else refused).append(records_or_refusal)  # type: ignore[arg-type]
    except csv.Error as error:
        raise BadInput(f"{name}, line {reader.line_num}: {error}") from None
    return records, refused, unused


def _record(values: dict[str, str], where: str, name: str) -> ContactRecord | Refusal:
    person = values.get("name") or " ".join(p for p in (values.get("first", ""), values.get("last", "")) if p)
    emails = _split(values.get("emails", ""), ";", ",")
    bad = [e for e in emails if "@" not in e]
    if bad:
        raise BadInput(f"{name}, {where}: email '{bad[0]}' is not an e-mail address")
    if not person and not emails:
        return Refusal(where, "no name and no e-mail address: nothing to keep")
    met_on = None
    if values.get("met_on"):
        try:
            met_on = dt.date.fromisoformat(values["met_on"])
        except ValueError:
            raise BadInput(f"{name}, {where}: met on '{values['met_on']}' is not a date like 2024-10-09") from None
    cadence = None
    if values.get("cadence_days"):
        text = values["cadence_days"]
        if not text.isdigit() or int(text) < 1:
            raise BadInput(f"{name}, {where}: cadence days '{text}' is not a whole number of days (1 or more)")
        cadence = int(text)
    relationship = values.get("relationship", "").lower()
    if relationship and relationship not in RELATIONSHIPS:
        raise BadInput(f"{name}, {where}: relationship '{relationship}' is not one of {', '.join(RELATIONSHIPS)}")
    support = values.get("support", "").lower()
    if support not in ("", "yes", "no", "true", "false", "1", "0"):
        raise BadInput(f"{name}, {where}: support '{support}' should be yes or no")
    return ContactRecord(
        name=(person or emails[0])[:200],
        where=where,
        emails=emails,
        phones=_split(values.get("phones", ""), ";"),
        organisation=values.get("organisation", "")[:200],
        role=values.get("role", "")[:200],
        how_met=values.get("how_met", "")[:500],
        met_on=met_on,
        tags=_split(values.get("tags", ""), ";", ","),
        notes=values.get("notes", ""),
        relationship=relationship,
        cadence_days=cadence,
        support=support in ("yes", "true", "1"),
    )
