"""A walk session: answers committed one by one, undo, notes, instances, resume and completion."""

from __future__ import annotations

import datetime as dt

import pytest

from safety_assess.domain.errors import AnswerError, ConflictError
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services.assessments import start_assessment
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace


@pytest.fixture
def session(workspace: Workspace) -> WalkSession:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana Diaz"], dt.date(2026, 11, 23))
    return WalkSession(workspace, summary.id)


def stored(session: WalkSession) -> dict[tuple[str, object], tuple[object, str]]:
    detail = session.workspace.assessments.detail(session.id)
    return {(r.item_id, r.instance_id): (r.value, r.note) for r in detail.responses}


def test_answers_are_committed_and_checked(session: WalkSession) -> None:
    session.answer(SlotKey("fence-height"), "5.5 ft")
    session.answer(SlotKey("signage"), ["weapons"])
    assert stored(session) == {("fence-height", None): (5.5, ""), ("signage", None): (["weapons"], "")}
    with pytest.raises(AnswerError, match=r"^item 'extinguishers': 'lots' is not a number: enter a whole number$"):
        session.answer(SlotKey("extinguishers"), "lots")
    assert ("extinguishers", None) not in stored(session)


def test_undo_walks_back_answers_and_notes(session: WalkSession) -> None:
    gate = SlotKey("gate")
    session.answer(gate, "pass")
    session.answer(gate, "fail")
    session.note(gate, "post cracked")
    assert session.undo() == gate
    assert stored(session) == {("gate", None): ("fail", "")}
    session.undo()
    assert stored(session) == {("gate", None): ("pass", "")}
    session.undo()
    assert stored(session) == {} and session.state.value(gate) is None
    assert session.undo() is None


def test_clear_keeps_the_note(session: WalkSession) -> None:
    gate = SlotKey("gate")
    session.answer(gate, "flag")
    session.note(gate, "check again")
    session.clear(gate)
    assert stored(session) == {("gate", None): (None, "check again")}
    assert not session.state.is_answered(gate)


def test_instances_added_with_numbered_labels_renamed_moved_removed(session: WalkSession) -> None:
    first = session.add_instance("camera")
    second = session.add_instance("camera", "Gym")
    assert (first.label, second.label) == ("Camera 1", "Gym")
    with pytest.raises(ConflictError, match="already an instance called 'gym'"):
        session.add_instance("camera", "gym")
    session.answer(SlotKey("camera-working", second.id), "no")
    assert session.answers_in(second.id) == 1
    session.move_instance(second.id, -1)
    assert [s.instance.label for s in session.state.slots if s.instance][::2] == ["Gym", "Camera 1"]
    session.rename_instance(first.id, "Camera 1 - lot")
    session.remove_instance(second.id)
    assert stored(session) == {}
    assert [i.label for i in session.state.instances] == ["Camera 1 - lot"]
    assert session.undo() is None


def test_reopening_returns_to_where_the_assessor_left_off(workspace: Workspace, session: WalkSession) -> None:
    assert session.start_key() == SlotKey("door-locked")
    session.answer(SlotKey("door-locked"), "yes")
    session.remember(SlotKey("coverage"))
    again = WalkSession(workspace, session.id)
    assert again.start_key() == SlotKey("coverage")
    assert again.state.value(SlotKey("door-locked")) == "yes"


def test_an_answer_moves_the_resume_point_to_the_next_unanswered_item_in_its_commit(
    workspace: Workspace, session: WalkSession
) -> None:
    following = session.answer_and_advance(SlotKey("door-locked"), "yes")
    assert following is not None and following.key != SlotKey("door-locked")
    detail = workspace.assessments.detail(session.id)
    assert (detail.resume_item, detail.resume_instance) == (following.key.item_id, following.key.instance_id)
    assert WalkSession(workspace, session.id).start_key() == following.key


def test_complete_then_reopen(workspace: Workspace, session: WalkSession) -> None:
    session.answer(SlotKey("gate"), "pass")
    assert any(e.slot.key == SlotKey("door-locked") for e in session.review())
    session.complete(["Ana Diaz"])
    assert session.read_only
    with pytest.raises(ConflictError):
        session.answer(SlotKey("gate"), "fail")
    new_id = session.reopen("Forgot the cameras")
    reopened = WalkSession(workspace, new_id)
    assert not reopened.read_only and reopened.state.value(SlotKey("gate")) == "pass"
