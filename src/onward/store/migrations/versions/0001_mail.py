"""mail: messages

Revision ID: 0001_mail
Revises: 0001_foundation
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001_mail'
down_revision = '0001_foundation'
branch_labels = ('mail',)
depends_on = None


def upgrade() -> None:
    op.create_table('mail_messages',
    sa.Column('message_key', sa.String(length=300), nullable=False),
    sa.Column('folder', sa.String(length=300), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('to_me', sa.Boolean(), nullable=False),
    sa.Column('from_address', sa.String(length=320), nullable=False),
    sa.Column('from_name', sa.String(length=200), nullable=False),
    sa.Column('to_addresses', sa.Text(), nullable=False),
    sa.Column('cc_addresses', sa.Text(), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('utc_offset', sa.Integer(), nullable=False),
    sa.Column('in_reply_to', sa.String(length=300), nullable=False),
    sa.Column('snippet', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('request', sa.String(length=500), nullable=False),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('request_state', sa.String(length=20), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], name=op.f('fk_mail_messages_owner_id_owners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_messages')),
    sa.UniqueConstraint('owner_id', 'message_key', name=op.f('uq_mail_messages_owner_id_message_key'))
    )
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_messages_direction'), ['direction'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_messages_from_address'), ['from_address'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_messages_in_reply_to'), ['in_reply_to'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_messages_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_messages_sent_at'), ['sent_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_messages_sent_at'))
        batch_op.drop_index(batch_op.f('ix_mail_messages_owner_id'))
        batch_op.drop_index(batch_op.f('ix_mail_messages_in_reply_to'))
        batch_op.drop_index(batch_op.f('ix_mail_messages_from_address'))
        batch_op.drop_index(batch_op.f('ix_mail_messages_direction'))
    op.drop_table('mail_messages')
