"""workload: plate changes (the change log behind Undo)

Revision ID: 0003_workload
Revises: 0002_workload_calendar
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003_workload'
down_revision = '0002_workload_calendar'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plate_changes',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.String(length=1000), nullable=False),
    sa.Column('undo', sa.JSON(), nullable=False),
    sa.Column('undone', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], name=op.f('fk_plate_changes_owner_id_owners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plate_changes'))
    )
    with op.batch_alter_table('plate_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plate_changes_owner_id'), ['owner_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('plate_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plate_changes_owner_id'))
    op.drop_table('plate_changes')
