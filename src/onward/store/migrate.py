"""Alembic run from code: every domain keeps its own branch of revisions; start-up upgrades to all heads."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, inspect, text

from onward.store.base import Base
from onward.store.heads import MIGRATIONS, script_heads

__all__ = [
    "MIGRATIONS",
    "alembic_config",
    "fresh_schema_script",
    "include_object",
    "new_revision",
    "script_heads",
    "upgrade",
]


def alembic_config(connection: object | None = None) -> object:
    """Return an Alembic Config pointing at Onward's migrations (with a live connection when given)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def include_object(_object: object, name: str | None, type_: str, _reflected: bool, _compare_to: object) -> bool:
    """Alembic's filter: leave out what a domain builds in its migrations only (models list it in the
    metadata's "migration_only" set, e.g. reflection's full-text index), so schema comparisons ignore it."""
    return name not in Base.metadata.info.get("migration_only", ())


def _current_heads(connection: Connection) -> set[str]:
    if not inspect(connection).has_table("alembic_version"):
        return set()
    return {str(row[0]) for row in connection.execute(text("SELECT version_num FROM alembic_version"))}


def upgrade(engine: Engine) -> None:
    """Apply every pending revision; a no-op when the schema is current."""
    with engine.connect() as connection:
        if _current_heads(connection) == script_heads():
            return  # the usual case, decided without importing Alembic
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.begin() as connection:
        config = alembic_config(connection)
        script = ScriptDirectory.from_config(config)  # type: ignore[arg-type]
        current = set(MigrationContext.configure(connection).get_current_heads())
        if current == set(script.get_heads()):
            return
        command.upgrade(config, "heads")  # type: ignore[arg-type]


def new_revision(message: str, branch: str, rev_id: str) -> None:
    """Autogenerate a revision on a domain's own branch (developer tool: `python scripts/new_migration.py`)

    The caller registers every domain's models first (importing onward.services does), or autogenerate
    would see no tables and propose dropping them all.."""
    from alembic import command
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    upgrade(engine)
    with engine.begin() as connection:
        config = alembic_config(connection)
        script = ScriptDirectory.from_config(config)  # type: ignore[arg-type]
        has_branch = any(branch in (rev.branch_labels or ()) for rev in script.walk_revisions())
        command.revision(
            config,  # type: ignore[arg-type]
            message=message,
            autogenerate=True,
            rev_id=rev_id,
            head=f"{branch}@head" if has_branch else "foundation@head",
            branch_label=None if has_branch else branch,
            splice=not has_branch,
        )


def fresh_schema_script() -> str:
    """Return the schema script (onward.store.lite.schema_script) of a SQLite file migrated from nothing to
    heads: what store/sqlite_schema.sql must hold (scripts/gen_sqlite_schema.py writes it)."""
    import sqlite3
    import tempfile
    from pathlib import Path

    from onward.store.engine import make_engine
    from onward.store.lite import schema_script

    with tempfile.TemporaryDirectory(prefix="onward-schema-") as folder:
        path = Path(folder) / "fresh.sqlite"
        engine = make_engine(f"sqlite:///{path}")
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        connection = sqlite3.connect(path)
        try:
            return schema_script(connection)
        finally:
            connection.close()
