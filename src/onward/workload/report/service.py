"""The report part of `WorkloadService`: gathers the forecast, the plate, what is overdue, the drift and the
hand-off plan into one `OneOnOneReport` (see page.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onward.workload.charts import colours_of_duties
from onward.workload.handoff.reasons import reason
from onward.workload.report.page import (
    CHANGES_DAYS,
    LoadSummary,
    OneOnOneReport,
    ReportAsk,
    ReportChange,
    ReportDuty,
    ReportHandoff,
    ReportRating,
    ReportTask,
    ReportWeek,
)

if TYPE_CHECKING:
    from onward.workload.duties import Duties
    from onward.workload.handoff.service import Handoffs, PlanResult
    from onward.workload.planning import Planning
    from onward.workload.tasks import Tasks
    from onward.workspace import Workspace


class Reports:
    """Builds the one-page report from the duties, the planning and the hand-off parts."""

    def __init__(
        self, workspace: Workspace, duties: Duties, planning: Planning, handoffs: Handoffs, tasks: Tasks
    ) -> None:
        self.workspace = workspace
        self.tasks = tasks
        self.duties = duties
        self.planning = planning
        self.handoffs = handoffs

    def one_on_one_report(
        self,
        weeks: int | None = None,
        *,
        person: str = "",
        needs: Sequence[str] = (),
        with_ratings: bool = False,
        pick: Sequence[str] | None = None,
    ) -> OneOnOneReport:
        """Return everything the one-page report for the manager says, from the same numbers as the pages.

        The load now and before the changes of the last CHANGES_DAYS days, what was handed off (to whom),
        deferred and dropped, what the plan proposes, the asks with their hours, the weeks that still break.
        Ratings appear only `with_ratings`; `pick` keeps only the items with these keys (None: all).
        """
        today = self.workspace.today
        horizon = weeks if weeks is not None else self.workspace.settings.forecast_weeks
        result = self.handoffs.plan(horizon)
        active = result.tasks
        forecast = self.planning.load_forecast(horizon, tasks=active)
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
        drift = self.planning.drift(horizon)
        temporary = [
            f"{item.name}: 'temporary', meant to end {item.expected_end:%d %B %Y} ({item.days_past} days ago); "
            f"still {item.open_tasks} open tasks, {item.open_hours:.0f} h"
            for item in drift.temporary_overdue
        ]
        since = today - dt.timedelta(days=CHANGES_DAYS)
        changes = [
            ReportChange(f"change-{t.id}", t.title, t.status, t.handed_to, round(t.hours, 1), t.due)
            for t in self.tasks.list_tasks(statuses=("handed_off", "deferred", "dropped"))
            if t.completed is not None and t.completed >= since
        ]
        before = None
        if changes:
            was = self.planning.load_forecast(horizon, tasks=self.planning.active_tasks(changed_since=since))
            before = LoadSummary(
                round(sum(w.hours_needed for w in was.weeks), 1),
                round(sum(w.hours_available for w in was.weeks), 1),
                len(was.weeks_over),
            )
        proposals, asks, breaking = self._plan_items(result, today)
        choices = [(c.key, f"{c.title} ({c.action.replace('_', ' ')})") for c in changes]
        choices += [(h.key, f"{h.title} (proposed)") for h in proposals] + [(a.key, f"{a.title} (ask)") for a in asks]
        if pick is not None:
            chosen = set(pick)
            changes = [c for c in changes if c.key in chosen]
            proposals = [h for h in proposals if h.key in chosen]
            asks = [a for a in asks if a.key in chosen]
        ratings = None
        if with_ratings:
            ratings = [
                ReportRating(d.name, d.enjoyment, d.skill)
                for d in self.duties.list_responsibilities()
                if d.enjoyment is not None or d.skill is not None
            ]
        job = self.duties.current_job()
        schedule = result.schedule
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
            before=before,
            changes=changes,
            handoffs=proposals,
            asks=asks,
            missing_hours=round(schedule.missing_hours, 1),
            handoff_feasible=schedule.fits_without_asks,
            breaking_weeks=breaking,
            needs=[need.strip() for need in needs if need.strip()],
            ratings=ratings,
            choices=choices,
            picked=list(pick) if pick is not None else None,
            duty_colours=colours_of_duties(self.duties.list_responsibilities(open_load=False)),
        )

    def _plan_items(self, result: PlanResult, today: dt.date) -> tuple[list[ReportHandoff], list[ReportAsk], list[str]]:
        """Return the plan's proposals, its asks and the weeks that still break, in words for the manager."""
        from onward.workload.dates import week_start

        monday = week_start(today)
        proposals: list[ReportHandoff] = []
        asks: list[ReportAsk] = []
        short_by_week: dict[dt.date | None, float] = {}
        overdue = False  # whether overdue work is among what does not fit this week
        for t, p in zip(result.tasks, result.schedule.placements, strict=True):
            new_due = today + dt.timedelta(days=p.ask.new_due_day) if p.ask and p.ask.new_due_day is not None else None
            finish = monday + dt.timedelta(weeks=p.finish_week) if p.finish_week is not None else None
            words = reason(t, p, new_due, finish, today)
            if p.action in ("hand_off", "defer", "drop"):
                hours = p.hours_off(t.hours)
                proposals.append(
                    ReportHandoff(f"proposal-{t.id}", t.title, p.action, p.colleague, round(hours, 1), words)
                )
            if p.ask is not None:
                asks.append(
                    ReportAsk(
                        f"ask-{t.id}", t.title, p.ask.kind, p.ask.hours, t.due, new_due, p.ask.hours_per_week, words
                    )
                )
                # Overdue work is due now: it breaks this week, not a week already gone.
                week = week_start(max(t.due, today)) if t.due is not None else None
                overdue = overdue or (t.due is not None and t.due < today)
                short_by_week[week] = short_by_week.get(week, 0.0) + p.ask.hours
        proposals.sort(key=lambda h: -h.hours)
        breaking = [
            (
                f"This week: {hours:.1f} h due by its end, overdue work included, do not fit in time."
                if week == monday and overdue
                else f"Week of {week:%d %B}: {hours:.1f} h due that week do not fit in time."
            )
            if week is not None
            else f"Work without a due date: {hours:.1f} h do not fit in these weeks."
            for week, hours in sorted(short_by_week.items(), key=lambda item: item[0] or dt.date.max)
        ]
        return proposals, asks, breaking
