"""Change counts: ``assessment_changes`` keeps, per assessment, a version that moves with every insert, update or
delete of its responses, findings and actions, and how many of its responses are answered. Database triggers keep
them, so every write counts (the ORM's, bulk statements, bundle imports, plain SQL); the district view then knows
which kept figures are stale, and the listings how many items are answered, without reading 1.5 M responses.

SQLite's batch mode recreates a table and drops its triggers: a later migration that batch-alters responses, findings
or actions must create them again (``create_triggers``); tests/unit/test_change_counts.py checks they exist at head.

Kept figures computed from the current state are carried over under the new stamp, so none is computed again.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from __future__ import annotations

import hashlib
from typing import Any

import sqlalchemy as sa
from alembic import op

from safety_assess.storage.types import UTCDateTime

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

CHILDREN = ("responses", "findings", "actions")


def upgrade() -> None:
    old = _old_stamps()
    op.create_table(
        "assessment_changes",
        sa.Column("assessment_id", sa.Uuid(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
    )
    op.execute(
        "INSERT INTO assessment_changes (assessment_id, version, answered) SELECT a.id, 0, "
        "(SELECT count(*) FROM responses r WHERE r.assessment_id = a.id AND r.value IS NOT NULL) FROM assessments a"
    )
    create_triggers()
    _carry_figures(old)


def downgrade() -> None:
    drop_triggers()
    op.drop_table("assessment_changes")


def create_triggers() -> None:
    for statement in _SQLITE if op.get_bind().dialect.name == "sqlite" else _POSTGRESQL:
        op.execute(statement)


def drop_triggers() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in CHILDREN:
        if sqlite:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_changed_{event}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_changed ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_changed()")
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS note_assessment_change(uuid, integer)")


def _sqlite_note(target: str, delta: str) -> str:
    return (
        f"INSERT INTO assessment_changes (assessment_id, version, answered) VALUES ({target}, 1, {delta}) "
        "ON CONFLICT (assessment_id) DO UPDATE SET version = version + 1, answered = answered + excluded.answered;"
    )


def _sqlite_action_note(row: str) -> str:
    return (
        "INSERT INTO assessment_changes (assessment_id, version, answered) SELECT f.assessment_id, 1, 0 "
        f"FROM findings f WHERE f.id = {row}.finding_id "
        "ON CONFLICT (assessment_id) DO UPDATE SET version = version + 1;"
    )


def _sqlite_triggers() -> list[str]:
    answered = {"responses": "({row}.value IS NOT NULL)", "findings": "0"}
    made = []
    for table, delta in answered.items():
        new, old = _sqlite_note("NEW.assessment_id", delta.format(row="NEW")), delta.format(row="OLD")
        gone = _sqlite_note("OLD.assessment_id", f"-{old}" if old != "0" else "0")
        made += [
            f"CREATE TRIGGER {table}_changed_insert AFTER INSERT ON {table} BEGIN {new} END",
            f"CREATE TRIGGER {table}_changed_update AFTER UPDATE ON {table} BEGIN {gone} {new} END",
            f"CREATE TRIGGER {table}_changed_delete AFTER DELETE ON {table} BEGIN {gone} END",
        ]
    new, old = _sqlite_action_note("NEW"), _sqlite_action_note("OLD")
    return [
        *made,
        f"CREATE TRIGGER actions_changed_insert AFTER INSERT ON actions BEGIN {new} END",
        f"CREATE TRIGGER actions_changed_update AFTER UPDATE ON actions BEGIN {old} {new} END",
        f"CREATE TRIGGER actions_changed_delete AFTER DELETE ON actions BEGIN {old} END",
    ]


_SQLITE = _sqlite_triggers()

_PG_BODY = {
    "responses": (
        "PERFORM note_assessment_change(OLD.assessment_id, -(CASE WHEN OLD.value IS NULL THEN 0 ELSE 1 END));",
        "PERFORM note_assessment_change(NEW.assessment_id, CASE WHEN NEW.value IS NULL THEN 0 ELSE 1 END);",
    ),
    "findings": (
        "PERFORM note_assessment_change(OLD.assessment_id, 0);",
        "PERFORM note_assessment_change(NEW.assessment_id, 0);",
    ),
    "actions": (
        "PERFORM note_assessment_change((SELECT f.assessment_id FROM findings f WHERE f.id = OLD.finding_id), 0);",
        "PERFORM note_assessment_change((SELECT f.assessment_id FROM findings f WHERE f.id = NEW.finding_id), 0);",
    ),
}

_POSTGRESQL = [
    """CREATE OR REPLACE FUNCTION note_assessment_change(target uuid, delta integer) RETURNS void AS $$
BEGIN
    IF target IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO assessment_changes (assessment_id, version, answered) VALUES (target, 1, delta)
    ON CONFLICT (assessment_id) DO UPDATE
        SET version = assessment_changes.version + 1, answered = assessment_changes.answered + delta;
END $$ LANGUAGE plpgsql""",
    *(
        f"""CREATE OR REPLACE FUNCTION {table}_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        {gone}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        {new}
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql"""
        for table, (gone, new) in _PG_BODY.items()
    ),
    *(
        f"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_changed()"
        for table in CHILDREN
    ),
]


def _old_stamps() -> dict[Any, str]:
    """Every assessment's stamp as storage.figures made it before this migration (rows counted, last change)."""
    assessments = sa.table(
        "assessments", sa.column("id"), sa.column("revision"), sa.column("updated_at", UTCDateTime())
    )
    tables = {
        name: sa.table(
            name,
            sa.column("id"),
            sa.column("assessment_id"),
            sa.column("finding_id"),
            sa.column("updated_at", UTCDateTime()),
        )
        for name in CHILDREN
    }
    responses, findings, actions = (tables[name] for name in CHILDREN)
    bind = op.get_bind()
    parts = {
        row[0]: [f"{row[1]}@{row[2].isoformat()}"]
        for row in bind.execute(sa.select(assessments.c.id, assessments.c.revision, assessments.c.updated_at))
    }
    children = (
        sa.select(responses.c.assessment_id, sa.func.count(), sa.func.max(responses.c.updated_at)).group_by(
            responses.c.assessment_id
        ),
        sa.select(findings.c.assessment_id, sa.func.count(), sa.func.max(findings.c.updated_at)).group_by(
            findings.c.assessment_id
        ),
        sa.select(findings.c.assessment_id, sa.func.count(), sa.func.max(actions.c.updated_at))
        .join(findings, actions.c.finding_id == findings.c.id)
        .group_by(findings.c.assessment_id),
    )
    for letter, query in zip("rfa", children, strict=True):
        found = {row[0]: f"{letter}{row[1]}@{row[2]}" for row in bind.execute(query)}
        for assessment_id, part in parts.items():
            part.append(found.get(assessment_id, f"{letter}0"))
    return {key: hashlib.sha256("|".join(part).encode()).hexdigest()[:40] for key, part in parts.items()}


def _carry_figures(old: dict[Any, str]) -> None:
    """Kept figures whose stamp is the assessment's current one take its new stamp (version 0); others stay stale."""
    figures = sa.table("assessment_figures", sa.column("assessment_id"), sa.column("stamp"))
    assessments = sa.table(
        "assessments", sa.column("id"), sa.column("revision"), sa.column("updated_at", UTCDateTime())
    )
    bind = op.get_bind()
    new = {
        row[0]: f"{row[1]}@{row[2].isoformat()}#0"
        for row in bind.execute(sa.select(assessments.c.id, assessments.c.revision, assessments.c.updated_at))
    }
    carried = []
    for assessment_id, stamp in bind.execute(sa.select(figures.c.assessment_id, figures.c.stamp)):
        computed_from, _, phases = stamp.partition(":")
        if assessment_id in old and old[assessment_id] == computed_from:
            carried.append({"key": assessment_id, "stamp": f"{new[assessment_id]}:{phases}"})
    if carried:
        update = figures.update().where(figures.c.assessment_id == sa.bindparam("key"))
        bind.execute(update.values(stamp=sa.bindparam("stamp")), carried)
