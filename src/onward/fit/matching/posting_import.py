"""Reading job postings from CSV (columns mapped by header), schema.org JobPosting JSON-LD (files or saved
HTML pages) and pasted text. Parsing only: every record is checked before anything is stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from onward.errors import BadInput

FORMATS = ("csv", "jsonld", "text")


@dataclass
class ParsedPosting:
    """One posting as read from a file; `where` names it for messages ("postings.csv line 4")."""

    where: str
    title: str
    source: str
    company: str = ""
    location: str = ""
    description: str = ""
    url: str = ""
    external_id: str | None = None
    employment_type: str = ""
    work_mode: str | None = None
    salary: str = ""
    posted: dt.date | None = None


# ---- HTML to text ----


class _TextExtractor(HTMLParser):
    BLOCKS = frozenset({"p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "section"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Return the readable text of an HTML fragment, one line per paragraph or list item."""
    if "<" not in markup:
        return html.unescape(markup).strip()
    parser = _TextExtractor()
    parser.feed(markup)
    text = "".join(parser.parts)
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# ---- CSV ----

# Header names (lower-cased, spaces and dashes as underscores) that carry each field, best first.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "job_title", "position", "position_title", "role", "job", "name"),
    "company": ("company", "company_name", "employer", "organization", "organisation", "hiring_organization"),
    "location": ("location", "job_location", "city", "place"),
    "description": ("description", "job_description", "details", "summary", "body", "text"),
    "url": ("url", "job_posting_url", "job_url", "link", "posting_url", "application_url", "apply_url"),
    "external_id": ("job_id", "id", "posting_id", "reference", "ref", "identifier"),
    "employment_type": ("formatted_work_type", "employment_type", "work_type", "job_type", "type"),
    "work_mode": (
        "work_mode",
        "remote_allowed",
        "remote",
        "is_remote",
        "remote_work",
        "workplace_type",
        "job_location_type",
        "location_type",
        "work_from_home",
    ),
    "salary": ("salary", "pay", "compensation", "salary_range", "pay_range", "salary_estimate", "estimated_salary"),
    "posted": ("date_posted", "posted", "listed_time", "original_listed_time", "posted_date", "date"),
}


# Job boards' CSVs carry Markdown's escapes ("$20\\.00", "\\- Teach"): the backslash is not the text.
_MARKDOWN_ESCAPE = re.compile(r"\\+([\\`*_{}\[\]()#+\-.!$|>~])")


def unescape_markdown(text: str) -> str:
    return _MARKDOWN_ESCAPE.sub(r"\1", text)


def _header_key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower().lstrip("\ufeff"))


def map_csv_header(header: list[str]) -> dict[str, int]:
    """Return field → column index for the columns Onward understands (the first synonym present wins)."""
    keys = [_header_key(h) for h in header]
    mapping: dict[str, int] = {}
    for field, names in CSV_COLUMNS.items():
        for name in names:
            if name in keys and keys.index(name) not in mapping.values():
                mapping[field] = keys.index(name)
                break
    return mapping


def _parse_date(value: str, where: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is not None:  # epoch seconds or milliseconds (the LinkedIn export uses milliseconds)
        seconds = number / 1000 if number > 1e11 else number
        return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise BadInput(f"{where}: the date is not a date (got {value!r})") from None


def _work_mode(value: str) -> str | None:
    lowered = value.strip().lower()
    if lowered in ("1", "1.0", "true", "yes", "remote", "telecommute", "fully remote"):
        return "remote"
    if "hybrid" in lowered:
        return "hybrid"
    if lowered in ("on-site", "onsite", "on site", "office", "in person", "in-person"):
        return "on-site"
    return None


def _csv_salary(row: dict[str, str]) -> str:
    low, high, middle = row.get("min_salary", ""), row.get("max_salary", ""), row.get("med_salary", "")
    period = row.get("pay_period", "").strip().lower()
    currency = row.get("currency", "").strip()

    def amount(text: str) -> str:
        try:
            return f"{float(text):,.0f}"
        except ValueError:
            return text.strip()

    if low.strip() and high.strip():
        text = f"{amount(low)}–{amount(high)}"
    elif middle.strip() or high.strip() or low.strip():
        text = amount(middle or high or low)
    else:
        return ""
    return " ".join(part for part in (currency, text, f"per {period.replace('ly', '')}" if period else "") if part)


def parse_csv(text: str, name: str) -> list[ParsedPosting]:
    """Return the postings of a CSV file whose columns are found by their header names."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise BadInput(f"{name}: the file is empty") from None
    except csv.Error as error:
        raise BadInput(f"{name} line 1: not CSV ({error})") from None
    mapping = map_csv_header(header)
    if "title" not in mapping:
        raise BadInput(f"{name}: no title column (looked for {', '.join(CSV_COLUMNS['title'])})")
    keys = [_header_key(h) for h in header]
    postings: list[ParsedPosting] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise BadInput(f"{name} line {start}: not CSV ({error})") from None
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        where = f"{name} line {start}"
        if len(values) > len(header):
            raise BadInput(f"{where}: {len(values)} fields, but the header names {len(header)}")
        row = dict(zip(keys, values, strict=False))

        def field(key: str, row: dict[str, str] = row, values: list[str] = values) -> str:
            index = mapping.get(key)
            return unescape_markdown(values[index].strip()) if index is not None and index < len(values) else ""

        title = field("title")
        if not title:
            raise BadInput(f"{where}: the posting has no title")
        postings.append(
            ParsedPosting(
                where=where,
                title=title,
                source="csv",
                company=field("company"),
                location=field("location"),
                description=html_to_text(field("description")),
                url=field("url"),
                external_id=field("external_id") or None,
                employment_type=field("employment_type"),
                work_mode=_work_mode(field("work_mode")),
                salary=field("salary") or _csv_salary(row),
                posted=_parse_date(field("posted"), where),
            )
        )
    return postings


# ---- schema.org JobPosting JSON-LD ----

_LD_SCRIPT = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)


def _is_job_posting(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "JobPosting" for k in kinds)


def _job_postings(node: Any) -> Iterator[dict[str, Any]]:
    """Yield every JobPosting object in a JSON-LD document (top level, lists, @graph)."""
    if isinstance(node, list):
        for item in node:
            yield from _job_postings(item)
    elif isinstance(node, dict):
        if _is_job_posting(node):
            yield node
        elif "@graph" in node:
            yield from _job_postings(node["@graph"])


def _text(value: Any) -> str:
    """Return the text of a JSON-LD value: a string, a thing's name, or its description."""
    if isinstance(value, str):
        return html_to_text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:g}"
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, dict):
        for key in ("name", "value", "description", "text"):
            if key in value:
                return _text(value[key])
    return ""


def _place(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(p for p in (_place(v) for v in value) if p)
    if isinstance(value, dict):
        address = value.get("address", value)
        if isinstance(address, dict):
            parts = [_text(address.get(k)) for k in ("addressLocality", "addressRegion", "addressCountry")]
            joined = ", ".join(p for p in parts if p)
            if joined:
                return joined
        return _text(value.get("name")) or _text(address)
    return _text(value)


def _salary(value: Any) -> str:
    if not isinstance(value, dict):
        return _text(value)
    currency = _text(value.get("currency"))
    amount = value.get("value")
    unit = ""
    if isinstance(amount, dict):
        unit = _text(amount.get("unitText")).lower()
        low, high = amount.get("minValue"), amount.get("maxValue")
        text = f"{_text(low)}–{_text(high)}" if low is not None and high is not None else _text(amount.get("value"))
    else:
        text = _text(amount)
    return " ".join(p for p in (currency, text, f"per {unit}" if unit else "") if p)


def _from_job_posting(node: dict[str, Any], where: str) -> ParsedPosting:
    title = _text(node.get("title")) or _text(node.get("name"))
    if not title:
        raise BadInput(f"{where}: the JobPosting has no title (or name)")
    sections = [_text(node.get("description"))]
    for key, label in (("responsibilities", "Responsibilities"), ("skills", "Skills")):
        extra = _text(node.get(key))
        if extra:
            sections.append(f"{label}: {extra}")
    location_type = _text(node.get("jobLocationType")).upper()
    posted = node.get("datePosted")
    return ParsedPosting(
        where=where,
        title=title.splitlines()[0][:300],
        source="jsonld",
        company=_text(node.get("hiringOrganization")),
        location=_place(node.get("jobLocation")) or _text(node.get("applicantLocationRequirements")),
        description="\n".join(s for s in sections if s),
        url=_text(node.get("url")),
        external_id=_text(node.get("identifier")) or None,
        employment_type=_text(node.get("employmentType")),
        work_mode="remote" if "TELECOMMUTE" in location_type else None,
        salary=_salary(node.get("baseSalary")),
        posted=_parse_date(posted, where) if isinstance(posted, str) else None,
    )


def parse_jsonld(text: str, name: str) -> list[ParsedPosting]:
    """Return the JobPostings in a JSON-LD file or in the ld+json scripts of a saved HTML page."""
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith(("{", "[")):
        blocks = [stripped]
    else:
        blocks = _LD_SCRIPT.findall(text)
        if not blocks:
            raise BadInput(f"{name}: neither JSON-LD nor an HTML page with an application/ld+json script")
    postings: list[ParsedPosting] = []
    for number, block in enumerate(blocks, start=1):
        where = name if len(blocks) == 1 else f"{name} script {number}"
        try:
            # As a browser reads it: a script's text is not HTML, so "&quot;" inside a description stays as is.
            document = json.loads(block)
        except json.JSONDecodeError as error:
            # Some tools save the page with the whole script entity-escaped; only then is it unescaped.
            try:
                document = json.loads(html.unescape(block)) if "&quot;" in block else None
            except (json.JSONDecodeError, RecursionError):
                document = None
            if document is None:
                raise BadInput(f"{where}: not JSON ({error})") from None
        except RecursionError:
            raise BadInput(f"{where}: not JSON (nested too deeply)") from None
        for node in _job_postings(document):
            postings.append(_from_job_posting(node, f"{name} posting {len(postings) + 1}"))
    if not postings:
        raise BadInput(f"{name}: no schema.org JobPosting in it")
    return postings


# ---- pasted text ----


def parse_text(text: str, name: str) -> list[ParsedPosting]:
    """Return the postings of pasted text: the first line is the title, the rest the description.

    Several postings can be given at once, separated by a line holding only `---`.
    """
    blocks = re.split(r"(?m)^\s*-{3,}\s*$", text.replace("\r\n", "\n"))
    postings: list[ParsedPosting] = []
    for block in blocks:
        lines = block.strip().splitlines()
        if not lines:
            continue
        where = f"{name} posting {len(postings) + 1}"
        title = lines[0].strip().lstrip("#").strip()
        if len(title) > 300:
            raise BadInput(f"{where}: the first line should be the title, but it is {len(title)} characters long")
        postings.append(ParsedPosting(where=where, title=title, source="text", description="\n".join(lines[1:])))
    if not postings:
        raise BadInput(f"{name}: there is no posting in it (the first line should be the title)")
    return postings


def read_postings(path: Path, kind: str) -> list[ParsedPosting]:
    """Return the postings in a file (or, for jsonld, every .json/.jsonld/.html file of a folder)."""
    if kind not in FORMATS:
        raise BadInput(f"the format must be one of {', '.join(FORMATS)}, not '{kind}'")
    if kind == "jsonld" and path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".json", ".jsonld", ".html", ".htm"))
        if not files:
            raise BadInput(f"{path}: no .json, .jsonld or .html files in this folder")
        return [posting for file in files for posting in read_postings(file, kind)]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except (UnicodeDecodeError, IsADirectoryError) as error:
        raise BadInput(f"{path}: cannot be read as text ({error})") from None
    return parse_postings(text, kind, path.name)


def parse_postings(text: str, kind: str, name: str) -> list[ParsedPosting]:
    """Return the postings in `text` read as `kind` (csv, jsonld or text); `name` is used in messages."""
    if kind == "csv":
        return parse_csv(text, name)
    if kind == "jsonld":
        return parse_jsonld(text, name)
    if kind == "text":
        return parse_text(text, name)
    raise BadInput(f"the format must be one of {', '.join(FORMATS)}, not '{kind}'")
