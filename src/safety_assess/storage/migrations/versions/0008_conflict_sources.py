"""Conflict sources: for each copy kept because a bundle conflicted with our assessment, the digest of the bundle's
version it was made from, so importing the same bundle again finds the copy instead of adding another.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflict_sources",
        sa.Column(
            "copy_id",
            sa.Uuid(),
            sa.ForeignKey("assessments.id", ondelete="CASCADE", name="fk_conflict_sources_copy"),
            primary_key=True,
        ),
        sa.Column(
            "conflict_of_id",
            sa.Uuid(),
            sa.ForeignKey("assessments.id", ondelete="CASCADE", name="fk_conflict_sources_conflict_of"),
            nullable=False,
        ),
        sa.Column("digest", sa.String(64), nullable=False),
    )
    op.create_index("ix_conflict_sources_of_digest", "conflict_sources", ["conflict_of_id", "digest"])


def downgrade() -> None:
    op.drop_index("ix_conflict_sources_of_digest", "conflict_sources")
    op.drop_table("conflict_sources")
