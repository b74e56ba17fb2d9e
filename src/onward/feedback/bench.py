"""The heavy user's feedback: three years of asking (36 requests, a dozen people each, most of whom answered),
one large request a whole department answered, and 150 logged 1:1s with their agreements as tasks."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onward.feedback.demo import FeedbackPeers

REQUESTS = 36
PEOPLE_PER_REQUEST = 12
LARGE_REQUEST = 150  # people asked (and answering) in the one large request the bench times
MEETINGS = 150
PHRASES = (
    "You plan the week well.",
    "Meetings with you end on time!",
    "I would like more notice before deadlines move.",
    "The handover notes were clear and complete.",
    "Sometimes the priorities change without anyone being told.",
    "Your workshops are the best part of the term.",
    "Ask for help sooner when the grant reports pile up.",
    "Keep the weekly update; it saves us all a meeting.",
    "Say no more often.",
    "Block time for deep work in the mornings.",
)


def answer_for(questions: int, ratings: int, rng: random.Random) -> list[int | str | None]:
    """Return one plausible answer: a rating per rating question, two or three sentences per open one."""
    values: list[int | str | None] = [rng.randint(1, 5) for _ in range(ratings)]
    values += [" ".join(rng.sample(PHRASES, rng.randint(1, 3))) for _ in range(questions - ratings)]
    return values


def fill_heavy_user(services: FeedbackPeers, today: dt.date, rng: random.Random) -> dict[str, int]:
    """Add the heavy user's feedback; return how many rows of each kind were added."""
    feedback = services.feedback
    answers = 0
    for number in range(REQUESTS + 1):
        large = number == REQUESTS
        people = LARGE_REQUEST if large else PEOPLE_PER_REQUEST
        made = feedback.requests.create(
            "Department-wide feedback" if large else f"Feedback round {number + 1}",
            invite=[f"Colleague {number}-{i}" for i in range(people)],
            asker="Robin",
            closes_on=today + dt.timedelta(days=14),
        )
        ratings = sum(1 for q in made.questions if q.kind == "rating")
        answering = made.links if large else rng.sample(made.links, rng.randint(6, people))
        for link in answering:
            feedback.answers.submit(link.url.rsplit("/", 1)[1], answer_for(len(made.questions), ratings, rng))
            answers += 1
        if not large and number % 3:
            feedback.requests.close(made.request_id)
    agreements = 0
    for number in range(MEETINGS):
        held_on = today - dt.timedelta(days=7 * (MEETINGS - number))
        agreed = [(f"Agreement {number}-{i}", held_on + dt.timedelta(days=14)) for i in range(rng.randint(0, 3))]
        feedback.meetings.log(
            held_on,
            with_whom="Manager",
            concerns=[f"Concern {number}-{i}" for i in range(rng.randint(1, 3))],
            agreements=agreed,
            next_on=held_on + dt.timedelta(days=7),
        )
        agreements += len(agreed)
    return {
        "feedback requests": REQUESTS + 1,
        "invites": REQUESTS * PEOPLE_PER_REQUEST + LARGE_REQUEST,
        "answers": answers,
        "meetings": MEETINGS,
        "agreements (tasks)": agreements,
    }
