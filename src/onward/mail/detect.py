"""Does the newest part of a message ask something of the reader? The sentence that does, or "".

The rules follow the labelling rule of tests/data/enron_requests_labels.md: a question put to the reader, or a
directive ("please review", "can you", "let me know what you think") counts; an offer or a condition ("let me
know if you have questions"), a pointer at an attachment ("please see attached"), and a bare FYI do not.
`baseline` is the simple rule the bench compares against: a question mark, or a sentence that starts with
an imperative verb.
"""

from __future__ import annotations

import re

_SENTENCES = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"')\]])\s+|\n+")
_LABEL = re.compile(r"^\s*[\w ]{1,30}:")  # "Start Date: …", "Fax: …": a field, not a verb
_WORD = re.compile(r"[a-z']+")
IMPERATIVE_VERBS = frozenset(
    [
        "add",
        "approve",
        "arrange",
        "ask",
        "attach",
        "book",
        "bring",
        "call",
        "change",
        "check",
        "confirm",
        "contact",
        "coordinate",
        "correct",
        "create",
        "delete",
        "do",
        "draft",
        "email",
        "e-mail",
        "fax",
        "fill",
        "find",
        "finish",
        "fix",
        "follow",
        "forward",
        "get",
        "give",
        "go",
        "handle",
        "help",
        "include",
        "let",
        "look",
        "make",
        "meet",
        "move",
        "note",
        "pass",
        "pick",
        "plan",
        "prepare",
        "print",
        "process",
        "provide",
        "put",
        "read",
        "remember",
        "remind",
        "remove",
        "reply",
        "respond",
        "review",
        "revise",
        "run",
        "schedule",
        "see",
        "send",
        "set",
        "sign",
        "speak",
        "start",
        "submit",
        "take",
        "talk",
        "tell",
        "update",
        "use",
        "verify",
        "wire",
        "write",
    ]
)
# Said to the reader at the start of a question: "can you", "do you", "is there", "what time".
_QUESTION_OPENERS = frozenset(
    [
        "can",
        "could",
        "would",
        "will",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "have",
        "has",
        "should",
        "shall",
        "may",
        "any",
        "what",
        "when",
        "where",
        "who",
        "whom",
        "which",
        "why",
        "how",
        "whats",
    ]
)
_POLITE = re.compile(
    r"\b(?:please|pls|plz|kindly)\b|\bcan you\b|\bcould you\b|\bwould you\b|\bwill you\b|\bwould it be possible\b"
    r"|\bi need you to\b|\bi would like (?:to see|you to)\b|\bi(?:'d| would) appreciate\b"
    r"|\b(?:let me|let us|lmk) know (?:what|how|when|whether|which|who|your)\b|\blet me know\s*[.!]?$"
    r"|\blet me know asap\b|\bget back to me\b|\bgive me a call\b|\bcall me\b|\bneeds? to be\b"
    r"|\bwe(?:'ll| will)? need\b|\byou (?:will )?need to\b|\byou should\b|\bmake sure\b|\bremember to\b"
    r"|\blook forward to your\b|\bwanted to see if\b|\bi was wondering\b|\bgo ahead and\b"
    r"|\bi am asking (?:you|for)\b|\bi am expecting\b|\bneed\b.*\b(?:asap|as soon as possible)\b|^\s*need to\b",
    re.IGNORECASE,
)
# Asking for a yes or no on what is sent: a request, though it starts like a condition.
_CONFIRM = re.compile(
    r"\blet (?:me|us) know (?:if|whether) (?:this|that|it|these|the \w+) (?:works|is ok|looks|is acceptable|fits)",
    re.IGNORECASE,
)
# Offers and conditions, and pointers at what is attached: not requests by the labelling rule.
_NOT_A_REQUEST = re.compile(
    r"^\s*(?:if|should) (?:you|there|anyone)\b"
    r"|(?<!see )(?<!wondering )\bif (?:you|there|anyone)\b[^.?!]{0,30}?\b(?:questions?|concerns|need|want|would like"
    r"|wish|interested|problems?|anything|any help)\b|\bif i can (?:help|assist|be of)\b"
    r"|\b(?:please )?(?:see|find) (?:the )?(?:attached|below|enclosed)\b|\battached (?:please )?(?:find|is|are)\b"
    r"|\bfeel free\b|\bdon'?t hesitate\b|\bhope (?:you|this|that|all)\b|\bfyi\b|\bplease note\b"
    r"|\bplease (?:be advised|be informed|be aware|keep in mind)\b|\bthanks? (?:for|again)\b"
    r"|\bplease direct (?:any |all )?(?:questions|inquiries)\b|\blet me know how i can help\b"
    r"|\b(?:for (?:more |further )?information|for assistance|to rsvp)\b.*\bplease (?:call|contact|e-?mail)\b"
    r"|\b(?:attached|enclosed|following|below)\b[^.]*\bplease find\b"
    r"|\bplease find (?:the )?(?:attached|below|enclosed)",
    re.IGNORECASE,
)
_SELF_QUESTION = re.compile(r"^\s*(?:i wonder|who knows|guess what|why not)\b", re.IGNORECASE)


WRAP_WIDTH = 50  # a line at least this long was most likely wrapped by the mailer: it runs on into the next


def sentences(text: str) -> list[str]:
    """The text's sentences, trimmed: wrapped lines joined again, short lines (a greeting, a name) kept apart."""
    joined: list[str] = []
    for line in text.splitlines():
        if joined and len(joined[-1].rsplit("\n", 1)[-1]) >= WRAP_WIDTH and line.strip():
            joined[-1] += " " + line.strip()
        else:
            joined.append(line.strip())
    return [part.strip() for part in _SENTENCES.split("\n".join(joined)) if part and part.strip()]


def _words(sentence: str) -> list[str]:
    return _WORD.findall(sentence.lower())


def _is_question(sentence: str, words: list[str]) -> bool:
    if not sentence.rstrip().endswith("?") or _SELF_QUESTION.match(sentence):
        return False
    if set(sentence.strip()) <= {"?", "!"}:
        return True  # "??" over a forwarded message: "what is this about?"
    return bool(words) and (words[0] in _QUESTION_OPENERS or "you" in words or "your" in words)


# Every pattern of _POLITE and _CONFIRM holds one of these words: a sentence without any is not run through them.
_CUE_WORDS = frozenset(
    [
        "please",
        "pls",
        "plz",
        "kindly",
        "you",
        "me",
        "us",
        "lmk",
        "need",
        "needs",
        "we",
        "make",
        "remember",
        "look",
        "wanted",
        "wondering",
        "ahead",
        "asking",
        "expecting",
        "appreciate",
        "like",
        "possible",
    ]
)


_NAMED = re.compile(r"^\s*\w+\s*[,:-]")


def _is_directive(sentence: str, words: list[str]) -> bool:
    # "Mark, please…" or "Kyle, I think…": a name and a comma before the verb
    body = words[1:] if len(words) > 1 and _NAMED.match(sentence) else words
    starts_with_verb = len(body) >= 3 and body[0] in IMPERATIVE_VERBS
    if not starts_with_verb and _CUE_WORDS.isdisjoint(words):
        return False
    if _CONFIRM.search(sentence):
        return True
    if _NOT_A_REQUEST.search(sentence):
        return False
    if _POLITE.search(sentence):
        return True
    if not starts_with_verb or _LABEL.match(sentence):
        return False
    return body[0] not in ("see", "note", "let", "hope")


# A mailing: newsletters and offers ask everyone on the list, not the reader.
_MAILING = re.compile(r"\bunsubscribe\b|\bprivacy policy\b|\bclick here\b|\bopt[- ]out\b", re.IGNORECASE)


def _mailing(text: str) -> bool:
    """Is it a mailing? The pattern is run only on text that might hold one of its words (all non-ASCII text:
    a case-blind pattern also matches a few non-ASCII letters, such as the Kelvin sign for "k")."""
    if text.isascii():
        lower = text.lower()
        words = "unsubscribe" in lower or "privacy policy" in lower or "click here" in lower or "opt" in lower
        if not words:
            return False
    return _MAILING.search(text) is not None


# A sentence can ask only with a question mark, or with one of these words: a text with neither asks nothing,
# and is not split into sentences at all (most mail: notes, replies, FYIs).
_ASKING_WORDS = IMPERATIVE_VERBS | _CUE_WORDS


def find_request(newest: str) -> str:
    """Return the first sentence of the newest part that asks something of the reader, or ""."""
    if "?" not in newest and _ASKING_WORDS.isdisjoint(_words(newest)):
        return ""  # a sentence's words are words of the whole text: none of them can ask
    if _mailing(newest):
        return ""
    for sentence in sentences(newest):
        words = _words(sentence)
        if len(words) > 60:
            continue  # a pasted paragraph of a document, not a sentence to the reader
        if _is_question(sentence, words) or _is_directive(sentence, words):
            return sentence[:500]
    return ""


def baseline(newest: str) -> bool:
    """The simple rule: a question mark, or any sentence starting with an imperative verb."""
    if "?" in newest:
        return True
    return any((words := _words(s)) and words[0] in IMPERATIVE_VERBS | {"please"} for s in sentences(newest))
