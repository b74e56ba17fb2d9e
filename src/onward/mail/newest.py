"""The newest part of a message: what the sender wrote this time, without quoted replies, forwarded messages,
signatures or legal footers. Requests are looked for here only (a question in a quoted reply was asked of
someone else, earlier)."""

from __future__ import annotations

import re

# Where the older conversation starts: a quoted reply or forward, in the shapes Outlook, Lotus Notes, Gmail,
# Apple Mail and mailing lists write them.
_QUOTE_START = re.compile(
    r"""^(?:
        \s*-{2,}\s*Original\ Message\s*-{2,}
      | \s*-{3,}\s*Forwarded\ by\ .*
      | \s*-{3,}\s*(?:Begin\ )?forwarded\ message.*
      | \s*>.*
      | \s*On\ .{0,120}\bwrote:\s*
      | \s*From:\s.+
      | \s*Sent\ by:\s.+
      | \s*To:\s.+
      | \s*_{20,}\s*$
    )""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
# A header line of a reply written with the date and time ("Jo Marsh 03/15/2001 10:15 AM"): searched apart, and
# only in text with a "/" in it, as it is the costly one (the earlier of the two matches is where the quote starts).
_QUOTE_DATE = re.compile(
    r"^.{0,80}\b\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*$", re.IGNORECASE | re.MULTILINE
)
# A signature or a legal footer: everything after it is left out.
_SIGNATURE = re.compile(
    r"""^(?:
        --\s*$
      | \s*(?:thanks|thank\ you|many\ thanks|regards|best\ regards|kind\ regards|best|cheers|sincerely
           |cordially|all\ the\ best|take\ care|love)[\s,.!]*$
      | \s*(?:sent\ from\ my\ \w+).*
    )""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
# A legal footer line: searched apart, and only in text that holds one of its last words (the costly one).
_FOOTER = re.compile(
    r"^.*\b(?:this\ e-?mail|this\ message|the\ information\ contained)\b.*\b(?:intended|confidential|privileged)\b.*",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
_BLANK_RUNS = re.compile(r"\n\s*\n+")


# Words one of which every match of _QUOTE_START / _SIGNATURE holds (in lower case): a text with none of them
# is not searched. Most messages are short and hold no quote; the two patterns are most of newest_part's time.
_QUOTE_WORDS = (">", "wrote:", "from:", "sent by:", "to:", "original message", "forwarded", "_" * 20)
_FOOTER_WORDS = ("intended", "confidential", "privileged")  # _FOOTER's last words, the costly pattern's gate
_SIGNATURE_WORDS = (
    "--",
    "thank",
    "regards",
    "best",
    "cheers",
    "sincerely",
    "cordially",
    "take care",
    "love",
    "sent from my",
)


def _first(
    text: str, pattern: re.Pattern[str], costly: re.Pattern[str], needed: bool, searched: bool = True
) -> int | None:
    """Where the first match of `pattern` (when `searched`), or of `costly` when `needed`, starts in `text`;
    None for neither. The same as one pattern with both as alternatives: the leftmost match of either."""
    found = (pattern.search(text) if searched else None, costly.search(text) if needed else None)
    starts = [match.start() for match in found if match]
    return min(starts) if starts else None


def _holds_any(lower: str | None, words: tuple[str, ...]) -> bool:
    """False only when the lower-cased ASCII text surely holds none of `words` (None, for non-ASCII text: a
    case-blind pattern also matches a few non-ASCII letters, such as "ſ" for "s", so it is always searched)."""
    return lower is None or any(word in lower for word in words)


def newest_part(body: str) -> str:
    """Return the sender's own new text: above any quoted reply or forward, without the signature."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    lower = text.lower() if text.isascii() else None
    quote = _first(text, _QUOTE_START, _QUOTE_DATE, "/" in text, _holds_any(lower, _QUOTE_WORDS))
    if quote is not None:
        text = text[:quote]
        lower = None if lower is None else lower[:quote]
    signature = _first(text, _SIGNATURE, _FOOTER, _holds_any(lower, _FOOTER_WORDS), _holds_any(lower, _SIGNATURE_WORDS))
    # "Thanks," at the very start is a whole message ("Thanks, that works"), not a sign-off.
    if signature is not None and text[:signature].strip():
        text = text[:signature]
    return _BLANK_RUNS.sub("\n", text).strip()
