"""Recurring spot checks: their schedules (``spot_checks``: campus, checklist, sections, how often, from when, who set
it up; stopped by ``deleted_at``) and each run's link to its schedule (``assessments.spot_check_id``: a run is an
ordinary assessment of the schedule's checklist).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "spot_checks",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column(
            "campus_id",
            sa.Uuid(),
            sa.ForeignKey("campuses.id", ondelete="RESTRICT", name="fk_spot_checks_campus"),
            nullable=False,
            index=True,
        ),
        sa.Column("checklist_id", sa.String(80), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("every", sa.String(10), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("set_up_by", sa.String(200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("edit_stamps", sa.JSON(none_as_null=True), nullable=True),
    )
    # plain ADD COLUMN (a batch would recreate assessments, which everything refers to)
    op.add_column("assessments", sa.Column("spot_check_id", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("spot_check_id")
    op.drop_table("spot_checks")
