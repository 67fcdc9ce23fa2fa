"""An amount typed in another unit than the item's ("2 m" on an item in feet) is stored in the item's unit with what
was typed beside it (migration 0023): written, undone and stamped as part of the answer, and cleared when the answer
is given again without a unit. A database of 0021 holding answers gains the column empty (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from safety_assess.domain.checklist.values import typed_text
from safety_assess.domain.merge import Stamps
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace
from safety_assess.storage import schema
from safety_assess.storage.database import Database
from safety_assess.storage.migrate import upgrade
from safety_assess.storage.orm import ResponseRow
from safety_assess.storage.urls import parse_database_url
from tests.postgres import ServerDatabases

EVERY_TYPE = Path(__file__).resolve().parents[2] / "data" / "checklists" / "every-type.yaml"


@pytest.fixture
def assessment(workspace: Workspace) -> uuid.UUID:
    workspace.campuses.add("Lincoln High", "LHS", "")
    return start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2)).id


def typed(workspace: Workspace, assessment_id: uuid.UUID, item: str = "fence-height") -> tuple[object, str | None]:
    [found] = [r for r in workspace.assessments.detail(assessment_id).responses if r.item_id == item]
    return found.value, found.typed


def stamps(workspace: Workspace, assessment_id: uuid.UUID) -> Stamps:
    with workspace.database.session() as session:
        row = session.scalars(select(ResponseRow).where(ResponseRow.assessment_id == assessment_id)).one()
        found = Stamps.from_json(row.edit_stamps)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("entered", "kept"),
    [("2 m", "2 m"), ("72  in", "72 in"), ("5 ft 6 in", "5 ft 6 in"), ("6", None), ("6 ft", None), ("6 feet", None)],
)
def test_what_was_typed_is_kept_only_when_it_was_converted(
    workspace: Workspace, assessment: uuid.UUID, entered: str, kept: str | None
) -> None:
    record_answer(workspace, assessment, "fence-height", entered)
    assert typed(workspace, assessment)[1] == kept


def test_a_choice_or_a_number_that_is_no_text_keeps_nothing(workspace: Workspace, assessment: uuid.UUID) -> None:
    checklist = workspace.catalog.get("every-type")
    item = checklist.find_item("fence-height")[2]  # type: ignore[index]
    assert (typed_text(item, 72.0), typed_text(item, "72 in"), typed_text(item, " 6 ft ")) == (None, "72 in", None)


def test_an_answer_given_again_without_a_unit_clears_it_and_undo_puts_it_back(
    workspace: Workspace, assessment: uuid.UUID
) -> None:
    walk = WalkSession(workspace, assessment)
    key = SlotKey("fence-height")
    walk.answer(key, "2 m")
    assert typed(workspace, assessment) == (6.56168, "2 m") and walk.typed(key) == "2 m"
    assert walk.recorded_as(key) == "6.56168 ft"
    walk.answer(key, "7")
    assert typed(workspace, assessment) == (7.0, None) and walk.recorded_as(key) is None
    walk.undo()
    assert typed(workspace, assessment) == (6.56168, "2 m") and walk.typed(key) == "2 m"


def test_the_same_amount_typed_otherwise_is_an_edit_of_the_answer(workspace: Workspace, assessment: uuid.UUID) -> None:
    record_answer(workspace, assessment, "fence-height", "6")
    first = stamps(workspace, assessment).fields["value"]
    record_answer(workspace, assessment, "fence-height", "72 in")
    assert typed(workspace, assessment) == (6.0, "72 in")
    assert stamps(workspace, assessment).fields["value"][1] > first[1]


ROWS = (
    "INSERT INTO districts VALUES ('{d}', '2026-01-01', '2026-01-01', 1, 'D')",
    "INSERT INTO campuses (id, created_at, updated_at, revision, district_id, name, code, address)"
    " VALUES ('{c}', '2026-01-01', '2026-01-01', 1, '{d}', 'Lincoln', 'LHS', '')",
    "INSERT INTO checklist_snapshots VALUES ('{s}', '2026-01-01', '2026-01-01', 1, 'x', '1.0.0', 'X', 'h', '{{}}')",
    "INSERT INTO assessments (id, created_at, updated_at, revision, campus_id, snapshot_id, assessors, assessed_on,"
    " status, started_at) VALUES ('{a}', '2026-01-01', '2026-01-01', 1, '{c}', '{s}', '[]', '2026-01-01',"
    " 'in_progress', '2026-01-01')",
    "INSERT INTO responses (id, created_at, updated_at, revision, assessment_id, item_id, value, note, answered_at)"
    " VALUES ('{r}', '2026-01-01', '2026-01-01', 1, '{a}', 'fence-height', '72.0', 'ok', '2026-01-01')",
)


def upgraded_from_0021(url: str, backups: Path) -> None:
    """A database of 0021 holding an answer, opened by this app: the answer is kept, with nothing typed."""
    engine = create_engine(url)
    upgrade(engine, "0021")
    ids = {key: uuid.uuid4().hex for key in "dcsar"}
    with engine.begin() as connection:
        for statement in ROWS:
            connection.exec_driver_sql(statement.format(**ids))
    engine.dispose()
    database = Database.open(parse_database_url(url), backups)
    try:
        with database.session() as session:
            row = session.scalars(select(ResponseRow)).one()
            assert (row.value, row.note, row.typed) == (72.0, "ok", None)
            row.value, row.typed = 6.56168, "2 m"
        with database.session() as session:
            assert session.scalars(select(ResponseRow.typed)).one() == "2 m"
            assert (
                session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == schema.HEAD
            )
    finally:
        database.close()


@pytest.mark.sqlite_only
def test_a_database_of_0021_keeps_its_answers_with_nothing_typed(tmp_path: Path) -> None:
    upgraded_from_0021(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "backups")


@pytest.mark.postgres_only
def test_a_server_database_of_0021_keeps_its_answers_with_nothing_typed(
    pg_server: ServerDatabases, tmp_path: Path
) -> None:
    upgraded_from_0021(pg_server.empty_database(), tmp_path / "backups")
