"""Site and floor plans of campuses, with their markers, walls and zones.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
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
        "site_maps",
        *_record_columns(),
        sa.Column(
            "campus_id",
            sa.Uuid(),
            sa.ForeignKey("campuses.id", ondelete="RESTRICT", name="fk_site_maps_campus"),
            nullable=False,
        ),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("extension", sa.String(8), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("rotation", sa.Integer(), nullable=False),
        sa.Column("north", sa.Float(), nullable=True),
        sa.Column("scale", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_site_maps_campus_id", "site_maps", ["campus_id"])
    op.create_index("ix_site_maps_sha256", "site_maps", ["sha256"])
    op.create_table(
        "map_markers",
        *_record_columns(),
        sa.Column(
            "map_id",
            sa.Uuid(),
            sa.ForeignKey("site_maps.id", ondelete="CASCADE", name="fk_map_markers_map"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("camera", sa.Text(), nullable=True),
        sa.Column("finding_id", sa.Uuid(), nullable=True),
        sa.Column("photo_id", sa.Uuid(), nullable=True),
        sa.Column("camera_instance", sa.String(200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_map_markers_map_id", "map_markers", ["map_id"])
    op.create_table(
        "map_shapes",
        *_record_columns(),
        sa.Column(
            "map_id",
            sa.Uuid(),
            sa.ForeignKey("site_maps.id", ondelete="CASCADE", name="fk_map_shapes_map"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("points", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_map_shapes_map_id", "map_shapes", ["map_id"])


def downgrade() -> None:
    op.drop_index("ix_map_shapes_map_id", "map_shapes")
    op.drop_table("map_shapes")
    op.drop_index("ix_map_markers_map_id", "map_markers")
    op.drop_table("map_markers")
    op.drop_index("ix_site_maps_sha256", "site_maps")
    op.drop_index("ix_site_maps_campus_id", "site_maps")
    op.drop_table("site_maps")
