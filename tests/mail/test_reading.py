"""Reading one raw message: what is kept, what makes it broken, and the newest part requests are looked for in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onward.mail.newest import newest_part
from onward.mail.reading import BrokenMessage, read_message

from .conftest import raw


def test_headers_are_kept_and_the_date_keeps_its_own_offset() -> None:
    record = read_message(
        raw(
            "a1@example.org",
            sender='"Okafor, Sam" <Sam.Okafor@Example.org>',
            to="Alex <alex@example.org>, jo@example.org",
            cc="lee@example.org",
            subject="=?utf-8?q?Caf=C3=A9_rota?=",
            date="Mon, 30 Nov 2026 23:10:00 -0500",
        )
    )
    assert record.key == "<a1@example.org>"
    assert (record.from_name, record.from_address) == ("Okafor, Sam", "sam.okafor@example.org")
    assert record.to == ("alex@example.org", "jo@example.org") and record.cc == ("lee@example.org",)
    assert record.subject == "Café rota"
    assert record.sent_at == dt.datetime(2026, 12, 1, 4, 10) and record.utc_offset == -300
    assert record.local_sent_at.hour == 23


def test_a_message_without_message_id_gets_a_stable_key_from_its_headers() -> None:
    first = read_message(raw(None, subject="No id"))
    again = read_message(raw(None, subject="No id"))
    other = read_message(raw(None, subject="Another"))
    assert first.key.startswith("hash:") and first.key == again.key != other.key


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        (b"", "empty"),
        (b"just some words\nand more\n", "does not start with mail headers"),
        (b"Date: Mon, 30 Nov 2026 10:00:00 -0600\nSubject: x\n\nbody", "no sender address"),
        (b"From: a@b.org\nSubject: x\n\nbody", "no readable Date header"),
        (b"From: a@b.org\nDate: sometime soon\n\nbody", "no readable Date header"),
        (b"From: a@b.org\nDate: Mon, 31 Feb 2026 10:00:00 +0000\n\nbody", "not a real date"),
    ],
)
def test_a_broken_message_says_why(message: bytes, reason: str) -> None:
    with pytest.raises(BrokenMessage, match=reason):
        read_message(message)


def test_a_multipart_message_is_read_for_its_plain_text() -> None:
    message = (
        b"Message-ID: <m@x>\nDate: Mon, 30 Nov 2026 10:00:00 -0600\nFrom: a@x.org\nTo: b@x.org\n"
        b'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n'
        b"--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        b"Could you send the r=C3=B4ta?\n--b\nContent-Type: text/html\n\n<p>Could you</p>\n--b--\n"
    )
    assert read_message(message).newest == "Could you send the rôta?"


def test_the_newest_part_leaves_out_quoted_replies_forwards_and_signatures() -> None:
    body = (
        "Can you send the figures by Friday?\n\nThanks,\nSam\n\n"
        "-----Original Message-----\nFrom: Alex\nSent: Monday\nCould you check the rota?\n"
    )
    assert newest_part(body) == "Can you send the figures by Friday?"
    assert newest_part("FYI\n---------------------- Forwarded by Sam on 01/02/2001\nPlease review") == "FYI"
    assert newest_part("Sounds good.\n\nOn Mon, 30 Nov 2026, Jo wrote:\n> Can you come?") == "Sounds good."
    assert newest_part("Looks fine to me.\n-- \nSam Okafor\nPhone 555") == "Looks fine to me."


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_with_a_reason_never_a_crash(data: bytes) -> None:
    try:
        record = read_message(data)
    except BrokenMessage as error:
        assert str(error)
    else:
        assert "@" in record.from_address


header_text = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\r\n"), max_size=80)


@settings(max_examples=200, deadline=None)
@given(
    subject=header_text,
    body=st.text(max_size=3000),
    offset=st.integers(-12 * 60, 14 * 60),
    when=st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2040, 1, 1)),
)
def test_any_well_formed_message_is_read_whatever_its_subject_body_and_zone(
    subject: str, body: str, offset: int, when: dt.datetime
) -> None:
    zone = dt.timezone(dt.timedelta(minutes=offset))
    moment = when.replace(microsecond=0, tzinfo=zone)
    record = read_message(raw("h@example.org", subject=subject, body=body, date=moment))
    assert record.sent_at == moment.astimezone(dt.UTC).replace(tzinfo=None)
    assert record.utc_offset == offset
    assert record.subject == " ".join(subject.split())
    assert len(record.snippet) <= 200


_date_parts = st.tuples(
    st.sampled_from(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Thu", "thu", "Foo"]),
    st.integers(0, 40).map(str) | st.sampled_from(["09", "007", ""]),
    st.sampled_from(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "jan", "Xyz"]),
    st.integers(0, 10_000).map(str) | st.sampled_from(["0099", "1999", "2025", "99"]),
    st.integers(0, 99).map("{:02d}".format) | st.sampled_from(["7", "123"]),
    st.integers(0, 99).map("{:02d}".format),
    st.integers(0, 99).map("{:02d}".format),
    st.sampled_from(["+", "-", ""]),
    st.integers(0, 9999).map("{:04d}".format) | st.sampled_from(["0000", "EST", "GMT", "(PST)", "12"]),
    st.sampled_from([", ", " ", ","]),
)


@settings(max_examples=1000, deadline=None)
@given(_date_parts)
def test_the_usual_date_header_is_read_as_the_standard_library_reads_it(parts: tuple[str, ...]) -> None:
    """The quick pattern for "Thu, 09 Jan 2025 11:17:00 +0100" reads what parsedate_tz reads, and no more."""
    from email.utils import parsedate_tz

    from onward.mail.reading import _parsed_date

    day_name, day, month, year, hour, minute, second, sign, zone, comma = parts
    value = f"{day_name}{comma}{day} {month} {year} {hour}:{minute}:{second} {sign}{zone}"
    expected = parsedate_tz(value)
    assert _parsed_date(value) == (None if expected is None else (*expected[:6], expected[9] or 0))


_header_names = st.sampled_from(
    [
        "Message-ID",
        "Date",
        "From",
        "To",
        "Cc",
        "CC",
        "subject",
        "SUBJECT",
        "In-Reply-To",
        "Content-Type",
        "Content-Transfer-Encoding",
        "X-Mailer",
        "Received",
        "To-Do",
        "Fromage",
        "Subject ",
        "Subject\t",
    ]
)
_header_values = st.text(st.sampled_from("ab <@>.:;,=?\t "), max_size=12)
_header_lines = st.one_of(
    st.builds(lambda name, value: f"{name}:{value}", _header_names, _header_values),
    st.builds(lambda lead, value: lead + value, st.sampled_from([" ", "\t", "  "]), _header_values),  # folded
    _header_values,  # no colon: not a header
)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(_header_lines, max_size=12),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["", "", "", "\x0b", "\x0c", "\x1c", "\x1f", "\r", "\xe9", "\u2028"]),
    st.integers(0, 200),
)
def test_the_quick_header_reading_keeps_what_the_line_by_line_reading_keeps(
    lines: list[str], end: str, odd: str, where: int
) -> None:
    """Headers are read by one pattern when they are plain ASCII with ordinary line breaks: the same fields,
    unfolded the same, as the line-by-line reading (which any other header block still gets)."""
    from onward.mail.reading import _parse_headers_line_by_line, parse_headers

    text = end.join(lines)
    head = (text[:where] + odd + text[where:]).encode("utf-8")
    assert parse_headers(head) == _parse_headers_line_by_line(head)


_body_pieces = st.sampled_from(
    [
        "Can you send it?",
        "ok",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        ">",
        "> quoted",
        "-",
        "--",
        "--\n",
        "_" * 20,
        "On Mon, Jo wrote:",
        "From: Sam",
        "FROM: x",
        "To: y",
        "Sent by: z",
        "-----Original Message-----",
        "---------- Forwarded message",
        "Forwarded by Jo",
        "Thanks",
        "THANK YOU",
        "Regards",
        "best",
        "Cheers!",
        "Sincerely,",
        "take care",
        "Love",
        "Sent from my phone",
        "03/15/2001 10:15 AM",
        "This e-mail is",
        "intended",
        "confidential",
        "\u017f",
        "é",
        "\t",
        "\x1c",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_body_pieces, max_size=14))
def test_the_newest_part_is_the_same_when_texts_without_the_words_are_not_searched(pieces: list[str]) -> None:
    """A text that holds none of the words a quote or a signature starts with skips those patterns: the same
    newest part as searching every text with both."""
    import re

    from onward.mail import newest

    body = "".join(pieces)
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    quote = newest._first(text, newest._QUOTE_START, newest._QUOTE_DATE, True)
    if quote is not None:
        text = text[:quote]
    signature = newest._first(text, newest._SIGNATURE, newest._FOOTER, True)
    if signature is not None and text[:signature].strip():
        text = text[:signature]
    assert newest_part(body) == re.sub(r"\n\s*\n+", "\n", text).strip()
