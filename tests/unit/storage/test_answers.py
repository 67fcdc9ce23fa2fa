"""Responses and group instances inside an assessment; completing and reopening."""

from __future__ import annotations

import datetime as dt

import pytest

from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.records import AssessmentStatus
from safety_assess.services.assessments import start_assessment
from safety_assess.services.workspace import Workspace
from safety_assess.storage.dbfile import DatabaseError


@pytest.fixture
def started(workspace: Workspace):  # type: ignore[no-untyped-def]
    workspace.campuses.add("Lincoln High", "LHS")
    return start_assessment(workspace, "LHS", "every-type", ["Ana Diaz"], dt.date(2026, 11, 23))


def responses(workspace: Workspace, assessment_id):  # type: ignore[no-untyped-def]
    return {
        (r.item_id, r.instance_id): (r.value, r.note) for r in workspace.assessments.detail(assessment_id).responses
    }


def test_a_note_can_come_before_the_answer_and_both_are_kept(workspace: Workspace, started) -> None:
    workspace.answers.save_note(started.id, "gate", None, "rusted hinge")
    assert responses(workspace, started.id) == {("gate", None): (None, "rusted hinge")}
    assert workspace.assessments.summary(started.id).answered == 0
    workspace.answers.save_answer(started.id, "gate", None, "flag")
    assert responses(workspace, started.id) == {("gate", None): ("flag", "rusted hinge")}
    assert workspace.assessments.summary(started.id).answered == 1


def test_restore_puts_back_an_earlier_response_or_removes_it(workspace: Workspace, started) -> None:
    first = workspace.answers.save_answer(started.id, "gate", None, "pass", "ok")
    workspace.answers.save_answer(started.id, "gate", None, "fail", "broken")
    workspace.answers.restore(started.id, "gate", None, first)
    assert responses(workspace, started.id) == {("gate", None): ("pass", "ok")}
    workspace.answers.restore(started.id, "gate", None, None)
    assert responses(workspace, started.id) == {}


def test_instances_are_renamed_reordered_and_removed_with_their_answers(workspace: Workspace, started) -> None:
    one = workspace.answers.instance(started.id, "camera", "Camera 1", create=True)
    two = workspace.answers.instance(started.id, "camera", "Camera 2", create=True)
    workspace.answers.save_answer(started.id, "camera-working", one.id, "no")
    workspace.answers.save_answer(started.id, "camera-working", two.id, "yes")
    renamed = workspace.answers.rename_instance(started.id, one.id, "Camera 1 - gym")
    assert renamed.label == "Camera 1 - gym"
    with pytest.raises(ConflictError, match="already called 'camera 2'"):
        workspace.answers.rename_instance(started.id, one.id, "camera 2")
    workspace.answers.reorder_instances(started.id, [two.id, one.id])
    detail = workspace.assessments.detail(started.id)
    assert [(i.label, i.position) for i in sorted(detail.instances, key=lambda i: i.position)] == [
        ("Camera 2", 0),
        ("Camera 1 - gym", 1),
    ]
    workspace.answers.remove_instance(started.id, one.id)
    assert responses(workspace, started.id) == {("camera-working", two.id): ("yes", "")}
    with pytest.raises(NotFoundError):
        workspace.answers.rename_instance(started.id, one.id, "gone")


def test_the_resume_point_is_remembered(workspace: Workspace, started) -> None:
    assert workspace.assessments.detail(started.id).resume_item is None
    workspace.assessments.set_resume(started.id, "coverage", None)
    assert workspace.assessments.detail(started.id).resume_item == "coverage"


def test_complete_signs_off_and_locks_then_reopen_makes_a_new_revision(workspace: Workspace, started) -> None:
    gym = workspace.answers.instance(started.id, "camera", "Gym", create=True)
    workspace.answers.save_answer(started.id, "camera-working", gym.id, "no", "dead")
    workspace.answers.save_answer(started.id, "gate", None, "pass")
    with pytest.raises(ConflictError, match="needs at least one assessor"):
        workspace.assessments.complete(started.id, [" "])
    workspace.assessments.complete(started.id, ["Ana Diaz", "Sam  Lee"])
    done = workspace.assessments.summary(started.id)
    assert done.status is AssessmentStatus.COMPLETED and done.read_only
    assert done.signed_off_by == ("Ana Diaz", "Sam Lee") and done.completed_at is not None
    with pytest.raises(ConflictError, match="read-only"):
        workspace.answers.save_answer(started.id, "gate", None, "fail")
    with pytest.raises(ConflictError, match="needs a reason"):
        workspace.assessments.reopen(started.id, "  ")

    new_id = workspace.assessments.reopen(started.id, "Gate repaired, re-check")
    new = workspace.assessments.summary(new_id)
    assert (new.revision_no, new.revision_of, new.reopen_reason, new.status) == (
        2,
        started.id,
        "Gate repaired, re-check",
        AssessmentStatus.IN_PROGRESS,
    )
    copied = workspace.assessments.detail(new_id)
    [new_gym] = copied.instances
    assert new_gym.label == "Gym" and new_gym.id != gym.id
    assert {(r.item_id, r.instance_id, r.value, r.note) for r in copied.responses} == {
        ("camera-working", new_gym.id, "no", "dead"),
        ("gate", None, "pass", ""),
    }
    workspace.answers.save_answer(new_id, "gate", None, "fail")
    assert responses(workspace, started.id)[("gate", None)] == ("pass", "")
    with pytest.raises(ConflictError, match="only a completed assessment"):
        workspace.assessments.reopen(new_id, "again")


def test_a_whole_number_measurement_comes_back_as_a_float(workspace: Workspace, started) -> None:
    workspace.answers.save_answer(started.id, "fence-height", None, 1000.0)
    [response] = workspace.assessments.detail(started.id).responses
    assert response.value == 1000.0 and isinstance(response.value, float)


def test_an_answer_in_a_new_instance_is_one_commit(workspace: Workspace, started, monkeypatch) -> None:
    saved = workspace.answers.save_answer_in(started.id, "camera", "Gym", "camera-working", "no")
    [gym] = workspace.assessments.detail(started.id).instances
    assert saved.instance_id == gym.id and gym.label == "Gym"

    def fail(*args: object) -> None:
        raise DatabaseError("disk full")

    monkeypatch.setattr(type(workspace.answers), "_row", fail)
    with pytest.raises(DatabaseError):
        workspace.answers.save_answer_in(started.id, "camera", "Lot", "camera-working", "no")
    assert [i.label for i in workspace.assessments.detail(started.id).instances] == ["Gym"]
