"""Mistakes, and the load in the weeks they happened. One of the parts of `WorkloadService`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from onward.errors import BadInput, NotFound
from onward.workload import analytics
from onward.workload.models import MISTAKE_CAUSES, Mistake, Responsibility, Task
from onward.workload.schemas import MistakeView

if TYPE_CHECKING:
    from onward.workload.planning import Planning
    from onward.workspace import Workspace


class Mistakes:
    """The mistakes of one workspace; the planning part gives the load of their weeks."""

    def __init__(self, workspace: Workspace, planning: Planning) -> None:
        self.workspace = workspace
        self.planning = planning

    # ---- mistakes ----

    def log_mistake(
        self,
        what_happened: str,
        *,
        cause: str = "other",
        happened_on: dt.date | None = None,
        task_id: int | None = None,
        responsibility_id: int | None = None,
        lesson: str = "",
    ) -> MistakeView:
        """Record a mistake; a task's duty is filled in from the task when none is given."""
        if not what_happened.strip():
            raise BadInput("What happened is needed: a few words are enough")
        if cause not in MISTAKE_CAUSES:
            raise BadInput(f"cause must be one of {', '.join(MISTAKE_CAUSES)}, not '{cause}'")
        day = happened_on or self.workspace.today
        if day > self.workspace.today:
            raise BadInput(f"date {day} is after today: a mistake is logged once it has happened")
        with self.workspace.session() as session:
            if task_id is not None:
                task = session.get(Task, task_id)
                if task is None:
                    raise NotFound(f"there is no task {task_id}")
                responsibility_id = responsibility_id or task.responsibility_id
            if responsibility_id is not None and session.get(Responsibility, responsibility_id) is None:
                raise NotFound(f"there is no responsibility {responsibility_id}")
            mistake = Mistake(
                happened_on=day,
                task_id=task_id,
                responsibility_id=responsibility_id,
                cause=cause,
                what_happened=what_happened.strip(),
                lesson=lesson.strip(),
            )
            session.add(mistake)
            session.flush()
            mistake_id = mistake.id
        return next(m for m in self.list_mistakes() if m.id == mistake_id)

    def list_mistakes(self) -> list[MistakeView]:
        """Return every mistake, newest first, with its task's title and whether the task recurs."""
        with self.workspace.session() as session:
            rows = session.execute(
                select(Mistake, Task.title, Task.recurrence, Task.checklist, Responsibility.name)
                .outerjoin(Task, Mistake.task_id == Task.id)
                .outerjoin(Responsibility, Mistake.responsibility_id == Responsibility.id)
                .order_by(Mistake.happened_on.desc(), Mistake.id.desc())
            ).all()
            return [
                MistakeView(
                    id=m.id,
                    happened_on=m.happened_on,
                    task_id=m.task_id,
                    task_title=title,
                    responsibility_id=m.responsibility_id,
                    responsibility=duty,
                    cause=m.cause,
                    what_happened=m.what_happened,
                    lesson=m.lesson,
                    task_recurs=bool(recurrence),
                    task_has_checklist=bool(checklist),
                )
                for m, title, recurrence, checklist, duty in rows
            ]

    def delete_mistake(self, mistake_id: int) -> None:
        with self.workspace.session() as session:
            done = session.execute(delete(Mistake).where(Mistake.id == mistake_id))
            if not getattr(done, "rowcount", 0):
                raise NotFound(f"there is no mistake {mistake_id}")

    def mistakes_by_week(self, weeks: int = 26) -> list[analytics.MistakeWeek]:
        """Return the last `weeks` weeks with their mistakes and the load then.

        Past weeks are rebuilt from the tasks (analytics.past_load); this week is the forecast's.
        """
        today = self.workspace.today
        from onward.workload.dates import week_start

        first = week_start(today) - dt.timedelta(days=7 * (weeks - 1))
        with self.workspace.session() as session:
            tasks = [
                analytics.PastTask(
                    entered if isinstance(entered, dt.date) else dt.date.fromisoformat(str(entered)[:10]),
                    completed if status == "done" else None,
                    due,
                    float(hours or 0.0),
                )
                for entered, completed, status, due, hours in session.execute(
                    select(
                        func.coalesce(Task.entered, func.date(Task.created_at)),
                        Task.completed,
                        Task.status,
                        Task.due,
                        func.coalesce(Task.effort_hours, Task.remaining_hours, 0.0),
                    ).where(
                        Task.status.in_(("open", "waiting", "done")),
                        (Task.completed.is_(None)) | (Task.completed >= first),
                    )
                )
            ]
            mistakes = [
                (day, cause)
                for day, cause in session.execute(
                    select(Mistake.happened_on, Mistake.cause).where(Mistake.happened_on >= first)
                )
            ]
        load = analytics.past_load(tasks, self.planning.day_hours(), today=today, weeks=weeks)
        # This week is the forecast's own, so the two pages never disagree about it.
        now = self.planning.load_forecast(1).weeks[0]
        load[-1] = (now.start, now.hours_needed, now.hours_available)
        return analytics.mistakes_by_week(mistakes, load)
