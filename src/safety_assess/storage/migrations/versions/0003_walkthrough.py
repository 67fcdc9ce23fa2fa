"""Walkthrough: where the assessor left off, sign-off, revisions made by reopening; answers as JSON text that
may be NULL (a note written before the answer).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("resume_item_id", sa.String(80), nullable=True))
        batch.add_column(sa.Column("resume_instance_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("signed_off_by", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("revision_no", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("revision_of_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("reopen_reason", sa.Text(), nullable=True))
        batch.create_foreign_key(
            "fk_assessments_revision_of", "assessments", ["revision_of_id"], ["id"], ondelete="RESTRICT"
        )

    with op.batch_alter_table("responses") as batch:  # text: SQLite would store 1000.0 as the integer 1000
        batch.alter_column("value", existing_type=sa.JSON(), type_=sa.Text(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM responses WHERE value IS NULL")
    with op.batch_alter_table("responses") as batch:
        batch.alter_column("value", existing_type=sa.Text(), type_=sa.JSON(), nullable=False)
    with op.batch_alter_table("assessments") as batch:
        batch.drop_constraint("fk_assessments_revision_of", type_="foreignkey")
        for column in (
            "reopen_reason",
            "revision_of_id",
            "revision_no",
            "signed_off_by",
            "resume_instance_id",
            "resume_item_id",
        ):
            batch.drop_column(column)
