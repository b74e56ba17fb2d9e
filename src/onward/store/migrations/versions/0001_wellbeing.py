"""wellbeing: check-ins and questionnaire responses

Revision ID: 0001_wellbeing
Revises: 0001_foundation
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001_wellbeing'
down_revision = '0001_foundation'
branch_labels = ('wellbeing',)
depends_on = None


def upgrade() -> None:
    op.create_table('check_ins',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('mood', sa.Integer(), nullable=False),
    sa.Column('energy', sa.Integer(), nullable=False),
    sa.Column('sleep_hours', sa.Float(), nullable=True),
    sa.Column('worked_hours', sa.Float(), nullable=True),
    sa.Column('after_hours_minutes', sa.Integer(), nullable=True),
    sa.Column('saw_people', sa.Boolean(), nullable=True),
    sa.Column('people_minutes', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('load_ratio', sa.Float(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], name=op.f('fk_check_ins_owner_id_owners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_ins')),
    sa.UniqueConstraint('owner_id', 'day', name=op.f('uq_check_ins_owner_id_day')),
    info={'natural_key': ('day',)}
    )
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_ins_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_check_ins_owner_id'), ['owner_id'], unique=False)

    op.create_table('instrument_responses',
    sa.Column('instrument', sa.String(length=10), nullable=False),
    sa.Column('taken_on', sa.Date(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], name=op.f('fk_instrument_responses_owner_id_owners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instrument_responses')),
    info={'natural_key': ('instrument', 'taken_on', 'created_at')}
    )
    with op.batch_alter_table('instrument_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_instrument_responses_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_instrument_responses_taken_on'), ['taken_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('instrument_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_instrument_responses_taken_on'))
        batch_op.drop_index(batch_op.f('ix_instrument_responses_owner_id'))

    op.drop_table('instrument_responses')
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_ins_owner_id'))
        batch_op.drop_index(batch_op.f('ix_check_ins_day'))

    op.drop_table('check_ins')
