"""Changes to the plate, each one undoable: done, drop, defer, hand off, back to open, and applying a plan.

One of the parts of `WorkloadService`. Every change is written to the change log (`Change`) with each task's
fields as they were, so `undo` puts them back exactly; a partial hand-off adds the handed part as its own
task (handed off to the colleague), which undo removes again. Dropping something of importance 4 or 5 needs
`confirm=True`: it is the work that matters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from onward.errors import BadInput, Conflict, NotFound
from onward.workload.models import STATUSES, Change, Task

if TYPE_CHECKING:
    from onward.workload.tasks import Tasks
    from onward.workspace import Workspace

CONFIRM_DROP_FROM = 4
RECENT = 8
SAVED_FIELDS = ("status", "handed_to", "completed", "remaining_hours")
STATUS_WORDS = {
    "done": "Marked done",
    "dropped": "Dropped",
    "deferred": "Deferred",
    "handed_off": "Handed off",
    "open": "Back on the plate",
    "waiting": "Waiting",
}


@dataclass
class ChangeView:
    id: int
    kind: str
    summary: str
    made_at: dt.datetime
    undone: bool
    task_ids: list[int]


@dataclass(frozen=True)
class PlanStep:
    """One action of a plan to carry out: hand off (all, or `hours` of it), defer or drop."""

    task_id: int
    action: str  # hand_off | defer | drop
    colleague: str | None = None
    hours: float | None = None  # a partial hand-off: these hours go to the colleague


def _view(row: Change) -> ChangeView:
    ids = [int(t["id"]) for t in row.undo.get("tasks", [])] + [int(i) for i in row.undo.get("added", [])]
    return ChangeView(row.id, row.kind, row.summary, row.created_at, row.undone, ids)


def _saved(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "status": task.status,
        "handed_to": task.handed_to,
        "completed": task.completed.isoformat() if task.completed else None,
        "remaining_hours": task.remaining_hours,
    }


class Changes:
    """The change log of one workspace and the changes that go through it."""

    def __init__(self, workspace: Workspace, tasks: Tasks) -> None:
        self.workspace = workspace
        self.tasks = tasks

    def set_status(
        self, task_id: int, status: str, *, handed_to: str | None = None, confirm: bool = False
    ) -> ChangeView:
        """Move a task to `status` (finishing a recurring one adds its next), and log it so it can be undone."""
        if status not in STATUSES:
            raise BadInput(f"task {task_id}: status must be one of {', '.join(STATUSES)}, not '{status}'")
        before = self.tasks.get_task(task_id)
        if status == "dropped" and before.importance >= CONFIRM_DROP_FROM and not confirm:
            raise BadInput(
                f"'{before.title}' matters (importance {before.importance}): say you are sure before dropping it"
            )
        with self.workspace.session() as session:
            saved = _saved(self._task(session, task_id))
        if status == "done":
            task, following = self.tasks.finish(task_id)
        else:
            task, following = self.tasks.set_status(task_id, status, handed_to=handed_to), None
        words = STATUS_WORDS[status]
        summary = f"{words}: {task.title}" + (f" (to {task.handed_to})" if task.handed_to else "")
        added = [following.id] if following is not None else []
        if following is not None and following.due is not None:
            summary += f"; the next one of the series is due {following.due.isoformat()}"
        return self._log(status, summary, [saved], added)

    def apply_plan(self, steps: Sequence[PlanStep], asks: Sequence[dict[str, Any]] = ()) -> ChangeView:
        """Carry out a plan's own actions in one change (asks are recorded with it, not carried out)."""
        if not steps and not asks:
            raise BadInput("the plan has nothing to apply: every task stays on your plate")
        saved: list[dict[str, Any]] = []
        added: list[int] = []
        words: list[str] = []
        with self.workspace.session() as session:
            for step in steps:
                task = self._task(session, step.task_id)
                if task.status not in ("open", "waiting"):
                    raise Conflict(f"'{task.title}' is no longer open ({task.status}): plan again")
                saved.append(_saved(task))
                if step.action == "hand_off" and not (step.colleague or "").strip():
                    raise BadInput(f"'{task.title}': say who takes it")
                hours = task.remaining_hours if task.remaining_hours is not None else (task.effort_hours or 0.0)
                if step.action == "hand_off" and step.hours is not None and step.hours < hours - 1e-6:
                    part = self._split(task, step.hours, step.colleague or "")
                    session.add(part)
                    session.flush()
                    added.append(part.id)
                    task.remaining_hours = round(hours - step.hours, 4)
                    words.append(f"{step.hours:g} h of {task.title} to {step.colleague}")
                    continue
                status = {"hand_off": "handed_off", "defer": "deferred", "drop": "dropped"}.get(step.action)
                if status is None:
                    raise BadInput(f"'{task.title}': a plan hands off, defers or drops, not '{step.action}'")
                task.status = status
                task.handed_to = (step.colleague or "").strip() or None if status == "handed_off" else None
                task.completed = self.workspace.today
                who = f" (to {task.handed_to})" if task.handed_to else ""
                words.append(f"{STATUS_WORDS[status].lower()} {task.title}{who}")
        summary = "Applied the plan: " + ("; ".join(words) if words else "nothing to change on your own")
        if asks:
            summary += f"; {len(asks)} ask{'s' if len(asks) != 1 else ''} for your manager kept for the 1:1"
        return self._log("plan", summary[:1000], saved, added, asks=list(asks))

    def undo(self, change_id: int | None = None) -> ChangeView:
        """Undo a change (the last one not yet undone by default): each task goes back as it was."""
        with self.workspace.session() as session:
            query = select(Change).where(Change.undone.is_(False)).order_by(Change.id.desc())
            rows = list(session.scalars(query))
            if not rows:
                raise NotFound("there is nothing to undo")
            row = rows[0] if change_id is None else next((r for r in rows if r.id == change_id), None)
            if row is None:
                raise NotFound(f"there is no change {change_id} to undo")
            mine = {int(t["id"]) for t in row.undo.get("tasks", [])}
            later = next((r for r in rows if r.id > row.id and mine & set(_view(r).task_ids)), None)
            if later is not None:
                raise Conflict(f"undo the later change first: {later.summary}")
            for fields in row.undo.get("tasks", []):
                task = session.get(Task, int(fields["id"]))
                if task is None:
                    continue  # deleted since: nothing to put back
                task.status, task.handed_to = fields["status"], fields["handed_to"]
                task.completed = dt.date.fromisoformat(fields["completed"]) if fields["completed"] else None
                task.remaining_hours = fields["remaining_hours"]
            for task_id in row.undo.get("added", []):
                added = session.get(Task, int(task_id))
                if added is not None:
                    session.delete(added)
            row.undone = True
            session.flush()
            return _view(row)

    def recent(self, limit: int = RECENT) -> list[ChangeView]:
        """Return the latest changes, newest first (undone ones too, marked)."""
        with self.workspace.session() as session:
            rows = session.scalars(select(Change).order_by(Change.id.desc()).limit(limit))
            return [_view(r) for r in rows]

    def recorded_asks(self) -> list[dict[str, Any]]:
        """Return the asks kept with the last plan applied (and not undone)."""
        with self.workspace.session() as session:
            row = session.scalars(
                select(Change).where(Change.kind == "plan", Change.undone.is_(False)).order_by(Change.id.desc())
            ).first()
            return list(row.undo.get("asks", [])) if row is not None else []

    # ---- helpers ----

    def _log(
        self, kind: str, summary: str, saved: list[dict[str, Any]], added: list[int], *, asks: list[Any] | None = None
    ) -> ChangeView:
        with self.workspace.session() as session:
            row = Change(kind=kind, summary=summary, undo={"tasks": saved, "added": added, "asks": asks or []})
            session.add(row)
            session.flush()
            return _view(row)

    def _split(self, task: Task, hours: float, colleague: str) -> Task:
        """Return the handed part of a task as its own task, handed off to `colleague`."""
        return Task(
            responsibility_id=task.responsibility_id,
            title=f"{task.title} (part handed to {colleague.strip()})"[:500],
            notes=task.notes,
            due=task.due,
            effort_hours=hours,
            remaining_hours=hours,
            importance=task.importance,
            status="handed_off",
            handed_to=colleague.strip(),
            tags=list(task.tags or []),
            annotations=[],
            checklist=[],
            entered=self.workspace.today,
            completed=self.workspace.today,
        )

    @staticmethod
    def _task(session: Any, task_id: int) -> Task:
        task: Task | None = session.get(Task, task_id)
        if task is None:
            raise NotFound(f"there is no task {task_id}")
        return task
