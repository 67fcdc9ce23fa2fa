"""Drills: the drill log (``drills``), and each campus's kind (elementary, middle, high, office: which drills it must
hold) and the day it opened, if known. The district's drill rules live in ``app_meta`` (``drill_rules``, a versioned
JSON document written the first time they are changed; the defaults stand until then).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (a batch would recreate campuses, which every assessment refers to)
    op.add_column("campuses", sa.Column("kind", sa.String(20), nullable=False, server_default="elementary"))
    op.add_column("campuses", sa.Column("opened_on", sa.Date(), nullable=True))
    op.create_table(
        "drills",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column(
            "campus_id",
            sa.Uuid(),
            sa.ForeignKey("campuses.id", ondelete="RESTRICT", name="fk_drills_campus"),
            nullable=False,
            index=True,
        ),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("held_at", sa.Time(), nullable=True),
        sa.Column("duration", sa.Integer(), nullable=True),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.Column("announced", sa.Boolean(), nullable=False),
        sa.Column("observers", sa.JSON(), nullable=False),
        sa.Column("issues", sa.Text(), nullable=False),
        sa.Column("finding_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("edit_stamps", sa.JSON(none_as_null=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("drills")
    with op.batch_alter_table("campuses") as batch:
        batch.drop_column("opened_on")
        batch.drop_column("kind")
