"""Photo files on a shared server: each original or rendition as a blob, its bytes in chunks of at most 1 MiB,
seen only once complete (see docs/shared-database.md). The SQLite file has the tables too, unused: its photos stay
in the data folder.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo_blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(10), primary_key=True),
        sa.Column("extension", sa.String(8), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "photo_chunks",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(10), primary_key=True),
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256", "kind"],
            ["photo_blobs.sha256", "photo_blobs.kind"],
            ondelete="CASCADE",
            name="fk_photo_chunks_blob",
        ),
    )


def downgrade() -> None:
    op.drop_table("photo_chunks")
    op.drop_table("photo_blobs")
