"""workload: a stamp per owner that changes on every write to the workload's tables (the pages' cache key)

Revision ID: 0004_workload
Revises: 0003_workload
Create Date: 2026-12-03

Triggers keep it, so no write path can forget it: the ORM, bulk inserts, `onward import`, another process.
The stamp is random, not a counter: a restored backup brings back the stamp of the data it holds.
SQLite has row triggers only (an update per row written; no conflict clause, which an outer
`INSERT OR …` would override); PostgreSQL runs one statement trigger per
statement over its transition table.
"""
from __future__ import annotations

from alembic import op

revision = '0004_workload'
down_revision = '0003_workload'
branch_labels = None
depends_on = None

TABLES = (
    'jobs', 'responsibilities', 'tasks', 'capacities', 'capacity_exceptions', 'mistakes', 'colleagues',
    'task_dependencies', 'calendar_events', 'plate_changes',
)
EVENTS = {'insert': 'NEW', 'update': 'NEW', 'delete': 'OLD'}


def upgrade() -> None:
    # No foreign key to owners: deleting an owner cascades to its tasks, whose triggers write a stamp.
    op.execute('CREATE TABLE workload_stamps (owner_id INTEGER PRIMARY KEY, stamp BIGINT NOT NULL)')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(
            "CREATE FUNCTION workload_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "INSERT INTO workload_stamps (owner_id, stamp) "
            "SELECT owner_id, (random() * 9.2e18 - 4.6e18)::bigint FROM (SELECT DISTINCT owner_id FROM changed) AS o "
            "ON CONFLICT (owner_id) DO UPDATE SET stamp = EXCLUDED.stamp; RETURN NULL; END $$"
        )
        for table in TABLES:
            for event, row in EVENTS.items():
                op.execute(
                    f"CREATE TRIGGER workload_stamp_{event} AFTER {event.upper()} ON {table} "
                    f"REFERENCING {row} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION workload_stamp()"
                )
        return
    for table in TABLES:
        for event, row in EVENTS.items():
            op.execute(
                f"CREATE TRIGGER workload_stamp_{table}_{event} AFTER {event.upper()} ON {table} BEGIN "
                f"UPDATE workload_stamps SET stamp = random() WHERE owner_id = {row}.owner_id; "
                f"INSERT INTO workload_stamps (owner_id, stamp) SELECT {row}.owner_id, random() "
                f"WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = {row}.owner_id); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in TABLES:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER workload_stamp_{event} ON {table}")
        op.execute("DROP FUNCTION workload_stamp()")
    else:
        for table in TABLES:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER workload_stamp_{table}_{event}")
    op.execute('DROP TABLE workload_stamps')
