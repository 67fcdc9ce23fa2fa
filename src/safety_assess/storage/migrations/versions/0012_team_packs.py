"""Team assessments: on a second laptop, the sections a team pack asked it to do and the lead's laptop it came from.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_assignments",
        sa.Column(
            "assessment_id",
            sa.Uuid(),
            sa.ForeignKey("assessments.id", ondelete="CASCADE", name="fk_team_assignments_assessment"),
            primary_key=True,
        ),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("lead_installation", sa.String(80), nullable=False),
        sa.Column("lead_fingerprint", sa.String(60), nullable=False),
        sa.Column("lead_name", sa.String(200), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("team_assignments")
