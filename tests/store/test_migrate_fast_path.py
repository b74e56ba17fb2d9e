"""Start-up skips Alembic when the schema is current; the shortcut must agree with Alembic itself."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from onward.services import Services
from onward.store.migrate import _current_heads, alembic_config, script_heads


def test_the_heads_read_from_the_files_are_alembics() -> None:
    script = ScriptDirectory.from_config(alembic_config())  # type: ignore[arg-type]
    assert script_heads() == set(script.get_heads())


def test_a_migrated_database_is_at_those_heads(services: Services) -> None:
    with services.store.engine.connect() as connection:
        assert _current_heads(connection) == script_heads()
