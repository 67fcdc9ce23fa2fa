"""Assessment figures: each assessment's headline figures (compliance, findings per band, open actions, cost per
phase and layer) and its actions as the district lists them, kept so the district view reads them in one query
instead of rescoring every assessment; the stamp says what state of the assessment they were computed from.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_figures",
        sa.Column(
            "assessment_id",
            sa.Uuid(),
            sa.ForeignKey("assessments.id", ondelete="CASCADE", name="fk_assessment_figures_assessment"),
            primary_key=True,
        ),
        sa.Column("stamp", sa.String(200), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("assessment_figures")
