"""An index of the kept figures' stamps: the district view compares every assessment's stamp with its kept figures'
at every open and refresh, and read from the table itself that meant reading every large row of figures and action
lines (a thousand campuses: tens of megabytes).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_assessment_figures_stamp", "assessment_figures", ["assessment_id", "stamp"])


def downgrade() -> None:
    op.drop_index("ix_assessment_figures_stamp", table_name="assessment_figures")
