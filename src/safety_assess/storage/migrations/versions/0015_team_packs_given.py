"""Team packs given: on the lead's laptop, each team pack made (assessment, sections, when, the file's name) and,
once work on that assessment comes back from another device, that device's fingerprint and when.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_packs_given",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "assessment_id",
            sa.Uuid(),
            sa.ForeignKey("assessments.id", ondelete="CASCADE", name="fk_team_packs_given_assessment"),
            nullable=False,
            index=True,
        ),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("received_from", sa.String(60), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("team_packs_given")
