"""The workload domain's public API: `WorkloadService`, made of small parts with one job each.

    duties     jobs and their duties, and how the person rates them        (duties.py)
    tasks      add, change, rate, finish, checklists, dependencies          (tasks.py)
    changes    done/drop/defer/hand off/apply a plan, each undoable         (changes.py)
    planning   capacity, the load forecast, priorities, drift               (planning.py)
    mistakes   mistakes and the load in the weeks they happened             (mistakes.py)
    handoffs   colleagues, the hand-off plan, carrying out a suggestion     (handoff/service.py)
    reports    the one-page 1:1 report                                      (report/service.py)
    cache      pages' data kept per state of the workload                   (cache.py)

Each part is handed the parts it reads (the arrows below), so none reaches into another's tables.
"""

from __future__ import annotations

from onward.workload.cache import ViewCache
from onward.workload.changes import Changes
from onward.workload.duties import Duties
from onward.workload.handoff.service import Handoffs
from onward.workload.mistakes import Mistakes
from onward.workload.planning import MeetingHours, Planning
from onward.workload.report.service import Reports
from onward.workload.tasks import Tasks
from onward.workspace import Workspace


class WorkloadService:
    """The workload of one workspace.

    `meeting_hours_by_week(first_monday, weeks)` gives the meeting hours of each forecast week (the calendar
    import provides it); without it, meetings take no hours.
    """

    def __init__(self, workspace: Workspace, meeting_hours_by_week: MeetingHours | None = None) -> None:
        self.workspace = workspace
        self.duties = Duties(workspace)
        self.tasks = Tasks(workspace)
        self.planning = Planning(workspace, meeting_hours_by_week)
        self.mistakes = Mistakes(workspace, self.planning)
        self.changes = Changes(workspace, self.tasks)
        self.handoffs = Handoffs(workspace, self.planning, self.tasks, self.changes)
        self.reports = Reports(workspace, self.duties, self.planning, self.handoffs, self.tasks)
        self.cache = ViewCache(workspace)
