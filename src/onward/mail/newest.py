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
      | .{0,80}\b\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*$
      | \s*_{20,}\s*$
    )""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
# A signature or a legal footer: everything after it is left out.
_SIGNATURE = re.compile(
    r"""^(?:
        --\s*$
      | \s*(?:thanks|thank\ you|many\ thanks|regards|best\ regards|kind\ regards|best|cheers|sincerely
           |cordially|all\ the\ best|take\ care|love)[\s,.!]*$
      | .*\b(?:this\ e-?mail|this\ message|the\ information\ contained)\b.*\b(?:intended|confidential|privileged)\b.*
      | \s*(?:sent\ from\ my\ \w+).*
    )""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
_BLANK_RUNS = re.compile(r"\n\s*\n+")


def newest_part(body: str) -> str:
    """Return the sender's own new text: above any quoted reply or forward, without the signature."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    quote = _QUOTE_START.search(text)
    if quote is not None:
        text = text[: quote.start()]
    signature = _SIGNATURE.search(text)
    # "Thanks," at the very start is a whole message ("Thanks, that works"), not a sign-off.
    if signature is not None and text[: signature.start()].strip():
        text = text[: signature.start()]
    return _BLANK_RUNS.sub("\n", text).strip()
