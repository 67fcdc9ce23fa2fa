"""Repositories: campuses, snapshots, assessments with instances and responses."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text

from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.records import AssessmentStatus
from safety_assess.services.workspace import Workspace
from safety_assess.storage.orm import AssessmentRow

DAY = dt.date(2026, 11, 23)


def test_campuses_are_added_listed_and_found_by_code(workspace: Workspace) -> None:
    lincoln = workspace.campuses.add("Lincoln  High", "LHS", " 1 Main St ")
    workspace.campuses.add("Adams Elementary", "AES")
    assert lincoln.name == "Lincoln High" and lincoln.address == "1 Main St"
    assert [c.code for c in workspace.campuses.list()] == ["AES", "LHS"]
    assert workspace.campuses.by_code("lhs") == lincoln
    assert workspace.campuses.get(lincoln.id) == lincoln


def test_a_campus_code_is_unique_ignoring_case(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    with pytest.raises(ConflictError, match="code 'LHS' already exists"):
        workspace.campuses.add("Other", "lhs")
    with pytest.raises(ConflictError, match="campus name must not be empty"):
        workspace.campuses.add("  ", "X")
    with pytest.raises(NotFoundError, match="no campus with code 'ZZZ'"):
        workspace.campuses.by_code("ZZZ")


def test_the_same_checklist_content_is_snapshotted_once(workspace: Workspace, every_type_path) -> None:
    checklist = load_checklist_file(every_type_path)
    first = workspace.snapshots.snapshot(checklist)
    again = workspace.snapshots.snapshot(checklist)
    changed = workspace.snapshots.snapshot(checklist.model_copy(update={"title": "Edited without a new version"}))
    assert first.id == again.id
    assert changed.id != first.id and changed.version == first.version
    assert workspace.snapshots.checklist(first.id) == checklist


def test_assessments_record_answers_and_instances(workspace: Workspace, every_type_path) -> None:
    campus = workspace.campuses.add("Lincoln High", "LHS")
    snapshot = workspace.snapshots.snapshot(load_checklist_file(every_type_path))
    created = workspace.assessments.create(campus.id, snapshot.id, ["Ana Diaz", " "], DAY)
    assert created.assessors == ("Ana Diaz",) and created.status is AssessmentStatus.IN_PROGRESS
    repo = workspace.assessments
    workspace.answers.save_answer(created.id, "door-locked", None, "no", "Propped with a wedge")
    workspace.answers.save_answer(created.id, "door-locked", None, "yes")
    gym = workspace.answers.instance(created.id, "camera", "Gym  door", create=True)
    workspace.answers.save_answer(created.id, "camera-working", gym.id, "no")
    assert workspace.answers.instance(created.id, "camera", "gym door", create=False) == gym
    detail = repo.detail(created.id)
    assert [(r.item_id, r.value, r.note) for r in detail.responses] == [
        ("door-locked", "yes", "Propped with a wedge"),
        ("camera-working", "no", ""),
    ]
    assert detail.instances == (gym,) and gym.label == "Gym door"
    assert repo.summary(created.id).answered == 2


def test_each_save_bumps_the_revision_counter(workspace: Workspace, every_type_path) -> None:
    campus = workspace.campuses.add("Lincoln High", "LHS")
    snapshot = workspace.snapshots.snapshot(load_checklist_file(every_type_path))
    created = workspace.assessments.create(campus.id, snapshot.id, [], DAY)
    for value in ("yes", "no", "na"):
        workspace.answers.save_answer(created.id, "door-locked", None, value)
    with workspace.database.session() as session:
        assert session.execute(text("SELECT revision FROM responses")).scalar() == 3


def test_a_completed_assessment_is_read_only(workspace: Workspace, every_type_path) -> None:
    campus = workspace.campuses.add("Lincoln High", "LHS")
    snapshot = workspace.snapshots.snapshot(load_checklist_file(every_type_path))
    created = workspace.assessments.create(campus.id, snapshot.id, [], DAY)
    with workspace.database.session() as session:
        row = session.get(AssessmentRow, created.id)
        assert row is not None
        row.status = AssessmentStatus.COMPLETED.value
    with pytest.raises(ConflictError, match="is completed and read-only"):
        workspace.answers.save_answer(created.id, "door-locked", None, "yes")


def test_assessment_ids_resolve_from_a_prefix(workspace: Workspace, every_type_path) -> None:
    campus = workspace.campuses.add("Lincoln High", "LHS")
    snapshot = workspace.snapshots.snapshot(load_checklist_file(every_type_path))
    created = workspace.assessments.create(campus.id, snapshot.id, [], DAY)
    assert workspace.assessments.resolve_id(str(created.id)) == created.id
    assert workspace.assessments.resolve_id(created.id.hex[:8]) == created.id
    with pytest.raises(NotFoundError, match="is not an assessment id"):
        workspace.assessments.resolve_id("zzz")
    with pytest.raises(NotFoundError, match="no assessment with id"):
        workspace.assessments.resolve_id(uuid.uuid4().hex)


def test_listing_is_newest_first_for_one_campus_or_all(workspace: Workspace, every_type_path) -> None:
    lincoln, adams = workspace.campuses.add("Lincoln", "L"), workspace.campuses.add("Adams", "A")
    snapshot = workspace.snapshots.snapshot(load_checklist_file(every_type_path))
    old = workspace.assessments.create(lincoln.id, snapshot.id, [], dt.date(2025, 5, 1))
    new = workspace.assessments.create(lincoln.id, snapshot.id, [], dt.date(2026, 5, 1))
    other = workspace.assessments.create(adams.id, snapshot.id, [], dt.date(2026, 1, 1))
    assert [s.id for s in workspace.assessments.list()] == [new.id, other.id, old.id]
    assert [s.id for s in workspace.assessments.list(lincoln.id)] == [new.id, old.id]
