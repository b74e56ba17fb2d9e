"""Where messages come from: an mbox file, a Maildir (or any tree of one-message files, as the Enron corpus
is laid out), single .eml files and folders of them, and a CSV of raw messages (the Kaggle Enron layout:
columns `file` and `message`). Each yields RawMessages one at a time, so memory stays flat whatever the size.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from onward.errors import BadInput

FORMATS = ("auto", "mbox", "maildir", "eml", "csv")
# Files in a mail folder that are not messages (notes, indexes, Dovecot's and Thunderbird's own files).
NOT_MESSAGES = (".md", ".txt", ".csv", ".json", ".html", ".pdf", ".msf", ".sqlite", ".db", ".py", ".zip", ".gz")
NOT_MESSAGE_NAMES = ("dovecot", "maildirfolder", "subscriptions", "courier", ".ds_store")
READ_CHUNK = 1 << 20


class RawMessage(NamedTuple):
    """One message's bytes, where it was found (named in a report of broken ones) and its folder. A named
    tuple: made once per message, it costs a fraction of a frozen dataclass."""

    where: str
    folder: str
    data: bytes
    weight: int = 0  # what it counts for in the progress: its bytes (0), or 1 for a file of a folder

    @property
    def progress(self) -> int:
        return self.weight or len(self.data)


def detect_format(path: Path) -> str:
    """Return the format of `path`: a folder is a Maildir (or a folder of .eml files), a file by its content."""
    if path.is_dir():
        return "maildir"
    if path.suffix.lower() == ".csv":
        return "csv"
    with path.open("rb") as handle:
        start = handle.read(5)
    return "mbox" if start == b"From " else "eml"


def progress_total(path: Path, fmt: str) -> int:
    """How much the import will read, for its progress: the files of a folder (counted, not stat'ed), or the
    bytes of a single file."""
    if fmt in ("maildir", "eml") and path.is_dir():
        return sum(1 for _ in _message_files(path, eml_only=fmt == "eml"))
    return path.stat().st_size


def read_messages(path: Path, fmt: str = "auto") -> Iterator[RawMessage]:
    """Yield the messages at `path`, one at a time; a missing or unreadable path is BadInput."""
    if not path.exists():
        raise BadInput(f"{path}: no such file or folder")
    if fmt not in FORMATS:
        raise BadInput(f"{fmt!r} is not a mail format (use one of {', '.join(FORMATS)})")
    if path.is_file() and path.stat().st_size == 0:
        return iter(())  # an empty mailbox: nothing to read
    if fmt == "auto":
        fmt = detect_format(path)
    if fmt == "mbox":
        return _mbox(_file(path))
    if fmt == "csv":
        return _csv(_file(path))
    if path.is_file():
        return iter([RawMessage(path.name, "", path.read_bytes())])
    return _tree(path, eml_only=fmt == "eml")


def _file(path: Path) -> Path:
    if not path.is_file():
        raise BadInput(f"{path}: expected a file, found a folder")
    return path


# A message ends where a blank line is followed by a "From " line (the mbox separator). `_separators` finds
# exactly what this pattern finds, with bytes.find (a pattern that starts with "\r?" is tried at every byte).
_SEPARATOR = re.compile(rb"\r?\n\r?\nFrom [^\n]*\n")
_CR, _LF = ord("\r"), ord("\n")


def _separators(buffer: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of each separator in `buffer`, as `_SEPARATOR.finditer` gives them: leftmost first, none
    overlapping the one before."""
    done = 0  # where the previous separator ended: the next starts here or later
    at = buffer.find(b"\nFrom ")
    while at != -1:
        blank = at - 1  # the line feed that ends the blank line: right before, or before a carriage return
        if blank >= done and buffer[blank] == _CR:
            blank -= 1
        if blank >= done and buffer[blank] == _LF:
            start = blank - 1 if blank - 1 >= done and buffer[blank - 1] == _CR else blank
            end = buffer.find(b"\n", at + 6)
            if end == -1:
                return  # the "From " line goes on past the buffer (and no separator can follow it)
            yield start, end + 1
            done = end + 1
            at = buffer.find(b"\nFrom ", done)
        else:
            at = buffer.find(b"\nFrom ", at + 1)


def _mbox(path: Path) -> Iterator[RawMessage]:
    """Split an mbox at its "From " separator lines (">From " quoting undone), reading 1 MB at a time."""
    folder, name, number = path.stem, path.name, 0
    with path.open("rb") as handle:
        buffer = handle.read(READ_CHUNK)
        if buffer.startswith(b"From "):
            buffer = buffer[buffer.find(b"\n") + 1 :]
        while True:
            chunk = handle.read(READ_CHUNK)
            if chunk:
                buffer += chunk
            start = 0
            for separator_start, separator_end in _separators(buffer):
                number += 1
                yield RawMessage(f"{name} message {number}", folder, _unquote(buffer[start:separator_start]))
                start = separator_end
            buffer = buffer[start:]
            if not chunk:
                break
    if buffer.strip():
        number += 1
        yield RawMessage(f"{name} message {number}", folder, _unquote(buffer.rstrip(b"\r\n") + b"\n"))


def _unquote(message: bytes) -> bytes:
    """Undo mboxrd's quoting of body lines that start with "From " (">From " -> "From ")."""
    return message.replace(b"\n>From ", b"\nFrom ") if b"\n>" in message else message


def _message_files(root: Path, *, eml_only: bool) -> Iterator[tuple[str, str, str]]:
    """Every message file under `root` as (path, path relative to `root`, folder): Maildir's cur/new (tmp is
    mail still arriving), or every file of a plain tree; folders are named relative to `root` ("sent",
    "Archive/2024", ".Sent"). Plain strings: for 100,000 files, Path objects cost more than reading them."""
    top = str(root)
    for directory, subdirs, files in os.walk(top):
        subdirs[:] = sorted(d for d in subdirs if d != "tmp")
        relative = os.path.relpath(directory, top)
        parts = [] if relative == "." else [p for p in relative.split(os.sep) if p not in ("cur", "new")]  # noqa: PTH206 - strings: speed
        folder = "/".join(parts)
        prefix = "" if relative == "." else relative + os.sep
        for name in sorted(files):
            lower = name.lower()
            if lower.startswith(".") or lower.startswith(NOT_MESSAGE_NAMES) or lower.endswith(NOT_MESSAGES):
                continue
            if eml_only and not lower.endswith(".eml"):
                continue
            yield os.path.join(directory, name), prefix + name, folder  # noqa: PTH118 - strings: speed


def _tree(root: Path, *, eml_only: bool) -> Iterator[RawMessage]:
    for file, where, folder in _message_files(root, eml_only=eml_only):
        try:
            data = _read_file(file)
        except OSError:
            data = b""  # unreadable: reported as a broken message ("empty"), the rest goes on
        yield RawMessage(where, folder, data, 1)


def _read_file(file: str) -> bytes:
    """The whole file, read with the bare system calls until the end: for 100,000 small files, half the time of
    open().read(), whose buffered file object costs more than the reading."""
    descriptor = os.open(file, os.O_RDONLY)
    try:
        parts = [os.read(descriptor, READ_CHUNK)]
        while parts[-1]:
            parts.append(os.read(descriptor, READ_CHUNK))
    finally:
        os.close(descriptor)
    return parts[0] if len(parts) == 2 else b"".join(parts)


def _csv(path: Path) -> Iterator[RawMessage]:
    """Rows of a CSV with a `message` column of raw text (and optionally `file`, its original path)."""
    csv.field_size_limit(sys.maxsize)
    with path.open("r", encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "message" not in reader.fieldnames:
            raise BadInput(f"{path.name}: a CSV of mail needs a 'message' column (found: {reader.fieldnames})")
        for number, row in enumerate(reader, start=2):
            original = row.get("file") or ""
            folder = str(Path(original).parent) if original else path.stem
            where = f"{path.name} line {number}" + (f" ({original})" if original else "")
            yield RawMessage(where, folder, (row.get("message") or "").encode("utf-8"))
