"""LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data), with or without the "Notes:"
preamble a raw export starts with. Pure functions over text.

Columns: First Name, Last Name, URL, Email Address, Company, Position, Connected On. A raw export dates
connections "09 Oct 2024"; a file re-saved by Excel loses the preamble and dates them "6-Feb-26". Names may carry
emoji, trailing spaces or a stray tab, so every field is trimmed. A row with neither a name nor a profile URL
(an account since closed) has nothing to keep and is left out with the reason; a date that reads as no date
refuses the whole file, naming the line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from onward.errors import BadInput
from onward.network.schemas import ContactRecord, Refusal
from onward.network.vcard import linkedin_key

COLUMNS = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
DATE_FORMATS = ("%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%d %B %Y")


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def parse_date(value: str) -> dt.date | None:
    """Return the date of "09 Oct 2024", "6-Feb-26" or "2024-10-09"; None for an empty cell; raise for others."""
    text = _clean(value)
    if not text:
        return None
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date like 09 Oct 2024")


def read_connections(text: str, name: str) -> tuple[list[ContactRecord], list[Refusal]]:
    """Return the connections in a LinkedIn export and the rows left out (with why)."""
    lines = text.splitlines()
    header_at = next((i for i, line in enumerate(lines) if line.lstrip("\ufeff").startswith("First Name,")), None)
    if header_at is None:
        raise BadInput(f"{name}: not a LinkedIn Connections.csv (no header line starting 'First Name,Last Name,URL')")
    reader = csv.DictReader(io.StringIO("\n".join(lines[header_at:])), strict=True)
    fields = [_clean(f) for f in reader.fieldnames or []]
    missing = [c for c in ("First Name", "Last Name", "URL") if c not in fields]
    if missing:
        raise BadInput(f"{name}: the header has no column {', '.join(missing)}")
    reader.fieldnames = fields
    records: list[ContactRecord] = []
    refused: list[Refusal] = []
    try:
        for offset, row in enumerate(reader, start=1):
            where = f"line {header_at + 1 + offset}"
            if None in row:
                raise BadInput(f"{name}, {where}: more cells than the header has columns")
            person = _clean(f"{row.get('First Name') or ''} {row.get('Last Name') or ''}")
            url = _clean(row.get("URL"))
            email = _clean(row.get("Email Address"))
            if not person and not url and not email:
                if any(_clean(v) for v in row.values()):
                    refused.append(Refusal(where, "no name, profile link or e-mail: nothing to keep"))
                continue
            try:
                connected = parse_date(row.get("Connected On") or "")
            except ValueError as error:
                raise BadInput(f"{name}, {where}: Connected On {error}") from None
            records.append(
                ContactRecord(
                    name=(person or email or url)[:200],
                    where=where,
                    emails=[email] if "@" in email else [],
                    organisation=_clean(row.get("Company"))[:200],
                    role=_clean(row.get("Position"))[:200],
                    how_met="Connected on LinkedIn",
                    met_on=connected,
                    external_ids=["linkedin:" + linkedin_key(url)] if url else [],
                )
            )
    except csv.Error as error:
        raise BadInput(f"{name}, line {reader.line_num + header_at}: {error}") from None
    return records, refused
