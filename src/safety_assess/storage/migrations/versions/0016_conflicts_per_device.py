"""A field may clash with several devices at once (three laptops on one item): one open conflict per field and device,
so that no device's value is replaced in the list by another's before someone chooses.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("merge_conflicts") as table:
        table.drop_constraint("uq_merge_conflicts_field", type_="unique")
        table.create_unique_constraint("uq_merge_conflicts_device", ["record_id", "field", "their_installation"])


def downgrade() -> None:
    """Back to one conflict per field: the latest recorded of each field stays."""
    op.execute(
        "DELETE FROM merge_conflicts WHERE EXISTS (SELECT 1 FROM merge_conflicts later"
        " WHERE later.record_id = merge_conflicts.record_id AND later.field = merge_conflicts.field"
        " AND (later.recorded_at, later.id) > (merge_conflicts.recorded_at, merge_conflicts.id))"
    )
    with op.batch_alter_table("merge_conflicts") as table:
        table.drop_constraint("uq_merge_conflicts_device", type_="unique")
        table.create_unique_constraint("uq_merge_conflicts_field", ["record_id", "field"])
