"""Edit stamps for merging bundles field by field: each synced record's ``edit_stamps`` (which installation last
changed each field, at which revision, and what the record has seen), the deletions that travel
(``deleted_records``) and the clashes a merge left (``merge_conflicts``). Rows written before have no stamps and are
merged by their revision counter.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

STAMPED = ("assessments", "group_instances", "responses", "findings", "actions", "photos")


def _assessment(table: str) -> sa.Column[object]:
    return sa.Column(
        "assessment_id",
        sa.Uuid(),
        sa.ForeignKey("assessments.id", ondelete="CASCADE", name=f"fk_{table}_assessment"),
        nullable=False,
    )


def upgrade() -> None:
    for table in STAMPED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("edit_stamps", sa.JSON(), nullable=True))
    op.create_table(
        "deleted_records",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _assessment("deleted_records"),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("item_id", sa.String(80), nullable=True),
        sa.Column("instance_id", sa.Uuid(), nullable=True),
        sa.Column("installation", sa.String(80), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("seen", sa.JSON(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_deleted_records_assessment_id", "deleted_records", ["assessment_id"])
    op.create_table(
        "merge_conflicts",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _assessment("merge_conflicts"),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(80), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=True),
        sa.Column("their_installation", sa.String(80), nullable=False),
        sa.Column("their_revision", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("record_id", "field", name="uq_merge_conflicts_field"),
    )
    op.create_index("ix_merge_conflicts_assessment_id", "merge_conflicts", ["assessment_id"])


def downgrade() -> None:
    op.drop_index("ix_merge_conflicts_assessment_id", "merge_conflicts")
    op.drop_table("merge_conflicts")
    op.drop_index("ix_deleted_records_assessment_id", "deleted_records")
    op.drop_table("deleted_records")
    for table in STAMPED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("edit_stamps")
