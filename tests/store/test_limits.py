"""Limits declared once on the columns hold on every way in: service calls (forms, API, commands), bulk
imports and `onward import`; and what the app accepted round-trips through export and import."""

from __future__ import annotations

import json
import math

import pytest
from fastapi.testclient import TestClient

from onward.errors import BadInput
from onward.services import Services
from onward.settings import Settings
from onward.store.transfer import normalise_ids
from onward.web.app import create_app
from onward.workload.models import Colleague


def _export_with(services: Services, table: str, **changes: object) -> dict[str, object]:
    data = services.export()
    row = data["tables"][table][0]
    row.update(changes)
    return data


def test_a_form_refuses_what_the_column_cannot_hold(settings: Settings) -> None:
    """Found by fuzzing: a web form stored a 300-character colleague name that the export then refused."""
    from ..web.conftest import TOKEN, csrf

    with TestClient(create_app(settings, token=TOKEN), base_url="http://127.0.0.1") as browser:
        browser.get(f"/?token={TOKEN}")
        limit = Colleague.__table__.c.name.type.length
        response = browser.post(
            "/workload/colleagues",
            data={"name": "S" * (limit + 100), "weekly_limit_hours": "4", "csrf_token": csrf(browser)},
        )
        assert response.status_code == 400
        assert f"longer than {limit} characters" in response.text
        assert "S" * (limit + 100) in response.text, "the form comes back with what was typed"
        assert browser.get("/api/export").json()["tables"]["colleagues"] == []


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("effort_hours", math.nan, "not a finite number"),
        ("effort_hours", math.inf, "not a finite number"),
        ("effort_hours", -3.0, "must be from 0 to 10000"),
        ("importance", 99, "must be from 1 to 5"),
        ("title", "a\x00b", "NUL"),
        ("title", "x" * 10_000, "longer than"),
    ],
)
def test_every_write_path_refuses_the_same_values(services: Services, field: str, value: object, reason: str) -> None:
    """NaN, ±Infinity, negative hours and importance 99 came in through `onward import` and broke five pages."""
    services.workload.tasks.add_task("Draft grant report", effort_hours=3.0)
    before = services.export()
    # `onward import --merge` (the JSON export, as a file would carry it: Python's json writes NaN as NaN)
    data = json.loads(json.dumps(_export_with(services, "tasks", **{field: value})))
    with pytest.raises(BadInput, match=f"tasks record 1: '{field}'.*{reason}"):
        services.import_(data, merge=True)
    # a service call, as a form, an API call or a command makes it
    with pytest.raises(BadInput):  # the service's own words, or the columns' where it has none
        if field == "title":
            services.workload.tasks.add_task(str(value))
        else:
            services.workload.tasks.add_task("Another", **{field: value})  # type: ignore[arg-type]
    assert normalise_ids(services.export())["tables"] == normalise_ids(before)["tables"], "not one row changed"


def test_a_bulk_insert_checks_the_same_limits(services: Services) -> None:
    """store/bulk.py (task imports, the heavy user, and the coming mail and contacts imports) sees no ORM
    events; it checks each row itself."""
    from onward.store.base import Setting, utcnow
    from onward.store.bulk import bulk_insert

    owner, now = services.workspace.owner_id, utcnow()
    row = {"owner_id": owner, "created_at": now, "updated_at": now, "key": "k", "value": "v" * 2001}
    with (
        pytest.raises(BadInput, match=r"owner settings row 1: 'value' is longer than 2000"),
        services.workspace.session() as session,
    ):
        bulk_insert(session, Setting, [row])
    assert services.preferences.get("k") == ""
    # The Taskwarrior importer keeps a long description whole: the title is clipped, the rest goes to notes.
    data = json.dumps([{"uuid": "0a1b2c3d-0000-4000-8000-000000000001", "description": "x" * 5000}])
    services.workload_imports.import_tasks_data(data.encode(), "tw.json", "taskwarrior")
    (task,) = services.workload.tasks.list_tasks()
    assert len(task.title) <= 500


def test_a_bulk_insert_stores_timestamps_as_the_orm_does(services: Services) -> None:
    """bulk.py writes SQLite's timestamps itself (quicker): the stored text is the ORM's, to the character."""
    import datetime as dt

    from sqlalchemy import text

    from onward.store.base import Setting
    from onward.store.bulk import bulk_insert

    owner = services.workspace.owner_id
    moments = [dt.datetime(2025, 1, 9, 10, 17), dt.datetime(987, 3, 4, 5, 6, 7, 89), dt.datetime(2025, 12, 31, 23, 59)]
    with services.workspace.session() as session:
        for number, moment in enumerate(moments):
            session.add(Setting(key=f"orm{number}", value="", created_at=moment, updated_at=moment))
        rows = [
            {"owner_id": owner, "created_at": moment, "updated_at": moment, "key": f"bulk{number}", "value": ""}
            for number, moment in enumerate(moments)
        ]
        bulk_insert(session, Setting, rows)
    with services.workspace.session() as session:
        stored = {row[0]: row[1] for row in session.execute(text("SELECT key, created_at FROM owner_settings"))}
    for number, moment in enumerate(moments):
        assert stored[f"bulk{number}"] == stored[f"orm{number}"], moment
    with services.workspace.session() as session:
        read = {row.key: row.created_at for row in session.query(Setting)}
    assert [read[f"bulk{number}"] for number in range(len(moments))] == moments


def test_export_import_round_trip_and_merge_twice_adds_nothing(services: Services, settings: Settings) -> None:
    from onward.demo import fill_demo

    fill_demo(services)
    exported = services.export()
    text = json.dumps(exported, allow_nan=False)  # an export is always valid JSON
    fresh = Services.local(settings.with_database(f"sqlite:///{settings.data_dir / 'fresh.sqlite'}"))
    fresh.import_(json.loads(text))
    assert normalise_ids(fresh.export())["tables"] == normalise_ids(exported)["tables"]
    fresh.store.dispose()
    other = Services.local(settings.with_database(f"sqlite:///{settings.data_dir / 'other.sqlite'}"))
    other.workload.tasks.add_task("Something of my own")
    first = other.import_(json.loads(text), merge=True)
    assert first["tasks"] == len(exported["tables"]["tasks"])
    counts = {name: len(rows) for name, rows in other.export()["tables"].items()}
    second = other.import_(json.loads(text), merge=True)
    assert sum(second.values()) == 0, f"the second merge added {second}"
    assert {name: len(rows) for name, rows in other.export()["tables"].items()} == counts
    other.store.dispose()
