"""What `onward tasks list` prints, as JSON rows or lines of text: shared by the Typer command and the fast lane
(onward.cli.fast), so both print the same bytes. Imports neither Typer nor the store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from onward.cli import messages

if TYPE_CHECKING:
    from onward.workload.schemas import PriorityView, TaskView
    from onward.workload.urgency import Term


def _terms(terms: list[Term]) -> list[dict[str, Any]]:
    return [{"term": t.term, "factor": t.factor, "coefficient": t.coefficient, "points": t.points, "why": t.why}
            for t in terms]  # fmt: skip


def task_json(task: TaskView, priority: PriorityView | None) -> dict[str, Any]:
    """Return the contract shape of a task in `onward tasks list --all --json`."""
    return {
        "id": task.id,
        "title": task.title,
        "responsibility": task.responsibility,
        "due": task.due.isoformat() if task.due else None,
        "remaining_hours": task.hours,
        "effort_hours": task.effort_hours,
        "importance": task.importance,
        "status": task.status,
        "urgency": priority.urgency if priority else 0.0,
        "urgency_terms": _terms(priority.urgency_terms) if priority else [],
        "quadrant": priority.quadrant if priority else None,
    }


def priority_json(p: PriorityView) -> dict[str, Any]:
    """Return the contract shape of an open task in `onward tasks list --json`."""
    return {
        "id": p.id,
        "title": p.title,
        "responsibility": p.responsibility,
        "due": p.due.isoformat() if p.due else None,
        "remaining_hours": p.hours,
        "importance": p.importance,
        "status": p.status,
        "urgency": p.urgency,
        "urgency_terms": _terms(p.urgency_terms),
        "quadrant": p.quadrant,
    }


def text_lines(rows: list[dict[str, Any]]) -> list[str]:
    """Return the listing as lines of text (a table, each task's urgency terms under it)."""
    if not rows:
        return [messages.NO_TASKS]
    lines = [f"{'id':>6} {'urg':>5} {'due':<10} {'hours':>5} imp  task"]
    for row in rows:
        duty = f"  ({row['responsibility']})" if row["responsibility"] else ""
        state = f" [{row['status']}]" if row["status"] != "open" else ""
        terms = ", ".join(f"{t['term']} {t['points']:+.1f}" for t in row["urgency_terms"])
        lines.append(
            f"{row['id']:>6} {row['urgency']:>5.1f} {row['due'] or '':<10} {row['remaining_hours']:>5g} "
            f"{row['importance']:>3}  {row['title']}{duty}{state}"
        )
        if terms:
            lines.append(f"{'':>18}{terms}")
    return lines
