"""What the feedback service gives back: plain dataclasses, shared by pages, their JSON twins and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from onward.feedback.themes import Theme


@dataclass(frozen=True)
class Question:
    kind: str  # "rating" | "open"
    text: str
    labels: list[str] = field(default_factory=list)  # the words of 1..5 (rating questions)


@dataclass(frozen=True)
class InviteLink:
    """A link, shown once: when the request is made or the link is made anew."""

    invite_id: int
    name: str
    email: str
    url: str


@dataclass(frozen=True)
class InviteView:
    """Someone asked. Whether they answered is not known: answers are only counted."""

    id: int
    name: str
    email: str


@dataclass(frozen=True)
class RequestView:
    id: int
    title: str
    reason: str
    asker: str
    anonymous: bool
    min_answers: int
    status: str  # open | closed | revoked (open past its close date reads "closed")
    closes_on: dt.date
    questions: list[Question]
    self_ratings: list[int | None]
    invites: list[InviteView]
    answers: int
    created_on: dt.date


@dataclass(frozen=True)
class CreatedRequest:
    """What making a request gives back: the CLI contract's `request_id`, `questions` and `links`."""

    request_id: int
    questions: list[Question]
    links: list[InviteLink]


@dataclass(frozen=True)
class AnswerForm:
    """The answer page: who asks and why, the questions, and this link's earlier answer to edit."""

    title: str
    asker: str
    reason: str
    anonymous: bool
    questions: list[Question]
    previous: list[int | str | None] | None
    open: bool
    closes_on: dt.date


@dataclass(frozen=True)
class RatingResult:
    question: str
    labels: list[str]
    distribution: list[int]  # how many chose 1, 2, 3, 4, 5
    answered: int
    mean: float | None
    self_rating: int | None
    difference: float | None  # others' mean minus the person's own rating


@dataclass(frozen=True)
class OpenResult:
    question: str
    sentences: list[str]  # every sentence of every answer, shuffled (anonymous) or whole answers (named)
    themes: list[Theme]
    named: list[tuple[str, str]] = field(default_factory=list)  # (who, answer) in named mode


@dataclass(frozen=True)
class Results:
    """The results of one request; `shown` is False (and the lists empty) until enough have answered."""

    request_id: int
    title: str
    anonymous: bool
    answers: int
    invited: int
    min_answers: int
    shown: bool
    status: str
    ratings: list[RatingResult]
    open: list[OpenResult]
    questions: list[Question] = field(default_factory=list)  # as asked, for rating oneself on the same ones
    self_ratings: list[int | None] = field(default_factory=list)


@dataclass(frozen=True)
class AgreementView:
    text: str
    task_id: int | None
    due: dt.date | None
    task_status: str | None  # the task's status in workload now (None: the task was deleted)


@dataclass(frozen=True)
class MeetingView:
    id: int
    held_on: dt.date
    with_whom: str
    concerns: list[str]
    agreements: list[AgreementView]
    notes: str
    next_on: dt.date | None
    report: str | None
    report_taken_on: dt.date | None


def question_of(stored: dict[str, Any]) -> Question:
    return Question(str(stored["kind"]), str(stored["text"]), list(stored.get("labels") or []))
