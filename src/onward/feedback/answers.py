"""Answers: the answer page reached by a link alone, and storing (or replacing) that link's answer.

One of the parts `FeedbackService` (service.py) is made of. The only code in Onward that reads across owners
is `owner_of_link`: a link carries no account, so the owner is found from the token's hash (and nothing else
is read that way). Everything after that runs in the owner's own scoped session.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, bindparam, select, update

from onward.errors import Conflict, NotFound
from onward.feedback import links
from onward.feedback.models import FeedbackInvite, FeedbackRequest, FeedbackResponse
from onward.feedback.questions import read_answers
from onward.feedback.requests import close_time, status_of
from onward.feedback.schemas import AnswerForm, question_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from onward.store import Store
    from onward.workspace import Workspace

NO_SUCH_LINK = "this feedback link does not work (it may have been replaced or withdrawn)"
MAX_ID = 2**31 - 1  # ids fit PostgreSQL's integer


def owner_of_link(store: Store, token: str) -> int | None:
    """Return the owner whose request this link belongs to, or None for a link that is not one of ours."""
    if not links.is_token(token):
        return None
    with store.unscoped_session() as session:
        owner: int | None = session.scalar(
            select(FeedbackInvite.owner_id).where(FeedbackInvite.token_hash == links.invite_hash(token))
        )
        return owner


class Answers:
    """Answering by link, in one owner's workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def _request_of(self, session: Session, token: str) -> FeedbackRequest:
        """Return the request a working link belongs to; NotFound for an unknown or revoked one."""
        if not links.is_token(token):
            raise NotFound(NO_SUCH_LINK)
        request_id = session.scalar(
            select(FeedbackInvite.request_id).where(FeedbackInvite.token_hash == links.invite_hash(token))
        )
        request = session.get(FeedbackRequest, request_id) if request_id is not None else None
        if request is None or request.status == "revoked":
            raise NotFound(NO_SUCH_LINK)
        return request

    @staticmethod
    def _response(session: Session, request: FeedbackRequest, token: str) -> FeedbackResponse | None:
        return session.scalar(
            select(FeedbackResponse).where(
                FeedbackResponse.request_id == request.id, FeedbackResponse.answer_key == links.answer_key(token)
            )
        )

    def form(self, token: str) -> AnswerForm:
        """Return the answer page's data, with this link's earlier answer when there is one."""
        with self.workspace.session() as session:
            request = self._request_of(session, token)
            earlier = self._response(session, request, token)
            return AnswerForm(
                title=request.title,
                asker=request.asker,
                reason=request.reason,
                anonymous=request.anonymous,
                questions=[question_of(q) for q in request.questions],
                previous=list(earlier.answers) if earlier else None,
                open=status_of(request, self.workspace.today) == "open",
                closes_on=request.closes_on,
            )

    def questions(self, token: str) -> list[dict[str, Any]]:
        with self.workspace.session() as session:
            return list(self._request_of(session, token).questions)

    def submit(self, token: str, values: Any) -> bool:
        """Store this link's answer (`values`: one per question, in order), replacing an earlier one.

        Return True when it replaced one. Raises NotFound for a link that does not work, Conflict once the
        request has closed, BadInput naming the question for a value that cannot be used.
        """
        with self.workspace.session() as session:
            request = self._request_of(session, token)
            if status_of(request, self.workspace.today) != "open":
                raise Conflict(f"'{request.title}' has closed, so answers can no longer be given or changed")
            answers = read_answers(request.questions, values)
            earlier = self._response(session, request, token)
            replaced = earlier is not None
            if earlier is not None:
                earlier.answers = answers
            else:
                self._add(session, request, token, answers)
            session.flush()
            self._rewrite_all(session, request)
            return replaced

    def _add(self, session: Session, request: FeedbackRequest, token: str, answers: list[int | str | None]) -> None:
        respondent = ""
        if not request.anonymous:
            invite = session.scalar(select(FeedbackInvite).where(FeedbackInvite.token_hash == links.invite_hash(token)))
            respondent = invite.name if invite else ""
        stamp = close_time(request.closes_on)
        session.add(
            FeedbackResponse(
                id=self._unused_id(session),
                request_id=request.id,
                answer_key=links.answer_key(token),
                respondent=respondent,
                answers=answers,
                created_at=stamp,
                updated_at=stamp,
            )
        )

    @staticmethod
    def _rewrite_all(session: Session, request: FeedbackRequest) -> None:
        # Rewrite every answer of the request in this transaction, one by one in a random order, so the
        # database's own bookkeeping cannot tell which answer came, or changed, last: on PostgreSQL every row
        # then carries the same transaction id (xmin) and new row versions land in no telling order.
        stamp = close_time(request.closes_on)
        ids = list(session.scalars(select(FeedbackResponse.id).where(FeedbackResponse.request_id == request.id)))
        secrets.SystemRandom().shuffle(ids)
        # One statement run for each id (executemany), in the shuffled order; the ids were read through the
        # owner-scoped query above, so this plain-table statement touches only this owner's rows.
        table = cast("Table", FeedbackResponse.__table__)
        statement = update(table).where(table.c.id == bindparam("answer_id")).values(created_at=stamp, updated_at=stamp)
        if ids:
            session.connection().execute(statement, [{"answer_id": answer_id} for answer_id in ids])

    @staticmethod
    def _unused_id(session: Session) -> int:
        # A random id, so the order of ids cannot tell the order answers came in (and so who answered when).
        while True:
            candidate = secrets.randbelow(MAX_ID) + 1
            # A table-level query: an id must be free among every owner's answers, not only this owner's.
            table = FeedbackResponse.__table__
            if session.execute(select(table.c.id).where(table.c.id == candidate)).first() is None:
                return candidate
