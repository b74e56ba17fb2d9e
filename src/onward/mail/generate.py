"""Generated mail, for the demo, the heavy user and the import benchmark: plausible raw RFC 822 messages
between a person and their colleagues, with evening sending and some requests. Deterministic for a given rng."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from email.utils import format_datetime

COLLEAGUES = (
    ("Jo Marsh", "jo.marsh"),
    ("Sam Okafor", "sam.okafor"),
    ("Priya Shah", "priya.shah"),
    ("Lee Chen", "lee.chen"),
    ("Maria Lopez", "maria.lopez"),
)
REQUESTS = (
    ("Volunteer rota", "Could you send me the volunteer rota for next month by Friday?"),
    ("Grant report draft", "Please review the grant report draft before Thursday and add the attendance figures."),
    ("Our 1:1", "Can we move our 1:1 to Wednesday afternoon?"),
    ("Workshop room", "Please book the library room for the March workshop by end of week."),
    ("Newsletter", "Would you write two paragraphs on the reading club for the newsletter by the 20th?"),
    ("Donor list", "Can you check the donor list for duplicates before tomorrow?"),
)
NOTES = (
    ("Printer", "FYI the printer on the second floor works again."),
    ("Thanks", "Thanks for covering the Tuesday session, it went really well."),
    ("Minutes", "Attached are the minutes from the board meeting."),
    ("Parking", "The car park is closed on Saturday for resurfacing."),
    ("Training", "The safeguarding training is now online. It takes about an hour."),
)
REPLIES = (
    "Done, it is in the shared folder.",
    "Sure, I will get it to you.",
    "Thanks, noted.",
    "I have sent the figures to Jo.",
    "That works for me.",
)


def message(
    *,
    message_id: str,
    sender: tuple[str, str],
    to: tuple[str, str],
    subject: str,
    when: dt.datetime,
    body: str,
    in_reply_to: str = "",
) -> bytes:
    """One raw message (headers and a plain-text body), as a mail client would write it."""
    lines = [
        f"Message-ID: <{message_id}>",
        f"Date: {format_datetime(when)}",
        f"From: {sender[0]} <{sender[1]}>",
        f"To: {to[0]} <{to[1]}>",
        f"Subject: {subject}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    if in_reply_to:
        lines.append(f"In-Reply-To: <{in_reply_to}>")
    return ("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode("utf-8")


def mailbox(
    person: tuple[str, str],
    domain: str,
    first_day: dt.date,
    weeks: int,
    zone: dt.tzinfo,
    rng: random.Random,
    *,
    sent_per_week: int = 20,
    late_share_from: float = 0.45,
    late_share_to: float = 0.1,
) -> Iterator[tuple[str, bytes]]:
    """Yield (folder, raw message) for `weeks` of mail from `first_day`: received mail (some of it asking
    something) and the person's sent mail, whose share sent late in the evening falls from `late_share_from`
    in the first week to `late_share_to` in the last."""
    serial = 0
    for week in range(weeks):
        late_share = late_share_from + (late_share_to - late_share_from) * week / max(weeks - 1, 1)
        monday = first_day + dt.timedelta(days=7 * week - first_day.weekday())
        for n in range(sent_per_week):
            serial += 1
            name, user = rng.choice(COLLEAGUES)
            colleague = (name, f"{user}@{domain}")
            day = monday + dt.timedelta(days=rng.randrange(5))
            hour = rng.choice((21, 22, 22, 23)) if rng.random() < late_share else rng.randrange(9, 17)
            sent = dt.datetime.combine(day, dt.time(hour, rng.randrange(60)), zone)
            asked = sent - dt.timedelta(minutes=rng.choice((3, 12, 40, 150, 300, 1500)))
            subject, text = REQUESTS[(serial // 4) % len(REQUESTS)] if n % 4 == 0 else rng.choice(NOTES)
            first_name = person[0].split()[0]
            received_id = f"r{serial}.{week}@{domain}"
            yield (
                "INBOX",
                message(
                    message_id=received_id,
                    sender=colleague,
                    to=person,
                    subject=subject,
                    when=asked,
                    body=f"Hi {first_name},\n\n{text}\n\nThanks,\n{name.split()[0]}",
                ),
            )
            yield (
                "Sent",
                message(
                    message_id=f"s{serial}.{week}@{domain}",
                    sender=person,
                    to=colleague,
                    subject=f"Re: {subject}",
                    when=sent,
                    body=f"{rng.choice(REPLIES)}\n\n{first_name}",
                    in_reply_to=received_id,
                ),
            )
