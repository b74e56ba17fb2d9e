"""jrnl's JSON export, read and written (jrnl.sh: `jrnl --export json`; its plugins/exporter/json.py).

The file is {"tags": {"@tag": count}, "entries": [entry, …]}; `jrnl --export json -o folder/` writes one entry
per file instead. An entry is {"title", "body", "date": "YYYY-MM-DD", "time": "HH:MM", "tags": ["@tag"],
"starred": bool}, and entries from Day One carry a "uuid". Onward writes the same shape (so jrnl and other
tools read it) with two additions jrnl ignores: "prompt" (the guided prompt's key, or null) and a "uuid" on
every entry, so importing Onward's own export back adds nothing twice.

Reading is all or nothing: the first bad entry stops it, named by its position and title, with the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from onward.errors import BadInput
from onward.reflection.models import MAX_TEXT
from onward.reflection.prompts import KEYS
from onward.reflection.text import read_tags

STARRED_TAG = "starred"  # jrnl's star, kept as a tag (Onward has no stars)


@dataclass(frozen=True)
class ImportedEntry:
    """An entry read from the file, ready to store."""

    written_at: dt.datetime
    text: str
    tags: list[str]
    prompt: str | None
    source_key: str


def source_key(uuid: str | None, date: str, time: str, title: str, body: str) -> str:
    """Return the key that recognises an entry again: its uuid, else a digest of what it says and when."""
    if uuid:
        # Onward's own export writes a digest key as the uuid: it comes back as itself.
        return uuid[:80] if uuid.startswith("jrnl:") else f"uuid:{uuid}"[:80]
    digest = hashlib.sha256("\x1f".join((date, time, title, body)).encode()).hexdigest()
    return f"jrnl:{digest[:40]}"


def _entries_of(data: Any) -> list[Any]:
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        return list(data["entries"])
    if isinstance(data, dict) and "title" in data and "date" in data:
        return [data]  # one entry per file (`jrnl --export json -o folder/`)
    raise BadInput('not a jrnl JSON export: expected {"entries": [...]} (made by `jrnl --export json`)')


def _text_field(entry: dict[str, Any], name: str, where: str, *, default: str | None = None) -> str:
    value = entry.get(name, default)
    if value is None:
        raise BadInput(f"{where}: '{name}' is missing")
    if not isinstance(value, str):
        raise BadInput(f"{where}: '{name}' should be text, not {type(value).__name__}")
    return value


def read_entry(entry: Any, position: int) -> ImportedEntry:
    """Return one jrnl entry as Onward stores it, or raise BadInput naming it and the reason."""
    where = f"entry {position}"
    if not isinstance(entry, dict):
        raise BadInput(f"{where}: expected an object with title, body, date and time")
    title = _text_field(entry, "title", where)
    if title.strip():
        where = f"entry {position} ('{title.strip()[:40]}')"
    body = _text_field(entry, "body", where, default="")
    date = _text_field(entry, "date", where)
    time = _text_field(entry, "time", where, default="00:00")
    try:
        written_at = dt.datetime.combine(dt.date.fromisoformat(date), dt.time.fromisoformat(time))
    except ValueError:
        raise BadInput(f"{where}: date '{date}' and time '{time}' should read like 2026-11-30 and 09:15") from None
    text = title.strip() + ("\n" + body.strip("\n") if body.strip() else "")
    if not text.strip():
        raise BadInput(f"{where}: the entry has no text")
    if len(text) > MAX_TEXT:
        raise BadInput(f"{where}: longer than {MAX_TEXT:,} characters")
    raw_tags = entry.get("tags", [])
    if not isinstance(raw_tags, list) or not all(isinstance(t, str) for t in raw_tags):
        raise BadInput(f"{where}: 'tags' should be a list of words")
    try:
        tags = read_tags(raw_tags)
    except BadInput as error:
        raise BadInput(f"{where}: {error.message}") from None
    starred = entry.get("starred", False)
    if not isinstance(starred, bool):
        raise BadInput(f"{where}: 'starred' should be true or false")
    if starred and STARRED_TAG not in tags:
        tags.append(STARRED_TAG)
    prompt = entry.get("prompt")
    if prompt is not None and prompt not in KEYS:
        raise BadInput(f"{where}: prompt '{prompt}' is not one of {', '.join(KEYS)}")
    uuid = entry.get("uuid")
    if uuid is not None and (not isinstance(uuid, str) or not uuid.strip()):
        raise BadInput(f"{where}: 'uuid' should be text")
    return ImportedEntry(written_at, text, tags, prompt, source_key(uuid, date, time, title, body))


def read_export(data: Any) -> list[ImportedEntry]:
    """Return every entry of a jrnl JSON export (all or nothing)."""
    return [read_entry(entry, position) for position, entry in enumerate(_entries_of(data), start=1)]


@dataclass(frozen=True)
class EntryToWrite:
    """What the export needs of a stored entry."""

    written_at: dt.datetime
    text: str
    tags: list[str]
    prompt: str | None
    source_key: str | None


def write_export(entries: list[EntryToWrite]) -> dict[str, Any]:
    """Return the entries (oldest first) as a jrnl JSON export, with Onward's prompt and uuid beside each."""
    counts: Counter[str] = Counter()
    out = []
    for entry in entries:
        title, _, body = entry.text.partition("\n")
        tags = [f"@{tag}" for tag in entry.tags if tag != STARRED_TAG]
        counts.update(tags)
        key = entry.source_key or ""
        out.append(
            {
                "title": title,
                "body": body,
                "date": entry.written_at.strftime("%Y-%m-%d"),
                "time": entry.written_at.strftime("%H:%M"),
                "tags": tags,
                "starred": STARRED_TAG in entry.tags,
                "uuid": key.removeprefix("uuid:") if key.startswith("uuid:") else key,
                "prompt": entry.prompt,
            }
        )
    return {"tags": dict(counts.most_common()), "entries": out}
