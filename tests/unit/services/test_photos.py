"""Attaching photos to items through the service: records, refusals, progress and cancel."""

from __future__ import annotations

import datetime as dt

import pytest

from safety_assess.base.jobs import Cancelled, Progress
from safety_assess.domain.errors import AnswerError
from safety_assess.services.assessments import start_assessment
from safety_assess.services.photos import add_photos, remove_orphan_files
from safety_assess.services.workspace import Workspace
from tests import photo_files

PHOTOS = photo_files.folder()


@pytest.fixture
def assessment(workspace: Workspace):  # type: ignore[no-untyped-def]
    workspace.campuses.add("Lincoln High", "LHS")
    return start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 23))


def test_photos_are_recorded_in_order_and_bad_files_refused(workspace: Workspace, assessment) -> None:
    files = [PHOTOS / "hopper.jpg", PHOTOS / "truncated_jpeg.jpg", PHOTOS / "orientation_rectangle.jpg"]
    result = add_photos(workspace, assessment.id, "door-locked", files, caption="North door")
    assert [(p.filename, p.position, p.caption) for p in result.added] == [
        ("hopper.jpg", 0, "North door"),
        ("orientation_rectangle.jpg", 1, "North door"),
    ]
    assert len(result.refused) == 1 and "truncated_jpeg.jpg: the file ends before" in result.refused[0]
    assert [(p.width, p.height) for p in workspace.photos.list(assessment.id)] == [(128, 128), (1, 2)]


def test_group_items_take_an_instance(workspace: Workspace, assessment) -> None:
    with pytest.raises(AnswerError, match="name the instance"):
        add_photos(workspace, assessment.id, "camera-working", [PHOTOS / "hopper.jpg"])
    [photo] = add_photos(
        workspace, assessment.id, "camera-working", [PHOTOS / "hopper.jpg"], instance_label="Gym"
    ).added
    [gym] = workspace.assessments.detail(assessment.id).instances
    assert photo.instance_id == gym.id


def test_cancel_keeps_what_was_added(workspace: Workspace, assessment) -> None:
    progress = Progress()
    files = [PHOTOS / "hopper.jpg", PHOTOS / "hopper_orientation_2.jpg", PHOTOS / "hopper_orientation_3.jpg"]
    original_add = workspace.photos.add

    def add_then_cancel(*args, **kwargs):  # type: ignore[no-untyped-def]
        record = original_add(*args, **kwargs)
        progress.cancel()
        return record

    workspace.photos.add = add_then_cancel  # type: ignore[method-assign]
    with pytest.raises(Cancelled):
        add_photos(workspace, assessment.id, "gate", files, progress=progress)
    assert [p.filename for p in workspace.photos.list(assessment.id)] == ["hopper.jpg"]
    assert progress.changes.photos


def test_deleted_photos_can_be_restored_and_their_files_are_kept(workspace: Workspace, assessment) -> None:
    [photo] = add_photos(workspace, assessment.id, "gate", [PHOTOS / "hopper.jpg"]).added
    workspace.photos.delete(photo.id)
    assert workspace.photos.list(assessment.id) == []
    assert remove_orphan_files(workspace) == 0 and workspace.photo_store.has(photo.sha256, "jpg")
    workspace.photos.restore(photo.id)
    assert [p.id for p in workspace.photos.list(assessment.id)] == [photo.id]
