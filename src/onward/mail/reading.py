"""Raw RFC 822 bytes to a MailRecord: the headers Onward keeps, a snippet and the newest part of the body.

The headers are read by a small parser of its own (unfold, split at the first colon, keep the first of each
name): it does what the standard library's compat32 header parser does for these fields at a fraction of the
cost, since Onward reads only a few of them. Addresses are pulled out with a pattern rather than RFC 5322's
full grammar (email.utils.getaddresses is a tenth of the import's time). Only a body that is not plain 7/8-bit
text (multipart, base64, quoted-printable) goes through the standard library's full parser (compat32).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesParser
from email.utils import parsedate_tz
from typing import NamedTuple

from onward.mail.newest import newest_part

SNIPPET_CHARS = 200
BODY_LIMIT = 64 * 1024  # bytes of body read for the snippet and requests; the rest is never looked at
_FULL = BytesParser(policy=policy.compat32)
_SPACES = re.compile(r"\s+")
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:", re.MULTILINE)
_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
_CHARSET = re.compile(r"charset\s*=\s*\"?([\w.:-]+)", re.IGNORECASE)
WANTED = frozenset(
    ("message-id", "date", "from", "to", "cc", "subject", "in-reply-to", "content-type", "content-transfer-encoding")
)


# A wanted header and its continuation lines, in plain ASCII headers with no line break but "\n" or "\r\n"
# and no whitespace but spaces and tabs (nearly all mail): one pattern instead of a loop over every line.
_WANTED_HEADER = re.compile(
    r"^(message-id|date|from|to|cc|subject|in-reply-to|content-type|content-transfer-encoding)[ \t]*:"
    r"(.*(?:\n[ \t].*)*)",
    re.IGNORECASE | re.MULTILINE,
)
# The other characters str.splitlines breaks lines at (a lone "\r" is checked apart): deleted by bytes.translate
# to see whether there are any, eight times quicker than a pattern with "\r(?!\n)" in it.
_ODD_SPACE = bytes((0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F))


def _plain_lines(head: bytes) -> bool:
    """True when `head` is ASCII with no line break but "\n" and "\r\n" and none of the odd spaces."""
    if not head.isascii() or len(head.translate(None, _ODD_SPACE)) != len(head):
        return False
    return b"\r" not in head or head.count(b"\r") == head.count(b"\r\n")


def parse_headers(head: bytes) -> dict[str, str]:
    """The wanted headers of a header block (lower-case names, continuation lines unfolded, the first kept)."""
    if not _plain_lines(head):
        return _parse_headers_line_by_line(head)
    found: dict[str, str] = {}
    for name, value in _WANTED_HEADER.findall(head.replace(b"\r\n", b"\n").decode("ascii")):
        key = name.lower()
        if key not in found:
            found[key] = " ".join(line.strip() for line in value.split("\n")) if "\n" in value else value.strip()
    return found


def _parse_headers_line_by_line(head: bytes) -> dict[str, str]:
    """`parse_headers` for any header block: a line at a time, as str.splitlines breaks them."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = head.decode("latin-1")
    found: dict[str, str] = {}
    name = ""
    for line in text.splitlines():
        if line[:1] in (" ", "\t"):
            if name:
                found[name] += " " + line.strip()
            continue
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or key not in WANTED or key in found:
            name = ""
            continue
        name = key
        found[key] = value.strip()
    return found


class BrokenMessage(ValueError):
    """A message that cannot be used; its text is the reason ("no readable Date header")."""


class MailRecord(NamedTuple):
    """What Onward keeps of one message (and the newest part, to find a request in). A named tuple: made once
    per message, it costs a fifth of a frozen dataclass."""

    key: str  # the Message-ID, or "hash:…" of key headers when there is none
    folder: str
    from_address: str
    from_name: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    subject: str
    sent_at: dt.datetime  # UTC, naive
    utc_offset: int  # minutes east of UTC
    in_reply_to: str
    snippet: str
    newest: str
    body: str

    @property
    def local_sent_at(self) -> dt.datetime:
        zone = dt.timezone(dt.timedelta(minutes=self.utc_offset))
        return self.sent_at.replace(tzinfo=dt.UTC).astimezone(zone)


def _text(value: str | None) -> str:
    """A header as plain text: encoded words (=?utf-8?…?=) decoded, folding undone."""
    if not value:
        return ""
    value = str(value)
    if "=?" in value:
        with contextlib.suppress(ValueError, LookupError, UnicodeError):  # a bad encoded word stays as it came
            value = str(make_header(decode_header(value)))
    if "  " not in value and value.isprintable():  # no whitespace but single spaces: nothing to fold
        return value.strip()
    return _SPACES.sub(" ", value).strip()


def _addresses(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(dict.fromkeys(address.lower() for address in _ADDRESS.findall(value)))


def _sender(value: str) -> tuple[str, str]:
    """(name, address) of a From header: "Sam Okafor <sam@x.org>", "sam@x.org (Sam)" or a bare address."""
    found = _ADDRESS.search(value)
    if found is None:
        return "", ""
    name = value[: found.start()].rstrip(" <").strip().strip('"').strip()
    if not name and "(" in value:
        name = value[value.index("(") + 1 :].rstrip(") ")
    return _text(name), found.group(0).lower()


# The Date header as nearly every mailer writes it ("Thu, 09 Jan 2025 11:17:00 +0100"): read by one pattern,
# a fifth of the time of parsedate_tz, which reads it the same (a property test holds them together) and
# still reads every other shape.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_USUAL_DATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (" + "|".join(_MONTHS) + r") ([1-9]\d{3}) "
    r"(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})"
)
_MONTH_NUMBER = {name: number for number, name in enumerate(_MONTHS, start=1)}


def _parsed_date(value: str) -> tuple[int, ...] | None:
    """(year, month, day, hour, minute, second, UTC offset in seconds) of a Date header, as parsedate_tz reads
    it (a zone of -0000 is taken as UTC), or None when it cannot be read."""
    usual = _USUAL_DATE.fullmatch(value)
    if usual is not None:
        day, month, year, hour, minute, second, sign, zone_hours, zone_minutes = usual.groups()
        offset = int(zone_hours) * 3600 + int(zone_minutes) * 60
        return (
            int(year),
            _MONTH_NUMBER[month],
            int(day),
            int(hour),
            int(minute),
            int(second),
            -offset if sign == "-" else offset,
        )
    parsed = parsedate_tz(value)
    if parsed is None:
        return None
    return (*parsed[:6], parsed[9] or 0)  # no zone given: taken as UTC, as RFC 5322 reads "-0000"


def _sent_at(value: str | None) -> tuple[dt.datetime, int]:
    parsed = _parsed_date(value) if value else None
    if parsed is None:
        raise BrokenMessage("no readable Date header")
    year, month, day, hour, minute, second, offset = parsed
    try:
        local = dt.datetime(year, month, day, hour, minute, min(second, 59))
    except ValueError:
        raise BrokenMessage(f"the Date header '{_text(value)[:60]}' is not a real date") from None
    if abs(offset) > 14 * 3600:
        raise BrokenMessage(f"the Date header '{_text(value)[:60]}' has an impossible UTC offset")
    return local - dt.timedelta(seconds=offset), offset // 60


def _decode(payload: bytes, charset: str | None) -> str:
    try:
        return payload.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return payload.decode("latin-1")


def _plain_body(raw: bytes, start: int, headers: dict[str, str]) -> str:
    """The text/plain body: read straight from the bytes when simple, else through the full parser."""
    content_type = (headers.get("content-type") or "text/plain").lower()
    encoding = headers.get("content-transfer-encoding", "").strip().lower()
    if content_type.startswith("text/plain") and encoding in ("", "7bit", "8bit", "binary"):
        charset = _CHARSET.search(content_type)
        return _decode(raw[start : start + BODY_LIMIT], charset.group(1) if charset else None)
    message = _FULL.parsebytes(raw[: start + BODY_LIMIT * 4])
    for part in message.walk():
        if part.get_content_type() == "text/plain" and not part.get_filename():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return _decode(payload[:BODY_LIMIT], part.get_content_charset())
    for part in message.walk():  # no plain text: the HTML part, tags stripped, will do for a snippet
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return re.sub(r"<[^>]+>", " ", _decode(payload[:BODY_LIMIT], part.get_content_charset()))
    return ""


def key_of(message_id: str, date: str, sender: str, to: str, subject: str) -> str:
    """The message's key: its Message-ID, or a hash of Date, From, To and Subject when it has none."""
    if message_id:
        return message_id[:300]
    digest = hashlib.sha256("\x00".join((date, sender, to, subject)).encode("utf-8", "replace")).hexdigest()
    return f"hash:{digest[:32]}"


def read_message(raw: bytes, folder: str = "") -> MailRecord:
    """Return the MailRecord of one raw message, or raise BrokenMessage saying why it cannot be used."""
    if not raw or raw.isspace():  # not raw.strip(): that copies the whole message
        raise BrokenMessage("empty")
    split = raw.find(b"\n\n")
    crlf = raw.find(b"\r\n\r\n")
    if crlf != -1 and (split == -1 or crlf < split):
        head_end, body_start = crlf, crlf + 4
    elif split != -1:
        head_end, body_start = split, split + 2
    else:
        head_end = body_start = len(raw)
    head = raw[:head_end]
    if not _HEADER_LINE.match(head.lstrip()):
        raise BrokenMessage("it does not start with mail headers")
    headers = parse_headers(head)
    sender_name, sender = _sender(headers.get("from", ""))
    if not sender:
        raise BrokenMessage("no sender address in the From header")
    date_field = headers.get("date", "")
    sent_at, offset = _sent_at(date_field)
    body = _plain_body(raw, body_start, headers)
    newest = newest_part(body)
    message_id = _text(headers.get("message-id"))
    subject = _text(headers.get("subject"))
    to_field = headers.get("to", "")
    # In the fields' order, made by _make: keyword arguments cost a named tuple three times as much.
    return MailRecord._make(
        (
            key_of(message_id, date_field, headers.get("from", ""), to_field, subject),  # key
            folder[:300],  # folder
            sender[:320],  # from_address
            sender_name[:200],  # from_name
            _addresses(to_field),  # to
            _addresses(headers.get("cc")),  # cc
            subject[:500],  # subject
            sent_at,  # sent_at
            offset,  # utc_offset
            _text(headers.get("in-reply-to")).split(" ")[0][:300],  # in_reply_to
            _SPACES.sub(" ", newest or body).strip()[:SNIPPET_CHARS],  # snippet
            newest,  # newest
            body,  # body
        )
    )
