"""The feedback domain's public API: `FeedbackService`, made of small parts with one job each.

requests   ask for feedback: questions, whom, links; close, reopen, revoke   (requests.py)
answers    the answer page reached by a link, storing and replacing answers  (answers.py)
results    spread, means, shuffled sentences and themes, once enough answered (results.py)
meetings   1:1s with the manager; agreements become workload tasks          (meetings.py)
"""

from __future__ import annotations

from collections.abc import Callable

from onward.feedback.answers import Answers, owner_of_link
from onward.feedback.meetings import Meetings
from onward.feedback.people import People
from onward.feedback.requests import Requests
from onward.feedback.results import FeedbackResults
from onward.workload.service import WorkloadService
from onward.workspace import Workspace

__all__ = ["FeedbackService", "owner_of_link"]


class FeedbackService:
    """Feedback from all angles, for one workspace.

    `people` lists contacts to ask (None: plain names and addresses only); `one_page_report()` gives the
    workload's one-page report as Markdown, to attach to a 1:1.
    """

    def __init__(
        self,
        workspace: Workspace,
        workload: WorkloadService,
        *,
        people: People | None = None,
        one_page_report: Callable[[], str] | None = None,
    ) -> None:
        self.workspace = workspace
        self.people = people
        self.requests = Requests(workspace, people)
        self.answers = Answers(workspace)
        self.results = FeedbackResults(workspace)
        self.meetings = Meetings(workspace, workload, one_page_report)
