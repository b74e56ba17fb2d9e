"""The workload pages' cache: every write, however it is made, changes the owner's stamp, so a page read after an
edit shows the edit; another owner's writes leave the stamp alone. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import delete, update

from onward.services import Services
from onward.store.base import Owner
from onward.workload import views
from onward.workload.models import Task

DATA = Path(__file__).parents[1] / "data"


def _plate_titles(services: Services) -> set[str]:
    page = views.plate(services.workload)
    return {t.title for job in page.jobs for d in job.duties for t in d.tasks} | {t.title for t in page.no_duty}


def test_every_kind_of_write_changes_the_stamp(services: Services) -> None:
    workload = services.workload
    stamps = [workload.cache.stamp()]

    def changed() -> bool:
        stamps.append(workload.cache.stamp())
        return stamps[-1] != stamps[-2]

    job = workload.duties.add_job("Coordinator")
    assert changed()
    duty = workload.duties.add_responsibility(job.id, "Reporting")
    assert changed()
    task = workload.tasks.add_task("Board report", responsibility_id=duty.id, effort_hours=3)
    assert changed()
    workload.changes.set_status(task.id, "done")
    assert changed()
    workload.planning.set_capacity(weekly_hours=30)
    assert changed()
    exception = workload.planning.add_capacity_exception(dt.date(2026, 12, 7), dt.date(2026, 12, 8))
    assert changed()
    workload.planning.delete_capacity_exception(exception.id)  # a Core DELETE, no ORM object
    assert changed()
    workload.handoffs.add_colleague("Jo", weekly_limit_hours=4)
    assert changed()
    services.workload_imports.import_tasks(DATA / "tasks-plain.csv")  # bulk insert, past the ORM
    assert changed()
    services.workload_imports.import_calendar(DATA / "calendar-google.ics")
    assert changed()
    with services.workspace.session() as session:
        session.execute(update(Task).values(importance=5))
    assert changed()
    with services.workspace.session() as session:
        session.execute(delete(Task).where(Task.title == "Board report"))
    assert changed()
    assert not changed()  # reading changes nothing


def test_another_owners_writes_leave_the_stamp_alone(services: Services) -> None:
    with services.store.unscoped_session() as session:
        other = Owner(name="someone else")
        session.add(other)
        session.flush()
        other_id = other.id
    services.workload.tasks.add_task("Mine", effort_hours=1)
    mine = services.workload.cache.stamp()
    with services.store.session(other_id) as session:
        session.add(Task(title="Theirs", status="open", importance=3))
    assert services.workload.cache.stamp() == mine


def test_each_page_shows_an_edit_made_after_it_was_read(services: Services) -> None:
    workload = services.workload
    job = workload.duties.add_job("Coordinator")
    duty = workload.duties.add_responsibility(job.id, "Reporting")
    first = workload.tasks.add_task("Board report", responsibility_id=duty.id, effort_hours=3, due=dt.date(2026, 12, 4))
    assert _plate_titles(services) == {"Board report"}
    hours = views.load(workload, 4).weeks[0].hours_needed
    assert [t.title for t in views.priorities(workload).tasks] == ["Board report"]
    drift_before = views.drift(workload)

    second = workload.tasks.add_task("Grant draft", responsibility_id=duty.id, effort_hours=10, importance=5)
    assert _plate_titles(services) == {"Board report", "Grant draft"}
    assert views.plate(services.workload).open_tasks == 2
    assert views.load(workload, 4).weeks[0].hours_needed > hours
    assert {t.title for t in views.priorities(workload).tasks} == {"Board report", "Grant draft"}

    workload.changes.set_status(first.id, "done")
    assert _plate_titles(services) == {"Grant draft"}
    assert views.plate(workload, status="done").filtered[0].title == "Board report"
    assert [t.title for t in views.priorities(workload).tasks] == ["Grant draft"]

    workload.tasks.update_task(second.id, title="Grant draft, second go")
    assert _plate_titles(services) == {"Grant draft, second go"}
    workload.duties.add_responsibility(job.id, "Rota", origin="temporary", expected_end=dt.date(2026, 1, 1))
    assert [d.name for d in views.drift(workload).temporary_overdue] == ["Rota"]
    assert not drift_before.temporary_overdue


def test_a_write_from_another_process_is_seen(services: Services) -> None:
    """The CLI writing while the server runs: another Services on the same database, its own connections."""
    services.workload.tasks.add_task("Before", effort_hours=1)
    assert _plate_titles(services) == {"Before"}
    cli = Services.local(services.workspace.settings)
    try:
        cli.workload.tasks.add_task("From the command line", effort_hours=1)
    finally:
        cli.store.dispose()
    assert _plate_titles(services) == {"Before", "From the command line"}


def test_a_new_day_builds_the_pages_again(services: Services) -> None:
    task = services.workload.tasks.add_task("Due Friday", effort_hours=1, due=dt.date(2026, 12, 4))
    assert not any(t.id == task.id for t in views.plate(services.workload).at_risk)
    services.workspace.settings.today = dt.date(2026, 12, 7)  # the due date has passed overnight
    assert views.priorities(services.workload).tasks[0].due < services.workspace.today
    assert views.plate(services.workload).today == dt.date(2026, 12, 7)
