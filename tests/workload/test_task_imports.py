"""Importing task files into a workspace on both databases: all or nothing, idempotent, dependencies kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from onward.errors import BadInput
from onward.services import Services
from onward.workload.models import Job, Responsibility, Task, TaskDependency
from onward.workspace import Workspace

DATA = Path(__file__).parents[1] / "data"


def in_zone(services: Services, zone: str) -> Services:
    """Return the same workspace seen from a person living in `zone`."""
    settings = services.workspace.settings.model_copy(update={"timezone": zone})
    return Services(Workspace(settings, services.store, services.workspace.owner_id))


def counts(services: Services) -> dict[str, int]:
    with services.workspace.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count(model.id))) or 0
            for model in (Job, Responsibility, Task, TaskDependency)
        }


def tasks_by_title(services: Services) -> dict[str, Task]:
    with services.workspace.session() as session:
        return {task.title: task for task in session.scalars(select(Task))}


def test_a_taskwarrior_export_lands_under_a_new_job_with_its_projects(services: Services) -> None:
    services = in_zone(services, "America/New_York")
    result = services.workload_imports.import_tasks(DATA / "taskwarrior-2.6.json")
    assert (result.added, result.unchanged, result.updated, result.dependencies) == (11, 0, 0, 2)
    assert result.job_created == "My job"
    assert set(result.new_responsibilities) == {
        "Grants",
        "Adult literacy",
        "Events.Party",
        "Tutor training",
        "Admin",
        "Newsletter",
    }
    duties = {d.name: d for d in services.workload.duties.list_responsibilities()}
    assert duties["Grants"].open_tasks == 2 and duties["Grants"].remaining_hours == pytest.approx(4.5)
    assert duties["Grants"].job_title == "My job"
    report = tasks_by_title(services)["Draft the Q4 grant report for the city fund"]
    assert (report.source, report.importance, report.due, report.remaining_hours) == (
        "taskwarrior",
        5,
        dt.date(2026, 12, 4),
        3.0,
    )


def test_reimporting_the_same_file_adds_nothing(services: Services) -> None:
    services.workload_imports.import_tasks(DATA / "taskwarrior-2.6.json")
    before = counts(services)
    again = services.workload_imports.import_tasks(DATA / "taskwarrior-2.6.json")
    assert (again.added, again.unchanged, again.updated, again.dependencies) == (0, 11, 0, 0)
    assert again.job_created is None and again.new_responsibilities == []
    assert counts(services) == before
    for name in ("Riverside Literacy.csv", "tasks-plain.csv", "taskwarrior-2.5.json"):
        first = services.workload_imports.import_tasks(DATA / name)
        second = services.workload_imports.import_tasks(DATA / name)
        assert first.added > 0 and second.added == 0 and second.unchanged == first.added, name


def test_tasks_go_under_the_current_job_and_reuse_its_duties(services: Services) -> None:
    job = services.workload.duties.add_job("Program Coordinator", employer="Riverside Literacy")
    services.workload.duties.add_responsibility(job.id, "grants")  # the same duty, spelled in lower case
    result = services.workload_imports.import_tasks(DATA / "taskwarrior-2.6.json")
    assert result.job_created is None
    assert "Grants" not in result.new_responsibilities
    duties = {d.name: d for d in services.workload.duties.list_responsibilities(job.id)}
    assert duties["grants"].open_tasks == 2


def test_a_bad_record_in_the_middle_changes_nothing(services: Services, tmp_path: Path) -> None:
    services.workload_imports.import_tasks(DATA / "tasks-plain.csv")
    before = counts(services)
    records = json.loads((DATA / "taskwarrior-2.6.json").read_text())
    records[5]["due"] = "someday"
    bad = tmp_path / "tasks.json"
    bad.write_text(json.dumps(records))
    with pytest.raises(BadInput) as raised:
        services.workload_imports.import_tasks(bad)
    assert raised.value.message == (
        "tasks.json record 6 (uuid 4c7068de-e937-4b99-96bf-2b8b10e7296b): 'due' is not a date (got 'someday')"
    )
    assert counts(services) == before

    lines = (DATA / "tasks-plain.csv").read_text().splitlines()
    lines.insert(3, "Half a task,Newsletter,2026-12-01,lots,3")
    (tmp_path / "plain.csv").write_text("\n".join(lines))
    with pytest.raises(BadInput, match=r"plain.csv line 4: 'effort_hours' is not a number of hours \(got 'lots'\)"):
        services.workload_imports.import_tasks(tmp_path / "plain.csv")
    assert counts(services) == before


def test_a_changed_export_updates_and_keeps_what_only_onward_knows(services: Services, tmp_path: Path) -> None:
    services.workload_imports.import_tasks(DATA / "taskwarrior-2.6.json")
    with services.workspace.session() as session:
        hall = session.scalar(select(Task).where(Task.title == "Book the hall for the holiday party"))
        assert hall is not None
        hall.status, hall.handed_to = "handed_off", "Sam"
    records = json.loads((DATA / "taskwarrior-2.6.json").read_text())
    records[0].update(status="completed", end="20261201T170000Z")
    records[0].pop("depends")
    records[1]["estimate"] = "PT5H"
    records[5]["description"] = "Book the hall for the holiday party (and the caterer)"
    changed = tmp_path / "tasks.json"
    changed.write_text(json.dumps(records))
    result = services.workload_imports.import_tasks(changed)
    assert (result.added, result.updated, result.unchanged) == (0, 3, 8)
    tasks = tasks_by_title(services)
    assert tasks["Draft the Q4 grant report for the city fund"].status == "done"
    assert tasks["Collect attendance numbers from the three branches"].remaining_hours == 5.0
    hall = tasks["Book the hall for the holiday party (and the caterer)"]
    assert (hall.status, hall.handed_to) == ("handed_off", "Sam")  # Taskwarrior cannot say "handed off"
    assert counts(services)["task_dependencies"] == 1  # the report no longer waits on the numbers


def test_dependencies_become_links_between_tasks(services: Services) -> None:
    services.workload_imports.import_tasks(DATA / "taskwarrior-2.5.json")
    tasks = tasks_by_title(services)
    with services.workspace.session() as session:
        links = {tuple(row) for row in session.execute(select(TaskDependency.task_id, TaskDependency.depends_on_id))}
    agenda = tasks["Print the agenda"].id
    assert links == {
        (agenda, tasks["Prepare the board slides"].id),
        (agenda, tasks["Gather last year's minutes"].id),
    }


def test_an_export_roundtrip_keeps_imported_tasks_matchable(services: Services) -> None:
    """Onward's own export/import keeps (source, external id), so a later Taskwarrior import still matches."""
    services.workload_imports.import_tasks(DATA / "taskwarrior-2.6.json")
    data = services.export()
    assert any(row["external_id"] == "cee501f5-e370-48d5-ba73-a09138d773a4" for row in data["tables"]["tasks"])


def test_twenty_thousand_tasks_import_in_one_go(services: Services, tmp_path: Path) -> None:
    records = [
        {
            "uuid": f"00000000-0000-4000-8000-{i:012d}",
            "description": f"Task {i}",
            "project": f"Project {i % 40}",
            "status": "pending" if i % 10 == 0 else "completed",
            "entry": "20260101T090000Z",
            "due": "20261215T170000Z" if i % 3 == 0 else None,
            "priority": "HML"[i % 3],
            "estimate": "PT2H",
            "depends": [f"00000000-0000-4000-8000-{i - 1:012d}"] if i % 10 == 0 and i else [],
        }
        for i in range(20_000)
    ]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records))
    result = services.workload_imports.import_tasks(path)
    assert (result.added, result.dependencies, len(result.new_responsibilities)) == (20_000, 1_999, 40)
    again = services.workload_imports.import_tasks(path)
    assert (again.added, again.unchanged) == (0, 20_000)


def test_bulk_inserts_refuse_rows_of_another_owner(services: Services) -> None:
    from onward.store.bulk import bulk_insert
    from onward.store.scoping import OwnerScopeError

    other = services.workspace.owner_id + 1
    with pytest.raises(OwnerScopeError), services.workspace.session() as session:
        bulk_insert(session, Job, [{"owner_id": other, "title": "Not mine", "employer": "", "description": ""}])


UUID = "0a1b2c3d-0000-4000-8000-000000000001"


def test_taskwarrior_epoch_seconds_are_dates_as_taskwarrior_reads_them(services: Services) -> None:
    """Taskwarrior's own import accepts epoch seconds; Onward refused them."""
    data = json.dumps([{"uuid": UUID, "description": "Renew insurance", "due": 1798675200, "entry": "1767225600"}])
    services.workload_imports.import_tasks_data(data.encode(), "epoch.json", "taskwarrior")
    (task,) = services.workload.tasks.list_tasks()
    assert task.due == dt.date(2026, 12, 31)


def test_refused_with_a_reason_instead_of_silently_accepted(services: Services) -> None:
    twice = json.dumps([{"uuid": UUID, "description": "first"}, {"uuid": UUID, "description": "second"}])
    with pytest.raises(BadInput, match=r"record 2 \(uuid 0a1b2c3d-.*\): the same uuid as record 1"):
        services.workload_imports.import_tasks_data(twice.encode(), "twice.json", "taskwarrior")
    unclosed = b'TYPE,CONTENT,PRIORITY,DATE\ntask,"Write report,4,\ntask,Other,1,\n'
    with pytest.raises(BadInput, match="not readable as CSV"):
        services.workload_imports.import_tasks_data(unclosed, "todoist.csv", "todoist")
    with pytest.raises(BadInput, match="NUL"):
        services.workload_imports.import_tasks_data(b"title,due\nA\x00B,\n", "nul.csv", "csv")
    assert services.workload.tasks.list_tasks() == []


def test_todoist_shorthand_recurrences_are_kept(services: Services) -> None:
    data = b"TYPE,CONTENT,PRIORITY,DATE\ntask,Weekly review,4,ev sun\ntask,Water plants,1,every 3 days\n"
    services.workload_imports.import_tasks_data(data, "todoist.csv", "todoist")
    kept = {t.title: t.recurrence for t in services.workload.tasks.list_tasks(statuses=("open",))}
    assert kept == {"Weekly review": "ev sun", "Water plants": "every 3 days"}


def test_an_old_todoist_export_says_which_date_its_short_dates_were_read_against(services: Services) -> None:
    result = services.workload_imports.import_tasks(DATA / "Harbour Food Bank.csv")
    assert (result.year_reference, result.year_reference_from) == (dt.date(2024, 1, 15), "file")
    assert tasks_by_title(services)["Book the van for the winter drive"].due == dt.date(2023, 12, 5)
    taskwarrior = services.workload_imports.import_tasks(DATA / "taskwarrior-2.6.json")
    assert taskwarrior.year_reference is None


def test_the_estimate_unit_shows_in_the_result_and_a_second_import_corrects_it(services: Services) -> None:
    imports = services.workload_imports
    as_hours = imports.import_tasks(DATA / "taskwarrior-minutes.json")
    assert (as_hours.estimate_unit, as_hours.estimated_hours) == ("hours", 122.0)
    as_minutes = imports.import_tasks(DATA / "taskwarrior-minutes.json", estimate_unit="minutes")
    assert (as_minutes.estimate_unit, as_minutes.estimated_hours, as_minutes.updated) == ("minutes", 4.0, 2)
    assert tasks_by_title(services)["Write the volunteer rota"].effort_hours == 1.5


def test_a_big_import_reports_its_steps_and_still_keeps_all_or_nothing(services: Services) -> None:
    from onward.background import BackgroundWork, Progress, Reporter

    job: BackgroundWork[object] = BackgroundWork("tasks-import", lambda _reporter: None)
    rows = "".join(f"Task {n},Ops,,1,3\n" for n in range(1200))
    data = ("title,responsibility,due,effort_hours,importance\n" + rows).encode()
    result = services.workload_imports.import_tasks_data(data, "big.csv", reporter=Reporter(job))
    assert result.added == 1200
    assert job.progress() == Progress("saving", 1000, 1200)  # told every 500 tasks compared
    broken = data + b"Last one,Ops,someday,1,3\n"
    with pytest.raises(BadInput, match=r"big\.csv line 1202"):
        services.workload_imports.import_tasks_data(broken, "big.csv", reporter=Reporter(job))
    assert counts(services)["tasks"] == 1200
