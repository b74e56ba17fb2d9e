"""Alembic environment: runs on the connection handed over by onward.store.migrate."""

from __future__ import annotations

from alembic import context

from onward.store.base import Base
from onward.store.migrate import include_object

# target_metadata holds the models registered by whoever runs the migration (the composition root, or
# scripts/new_migration.py); upgrades need none of them, autogenerate needs them all.
config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through onward.store.migrate.upgrade")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table instead
    compare_type=True,
    include_object=include_object,  # tables and indexes made by migrations alone (models name them)
)
with context.begin_transaction():
    context.run_migrations()
