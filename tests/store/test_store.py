"""The store on SQLite and on a real PostgreSQL: migrations, owner scoping, backup and restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text, update

from onward.demo import fill_demo
from onward.services import Services
from onward.settings import Settings
from onward.store import Store
from onward.store.base import Base, Owner, Setting
from onward.store.migrate import include_object
from onward.store.scoping import OwnerScopeError
from onward.workspace import Workspace

from ..conftest import TEST_CACHE_DIR, TODAY, postgresql_url


def test_migrations_build_exactly_the_models_schema(db_url: str) -> None:
    store = Store(db_url)
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    store.dispose()
    assert diff == [], f"models and migrations disagree: {diff}"


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    store.dispose()


def test_starting_twice_migrates_once(db_url: str) -> None:
    Store(db_url).dispose()
    store = Store(db_url)
    with store.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    store.dispose()
    assert {"owners", "owner_settings", "alembic_version"} <= tables


def _two_owners(store: Store) -> tuple[int, int]:
    with store.unscoped_session() as session:
        a, b = Owner(name="a"), Owner(name="b")
        session.add_all([a, b])
        session.flush()
        ids = a.id, b.id
    for owner_id, value in zip(ids, ("A's secret", "B's secret"), strict=True):
        with store.session(owner_id) as session:
            session.add(Setting(key="note", value=value))
    return ids


def test_a_session_never_sees_another_owners_rows(db_url: str) -> None:
    store = Store(db_url)
    a, b = _two_owners(store)
    with store.session(a) as session:
        # No owner filter written here: the store adds it.
        assert session.scalars(select(Setting.value)).all() == ["A's secret"]
        b_row_id = store_row_id(store, b)
        assert session.get(Setting, b_row_id) is None
        session.execute(update(Setting).values(value="overwritten"))
    with store.session(b) as session:
        assert session.scalars(select(Setting.value)).all() == ["B's secret"]
    store.dispose()


def test_a_bulk_lookup_sees_only_the_sessions_owner(db_url: str) -> None:
    """store/bulk.py's lookup for imports is Core SQL, past the ORM's scoping: it filters by the owner itself."""
    from onward.store.bulk import existing_values

    store = Store(db_url)
    a, b = _two_owners(store)
    with store.session(a) as session:
        session.add(Setting(key="only a's", value=""))
    with store.session(b) as session:
        assert existing_values(session, Setting, "key", ["note", "only a's", "nowhere"]) == {"note"}
        assert existing_values(session, Setting, "key", []) == set()
    with store.session(a) as session:
        assert existing_values(session, Setting, "key", ["note", "only a's", "nowhere"]) == {"note", "only a's"}
    session = store._sessions()  # neither bound to an owner nor marked unscoped
    with pytest.raises(OwnerScopeError):
        existing_values(session, Setting, "key", ["note"])
    session.close()
    store.dispose()


def store_row_id(store: Store, owner_id: int) -> int:
    with store.session(owner_id) as session:
        return session.scalars(select(Setting.id)).one()


def test_writing_a_row_for_another_owner_is_refused(db_url: str) -> None:
    store = Store(db_url)
    a, b = _two_owners(store)
    with pytest.raises(OwnerScopeError), store.session(a) as session:
        session.add(Setting(owner_id=b, key="sneaky", value="x"))
    with store.session(b) as session:
        assert session.scalars(select(Setting.key)).all() == ["note"]
    store.dispose()


def test_an_unbound_session_cannot_query_owned_rows(db_url: str) -> None:
    store = Store(db_url)
    session = store._sessions()  # neither bound to an owner nor marked unscoped
    with pytest.raises(OwnerScopeError):
        session.scalars(select(Setting)).all()
    session.close()
    store.dispose()


def test_backup_while_open_then_restore_brings_everything_back(db_url: str, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=db_url)
    services = Services.local(settings)
    services.preferences.set("name", "Sam")
    backup_file = tmp_path / "backup.bin"
    counts = services.backup(backup_file)
    assert counts["owner_settings"] == 1
    services.preferences.set("name", "changed after the backup")
    services.preferences.set("extra", "also after")
    restored = services.restore(backup_file)
    assert services.preferences.get("name") == "Sam"
    assert services.preferences.get("extra") == ""
    # What the restore replaced is kept, and restoring that safety copy undoes the restore.
    assert restored.safety_backup.parent == tmp_path / "backups"
    services.restore(restored.safety_backup)
    assert services.preferences.get("name") == "changed after the backup"
    assert services.preferences.get("extra") == "also after"
    # Restored ids do not collide with new rows (PostgreSQL sequences are moved past them).
    services.preferences.set("after-restore", "fine")
    assert services.preferences.get("after-restore") == "fine"
    services.store.dispose()


def _what_the_user_sees(services: Services) -> dict[str, object]:
    """Return what the demo's person finds on their pages: name, tasks, duties, colleagues, applications…"""
    w = services.workload
    return {
        "name": services.preferences.get("name"),
        "capacity": (w.planning.capacity().weekly_hours, [e.note for e in w.planning.capacity().exceptions]),
        "tasks": sorted((t.title, t.status, t.recurrence or "") for t in w.tasks.list_tasks(statuses=("open", "done"))),
        "overdue temporary duties": [d.name for d in w.planning.drift().temporary_overdue],
        "colleagues": [(c.name, c.weekly_limit_hours) for c in w.handoffs.list_colleagues()],
        "mistakes": sorted((m.happened_on, m.what_happened) for m in w.mistakes.list_mistakes()),
        "applications": sorted((a.employer, a.role_title, a.stage) for a in services.fit.list_applications()),
        "offers": sorted((o.employer, o.salary or 0.0, o.start_date or TODAY) for o in services.fit.list_offers()),
        "postings": sorted((p.title, p.company, p.times_seen) for p in services.fit_matching.list_postings()),
    }


@pytest.mark.postgres
@pytest.mark.parametrize(("source_kind", "target_kind"), [("sqlite", "postgresql"), ("postgresql", "sqlite")])
def test_a_backup_restores_into_the_other_kind_of_database(
    source_kind: str, target_kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    def settings_on(kind: str) -> Settings:
        if kind == "sqlite":
            url = f"sqlite:///{tmp_path / 'onward.sqlite'}"
        else:
            url = postgresql_url(request.getfixturevalue("postgresql"))
        return Settings(data_dir=tmp_path / kind, database_url=url, today=TODAY, cache_dir=TEST_CACHE_DIR)

    source = Services.local(settings_on(source_kind))
    fill_demo(source)
    seen, exported = _what_the_user_sees(source), source.export()
    backup_file = tmp_path / "backup.bin"
    source.backup(backup_file)
    source.store.dispose()

    target_settings = settings_on(target_kind)
    other = Services.local(target_settings)
    other.preferences.set("name", "whoever was here before")
    other.restore(backup_file)
    other.store.dispose()

    restored = Services.local(target_settings)  # as the next `onward serve` would open it
    assert restored.store.dialect == target_kind
    assert _what_the_user_sees(restored) == seen
    assert all(seen.values()), f"the demo should fill every list checked: {seen}"
    assert restored.export()["tables"] == exported["tables"], "every row, column by column, as before"
    # New rows get ids past the restored ones (on PostgreSQL the sequences are moved on).
    restored.preferences.set("after-restore", "fine")
    assert restored.preferences.get("after-restore") == "fine"
    restored.store.dispose()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    from onward.errors import BadInput

    store = Store(f"sqlite:///{tmp_path / 'x.sqlite'}")
    services = Services(Workspace(Settings(data_dir=tmp_path), store, store.local_owner_id()))
    services.preferences.set("name", "kept")
    junk = tmp_path / "junk.bin"
    junk.write_text("hello")
    with pytest.raises(BadInput, match="not an Onward backup"):
        services.restore(junk)
    assert services.preferences.get("name") == "kept"
    store.dispose()


def _workspace_with_a_name(tmp_path: Path) -> Services:
    store = Store(f"sqlite:///{tmp_path / 'x.sqlite'}")
    services = Services(Workspace(Settings(data_dir=tmp_path), store, store.local_owner_id()))
    services.preferences.set("name", "kept")
    return services


def test_restore_of_a_foreign_sqlite_file_changes_nothing(tmp_path: Path) -> None:
    """Found by fuzzing: any SQLite file 'restored 0 rows' and emptied the workspace."""
    import sqlite3

    from onward.errors import BadInput

    services = _workspace_with_a_name(tmp_path)
    foreign = tmp_path / "other.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    connection.execute("INSERT INTO notes (text) VALUES ('not Onward')")
    connection.commit()
    connection.close()
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).execute("CREATE TABLE t (x)").connection.close()
    for file in (foreign, empty):
        with pytest.raises(BadInput, match="not an Onward backup"):
            services.restore(file)
        assert services.preferences.get("name") == "kept"
    assert not (tmp_path / "backups").exists(), "nothing was replaced, so no safety copy either"
    services.store.dispose()


def test_restore_of_an_empty_onward_database_or_a_truncated_backup_changes_nothing(tmp_path: Path) -> None:
    from onward.errors import BadInput

    services = _workspace_with_a_name(tmp_path)
    blank = tmp_path / "blank.sqlite"
    Store(f"sqlite:///{blank}").dispose()  # Onward's schema, but nobody's workspace in it
    with pytest.raises(BadInput, match="holds no workspace"):
        services.restore(blank)
    good = tmp_path / "good.sqlite"
    services.backup(good)
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    with pytest.raises(BadInput, match="backup"):
        services.restore(truncated)
    assert services.preferences.get("name") == "kept"
    services.store.dispose()


@pytest.mark.parametrize(
    "payload",
    [
        b"not json at all",
        b'{"format": "onward-backup"}',
        b'{"format": "onward-backup", "revisions": ["x"], "tables": []}',
        b'{"format": "onward-backup", "revisions": [], "tables": {"owners": "rows"}}',
        b'{"format": "onward-backup", "revisions": [], "tables": {"owners": [{"nope": 1}]}}',
        b'{"format": "onward-backup", "revisions": [], "tables": {"mystery": []}}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_restore_of_a_malformed_logical_backup_is_one_clear_error(tmp_path: Path, payload: bytes) -> None:
    """Found by fuzzing: KeyError/AttributeError/RecursionError tracebacks from malformed gzip backups."""
    import gzip

    from onward.errors import BadInput

    services = _workspace_with_a_name(tmp_path)
    file = tmp_path / "bad.json.gz"
    file.write_bytes(gzip.compress(payload))
    with pytest.raises(BadInput, match=r"bad\.json\.gz"):
        services.restore(file)
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(gzip.compress(payload)[:12])
    with pytest.raises(BadInput, match=r"cut\.json\.gz"):
        services.restore(cut)
    assert services.preferences.get("name") == "kept"
    services.store.dispose()
