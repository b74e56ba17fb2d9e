"""The report part of `WorkloadService`: gathers the forecast, the plate, what is overdue, the drift and the
hand-off plan into one `OneOnOneReport` (see page.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from onward.workload.report.page import OneOnOneReport, ReportDuty, ReportHandoff, ReportTask, ReportWeek

if TYPE_CHECKING:
    from onward.workload.duties import Duties
    from onward.workload.handoff.service import Handoffs
    from onward.workload.planning import Planning
    from onward.workspace import Workspace


class Reports:
    """Builds the one-page report from the duties, the planning and the hand-off parts."""

    def __init__(self, workspace: Workspace, duties: Duties, planning: Planning, handoffs: Handoffs) -> None:
        self.workspace = workspace
        self.duties = duties
        self.planning = planning
        self.handoffs = handoffs

    def one_on_one_report(
        self, weeks: int | None = None, *, person: str = "", needs: Sequence[str] = ()
    ) -> OneOnOneReport:
        """Return everything the one-page report for the manager says, from the same numbers as the pages."""
        today = self.workspace.today
        result = self.handoffs.handoff_plan(weeks)
        forecast, plan = result.forecast, result.plan
        active = self.planning.active_tasks()
        by_duty: dict[str, list[float]] = {name: [] for name in forecast.responsibilities}
        for week in forecast.weeks:
            for name in by_duty:
                by_duty[name].append(week.by_responsibility.get(name, 0.0))
        total = sum(t.hours for t in active) or 1.0
        duties: dict[str, ReportDuty] = {}
        for task in active:
            name = task.responsibility or "No duty"
            duty = duties.setdefault(name, ReportDuty(name, task.origin or "-", 0, 0.0, 0.0))
            duty.open_tasks += 1
            duty.remaining_hours += task.hours
        for duty in duties.values():
            duty.share = duty.remaining_hours / total
        overdue = sorted(
            (
                ReportTask(t.title, t.responsibility or "No duty", t.due, t.hours)
                for t in active
                if t.due is not None and t.due < today
            ),
            key=lambda t: (t.due, t.title),
        )
        drift = self.planning.drift(weeks)
        temporary = [
            f"{item.name}: 'temporary', meant to end {item.expected_end:%d %B %Y} ({item.days_past} days ago); "
            f"still {item.open_tasks} open tasks, {item.open_hours:.0f} h"
            for item in drift.temporary_overdue
        ]
        handoffs = [
            ReportHandoff(d.title, d.action, d.colleague, sum(d.hours_by_week), d.reason)
            for d in sorted(plan.decisions, key=lambda d: -sum(d.hours_by_week))
            if d.action != "keep"
        ]
        unfixable = [
            f"Week of {week.start:%d %B}: {short:.1f} h more than any plan can free (locked work alone is over)."
            for week, short in zip(forecast.weeks, plan.shortfall_by_week, strict=False)
            if short > 0.05
        ]
        job = self.duties.current_job()
        return OneOnOneReport(
            person=person,
            job_title=job.title if job else "",
            employer=job.employer if job else "",
            today=today,
            weeks=[
                ReportWeek(w.start, w.hours_needed, w.hours_available, w.ratio if w.ratio is not None else 0.0)
                for w in forecast.weeks
            ],
            weeks_by_duty=by_duty,
            duties=sorted(duties.values(), key=lambda d: -d.remaining_hours),
            overdue=overdue,
            temporary_overdue=temporary,
            outside_description_share=drift.share_ahead or 0.0,
            handoffs=handoffs,
            handoff_feasible=plan.feasible,
            unfixable_weeks=unfixable,
            needs=[need.strip() for need in needs if need.strip()],
        )
