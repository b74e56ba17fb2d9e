"""The two questionnaires, word for word as published, and their published scoring: pure functions.

Copenhagen Burnout Inventory (CBI): Kristensen, Borritz, Villadsen & Christensen (2005), "The Copenhagen Burnout
Inventory: A new tool for the assessment of burnout", Work & Stress 19(3), 192-207; the English version used in
the PUMA study (National Research Centre for the Working Environment, Copenhagen). Three scales: personal (6
items), work-related (7), client-related (6, for people who work with clients). Each answer scores 100 / 75 / 50 /
25 / 0 from "always" (or "to a very high degree") down; the last work-related item ("enough energy for family and
friends") is scored in reverse. A scale's score is the mean of its answered items; with fewer than three answered
items (personal, client) or four (work-related) the published rule calls the respondent a non-responder, so
Onward gives no score for that scale. 50 or more counts as a high degree of burnout (Borritz & Kristensen 2004,
normative data from the PUMA study).

WHO-5 Well-Being Index: WHO Regional Office for Europe (1998), Psychiatric Research Unit, Mental Health Centre North
Zealand; reviewed by Topp, Østergaard, Søndergaard & Bech (2015), Psychotherapy and Psychosomatics 84(3), 167-176.
Five statements about the last two weeks, each 0 ("at no time") to 5 ("all of the time"); the raw score (0-25)
times four is the percentage score (0-100). The published scoring adds all five answers and gives no rule for a
skipped one, so a WHO-5 with a skipped item has no score. 50 or less: low well-being; 28 or less: the published
advice is to talk to a professional; a change of 10 points is a meaningful change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from onward.errors import BadInput

CBI = "cbi"
WHO5 = "who5"
INSTRUMENTS = (CBI, WHO5)

FREQUENCY = ("Always", "Often", "Sometimes", "Seldom", "Never/almost never")
DEGREE = ("To a very high degree", "To a high degree", "Somewhat", "To a low degree", "To a very low degree")
CBI_POINTS = (100, 75, 50, 25, 0)  # the points of the options above, in their printed order
WHO5_OPTIONS = (
    "All of the time",
    "Most of the time",
    "More than half of the time",
    "Less than half of the time",
    "Some of the time",
    "At no time",
)
WHO5_POINTS = (5, 4, 3, 2, 1, 0)

CBI_HIGH = 50.0  # a high degree of burnout from here (Borritz & Kristensen 2004)
WHO5_LOW = 50  # low well-being at or below
WHO5_PROFESSIONAL = 28  # at or below: consider talking to a professional
WHO5_MEANINGFUL_CHANGE = 10  # points: a change this large is meaningful


@dataclass(frozen=True)
class Item:
    """One statement or question as printed, with its answer options (text, points) in printed order."""

    number: int  # 1-based position in the instrument's item order
    scale: str
    text: str
    options: tuple[tuple[str, int], ...]
    reversed: bool = False


@dataclass(frozen=True)
class Scale:
    key: str  # the JSON key: personal, work, client, wellbeing
    name: str
    definition: str
    minimum_answered: int
    optional: bool = False


def _frequency() -> tuple[tuple[str, int], ...]:
    return tuple(zip(FREQUENCY, CBI_POINTS, strict=True))


def _degree() -> tuple[tuple[str, int], ...]:
    return tuple(zip(DEGREE, CBI_POINTS, strict=True))


CBI_SCALES = (
    Scale("personal", "Personal burnout", "a state of prolonged physical and psychological exhaustion.", 3),
    Scale(
        "work",
        "Work-related burnout",
        "a state of prolonged physical and psychological exhaustion, which is perceived as related to the "
        "person's work.",
        4,
    ),
    Scale(
        "client",
        "Client-related burnout",
        "a state of prolonged physical and psychological exhaustion, which is perceived as related to the "
        "person's work with clients.",
        3,
        optional=True,
    ),
)

_CBI_TEXTS: tuple[tuple[str, str, str], ...] = (
    ("personal", "How often do you feel tired?", "frequency"),
    ("personal", "How often are you physically exhausted?", "frequency"),
    ("personal", "How often are you emotionally exhausted?", "frequency"),
    ("personal", "How often do you think: \u201cI can\u2019t take it anymore\u201d?", "frequency"),
    ("personal", "How often do you feel worn out?", "frequency"),
    ("personal", "How often do you feel weak and susceptible to illness?", "frequency"),
    ("work", "Is your work emotionally exhausting?", "degree"),
    ("work", "Do you feel burnt out because of your work?", "degree"),
    ("work", "Does your work frustrate you?", "degree"),
    ("work", "Do you feel worn out at the end of the working day?", "frequency"),
    ("work", "Are you exhausted in the morning at the thought of another day at work?", "frequency"),
    ("work", "Do you feel that every working hour is tiring for you?", "frequency"),
    ("work", "Do you have enough energy for family and friends during leisure time?", "reversed"),
    ("client", "Do you find it hard to work with clients?", "degree"),
    ("client", "Do you find it frustrating to work with clients?", "degree"),
    ("client", "Does it drain your energy to work with clients?", "degree"),
    ("client", "Do you feel that you give more than you get back when you work with clients?", "degree"),
    ("client", "Are you tired of working with clients?", "frequency"),
    ("client", "Do you sometimes wonder how long you will be able to continue working with clients?", "frequency"),
)

CBI_ITEMS: tuple[Item, ...] = tuple(
    Item(i + 1, scale, text, _degree() if kind == "degree" else _frequency(), reversed=kind == "reversed")
    for i, (scale, text, kind) in enumerate(_CBI_TEXTS)
)
CBI_REQUIRED_ITEMS = sum(1 for item in CBI_ITEMS if item.scale != "client")  # 13: personal and work-related

WHO5_INTRO = (
    "Please indicate for each of the five statements which is closest to how you have been feeling over the "
    "last two weeks."
)
WHO5_SCALES = (Scale("wellbeing", "Well-being", "current mental well-being over the last two weeks.", 5),)
_WHO5_TEXTS = (
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
)
WHO5_ITEMS: tuple[Item, ...] = tuple(
    Item(i + 1, "wellbeing", text, tuple(zip(WHO5_OPTIONS, WHO5_POINTS, strict=True)))
    for i, text in enumerate(_WHO5_TEXTS)
)

Answers = Sequence[int | None]  # one per item in the published order; None: skipped


def items_of(instrument: str) -> tuple[Item, ...]:
    if instrument == CBI:
        return CBI_ITEMS
    if instrument == WHO5:
        return WHO5_ITEMS
    raise BadInput(f"the questionnaire must be one of {', '.join(INSTRUMENTS)}, not '{instrument}'")


def scales_of(instrument: str) -> tuple[Scale, ...]:
    items_of(instrument)  # refuses an unknown name
    return CBI_SCALES if instrument == CBI else WHO5_SCALES


def check_answers(instrument: str, answers: Answers) -> list[int | None]:
    """Return the answers as a list, or raise BadInput naming the item and what it accepts."""
    items = items_of(instrument)
    given = list(answers)
    # The client-related items are optional: 13 answers are the personal and work-related ones.
    if instrument == CBI and len(given) not in (CBI_REQUIRED_ITEMS, len(items)):
        raise BadInput(
            f"the CBI takes {CBI_REQUIRED_ITEMS} answers (6 personal, 7 work-related) or {len(items)} "
            f"(with the 6 client-related ones), not {len(given)}"
        )
    if instrument == WHO5 and len(given) != len(items):
        raise BadInput(f"the WHO-5 takes {len(items)} answers, not {len(given)}")
    for item, answer in zip(items, given, strict=False):
        allowed = [points for _text, points in item.options]
        if answer is not None and answer not in allowed:
            raise BadInput(
                f"item {item.number} (\u201c{item.text}\u201d): {answer} is not one of the answers "
                f"({', '.join(str(p) for p in allowed)})"
            )
    return given + [None] * (len(items) - len(given))


def score(instrument: str, answers: Answers) -> dict[str, float | None]:
    """Return each scale's score by the published rule (None: too few items answered, or the scale not taken)."""
    given = check_answers(instrument, answers)
    items = items_of(instrument)
    if instrument == WHO5:
        if any(answer is None for answer in given):
            return {"wellbeing": None}
        return {"wellbeing": float(4 * sum(a for a in given if a is not None))}
    scores: dict[str, float | None] = {}
    for scale in CBI_SCALES:
        points = [
            100 - answer if item.reversed else answer
            for item, answer in zip(items, given, strict=True)
            if item.scale == scale.key and answer is not None
        ]
        scores[scale.key] = round(sum(points) / len(points), 1) if len(points) >= scale.minimum_answered else None
    return scores


def answered(instrument: str, answers: Answers, scale: str) -> int:
    """Return how many items of `scale` were answered."""
    given = zip(items_of(instrument), check_answers(instrument, answers), strict=True)
    return sum(1 for item, answer in given if item.scale == scale and answer is not None)


def parse_answers(text: str, what: str = "--answers") -> list[int | None]:
    """Return the answers in "75,50,,100" (an empty position is a skipped item), or raise BadInput."""
    found: list[int | None] = []
    for position, part in enumerate(text.split(","), start=1):
        part = part.strip()
        if not part:
            found.append(None)
            continue
        try:
            found.append(int(part))
        except ValueError:
            raise BadInput(f"{what}: answer {position} is not a whole number (got {part!r})") from None
    return found


@dataclass(frozen=True)
class Reading:
    """What a scale's score says, in plain words (never a diagnosis)."""

    band: str  # high | not_high | low | professional | fine | none
    words: str


def read_cbi(value: float | None) -> Reading:
    if value is None:
        return Reading("none", "not scored: too few of its questions were answered")
    if value >= CBI_HIGH:
        return Reading("high", "high (50 or more, as in Borritz & Kristensen 2004)")
    return Reading("not_high", "below the high range (under 50)")


def read_who5(value: float | None) -> Reading:
    if value is None:
        return Reading("none", "not scored: the WHO-5 is scored only when all five statements are answered")
    if value <= WHO5_PROFESSIONAL:
        return Reading("professional", "28 or less: worth talking to a doctor or counsellor about how you feel")
    if value <= WHO5_LOW:
        return Reading("low", "50 or less: low well-being")
    return Reading("fine", "above 50")


def change_words(before: float | None, now: float | None) -> str:
    """Return how a WHO-5 score moved since the last one (10 points or more is a meaningful change)."""
    if before is None or now is None:
        return ""
    delta = now - before
    if abs(delta) < WHO5_MEANINGFUL_CHANGE:
        return f"About the same as last time ({before:.0f})."
    way = "up" if delta > 0 else "down"
    return f"{abs(delta):.0f} points {way} since last time ({before:.0f}): a change of 10 or more is meaningful."
