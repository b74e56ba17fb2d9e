"""Tasks on both databases: capture, change, status, recurrence, checklists, dependencies."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.errors import BadInput, NotFound
from onward.services import Services

TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def grants(services: Services) -> int:
    job = services.workload.duties.add_job("Program Coordinator")
    services.workload.duties.add_responsibility(job.id, "Adult literacy workshops")
    return services.workload.duties.add_responsibility(job.id, "Grant reporting", origin="temporary").id


def test_quick_capture_adds_the_task_under_its_duty(services: Services, grants: int) -> None:
    task = services.workload.tasks.capture("Draft grant report #grants due:fri 3h !4")
    assert (task.title, task.responsibility, task.due) == (
        "Draft grant report",
        "Grant reporting",
        dt.date(2026, 12, 4),
    )
    assert (task.effort_hours, task.remaining_hours, task.hours, task.importance) == (3.0, 3.0, 3.0, 4)
    assert task.status == "open" and task.entered == TODAY
    assert [t.id for t in services.workload.tasks.list_tasks(responsibility_id=grants)] == [task.id]


def test_a_bad_capture_adds_nothing(services: Services, grants: int) -> None:
    with pytest.raises(BadInput, match="#payroll"):
        services.workload.tasks.capture("Run payroll #payroll 2h")
    assert services.workload.tasks.list_tasks() == []


def test_update_and_delete(services: Services, grants: int) -> None:
    task = services.workload.tasks.add_task("Receipts", responsibility_id=grants, effort_hours=6)
    changed = services.workload.tasks.update_task(
        task.id, remaining_hours=2.5, importance=5, title=" Receipts for audit "
    )
    assert (changed.title, changed.remaining_hours, changed.hours, changed.importance) == (
        "Receipts for audit",
        2.5,
        2.5,
        5,
    )
    with pytest.raises(BadInput, match="importance must be from 1 to 5"):
        services.workload.tasks.update_task(task.id, importance=7)
    with pytest.raises(BadInput, match="cannot change status"):
        services.workload.tasks.update_task(task.id, status="done")
    services.workload.tasks.delete_task(task.id)
    with pytest.raises(NotFound, match=f"no task {task.id}"):
        services.workload.tasks.get_task(task.id)


def test_status_changes(services: Services, grants: int) -> None:
    task = services.workload.tasks.add_task("Rota", responsibility_id=grants, effort_hours=4)
    with pytest.raises(BadInput, match="who it was handed to"):
        services.workload.tasks.set_status(task.id, "handed_off")
    handed = services.workload.tasks.set_status(task.id, "handed_off", handed_to="Jo")
    assert (handed.status, handed.handed_to, handed.completed) == ("handed_off", "Jo", TODAY)
    reopened = services.workload.tasks.set_status(task.id, "open")
    assert (reopened.handed_to, reopened.completed) == (None, None)
    for status in ("waiting", "deferred", "dropped"):
        assert services.workload.tasks.set_status(task.id, status).status == status
    done = services.workload.tasks.complete(task.id)
    assert (done.status, done.remaining_hours) == ("done", 0.0)
    with pytest.raises(BadInput, match="status must be one of"):
        services.workload.tasks.set_status(task.id, "finished")


def test_finishing_a_recurring_task_adds_the_next_with_an_unticked_checklist(services: Services, grants: int) -> None:
    task = services.workload.tasks.add_task(
        "Weekly rota", responsibility_id=grants, due=TODAY - dt.timedelta(days=3), effort_hours=2,
        recurrence="weekly", checklist=["check absences", "send to volunteers"],
    )  # fmt: skip
    services.workload.tasks.tick(task.id, 0)
    services.workload.tasks.complete(task.id)
    open_ones = services.workload.tasks.list_tasks(statuses=("open",))
    assert len(open_ones) == 1
    following = open_ones[0]
    # Due a week after the last due date (Thursday), then the next one after today.
    assert following.due == dt.date(2026, 12, 4)
    assert following.recurrence == "weekly" and following.hours == 2
    assert [(i.text, i.done) for i in following.checklist] == [("check absences", False), ("send to volunteers", False)]
    # Finishing a finished task again adds nothing.
    services.workload.tasks.complete(task.id)
    assert len(services.workload.tasks.list_tasks(statuses=("open",))) == 1


def test_checklists(services: Services, grants: int) -> None:
    task = services.workload.tasks.add_task("Newsletter")
    task = services.workload.tasks.set_checklist(task.id, ["proofread", "check links"])
    task = services.workload.tasks.tick(task.id, 1)
    assert [i.done for i in task.checklist] == [False, True]
    task = services.workload.tasks.set_checklist(task.id, ["check links", "test send", " "])
    assert [(i.text, i.done) for i in task.checklist] == [("check links", True), ("test send", False)]
    with pytest.raises(NotFound, match="no checklist item 3"):
        services.workload.tasks.tick(task.id, 2)


def test_dependencies_make_tasks_blocking_and_blocked(services: Services, grants: int) -> None:
    first = services.workload.tasks.add_task("Gather receipts", importance=3)
    second = services.workload.tasks.add_task("Final report", importance=3)
    services.workload.tasks.add_dependency(second.id, first.id)
    services.workload.tasks.add_dependency(second.id, first.id)  # once is enough
    with pytest.raises(BadInput, match="cannot wait for itself"):
        services.workload.tasks.add_dependency(first.id, first.id)
    terms = {p.id: {t.term: t.points for t in p.urgency_terms} for p in services.workload.planning.priorities()}
    assert terms[first.id]["blocking"] == 8.0 and "blocked" not in terms[first.id]
    assert terms[second.id]["blocked"] == -5.0
    services.workload.tasks.complete(first.id)
    (left,) = services.workload.planning.priorities()
    assert left.id == second.id and "blocked" not in {t.term for t in left.urgency_terms}
