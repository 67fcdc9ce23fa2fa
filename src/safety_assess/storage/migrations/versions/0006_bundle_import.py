"""Bundle import: known devices and their keys, the history of what imports replaced, and on assessments where they
came from and which one a conflicting copy conflicts with.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("installation_id", sa.String(80), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("fingerprint", sa.String(60), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("trusted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_import_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "assessment_history",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("assessment_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_assessment_history_assessment_id", "assessment_history", ["assessment_id"])
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("source_installation", sa.String(80), nullable=True))
        batch.add_column(sa.Column("imported_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("conflict_of_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            "fk_assessments_conflict_of", "assessments", ["conflict_of_id"], ["id"], ondelete="RESTRICT"
        )


def downgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.drop_constraint("fk_assessments_conflict_of", type_="foreignkey")
        for column in ("conflict_of_id", "imported_at", "source_installation"):
            batch.drop_column(column)
    op.drop_table("assessment_history")
    op.drop_table("devices")
