"""store/sqlite_schema.sql, with which the CLI's fast lane creates a missing store, is what the migrations make;
and a store it creates is the one the ordinary start would leave."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from onward.store import Store, lite
from onward.store.migrate import fresh_schema_script


def test_the_schema_script_is_what_the_migrations_make_now() -> None:
    assert lite.SCHEMA.read_text(encoding="utf-8") == fresh_schema_script(), (
        "store/sqlite_schema.sql is stale: run `python scripts/gen_sqlite_schema.py` (or `make docs`)"
    )


def everything(database: Path) -> tuple[set[Any], dict[str, list[Any]], dict[str, Any]]:
    """The schema, every table's rows (the owner's timestamp left out) and the pragmas a connection reads."""
    connection = sqlite3.connect(database)
    try:
        objects = set(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        tables = [name for kind, name, _, _ in objects if kind == "table"]
        rows = {table: sorted(connection.execute(f'SELECT * FROM "{table}"'), key=repr) for table in tables}
        rows["owners"] = [(owner_id, name) for owner_id, name, *_ in rows["owners"]]
        pragmas = {
            name: connection.execute(f"PRAGMA {name}").fetchone()
            for name in ("journal_mode", "page_size", "encoding", "user_version", "auto_vacuum", "application_id")
        }
        return objects, rows, pragmas
    finally:
        connection.close()


def test_a_store_the_lane_creates_is_the_one_the_ordinary_start_leaves(tmp_path: Path) -> None:
    ordinary = tmp_path / "ordinary" / "onward.sqlite"
    store = Store(f"sqlite:///{ordinary}")
    store.local_owner_id()
    store.dispose()
    made = lite.open_to_write(tmp_path / "lane" / "onward.sqlite")  # its folder made as make_engine makes it
    assert made is not None and made.owner_id == 1
    made.commit()
    made.close()
    lane_schema, lane_rows, lane_pragmas = everything(tmp_path / "lane" / "onward.sqlite")
    schema, rows, pragmas = everything(ordinary)
    assert lane_schema == schema
    assert {kind for kind, *_ in schema} == {"table", "index", "trigger"}
    assert any(name == "journal_fts" and "VIRTUAL" in sql for _, name, _, sql in schema if sql)
    assert lane_rows == rows and rows["owners"] == [(1, lite.LOCAL_OWNER_NAME)]
    assert rows["journal_fts_config"] == [("version", 4)]  # FTS5 made its shadow tables itself
    assert lane_pragmas == pragmas and pragmas["journal_mode"] == ("wal",)
    again = lite.open_to_write(tmp_path / "lane" / "onward.sqlite")  # now at head: opened, not made again
    assert again is not None and again.owner_id == 1
    again.close()


def test_a_stale_schema_script_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = lite.SCHEMA.read_text(encoding="utf-8")
    stale = tmp_path / "stale.sql"
    stale.write_text(script.replace("INSERT INTO alembic_version (version_num) VALUES ('0004_workload');\n", ""))
    assert stale.read_text() != script
    monkeypatch.setattr(lite, "SCHEMA", stale)
    assert lite.open_to_write(tmp_path / "onward.sqlite") is None
    with sqlite3.connect(tmp_path / "onward.sqlite") as connection:  # rolled back: nothing made
        assert connection.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


def test_the_statements_of_the_script_are_split_whole() -> None:
    statements = lite.schema_statements(lite.SCHEMA.read_text(encoding="utf-8"))
    assert all(sqlite3.complete_statement(statement + ";") for statement in statements)
    triggers = [statement for statement in statements if statement.startswith("CREATE TRIGGER")]
    assert len(triggers) == 33 and all(statement.endswith("END;") for statement in triggers)
    with pytest.raises(ValueError, match="inside a statement"):
        lite.schema_statements("CREATE TABLE a (x);\nCREATE TABLE b (")
