"""An amount as the assessor typed it ("4 ft"), beside the answer stored in the item's unit (48 in), and the typed
text of a value that clashed in a merge.

Plain ADD COLUMNs on both databases (SQLite's batch mode would recreate ``responses`` and lose the change-count
triggers of 0017). Answers given before it have none: they are shown as stored.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("responses", sa.Column("typed", sa.Text(), nullable=True))
    op.add_column("merge_conflicts", sa.Column("their_typed", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("merge_conflicts", "their_typed")
    op.drop_column("responses", "typed")
