"""The advisory group's review and the board's decision: plan revisions, issued packets, reviews, responses to them
and decisions.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
    ]


def _assessment(table: str) -> sa.Column[object]:
    return sa.Column(
        "assessment_id",
        sa.Uuid(),
        sa.ForeignKey("assessments.id", ondelete="CASCADE", name=f"fk_{table}_assessment"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "plan_revisions",
        *_record_columns(),
        _assessment("plan_revisions"),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.UniqueConstraint("assessment_id", "number", name="uq_plan_revisions_number"),
    )
    op.create_index("ix_plan_revisions_assessment_id", "plan_revisions", ["assessment_id"])
    op.create_table(
        "review_packets",
        *_record_columns(),
        _assessment("review_packets"),
        sa.Column("packet_no", sa.Integer(), nullable=False),
        sa.Column("plan_revision", sa.Integer(), nullable=False),
        sa.Column("action_ids", sa.JSON(), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("assessment_id", "packet_no", name="uq_review_packets_number"),
    )
    op.create_index("ix_review_packets_assessment_id", "review_packets", ["assessment_id"])
    op.create_table(
        "reviews",
        *_record_columns(),
        _assessment("reviews"),
        sa.Column("packet_no", sa.Integer(), nullable=False),
        sa.Column("plan_revision", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("reviewer_key", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("overall_comment", sa.Text(), nullable=False),
        sa.Column("public_ok", sa.Boolean(), nullable=False),
        sa.Column("views", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("assessment_id", "reviewer_key", name="uq_reviews_reviewer"),
    )
    op.create_index("ix_reviews_assessment_id", "reviews", ["assessment_id"])
    op.create_table(
        "action_responses",
        *_record_columns(),
        sa.Column(
            "action_id",
            sa.Uuid(),
            sa.ForeignKey("actions.id", ondelete="CASCADE", name="fk_action_responses_action"),
            nullable=False,
            unique=True,
        ),
        sa.Column("reply", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "review_decisions",
        *_record_columns(),
        _assessment("review_decisions"),
        sa.Column("body", sa.String(10), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(30), nullable=True),
        sa.Column("session", sa.String(10), nullable=True),
        sa.Column("members_present", sa.JSON(), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("adopted_plan", sa.JSON(), nullable=True),
    )
    op.create_index("ix_review_decisions_assessment_id", "review_decisions", ["assessment_id"])


def downgrade() -> None:
    op.drop_index("ix_review_decisions_assessment_id", "review_decisions")
    op.drop_table("review_decisions")
    op.drop_table("action_responses")
    op.drop_index("ix_reviews_assessment_id", "reviews")
    op.drop_table("reviews")
    op.drop_index("ix_review_packets_assessment_id", "review_packets")
    op.drop_table("review_packets")
    op.drop_index("ix_plan_revisions_assessment_id", "plan_revisions")
    op.drop_table("plan_revisions")
