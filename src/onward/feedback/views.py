"""The feedback pages' data, built once here: the page renders it, its `/api` twin returns it, and the CLI's
`--json` prints it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from onward.feedback.models import MIN_ANSWERS
from onward.feedback.questions import DEFAULT_OPEN, DEFAULT_RATINGS
from onward.feedback.requests import OPEN_DAYS
from onward.feedback.schemas import InviteLink, MeetingView, RequestView, Results
from onward.feedback.service import FeedbackService

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "0.0.0.0")  # noqa: S104 - names, not a bind
MEETINGS_ON_INDEX = 3
MEETINGS_SHOWN = 12  # the latest few on the 1:1s page; years of them stay in the JSON of `onward meetings list`


@dataclass(frozen=True)
class ContactChoice:
    id: int
    name: str
    email: str


@dataclass
class FeedbackIndex:
    requests: list[RequestView]
    meetings: list[MeetingView]
    meetings_total: int
    next_meeting: dt.date | None
    today: dt.date


@dataclass
class NewRequestPage:
    default_ratings: list[str]
    default_open: list[str]
    contacts: list[ContactChoice]  # empty when no contacts source is wired: plain names then
    closes_on: dt.date
    min_answers: int
    asker: str
    today: dt.date
    links_reach_only_this_computer: bool


@dataclass
class RequestPage:
    request: RequestView
    results_ready: bool
    links_reach_only_this_computer: bool
    public_url: str


@dataclass
class LinksPage:
    """The links, shown this once (only their hashes are kept)."""

    request: RequestView
    links: list[InviteLink]
    links_reach_only_this_computer: bool
    mail_subject: str


@dataclass
class MeetingsPage:
    meetings: list[MeetingView]  # the latest MEETINGS_SHOWN
    meetings_total: int
    today: dt.date
    report_available: bool
    next_meeting: dt.date | None
    statuses: dict[str, str] = field(default_factory=dict)


def reaches_only_this_computer(public_url: str) -> bool:
    """Return True when links built from `public_url` open only on the computer Onward runs on."""
    return (urlsplit(public_url).hostname or "") in LOCAL_HOSTS


def index(feedback: FeedbackService) -> FeedbackIndex:
    return FeedbackIndex(
        requests=feedback.requests.list_requests(),
        meetings=feedback.meetings.list_meetings(MEETINGS_ON_INDEX),
        meetings_total=feedback.meetings.count(),
        next_meeting=feedback.meetings.next_meeting(),
        today=feedback.workspace.today,
    )


def new_request(feedback: FeedbackService, asker: str) -> NewRequestPage:
    contacts = (
        [ContactChoice(c.id, c.name, c.email or "") for c in feedback.people.people_to_ask()]
        if feedback.people is not None
        else []
    )
    today = feedback.workspace.today
    return NewRequestPage(
        default_ratings=list(DEFAULT_RATINGS),
        default_open=list(DEFAULT_OPEN),
        contacts=contacts,
        closes_on=today + dt.timedelta(days=OPEN_DAYS),
        min_answers=MIN_ANSWERS,
        asker=asker,
        today=today,
        links_reach_only_this_computer=reaches_only_this_computer(feedback.requests.public_url),
    )


def request_page(feedback: FeedbackService, request_id: int) -> RequestPage:
    request = feedback.requests.get(request_id)
    return RequestPage(
        request=request,
        results_ready=request.answers >= request.min_answers,
        links_reach_only_this_computer=reaches_only_this_computer(feedback.requests.public_url),
        public_url=feedback.requests.public_url,
    )


def links_page(feedback: FeedbackService, request_id: int, links: list[InviteLink]) -> LinksPage:
    request = feedback.requests.get(request_id)
    return LinksPage(
        request=request,
        links=links,
        links_reach_only_this_computer=reaches_only_this_computer(feedback.requests.public_url),
        mail_subject=f"Could you give me some feedback? ({request.title})",
    )


def results_page(feedback: FeedbackService, request_id: int) -> Results:
    """The results page's data: the same object `onward feedback results --json` prints."""
    return feedback.results.results(request_id)


def meetings_page(feedback: FeedbackService) -> MeetingsPage:
    return MeetingsPage(
        meetings=feedback.meetings.list_meetings(MEETINGS_SHOWN),
        meetings_total=feedback.meetings.count(),
        today=feedback.workspace.today,
        report_available=feedback.meetings.one_page_report is not None,
        next_meeting=feedback.meetings.next_meeting(),
        statuses={
            "open": "open",
            "waiting": "waiting",
            "done": "done",
            "handed_off": "handed off",
            "dropped": "dropped",
            "deferred": "deferred",
        },
    )
