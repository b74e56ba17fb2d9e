"""network: contacts, interactions, tag cadences

Revision ID: 0001_network
Revises: 0001_foundation
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001_network'
down_revision = '0001_foundation'
branch_labels = ('network',)
depends_on = None


def upgrade() -> None:
    op.create_table('contacts',
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('emails', sa.JSON(), nullable=False),
    sa.Column('phones', sa.JSON(), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('how_met', sa.String(length=500), nullable=False),
    sa.Column('met_on', sa.Date(), nullable=True),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('relationship', sa.String(length=40), nullable=False),
    sa.Column('cadence_days', sa.Integer(), nullable=True),
    sa.Column('support', sa.Boolean(), nullable=False),
    sa.Column('external_ids', sa.JSON(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], name=op.f('fk_contacts_owner_id_owners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts')),
    sa.UniqueConstraint('owner_id', 'key', name=op.f('uq_contacts_owner_id_key'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_owner_id'), ['owner_id'], unique=False)

    op.create_table('contact_tag_cadences',
    sa.Column('tag', sa.String(length=100), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], name=op.f('fk_contact_tag_cadences_owner_id_owners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_tag_cadences')),
    sa.UniqueConstraint('owner_id', 'tag', name=op.f('uq_contact_tag_cadences_owner_id_tag'))
    )
    with op.batch_alter_table('contact_tag_cadences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_tag_cadences_owner_id'), ['owner_id'], unique=False)

    op.create_table('interactions',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=40), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('follow_up_done', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_interactions_contact_id_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], name=op.f('fk_interactions_owner_id_owners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interactions'))
    )
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.create_index('ix_interactions_owner_contact_on', ['owner_id', 'contact_id', 'on'], unique=False)
        batch_op.create_index(batch_op.f('ix_interactions_follow_up_on'), ['follow_up_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_interactions_owner_id'), ['owner_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interactions_owner_id'))
        batch_op.drop_index(batch_op.f('ix_interactions_follow_up_on'))
        batch_op.drop_index('ix_interactions_owner_contact_on')
    op.drop_table('interactions')
    with op.batch_alter_table('contact_tag_cadences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_tag_cadences_owner_id'))
    op.drop_table('contact_tag_cadences')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_owner_id'))
    op.drop_table('contacts')
