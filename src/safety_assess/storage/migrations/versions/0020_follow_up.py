"""Follow-up text of an answer: what a checklist item's ``follow_up`` asks ("if yes, which highway?").

A plain ADD COLUMN on both databases: SQLite's batch mode would recreate ``responses`` and lose the change-count
triggers of 0017.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("responses", sa.Column("follow_up", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("responses", "follow_up")
