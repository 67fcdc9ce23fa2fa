"""Team pack ids: the second laptop keeps the id of the team pack its assessment came in (``pack_id``), so its
bundles name the pack their work answers and the lead's laptop records the right pack (two packs to one device, a
pack issued again after a reinstall). Assignments from before have none: their work is matched by device.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("team_assignments", sa.Column("pack_id", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("team_assignments") as batch:
        batch.drop_column("pack_id")
