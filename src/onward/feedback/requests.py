"""Requests: ask for feedback (questions, whom, anonymous or named), make links, close, reopen, revoke.

One of the parts `FeedbackService` (service.py) is made of. Links are shown once: only hashes are kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from onward.errors import BadInput, Conflict, NotFound
from onward.feedback import links
from onward.feedback.models import MIN_ANSWERS, FeedbackInvite, FeedbackRequest, FeedbackResponse
from onward.feedback.people import People, Person, from_contacts, parse_people
from onward.feedback.questions import question_list
from onward.feedback.schemas import CreatedRequest, InviteLink, InviteView, RequestView, question_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from onward.workspace import Workspace

OPEN_DAYS = 14  # a request stays open two weeks unless the person says otherwise
MAX_MIN_ANSWERS = 100


def status_of(request: FeedbackRequest, today: dt.date) -> str:
    """Return open, closed or revoked; an open request past its close date reads as closed."""
    if request.status == "open" and today > request.closes_on:
        return "closed"
    return request.status


def close_time(closes_on: dt.date) -> dt.datetime:
    """Return the only time an answer carries: midnight of the request's close date."""
    return dt.datetime.combine(closes_on, dt.time())


class Requests:
    """The feedback requests of one workspace."""

    def __init__(self, workspace: Workspace, people: People | None = None) -> None:
        self.workspace = workspace
        self.people = people

    @property
    def public_url(self) -> str:
        return self.workspace.settings.resolved_public_url()

    # ---- asking ----

    def create(
        self,
        title: str,
        *,
        ratings: Sequence[str] = (),
        open_questions: Sequence[str] = (),
        invite: Sequence[str] = (),
        contact_ids: Sequence[int] = (),
        anonymous: bool = True,
        min_answers: int = MIN_ANSWERS,
        reason: str = "",
        asker: str = "",
        closes_on: dt.date | None = None,
    ) -> CreatedRequest:
        """Make a request and one link per person; return the links (shown this once)."""
        title = " ".join(title.split())
        if not title:
            raise BadInput("title: a request needs a title (respondents see it)")
        if len(title) > 200:
            raise BadInput("title: keep it under 200 characters")
        if isinstance(min_answers, bool) or not MIN_ANSWERS <= min_answers <= MAX_MIN_ANSWERS:
            raise BadInput(
                f"minimum answers must be from {MIN_ANSWERS} to {MAX_MIN_ANSWERS}, not {min_answers} "
                f"(below {MIN_ANSWERS}, who said what could be worked out)"
            )
        questions = question_list(ratings, open_questions)
        people = [*from_contacts(self.people, contact_ids), *parse_people(invite)]
        if not people:
            raise BadInput("invite: name at least one person to ask")
        closes_on = self._check_close(closes_on)
        with self.workspace.session() as session:
            request = FeedbackRequest(
                title=title,
                reason=reason.strip()[:2000],
                asker=" ".join(asker.split())[:200],
                anonymous=anonymous,
                min_answers=min_answers,
                status="open",
                closes_on=closes_on,
                questions=questions,
                self_ratings=[None] * len(questions),
            )
            session.add(request)
            session.flush()
            made = self._invite(session, request, people)
            return CreatedRequest(request.id, [question_of(q) for q in questions], made)

    def add_invites(self, request_id: int, invite: Sequence[str], contact_ids: Sequence[int] = ()) -> list[InviteLink]:
        """Ask more people; return their links (shown this once)."""
        people = [*from_contacts(self.people, contact_ids), *parse_people(invite)]
        if not people:
            raise BadInput("invite: name at least one person to ask")
        with self.workspace.session() as session:
            request = self._request(session, request_id)
            if request.status == "revoked":
                raise Conflict(f"request '{request.title}' was revoked; make a new one")
            return self._invite(session, request, people)

    def new_link(self, request_id: int, invite_id: int) -> InviteLink:
        """Make a new link for one person (the old one stops working); return it, shown this once.

        An answer already given by the old link stays counted: it cannot be found from the invite."""
        with self.workspace.session() as session:
            request = self._request(session, request_id)
            invite = session.get(FeedbackInvite, invite_id)
            if invite is None or invite.request_id != request.id:
                raise NotFound(f"request {request_id} has no invite {invite_id}")
            token = links.new_token()
            invite.token_hash = links.invite_hash(token)
            return InviteLink(invite.id, invite.name, invite.email, links.link(self.public_url, token))

    def _invite(self, session: Session, request: FeedbackRequest, people: Sequence[Person]) -> list[InviteLink]:
        made = []
        for person in people:
            token = links.new_token()
            invite = FeedbackInvite(
                request_id=request.id,
                name=person.name,
                email=person.email,
                contact_id=person.contact_id,
                token_hash=links.invite_hash(token),
            )
            session.add(invite)
            session.flush()
            made.append(InviteLink(invite.id, invite.name, invite.email, links.link(self.public_url, token)))
        return made

    def _check_close(self, closes_on: dt.date | None) -> dt.date:
        today = self.workspace.today
        closes_on = closes_on or today + dt.timedelta(days=OPEN_DAYS)
        if closes_on < today:
            raise BadInput(f"close date: {closes_on.isoformat()} has passed; pick today or later")
        return closes_on

    # ---- reading ----

    def list_requests(self) -> list[RequestView]:
        """Return every request, newest first (three queries, however many requests)."""
        with self.workspace.session() as session:
            rows = session.scalars(select(FeedbackRequest).order_by(FeedbackRequest.id.desc())).all()
            invites: dict[int, list[InviteView]] = {}
            for request_id, invite_id, name, email in session.execute(
                select(
                    FeedbackInvite.request_id, FeedbackInvite.id, FeedbackInvite.name, FeedbackInvite.email
                ).order_by(FeedbackInvite.id)
            ):
                invites.setdefault(request_id, []).append(InviteView(invite_id, name, email))
            counts = dict(
                session.execute(
                    select(FeedbackResponse.request_id, func.count()).group_by(FeedbackResponse.request_id)
                ).all()
            )
            return [self._view_of(r, invites.get(r.id, []), int(counts.get(r.id, 0))) for r in rows]

    def get(self, request_id: int) -> RequestView:
        with self.workspace.session() as session:
            return self._view(session, self._request(session, request_id))

    def _view(self, session: Session, request: FeedbackRequest) -> RequestView:
        invites = session.execute(
            select(FeedbackInvite.id, FeedbackInvite.name, FeedbackInvite.email)
            .where(FeedbackInvite.request_id == request.id)
            .order_by(FeedbackInvite.id)
        ).all()
        answers = session.scalar(
            select(func.count()).select_from(FeedbackResponse).where(FeedbackResponse.request_id == request.id)
        )
        return self._view_of(request, [InviteView(*row) for row in invites], int(answers or 0))

    def _view_of(self, request: FeedbackRequest, invites: list[InviteView], answers: int) -> RequestView:
        return RequestView(
            id=request.id,
            title=request.title,
            reason=request.reason,
            asker=request.asker,
            anonymous=request.anonymous,
            min_answers=request.min_answers,
            status=status_of(request, self.workspace.today),
            closes_on=request.closes_on,
            questions=[question_of(q) for q in request.questions],
            self_ratings=list(request.self_ratings),
            invites=invites,
            answers=answers,
            created_on=request.created_at.date(),
        )

    @staticmethod
    def _request(session: Session, request_id: int) -> FeedbackRequest:
        request = session.get(FeedbackRequest, request_id)
        if request is None:
            raise NotFound(f"there is no feedback request {request_id}")
        return request

    # ---- changing ----

    def rate_myself(self, request_id: int, ratings: Sequence[int | None]) -> RequestView:
        """Keep the person's own rating of each rating question (None: not rated), to compare with others'."""
        with self.workspace.session() as session:
            request = self._request(session, request_id)
            if len(ratings) != len(request.questions):
                raise BadInput(f"request '{request.title}' asks {len(request.questions)} questions, not {len(ratings)}")
            kept: list[int | None] = []
            for number, (asked, value) in enumerate(zip(request.questions, ratings, strict=True), start=1):
                if value is not None and asked["kind"] == "rating":
                    if isinstance(value, bool) or not 1 <= value <= 5:
                        raise BadInput(f"question {number}: your rating is from 1 to 5, not {value}")
                    kept.append(value)
                else:
                    kept.append(None)
            request.self_ratings = kept
            session.flush()
            return self._view(session, request)

    def close(self, request_id: int) -> RequestView:
        """Stop taking answers (links show that it has closed); the close date becomes today."""
        with self.workspace.session() as session:
            request = self._request(session, request_id)
            if request.status == "revoked":
                raise Conflict(f"request '{request.title}' was revoked; it cannot be closed or reopened")
            request.status = "closed"
            self._move_close_date(session, request, min(request.closes_on, self.workspace.today))
            return self._view(session, request)

    def reopen(self, request_id: int, closes_on: dt.date | None = None) -> RequestView:
        """Take answers again until `closes_on` (two weeks from today by default)."""
        with self.workspace.session() as session:
            request = self._request(session, request_id)
            if request.status == "revoked":
                raise Conflict(f"request '{request.title}' was revoked; it cannot be closed or reopened")
            request.status = "open"
            self._move_close_date(session, request, self._check_close(closes_on))
            return self._view(session, request)

    def revoke(self, request_id: int) -> RequestView:
        """Make every link of the request stop working, for good. The answers given so far stay yours."""
        with self.workspace.session() as session:
            request = self._request(session, request_id)
            request.status = "revoked"
            return self._view(session, request)

    @staticmethod
    def _move_close_date(session: Session, request: FeedbackRequest, closes_on: dt.date) -> None:
        # Every answer carries the close date and nothing finer; when the date moves, they all move with it.
        request.closes_on = closes_on
        stamp = close_time(closes_on)
        for response in session.scalars(select(FeedbackResponse).where(FeedbackResponse.request_id == request.id)):
            response.created_at = response.updated_at = stamp
