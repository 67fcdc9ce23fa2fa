"""Findings and corrective actions; photos of findings the assessor added.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "findings",
        *_record_columns(),
        sa.Column("assessment_id", sa.Uuid(), sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_id", sa.String(80), nullable=True),
        sa.Column("instance_id", sa.Uuid(), sa.ForeignKey("group_instances.id", ondelete="CASCADE"), nullable=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("section_id", sa.String(80), nullable=True),
        sa.Column("location", sa.String(300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("likelihood", sa.Integer(), nullable=True),
        sa.Column("severity", sa.Integer(), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("residual_likelihood", sa.Integer(), nullable=True),
        sa.Column("residual_severity", sa.Integer(), nullable=True),
        sa.Column("layer", sa.String(40), nullable=True),
        sa.Column("components", sa.JSON(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_findings_assessment_id", "findings", ["assessment_id"])
    op.create_index(
        "uq_findings_item",
        "findings",
        ["assessment_id", "item_id"],
        unique=True,
        sqlite_where=sa.text("instance_id IS NULL AND item_id IS NOT NULL"),
        postgresql_where=sa.text("instance_id IS NULL AND item_id IS NOT NULL"),
    )
    op.create_index("uq_findings_instance_item", "findings", ["assessment_id", "instance_id", "item_id"], unique=True)
    op.create_table(
        "actions",
        *_record_columns(),
        sa.Column("finding_id", sa.Uuid(), sa.ForeignKey("findings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("phase", sa.String(80), nullable=False),
        sa.Column("cost_low", sa.Float(), nullable=False),
        sa.Column("cost_high", sa.Float(), nullable=False),
        sa.Column("funding", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status_changed_by", sa.String(200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_actions_finding_id", "actions", ["finding_id"])
    with op.batch_alter_table("photos") as batch:
        batch.alter_column("item_id", existing_type=sa.String(80), nullable=True)
        batch.add_column(sa.Column("finding_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key("fk_photos_finding", "findings", ["finding_id"], ["id"], ondelete="CASCADE")
        batch.create_index("ix_photos_finding_id", ["finding_id"])


def downgrade() -> None:
    op.execute("DELETE FROM photos WHERE item_id IS NULL")
    with op.batch_alter_table("photos") as batch:
        batch.drop_index("ix_photos_finding_id")
        batch.drop_constraint("fk_photos_finding", type_="foreignkey")
        batch.drop_column("finding_id")
        batch.alter_column("item_id", existing_type=sa.String(80), nullable=False)
    op.drop_table("actions")
    op.drop_table("findings")
