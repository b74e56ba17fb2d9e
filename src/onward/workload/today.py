"""Workload's lines in the first page's Today list: open tasks overdue or due today."""

from __future__ import annotations

from typing import Protocol

from onward.today import TodayItem
from onward.workload.service import WorkloadService

SHOWN = 5  # a few lines, then a count: the plate holds the rest


class HasWorkload(Protocol):
    @property
    def workload(self) -> WorkloadService: ...


def items(services: HasWorkload) -> list[TodayItem]:
    today = services.workload.workspace.today
    tasks = [
        task
        for task in services.workload.tasks.list_tasks(statuses=("open",))
        if task.due is not None and task.due <= today
    ]
    lines = []
    for task in tasks[:SHOWN]:
        late = (today - task.due).days if task.due else 0
        detail = "due today" if late == 0 else f"{late} day{'s' if late != 1 else ''} overdue"
        lines.append(TodayItem("workload", task.title, detail, f"/workload/tasks/{task.id}", overdue=late > 0))
    if len(tasks) > SHOWN:
        lines.append(TodayItem("workload", f"{len(tasks) - SHOWN} more tasks due", "on your plate", "/workload"))
    return lines
