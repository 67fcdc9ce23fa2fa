"""Initial schema: districts, campuses, checklist snapshots, assessments, group instances, responses.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
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
    op.create_table("districts", *_record_columns(), sa.Column("name", sa.String(200), nullable=False))
    op.create_table(
        "campuses",
        *_record_columns(),
        sa.Column("district_id", sa.Uuid(), sa.ForeignKey("districts.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.UniqueConstraint("district_id", "code", name="uq_campuses_district_code"),
    )
    op.create_index("ix_campuses_district_id", "campuses", ["district_id"])
    op.create_table(
        "checklist_snapshots",
        *_record_columns(),
        sa.Column("checklist_id", sa.String(80), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.UniqueConstraint("checklist_id", "version", "sha256", name="uq_snapshots_content"),
    )
    op.create_index("ix_checklist_snapshots_checklist_id", "checklist_snapshots", ["checklist_id"])
    op.create_table(
        "assessments",
        *_record_columns(),
        sa.Column("campus_id", sa.Uuid(), sa.ForeignKey("campuses.id", ondelete="RESTRICT"), nullable=False),
        sa.Column(
            "snapshot_id",
            sa.Uuid(),
            sa.ForeignKey("checklist_snapshots.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("assessors", sa.JSON(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_assessments_campus_id", "assessments", ["campus_id"])
    op.create_table(
        "group_instances",
        *_record_columns(),
        sa.Column("assessment_id", sa.Uuid(), sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False),
        sa.Column("group_id", sa.String(80), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("assessment_id", "group_id", "label", name="uq_instances_label"),
    )
    op.create_index("ix_group_instances_assessment_id", "group_instances", ["assessment_id"])
    op.create_table(
        "responses",
        *_record_columns(),
        sa.Column("assessment_id", sa.Uuid(), sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_id", sa.String(80), nullable=False),
        sa.Column("instance_id", sa.Uuid(), sa.ForeignKey("group_instances.id", ondelete="CASCADE"), nullable=True),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "uq_responses_item",
        "responses",
        ["assessment_id", "item_id"],
        unique=True,
        sqlite_where=sa.text("instance_id IS NULL"),
        postgresql_where=sa.text("instance_id IS NULL"),
    )
    op.create_index("uq_responses_instance_item", "responses", ["assessment_id", "instance_id", "item_id"], unique=True)


def downgrade() -> None:
    for table in (
        "responses",
        "group_instances",
        "assessments",
        "checklist_snapshots",
        "campuses",
        "districts",
    ):
        op.drop_table(table)
