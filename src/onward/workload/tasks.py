"""Tasks: add (typed or quick capture), change, rate, status, recurrence, checklists, dependencies.

One of the parts `WorkloadService` (service.py) is made of.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from onward.errors import BadInput, NotFound
from onward.workload.capture import Captured, parse_capture
from onward.workload.dates import next_occurrence
from onward.workload.models import (
    ACTIVE_STATUSES,
    RECURRENCES,
    STATUSES,
    Responsibility,
    Task,
    TaskDependency,
    check_rating,
)
from onward.workload.schemas import ChecklistItem, RatedTask, TaskView

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from onward.workspace import Workspace

# Fields `update_task` may change, with what they must be.
EDITABLE = (
    "title",
    "responsibility_id",
    "due",
    "effort_hours",
    "remaining_hours",
    "importance",
    "notes",
    "recurrence",
    "locked",
    "tags",
)


def task_view(task: Task, responsibility: str | None) -> TaskView:
    """Return the view of a task (its duty's name passed in, to spare a lazy load)."""
    hours = task.remaining_hours if task.remaining_hours is not None else task.effort_hours
    return TaskView(
        id=task.id,
        title=task.title,
        responsibility_id=task.responsibility_id,
        responsibility=responsibility,
        due=task.due,
        effort_hours=task.effort_hours,
        remaining_hours=task.remaining_hours,
        hours=float(hours or 0.0),
        importance=task.importance,
        status=task.status,
        handed_to=task.handed_to,
        entered=task.entered,
        completed=task.completed,
        recurrence=task.recurrence,
        checklist=[ChecklistItem(str(i.get("text", "")), bool(i.get("done"))) for i in task.checklist or []],
        locked=task.locked,
        notes=task.notes,
        tags=list(task.tags or []),
    )


def _check_fields(fields: dict[str, Any], title: str) -> None:
    """Raise BadInput naming the task and the field when a value cannot be used."""
    name = f"task '{title}'"
    importance = fields.get("importance")
    if importance is not None and (isinstance(importance, bool) or importance not in range(1, 6)):
        raise BadInput(f"{name}: importance must be from 1 to 5, not {importance}")
    for key in ("effort_hours", "remaining_hours"):
        value = fields.get(key)
        if value is not None and (value < 0 or value > 10_000):
            raise BadInput(f"{name}: {key.replace('_', ' ')} must be between 0 and 10000, not {value}")
    recurrence = fields.get("recurrence")
    if recurrence is not None and recurrence not in RECURRENCES:
        raise BadInput(f"{name}: recurrence must be one of {', '.join(RECURRENCES)}, not '{recurrence}'")
    if "title" in fields and not str(fields["title"]).strip():
        raise BadInput(f"{name}: title is needed: a task needs one")


class Tasks:
    """The tasks of one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    # ---- reading ----

    def get_task(self, task_id: int) -> TaskView:
        with self.workspace.session() as session:
            task = self._task(session, task_id)
            return task_view(task, task.responsibility.name if task.responsibility else None)

    def list_tasks(
        self, *, statuses: tuple[str, ...] | None = None, responsibility_id: int | None = None
    ) -> list[TaskView]:
        """Return tasks (of some statuses, of one duty, or all), soonest due first, undated last."""
        with self.workspace.session() as session:
            query = (
                select(Task, Responsibility.name)
                .outerjoin(Responsibility, Task.responsibility_id == Responsibility.id)
                .order_by(Task.due.is_(None), Task.due, Task.id)
            )
            if statuses:
                query = query.where(Task.status.in_(statuses))
            if responsibility_id is not None:
                query = query.where(Task.responsibility_id == responsibility_id)
            return [task_view(task, name) for task, name in session.execute(query)]

    def to_rate(self, *, per_duty: int | None = None, loved_only: bool = False) -> dict[int, list[RatedTask]]:
        """Return, per duty, the tasks worth rating one by one: the ones still open and any already rated
        (only the loved ones with `loved_only`), oldest first, at most the `per_duty` newest of each duty.

        Years of finished, unrated tasks stay out.
        """
        query = select(Task.id, Task.responsibility_id, Task.title, Task.status, Task.enjoyment, Task.skill).where(
            Task.responsibility_id.is_not(None)
        )
        if loved_only:
            query = query.where(Task.enjoyment == "love")
        else:
            query = query.where(or_(Task.status.in_(ACTIVE_STATUSES), Task.enjoyment.is_not(None)))
        out: dict[int, list[RatedTask]] = {}
        with self.workspace.session() as session:
            for task_id, duty_id, title, status, enjoyment, skill in session.execute(query.order_by(Task.id.desc())):
                if duty_id is None:  # excluded by the query; says so to the type checker
                    continue
                shown = out.setdefault(duty_id, [])
                if per_duty is None or len(shown) < per_duty:
                    shown.append(RatedTask(task_id, title, status, enjoyment, skill))
        for tasks in out.values():
            tasks.reverse()  # oldest first, as they were entered
        return out

    def handed_out(self, first: dt.date, last: dt.date) -> list[tuple[str, dt.date, float]]:
        """Return (who, due, hours) of the work handed off and due from `first` to before `last`."""
        from sqlalchemy import func

        hours = func.coalesce(Task.remaining_hours, Task.effort_hours, 0.0)
        query = select(Task.handed_to, Task.due, hours).where(
            Task.status == "handed_off", Task.due >= first, Task.due < last, Task.handed_to.is_not(None)
        )
        with self.workspace.session() as session:
            return [(str(who), due, float(h)) for who, due, h in session.execute(query) if due is not None]

    def duty_names(self) -> list[tuple[int, str]]:
        """Return (id, name) of every duty, for matching quick-capture tags."""
        with self.workspace.session() as session:
            return [(i, n) for i, n in session.execute(select(Responsibility.id, Responsibility.name))]

    # ---- adding and changing ----

    def add_task(
        self,
        title: str,
        *,
        responsibility_id: int | None = None,
        due: dt.date | None = None,
        effort_hours: float | None = None,
        remaining_hours: float | None = None,
        importance: int = 3,
        status: str = "open",
        recurrence: str | None = None,
        notes: str = "",
        tags: list[str] | None = None,
        checklist: list[str] | None = None,
    ) -> TaskView:
        fields = {
            "title": title,
            "importance": importance,
            "effort_hours": effort_hours,
            "remaining_hours": remaining_hours,
            "recurrence": recurrence,
        }
        _check_fields(fields, title)
        if status not in STATUSES:
            raise BadInput(f"task '{title}': status must be one of {', '.join(STATUSES)}")
        with self.workspace.session() as session:
            name = None
            if responsibility_id is not None:
                duty = session.get(Responsibility, responsibility_id)
                if duty is None:
                    raise NotFound(f"there is no responsibility {responsibility_id}")
                name = duty.name
            task = Task(
                title=title.strip(),
                responsibility_id=responsibility_id,
                due=due,
                effort_hours=effort_hours,
                remaining_hours=remaining_hours if remaining_hours is not None else effort_hours,
                importance=importance,
                status=status,
                recurrence=recurrence,
                notes=notes,
                tags=list(tags or []),
                checklist=[{"text": t, "done": False} for t in checklist or [] if t.strip()],
                annotations=[],
                entered=self.workspace.today,
            )
            session.add(task)
            session.flush()
            return task_view(task, name)

    def capture(self, line: str) -> TaskView:
        """Add the task a quick-capture line describes (see workload/capture.py for the words it knows)."""
        found = self.parse_capture(line)
        return self.add_task(
            found.title,
            responsibility_id=found.responsibility_id,
            due=found.due,
            effort_hours=found.effort_hours,
            importance=found.importance or 3,
            recurrence=found.recurrence,
            tags=list(found.tags),
        )

    def parse_capture(self, line: str) -> Captured:
        """Return what a quick-capture line would add, without adding it."""
        return parse_capture(line, today=self.workspace.today, duties=self.duty_names())

    def update_task(self, task_id: int, **fields: Any) -> TaskView:
        """Change some of a task's fields (those in EDITABLE); return the task as it is now."""
        unknown = sorted(set(fields) - set(EDITABLE))
        if unknown:
            raise BadInput(f"task {task_id}: cannot change {', '.join(unknown)}")
        with self.workspace.session() as session:
            task = self._task(session, task_id)
            _check_fields(fields, task.title)
            if (
                fields.get("responsibility_id") is not None
                and session.get(Responsibility, fields["responsibility_id"]) is None
            ):
                raise NotFound(f"there is no responsibility {fields['responsibility_id']}")
            for key, value in fields.items():
                setattr(task, key, value.strip() if key == "title" else value)
        return self.get_task(task_id)

    def delete_task(self, task_id: int) -> None:
        with self.workspace.session() as session:
            session.delete(self._task(session, task_id))

    def set_status(self, task_id: int, status: str, *, handed_to: str | None = None) -> TaskView:
        """Move a task to `status` and return it; 'handed_off' needs who took it.

        Finishing a recurring task adds the next one of the series (see `finish`).
        """
        return self._set_status(task_id, status, handed_to)[0]

    def finish(self, task_id: int) -> tuple[TaskView, TaskView | None]:
        """Mark a task done; return it and, when it recurs, the next one of its series."""
        task, next_id = self._set_status(task_id, "done", None)
        return task, (self.get_task(next_id) if next_id is not None else None)

    def complete(self, task_id: int) -> TaskView:
        """Mark a task done (and add the next one when it recurs)."""
        return self.finish(task_id)[0]

    def _set_status(self, task_id: int, status: str, handed_to: str | None) -> tuple[TaskView, int | None]:
        if status not in STATUSES:
            raise BadInput(f"task {task_id}: status must be one of {', '.join(STATUSES)}, not '{status}'")
        if status == "handed_off" and not (handed_to or "").strip():
            raise BadInput(f"task {task_id}: say who it was handed to")
        today = self.workspace.today
        next_id = None
        with self.workspace.session() as session:
            task = self._task(session, task_id)
            was_active = task.status in ("open", "waiting")
            task.status = status
            task.handed_to = handed_to.strip() if status == "handed_off" and handed_to else None
            task.completed = None if status in ("open", "waiting") else today
            if status == "done":
                task.remaining_hours = 0.0
            if status == "done" and was_active and task.recurrence:
                following = self._next_in_series(task, today)
                session.add(following)
                session.flush()
                next_id = following.id
        return self.get_task(task_id), next_id

    @staticmethod
    def _next_in_series(task: Task, today: dt.date) -> Task:
        """Return the next task of a recurring series: same work, next due date after today, checklist unticked."""
        assert task.recurrence is not None
        due = next_occurrence(task.due or today, task.recurrence)
        while due <= today:
            due = next_occurrence(due, task.recurrence)
        return Task(
            responsibility_id=task.responsibility_id,
            title=task.title,
            notes=task.notes,
            due=due,
            effort_hours=task.effort_hours,
            remaining_hours=task.effort_hours,
            importance=task.importance,
            status="open",
            recurrence=task.recurrence,
            checklist=[{"text": i.get("text", ""), "done": False} for i in task.checklist or []],
            tags=list(task.tags or []),
            annotations=[],
            locked=task.locked,
            enjoyment=task.enjoyment,
            skill=task.skill,
            entered=today,
        )

    def rate_task(self, task_id: int, *, enjoyment: str | None = None, skill: int | None = None) -> None:
        """Record how the person feels about one task (love/like/without) and their skill at it, 1–5."""
        check_rating(enjoyment, skill)
        with self.workspace.session() as session:
            task = session.get(Task, task_id)
            if task is None:
                raise NotFound(f"there is no task {task_id}")
            if enjoyment is not None:
                task.enjoyment = enjoyment
            if skill is not None:
                task.skill = skill

    # ---- checklists ----

    def set_checklist(self, task_id: int, items: list[str]) -> TaskView:
        """Replace a task's checklist with these items (unticked; ticks of items kept by text stay)."""
        with self.workspace.session() as session:
            task = self._task(session, task_id)
            ticked = {i.get("text") for i in task.checklist or [] if i.get("done")}
            task.checklist = [{"text": t.strip(), "done": t.strip() in ticked} for t in items if t.strip()]
        return self.get_task(task_id)

    def tick(self, task_id: int, index: int, done: bool = True) -> TaskView:
        """Tick (or untick) the checklist item at `index` (from 0)."""
        with self.workspace.session() as session:
            task = self._task(session, task_id)
            items = [dict(i) for i in task.checklist or []]
            if not 0 <= index < len(items):
                raise NotFound(f"task {task_id} has no checklist item {index + 1}")
            items[index]["done"] = done
            task.checklist = items
        return self.get_task(task_id)

    # ---- dependencies ----

    def add_dependency(self, task_id: int, depends_on_id: int) -> None:
        """Record that `task_id` cannot finish before `depends_on_id`."""
        if task_id == depends_on_id:
            raise BadInput(f"task {task_id} cannot wait for itself")
        with self.workspace.session() as session:
            self._task(session, task_id)
            self._task(session, depends_on_id)
            exists = session.scalar(
                select(TaskDependency.id).where(
                    TaskDependency.task_id == task_id, TaskDependency.depends_on_id == depends_on_id
                )
            )
            if exists is None:
                session.add(TaskDependency(task_id=task_id, depends_on_id=depends_on_id))

    @staticmethod
    def _task(session: Session, task_id: int) -> Task:
        task = session.get(Task, task_id)
        if task is None:
            raise NotFound(f"there is no task {task_id}")
        return task
