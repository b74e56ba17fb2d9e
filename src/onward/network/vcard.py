"""vCard 2.1, 3.0 and 4.0 in (through vobject) and vCard 4.0 out. Pure functions over text.

Old phone and Outlook exports write vCard 2.1 with quoted-printable values whose soft line breaks ("=" at the end
of a line) vobject does not follow, some write CR CR LF line ends, and Lotus Notes adds a PROFILE line vobject
takes for a nested component. `_tidy` puts those right first, so every card a real address book wrote reads; a
card that still cannot be read refuses the whole file, naming the line and the reason.
"""

from __future__ import annotations

import datetime as dt
import quopri
import re
from collections.abc import Iterable

import vobject

from onward.errors import BadInput
from onward.network.schemas import ContactRecord, Refusal

VERSIONS = ("2.1", "3.0", "4.0")
ONWARD_KEYS = ("uid:", "email:", "linkedin:", "onward:", "name:")  # the kinds of contact key Onward writes as UID
BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
LINKEDIN = re.compile(r"^https?://([a-z]{2,3}\.)?linkedin\.com/in/", re.IGNORECASE)
PROPERTY = re.compile(r"^(?P<head>[A-Za-z0-9.\-]+(?:;[^:]*)?):(?P<value>.*)$", re.DOTALL)
# Our own fields, kept through an export and back (RFC 6350 6.10: X- properties for private extensions).
X_RELATIONSHIP, X_HOW_MET, X_MET_ON = "X-ONWARD-RELATIONSHIP", "X-ONWARD-HOW-MET", "X-ONWARD-MET-ON"
X_CADENCE, X_SUPPORT, X_ID = "X-ONWARD-CADENCE", "X-ONWARD-SUPPORT", "X-ONWARD-ID"


def decode(data: bytes, name: str) -> str:
    """Return a file's text: UTF-8 (with or without a byte-order mark), else Windows-1252 as older clients wrote."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise BadInput(f"{name}: not a text file (neither UTF-8 nor Windows-1252)") from None


def _qp_line(head: str) -> bool:
    return "QUOTED-PRINTABLE" in head.upper()


def _decode_qp(head: str, value: str) -> tuple[str, str]:
    """Return the property's head without its encoding and the value decoded and escaped as vCard 3.0 text."""
    params = head.split(";")
    charset = "utf-8"
    kept = [params[0]]
    for param in params[1:]:
        upper = param.upper()
        if upper in ("QUOTED-PRINTABLE", "ENCODING=QUOTED-PRINTABLE"):
            continue
        if upper.startswith("CHARSET="):
            charset = param.split("=", 1)[1] or "utf-8"
            continue
        kept.append(param)
    raw = quopri.decodestring(value.encode("latin-1", errors="replace"))
    try:
        text = raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        text = raw.decode("latin-1")
    text = text.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return ";".join(kept), text


def _tidy(text: str) -> str:
    """Return the text with quoted-printable values decoded, line ends made plain and PROFILE lines dropped."""
    text = re.sub(r"\r+\n", "\n", text).replace("\r", "\n")
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        match = PROPERTY.match(line) if line and not line[0].isspace() else None
        if match and _qp_line(match["head"]):
            value = match["value"]
            while value.endswith("=") and i < len(lines):  # a soft line break: the value goes on
                value = value[:-1] + lines[i]
                i += 1
            head, value = _decode_qp(match["head"], value)
            out.append(f"{head}:{value}")
        elif match and match["head"].upper() == "PROFILE":
            continue
        elif match and match["head"].split(";")[0].split(".")[-1].upper() in BINARY:
            # Photos, logos, sounds and keys are not kept; skipping them (and their continuation lines, which
            # vCard 2.1 ends with a blank line) means a damaged picture never refuses the person.
            while i < len(lines) and (not lines[i] or lines[i][0].isspace() or not PROPERTY.match(lines[i])):
                i += 1
        else:
            out.append(line)
    return "\n".join(out)


def _values(card: vobject.base.Component, name: str) -> list[vobject.base.ContentLine]:
    found: list[vobject.base.ContentLine] = card.contents.get(name.lower(), [])
    return found


def _text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v).strip() for v in value if str(v).strip())
    return str(value or "").strip()


def _name(card: vobject.base.Component) -> str:
    for line in _values(card, "fn"):
        if _text(line.value):
            return _text(line.value)
    for line in _values(card, "n"):
        n = line.value
        parts = [
            getattr(n, "prefix", ""),
            getattr(n, "given", ""),
            getattr(n, "additional", ""),
            getattr(n, "family", ""),
        ]
        text = " ".join(_text(p) for p in parts if _text(p))
        if text:
            return text
    return ""


def _tags(card: vobject.base.Component) -> list[str]:
    tags: list[str] = []
    for line in _values(card, "categories"):
        for value in line.value if isinstance(line.value, list) else [line.value]:
            tags += [t.strip() for t in str(value).split(",") if t.strip()]  # some clients leave commas unsplit
    return list(dict.fromkeys(tags))


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _record(card: vobject.base.Component, where: str, name: str) -> ContactRecord | Refusal:
    version_lines = _values(card, "version")
    version = _text(version_lines[0].value) if version_lines else ""
    if version and version not in VERSIONS:
        return Refusal(where, f"vCard version {version} is not one Onward reads (2.1, 3.0 or 4.0)")
    emails = [_text(e.value) for e in _values(card, "email") if "@" in _text(e.value)]
    phones = []
    for tel in _values(card, "tel"):
        phone = _text(tel.value).removeprefix("tel:")
        if phone:
            phones.append(phone)
    person = _name(card)
    if not person and not emails:
        return Refusal(where, "the card has no name and no e-mail address: nothing to keep")
    org_lines = _values(card, "org")
    organisation = ""
    if org_lines:
        org = org_lines[0].value
        organisation = _text(org[0] if isinstance(org, list) and org else org)
    record = ContactRecord(
        name=(person or emails[0])[:200],
        where=where,
        emails=list(dict.fromkeys(emails)),
        phones=list(dict.fromkeys(phones)),
        organisation=organisation[:200],
        role=_text(_values(card, "title")[0].value)[:200] if _values(card, "title") else "",
        notes="\n\n".join(_text(n.value) for n in _values(card, "note") if _text(n.value)),
        tags=_tags(card),
    )
    # Ids Onward wrote come first, so a contact keeps its identity through an export and back.
    ids = [_uid(_text(u.value)) for u in _values(card, "uid") if _text(u.value)]
    ids += [_text(ext.value) for ext in _values(card, X_ID) if _text(ext.value)]
    ids += ["linkedin:" + linkedin_key(_text(u.value)) for u in _values(card, "url") if LINKEDIN.match(_text(u.value))]
    record.external_ids = list(dict.fromkeys(ids))
    _own_fields(card, record)
    return record


def _own_fields(card: vobject.base.Component, record: ContactRecord) -> None:
    """Read back the fields Onward itself wrote (an export from Onward)."""
    for line in _values(card, X_RELATIONSHIP):
        record.relationship = _text(line.value)
    for line in _values(card, X_HOW_MET):
        record.how_met = _text(line.value)
    for line in _values(card, X_MET_ON):
        record.met_on = _date(_text(line.value))
    for line in _values(card, X_CADENCE):
        days = _text(line.value)
        record.cadence_days = int(days) if days.isdigit() and int(days) > 0 else None
    for line in _values(card, X_SUPPORT):
        record.support = _text(line.value).lower() in ("yes", "true", "1")


def _uid(value: str) -> str:
    """Return the external id of a card's UID: Onward's own (from an export) as it is, anyone else's as "uid:…"."""
    return value if value.startswith(ONWARD_KEYS) else "uid:" + value


def linkedin_key(url: str) -> str:
    """Return a LinkedIn profile URL in one form: https, no "www", no query, no trailing slash, lower case."""
    url = url.strip().split("?")[0].split("#")[0].rstrip("/")
    url = re.sub(r"^https?://([a-z]{2,3}\.)?linkedin\.com", "https://linkedin.com", url, flags=re.IGNORECASE)
    return url.lower()


def read_vcards(text: str, name: str) -> tuple[list[ContactRecord], list[Refusal]]:
    """Return the people in a vCard file and the cards left out (with why); a file that cannot be read raises."""
    tidy = _tidy(text)
    if "BEGIN:VCARD" not in tidy.upper():
        raise BadInput(f"{name}: not a vCard file (there is no BEGIN:VCARD line)")
    records: list[ContactRecord] = []
    refused: list[Refusal] = []
    try:
        for number, card in enumerate(vobject.readComponents(tidy), start=1):
            if card.name.upper() != "VCARD":
                refused.append(Refusal(f"record {number}", f"a {card.name} is not a contact card"))
                continue
            found = _record(card, f"card {number}", name)
            (records if isinstance(found, ContactRecord) else refused).append(found)  # type: ignore[arg-type]
    except vobject.base.ParseError as error:
        raise BadInput(f"{name}: {_parse_message(error)}") from None
    except (vobject.base.VObjectError, ValueError, TypeError) as error:
        raise BadInput(f"{name}: this vCard could not be read ({error})") from None
    return records, refused


def _parse_message(error: vobject.base.ParseError) -> str:
    text = str(error).strip("'\"")
    return f"this vCard could not be read: {text[:200]}"


# ---- out ----


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 6350 3.2)."""
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def write_vcards(contacts: Iterable[ContactRecord], uids: Iterable[str]) -> str:
    """Return the contacts as one vCard 4.0 file (RFC 6350), with Onward's own fields as X-ONWARD- properties."""
    lines: list[str] = []
    for record, uid in zip(contacts, uids, strict=True):
        given, _, family = record.name.rpartition(" ")
        card = ["BEGIN:VCARD", "VERSION:4.0", f"UID:{_escape(uid)}", f"FN:{_escape(record.name)}"]
        card.append(f"N:{_escape(family if given else record.name)};{_escape(given)};;;")
        card += [f"EMAIL:{_escape(e)}" for e in record.emails]
        card += [f"TEL:{_escape(p)}" for p in record.phones]
        if record.organisation:
            card.append(f"ORG:{_escape(record.organisation)}")
        if record.role:
            card.append(f"TITLE:{_escape(record.role)}")
        if record.tags:
            card.append("CATEGORIES:" + ",".join(_escape(t) for t in record.tags))
        if record.notes:
            card.append(f"NOTE:{_escape(record.notes)}")
        linkedin = [e for e in [uid, *record.external_ids] if e.startswith("linkedin:")]
        card += [f"URL:{_escape(e.removeprefix('linkedin:'))}" for e in dict.fromkeys(linkedin)]
        card += [f"{X_ID}:{_escape(e)}" for e in record.external_ids if e != uid]
        for prop, value in (
            (X_RELATIONSHIP, record.relationship),
            (X_HOW_MET, record.how_met),
            (X_MET_ON, record.met_on.isoformat() if record.met_on else ""),
            (X_CADENCE, str(record.cadence_days) if record.cadence_days else ""),
            (X_SUPPORT, "yes" if record.support else ""),
        ):
            if value:
                card.append(f"{prop}:{_escape(value)}")
        card.append("END:VCARD")
        lines += [_fold(line) for line in card]
    return "\r\n".join(lines) + ("\r\n" if lines else "")
