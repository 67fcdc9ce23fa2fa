"""Starting assessments and answering, always against the assessment's own checklist snapshot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safety_assess.domain.errors import AnswerError, NotFoundError
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.workspace import Workspace


@pytest.fixture
def started(workspace: Workspace):  # type: ignore[no-untyped-def]
    workspace.campuses.add("Lincoln High", "LHS")
    return start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 23))


def test_answers_are_checked_and_stored_canonically(workspace: Workspace, started) -> None:
    record_answer(workspace, started.id, "fence-height", "5.5 ft", note="chain link")
    record_answer(workspace, started.id, "signage", ["weapons", "visitor"])
    stored = {r.item_id: (r.value, r.note) for r in workspace.assessments.detail(started.id).responses}
    assert stored == {"fence-height": (5.5, "chain link"), "signage": (["visitor", "weapons"], "")}


def test_a_wrong_answer_names_the_item_and_what_it_takes(workspace: Workspace, started) -> None:
    with pytest.raises(AnswerError, match=r"^item 'door-locked': 'maybe' is not an answer here: answer yes, no or N/A"):
        record_answer(workspace, started.id, "door-locked", "maybe")
    with pytest.raises(AnswerError, match=r"^item 'fence-height': this item is measured in feet \(ft\), not minutes"):
        record_answer(workspace, started.id, "fence-height", "48 min")
    with pytest.raises(NotFoundError, match=r"item 'nope' is not in checklist every-type 1\.0\.0"):
        record_answer(workspace, started.id, "nope", "yes")
    assert workspace.assessments.detail(started.id).responses == ()


def test_group_items_need_an_instance_and_others_refuse_one(workspace: Workspace, started) -> None:
    with pytest.raises(AnswerError, match="in repeatable group 'camera'; name the instance"):
        record_answer(workspace, started.id, "camera-working", "yes")
    with pytest.raises(AnswerError, match="not in a repeatable group"):
        record_answer(workspace, started.id, "door-locked", "yes", instance_label="Gym")
    record_answer(workspace, started.id, "camera-working", "yes", instance_label="Camera 1 - gym")
    record_answer(workspace, started.id, "camera-working", "no", instance_label="Camera 2")
    detail = workspace.assessments.detail(started.id)
    assert [(i.label, i.position) for i in detail.instances] == [("Camera 1 - gym", 0), ("Camera 2", 1)]


def test_editing_the_checklist_file_never_changes_a_started_assessment(
    workspace: Workspace, started, every_type_path: Path
) -> None:
    user_copy = workspace.data_dir.checklists / "every-type.yaml"
    user_copy.write_text(
        every_type_path.read_text()
        .replace('deficient_if: "no"', 'deficient_if: "yes"', 1)
        .replace("allow_na: false", "allow_na: true")
    )
    next_start = Workspace.open(workspace.data_dir)  # reads the checklists again
    try:
        with pytest.raises(AnswerError, match="cannot be answered N/A: it takes yes or no"):
            record_answer(next_start, started.id, "door-hard", "na")
        later = start_assessment(next_start, "LHS", "every-type", [])
        assert record_answer(next_start, later.id, "door-hard", "na").value == "na"
    finally:
        next_start.close()
    assert later.checklist.id != started.checklist.id


def test_an_unknown_checklist_or_campus_is_named(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    with pytest.raises(NotFoundError, match="no checklist 'fire-drills'"):
        start_assessment(workspace, "LHS", "fire-drills", [])
    with pytest.raises(NotFoundError, match="no campus with code 'XYZ'"):
        start_assessment(workspace, "XYZ", "every-type", [])
