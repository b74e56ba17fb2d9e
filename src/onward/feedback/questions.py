"""Questions and answers: the default set, checking a question list, and reading one answer per question.

An answer body (the form's fields or the JSON `{"answers": [...]}`) becomes one value per question: a whole
number 1-5 for a rating question, text for an open one, None for a question left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from onward.errors import BadInput

RATING_LABELS = ("Rarely", "Sometimes", "Often", "Usually", "Almost always")
DEFAULT_RATINGS = (
    "Plans work realistically and meets the deadlines I agree to",
    "Keeps people informed about how things stand",
    "Asks for help or hands work on when there is too much",
    "Is good to work with",
)
DEFAULT_OPEN = (
    "What should I keep doing?",
    "What one thing should I change?",
    "Where have you seen me at my best?",
)
MAX_QUESTIONS = 20
MAX_QUESTION = 300
MAX_OPEN_ANSWER = 4000


def question(kind: str, text: str) -> dict[str, Any]:
    """Return one question as stored: its kind, its text and, for a rating, the words of 1 to 5."""
    if kind not in ("rating", "open"):
        raise BadInput(f"a question is 'rating' or 'open', not '{kind}'")
    text = " ".join(text.split())
    if not text:
        raise BadInput("a question needs some words")
    if len(text) > MAX_QUESTION:
        raise BadInput(f"question '{text[:40]}…' is longer than {MAX_QUESTION} characters")
    found: dict[str, Any] = {"kind": kind, "text": text}
    if kind == "rating":
        found["labels"] = list(RATING_LABELS)
    return found


def question_list(ratings: Sequence[str], open_questions: Sequence[str]) -> list[dict[str, Any]]:
    """Return the questions the answer page asks, rating questions first (quick to answer), then open ones;
    the default set when none are given."""
    ratings = [r for r in ratings if r.strip()]
    open_questions = [q for q in open_questions if q.strip()]
    if not ratings and not open_questions:
        ratings, open_questions = list(DEFAULT_RATINGS), list(DEFAULT_OPEN)
    found = [question("rating", r) for r in ratings] + [question("open", q) for q in open_questions]
    if len(found) > MAX_QUESTIONS:
        raise BadInput(f"ask at most {MAX_QUESTIONS} questions (a short form gets more answers), not {len(found)}")
    return found


def _rating(value: Any, number: int) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadInput(f"question {number}: a rating is a number from 1 to 5, not {str(value).lower()}")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or not 1 <= value <= 5:
        raise BadInput(f"question {number}: a rating is a number from 1 to 5, not {value!r}")
    return value


def _open(value: Any, number: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadInput(f"question {number}: the answer is text, not {type(value).__name__}")
    value = value.strip()
    if len(value) > MAX_OPEN_ANSWER:
        raise BadInput(f"question {number}: please keep the answer under {MAX_OPEN_ANSWER} characters")
    return value or None


def read_answers(questions: Sequence[dict[str, Any]], values: Any) -> list[int | str | None]:
    """Return one value per question from `values` (a list in question order), or raise BadInput naming the
    question (counted from 1) and what is wrong. At least one question must be answered."""
    if not isinstance(values, list):
        raise BadInput('send {"answers": [...]}: one value per question, in order')
    if len(values) != len(questions):
        raise BadInput(f"this form asks {len(questions)} questions; the answer has {len(values)} values")
    found: list[int | str | None] = []
    for number, (asked, value) in enumerate(zip(questions, values, strict=True), start=1):
        found.append(_rating(value, number) if asked["kind"] == "rating" else _open(value, number))
    if all(value is None for value in found):
        raise BadInput("the answer is empty: answer at least one question")
    return found


def read_json_body(body: Any, questions: Sequence[dict[str, Any]]) -> list[int | str | None]:
    """Return the answers in a JSON body `{"answers": [...]}`."""
    if not isinstance(body, dict) or "answers" not in body:
        raise BadInput('send {"answers": [...]}: one value per question, in order')
    return read_answers(questions, body["answers"])
