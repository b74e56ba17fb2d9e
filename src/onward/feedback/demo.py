"""Alex's part of the demo in feedback: a closed request that five colleagues answered (enough to show its
results), an open one still waiting for answers, and two 1:1s whose agreements became tasks."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from onward.feedback.service import FeedbackService
    from onward.workload.service import WorkloadService
    from onward.workspace import Workspace


class FeedbackPeers(Protocol):
    """The services feedback's fillers (demo, heavy user) use; the composition root's Services provides them."""

    @property
    def workspace(self) -> Workspace: ...
    @property
    def feedback(self) -> FeedbackService: ...
    @property
    def workload(self) -> WorkloadService: ...


ASKED = ("Jo Baptiste", "Sam Okafor <sam@riverside-literacy.example>", "Priya Shah", "Dee Morgan", "Tom Reyes")
RATINGS = (
    "Plans work realistically and meets the deadlines I agree to",
    "Keeps people informed about how things stand",
    "Asks for help or hands work on when there is too much",
)
OPEN = ("What should I keep doing?", "What one thing should I change?")
# One answer per person asked: a rating per rating question, then the open answers.
ANSWERS: tuple[list[int | str | None], ...] = (
    [
        3,
        4,
        2,
        "Keep running the learner check-ins. The tutors trust you.",
        "Say no to the rota when you are already on the grant report. Nobody expects you to do both.",
    ],
    [
        2,
        4,
        1,
        "Your induction sessions for new tutors are the best I have seen.",
        "Ask for help sooner. By the time you mention a deadline it is usually too late to share the work.",
    ],
    [
        3,
        5,
        2,
        "Keep the weekly update email, it saves everyone a meeting.",
        "Hand the volunteer rota to Jo. You are carrying too much.",
    ],
    [
        2,
        3,
        2,
        "The learner check-ins and how calm you are with upset parents.",
        "Block time for the grant report instead of fitting it into evenings.",
    ],
    [3, 4, None, "Keep being honest about what is realistic.", None],
)
SELF_RATINGS = [4, 3, 3, None, None]  # Alex thinks they plan well and communicate less well than others see


def _token(url: str) -> str:
    return url.rsplit("/", 1)[1]


def fill(services: FeedbackPeers, today: dt.date) -> None:
    """Add Alex's feedback requests and 1:1 meetings."""
    feedback = services.feedback
    done = feedback.requests.create(
        "How I handle my workload",
        ratings=RATINGS,
        open_questions=OPEN,
        invite=ASKED,
        asker="Alex",
        reason="My manager and I are talking about my workload. I would like to hear how it looks from where you sit.",
        closes_on=today + dt.timedelta(days=7),
    )
    for link, answer in zip(done.links, ANSWERS, strict=True):
        feedback.answers.submit(_token(link.url), answer)
    feedback.requests.rate_myself(done.request_id, SELF_RATINGS)
    feedback.requests.close(done.request_id)

    waiting = feedback.requests.create(
        "Working with me on the spring programme",
        invite=("Jo Baptiste", "Maria Lopez, maria@example.org", "Chris Wu", "Ana Silva"),
        asker="Alex",
        reason="I am planning next year and want to know what to keep and what to change.",
        closes_on=today + dt.timedelta(days=10),
    )
    feedback.answers.submit(_token(waiting.links[0].url), [4, 4, 3, 5, "The reading groups.", None, None])

    first = feedback.meetings.log(
        today - dt.timedelta(days=21),
        with_whom="Morgan (manager)",
        concerns=["Two mistakes in the volunteer rota this month", "Grant report work is spilling into evenings"],
        agreements=[
            ("Write down what the grant reporting takes each week", today - dt.timedelta(days=14)),
            ("Draft a hand-over note for the volunteer rota", today - dt.timedelta(days=7)),
        ],
        notes="Morgan was surprised how much the 'temporary' grant work has grown.",
        next_on=today - dt.timedelta(days=7),
    )
    for agreement in first.agreements:  # done since: the first 1:1's agreements were kept
        if agreement.task_id is not None:
            services.workload.tasks.set_status(agreement.task_id, "done")
    feedback.meetings.log(
        today - dt.timedelta(days=7),
        with_whom="Morgan (manager)",
        concerns=["Still over capacity most weeks", "No end date for the grant reporting"],
        agreements=[
            ("Hand the volunteer rota to Jo", today + dt.timedelta(days=7)),
            ("Agree an end date for the grant reporting", today + dt.timedelta(days=14)),
        ],
        next_on=today + dt.timedelta(days=7),
        attach_report=True,
    )
