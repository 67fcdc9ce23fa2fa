"""Change counts (migration 0017): database triggers move an assessment's version with every write to its
responses, findings and actions, and keep its answered count, however the write is made (the ORM, bulk statements,
cascades); the district's kept figures follow such writes."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, func, insert, select, text, update

from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.district import district_overview
from safety_assess.services.workspace import Workspace
from safety_assess.storage.figures import stamps
from safety_assess.storage.orm import ActionRow, AssessmentChangesRow, AssessmentRow, FindingRow, ResponseRow
from safety_assess.storage.types import utcnow
from tests.actions import assessment_with_an_action


def counted(workspace: Workspace, assessment_id: uuid.UUID) -> tuple[int, int]:
    """The kept (version, answered) of the assessment, after checking answered against the responses themselves."""
    with workspace.database.session() as session:
        row = session.get(AssessmentChangesRow, assessment_id)
        answered = session.scalar(
            select(func.count()).where(ResponseRow.assessment_id == assessment_id, ResponseRow.value.is_not(None))
        )
    kept = (row.version, row.answered) if row is not None else (0, 0)
    assert kept[1] == answered
    return kept


def test_the_triggers_exist_at_head(workspace: Workspace) -> None:
    tables, events = ("responses", "findings", "actions"), ("insert", "update", "delete")
    if workspace.database.is_sqlite:
        listed, expected = (
            "SELECT name FROM sqlite_master WHERE type = 'trigger'",
            {f"{table}_changed_{event}" for table in tables for event in events},
        )
    else:
        listed, expected = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal", {f"{t}_changed" for t in tables}
    with workspace.database.session() as session:
        names = set(session.scalars(text(listed)))
    assert expected <= names


def test_every_kind_of_write_moves_the_version_and_keeps_the_answered_count(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    seen = [counted(workspace, summary.id)]
    assert seen[0][1] == 1 and workspace.assessments.list()[0].answered == 1
    now = utcnow()
    with workspace.database.session() as session:  # a bulk insert, as the importer's
        row = {"assessment_id": summary.id, "value": "pass", "note": "", "answered_at": now}
        session.execute(insert(ResponseRow), [{**row, "id": uuid.uuid4(), "item_id": "gate"}])
    seen.append(counted(workspace, summary.id))
    with workspace.database.session() as session:  # a bulk update clearing an answer
        session.execute(update(ResponseRow).where(ResponseRow.item_id == "gate").values(value=None))
    seen.append(counted(workspace, summary.id))
    with workspace.database.session() as session:  # a bulk delete
        session.execute(delete(ResponseRow).where(ResponseRow.item_id == "gate"))
    seen.append(counted(workspace, summary.id))
    versions, answered = zip(*seen, strict=True)
    assert list(versions) == sorted(set(versions)) and answered == (1, 2, 1, 1)
    assert workspace.assessments.list()[0].answered == 1


def test_plain_sql_on_actions_and_findings_makes_the_figures_stale(workspace: Workspace) -> None:
    summary, action = assessment_with_an_action(workspace)
    overview = district_overview(workspace)
    assert district_overview(workspace).computed == 0
    before = stamps(workspace.database)[summary.id]
    with workspace.database.session() as session:  # bypassing the ORM's unit of work
        session.execute(update(ActionRow).where(ActionRow.id == action.id).values(status="done"))
    assert stamps(workspace.database)[summary.id] != before
    after = district_overview(workspace)
    assert after.computed == 1 and after.totals != overview.totals
    with workspace.database.session() as session:
        session.execute(delete(FindingRow).where(FindingRow.assessment_id == summary.id))
    assert district_overview(workspace).computed == 1


def test_removing_an_assessment_leaves_its_count_at_nothing_answered(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    with workspace.database.session() as session:  # responses, findings and actions go by cascade
        session.execute(delete(AssessmentRow).where(AssessmentRow.id == summary.id))
    assert counted(workspace, summary.id)[1] == 0
