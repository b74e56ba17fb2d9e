"""Meetings: the 1:1s with the manager. Concerns raised, what was agreed (each agreement becomes a task on the
person's plate, through the workload service), the next date, and the one-page report as it stood.

One of the parts `FeedbackService` (service.py) is made of.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from onward.errors import BadInput, NotFound
from onward.feedback.models import Meeting
from onward.feedback.schemas import AgreementView, MeetingView

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from onward.workload.service import WorkloadService
    from onward.workspace import Workspace

AGREEMENT_TAG = "1:1"
MAX_ITEMS = 30
MAX_ITEM = 500


def _items(values: Sequence[str], what: str) -> list[str]:
    items = [" ".join(v.split()) for v in values if v.strip()]
    if len(items) > MAX_ITEMS:
        raise BadInput(f"{what}: at most {MAX_ITEMS} per meeting, not {len(items)}")
    for item in items:
        if len(item) > MAX_ITEM:
            raise BadInput(f"{what}: '{item[:40]}…' is longer than {MAX_ITEM} characters")
    return items


class Meetings:
    """The 1:1 meetings of one workspace.

    `one_page_report()` gives the workload's one-page report as Markdown (the composition root hands it in);
    without it, no report can be attached.
    """

    def __init__(
        self, workspace: Workspace, workload: WorkloadService, one_page_report: Callable[[], str] | None = None
    ) -> None:
        self.workspace = workspace
        self.workload = workload
        self.one_page_report = one_page_report

    def log(
        self,
        held_on: dt.date | None = None,
        *,
        with_whom: str = "",
        concerns: Sequence[str] = (),
        agreements: Sequence[tuple[str, dt.date | None]] = (),
        notes: str = "",
        next_on: dt.date | None = None,
        attach_report: bool = False,
    ) -> MeetingView:
        """Log a 1:1; each agreement becomes an open task (tagged 1:1) on the plate."""
        held_on = held_on or self.workspace.today
        if next_on is not None and next_on < held_on:
            raise BadInput(f"next 1:1: {next_on.isoformat()} is before this one ({held_on.isoformat()})")
        concerns = _items(concerns, "concerns")
        texts = _items([text for text, _ in agreements], "agreements")
        dues = [due for text, due in agreements if text.strip()]
        report = self._report() if attach_report else None
        with self.workspace.session() as session:
            meeting = Meeting(
                held_on=held_on,
                with_whom=" ".join(with_whom.split())[:200],
                concerns=concerns,
                agreements=[],
                notes=notes.strip(),
                next_on=next_on,
                report=report,
                report_taken_on=self.workspace.today if report else None,
            )
            session.add(meeting)
            session.flush()
            meeting_id = meeting.id
        for text, due in zip(texts, dues, strict=True):
            self.add_agreement(meeting_id, text, due)
        return self.get(meeting_id)

    def add_agreement(self, meeting_id: int, text: str, due: dt.date | None = None) -> MeetingView:
        """Add what was agreed to a meeting and put it on the plate as a task."""
        (text,) = _items([text], "agreement") or [""]
        if not text:
            raise BadInput("agreement: write what was agreed")
        with self.workspace.session() as session:
            meeting = self._meeting(session, meeting_id)
            held_on = meeting.held_on
            who = meeting.with_whom
        task = self.workload.tasks.add_task(
            text,
            due=due,
            notes=f"Agreed at the 1:1 on {held_on:%d %B %Y}" + (f" with {who}." if who else "."),
            tags=[AGREEMENT_TAG],
        )
        with self.workspace.session() as session:
            meeting = self._meeting(session, meeting_id)
            meeting.agreements = [
                *meeting.agreements,
                {"text": text, "task_id": task.id, "due": due.isoformat() if due else None},
            ]
        return self.get(meeting_id)

    def attach_report(self, meeting_id: int) -> MeetingView:
        """Attach the one-page workload report as it stands today (replacing one attached before)."""
        report = self._report()
        with self.workspace.session() as session:
            meeting = self._meeting(session, meeting_id)
            meeting.report, meeting.report_taken_on = report, self.workspace.today
        return self.get(meeting_id)

    def _report(self) -> str:
        if self.one_page_report is None:
            raise BadInput("the one-page report is not available here")
        return self.one_page_report()

    # ---- reading ----

    def list_meetings(self, limit: int | None = None) -> list[MeetingView]:
        """Return the 1:1s, latest first (the `limit` latest, or all)."""
        with self.workspace.session() as session:
            query = select(Meeting).order_by(Meeting.held_on.desc(), Meeting.id.desc())
            rows = session.scalars(query.limit(limit) if limit is not None else query).all()
            stored = [(m, list(m.agreements)) for m in rows]
        statuses = self._task_statuses([a for _, agreements in stored for a in agreements])
        return [self._view(m, agreements, statuses) for m, agreements in stored]

    def count(self) -> int:
        with self.workspace.session() as session:
            return int(session.scalar(select(func.count()).select_from(Meeting)) or 0)

    def get(self, meeting_id: int) -> MeetingView:
        with self.workspace.session() as session:
            meeting = self._meeting(session, meeting_id)
            agreements = list(meeting.agreements)
        return self._view(meeting, agreements, self._task_statuses(agreements))

    def next_meeting(self) -> dt.date | None:
        """Return the next 1:1's date as the latest meeting set it, or None."""
        with self.workspace.session() as session:
            latest = session.scalar(select(Meeting).order_by(Meeting.held_on.desc(), Meeting.id.desc()).limit(1))
            return latest.next_on if latest else None

    def _task_statuses(self, agreements: Sequence[dict[str, Any]]) -> dict[int, str]:
        """Return the status of each agreement's task now (a task since deleted is left out)."""
        statuses = {}
        for task_id in {a["task_id"] for a in agreements if a.get("task_id")}:
            try:
                statuses[task_id] = self.workload.tasks.get_task(task_id).status
            except NotFound:
                continue
        return statuses

    @staticmethod
    def _view(meeting: Meeting, agreements: Sequence[dict[str, Any]], statuses: dict[int, str]) -> MeetingView:
        return MeetingView(
            id=meeting.id,
            held_on=meeting.held_on,
            with_whom=meeting.with_whom,
            concerns=list(meeting.concerns),
            agreements=[
                AgreementView(
                    str(a["text"]),
                    a.get("task_id"),
                    dt.date.fromisoformat(a["due"]) if a.get("due") else None,
                    statuses.get(a["task_id"]) if a.get("task_id") else None,
                )
                for a in agreements
            ],
            notes=meeting.notes,
            next_on=meeting.next_on,
            report=meeting.report,
            report_taken_on=meeting.report_taken_on,
        )

    @staticmethod
    def _meeting(session: Session, meeting_id: int) -> Meeting:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"there is no 1:1 meeting {meeting_id}")
        return meeting
