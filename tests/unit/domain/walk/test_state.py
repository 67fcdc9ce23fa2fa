"""The walkthrough state: slots, visibility, progress, filters, navigation and review."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from safety_assess.domain.checklist import Checklist
from safety_assess.domain.records import GroupInstance, Response
from safety_assess.domain.walk.review import Problem, review
from safety_assess.domain.walk.slots import SlotKey, next_instance_label
from safety_assess.domain.walk.state import AssessmentState, Filter, Tally

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)
GYM = GroupInstance(uuid.UUID(int=1), "camera", "Camera 1 - gym", 0)
LOT = GroupInstance(uuid.UUID(int=2), "camera", "Camera 2 - lot", 1)


def answer(
    state: AssessmentState, item: str, value: object, instance: GroupInstance | None = None, note: str = ""
) -> None:
    key = SlotKey(item, instance.id if instance else None)
    state.set_response(key, Response(item, key.instance_id, value, note, NOW))  # type: ignore[arg-type]


@pytest.fixture
def state(every_type: Checklist) -> AssessmentState:
    return AssessmentState(every_type, [LOT, GYM], [], dt.date(2026, 11, 23))


def test_group_items_repeat_per_instance_in_order(state: AssessmentState) -> None:
    keys = [s.key for s in state.slots]
    assert keys[-4:] == [
        SlotKey("camera-working", GYM.id),
        SlotKey("camera-fault", GYM.id),
        SlotKey("camera-working", LOT.id),
        SlotKey("camera-fault", LOT.id),
    ]
    assert state.slot(keys[-1]).label == "Cameras / Camera 2 - lot"
    assert len(keys) == 14 + 4


def test_conditional_items_follow_the_answers(state: AssessmentState) -> None:
    lock_type = SlotKey("lock-type")
    assert not state.is_visible(lock_type)
    answer(state, "door-locked", "no")
    assert state.is_visible(lock_type)
    answer(state, "door-locked", "yes")
    assert not state.is_visible(lock_type)


def test_conditions_inside_a_group_look_at_the_same_instance(state: AssessmentState) -> None:
    answer(state, "camera-working", "no", GYM)
    answer(state, "camera-working", "yes", LOT)
    assert state.is_visible(SlotKey("camera-fault", GYM.id))
    assert not state.is_visible(SlotKey("camera-fault", LOT.id))


def test_progress_counts_answered_of_applicable_and_deficient(state: AssessmentState) -> None:
    before = state.overall()
    assert before.answered == 0 and before.applicable == 15  # 18 slots minus lock-type and the 2 camera-fault
    answer(state, "door-locked", "na")
    answer(state, "gate", "fail")
    answer(state, "extinguishers", 3)
    assert state.overall() == Tally(answered=2, applicable=14, deficient=1)
    assert state.section_tally("main") == state.overall()
    assert Tally(1, 4).percent == 25 and Tally().percent == 100


def test_filters_and_search(state: AssessmentState) -> None:
    answer(state, "gate", "fail")
    visible = state.visible_slots()
    assert [s.key.item_id for s in visible if state.matches(s, Filter.DEFICIENT)] == ["gate"]
    unanswered = [s for s in visible if state.matches(s, Filter.UNANSWERED)]
    assert len(unanswered) == len(visible) - 1
    required = [s.key.item_id for s in visible if state.matches(s, Filter.REQUIRED_MISSING)]
    assert "temp" not in required and "door-locked" in required
    assert [s.key.item_id for s in state.slots if state.matches(s, Filter.ALL, "HANDLE")] == ["door-locked"]


def test_navigation_skips_answered_and_hidden_items(state: AssessmentState) -> None:
    first = state.next_unanswered(None)
    assert first is not None and first.key == SlotKey("door-locked")
    answer(state, "door-locked", "yes")
    nxt = state.next_unanswered(SlotKey("door-locked"))
    assert nxt is not None and nxt.key == SlotKey("door-hard")
    back = state.step(SlotKey("gate"), -1)
    assert back is not None and back.key == SlotKey("door-hard")
    assert state.step(SlotKey("door-locked"), -1) is None
    after_extinguishers = state.step(SlotKey("extinguishers"), 1, Filter.ALL)
    assert after_extinguishers is not None and after_extinguishers.key == SlotKey("coverage")
    wrapped = state.next_unanswered(SlotKey("camera-fault", LOT.id))
    assert wrapped is not None and wrapped.key == SlotKey("door-hard")


def test_everything_answered_means_no_next(every_type: Checklist) -> None:
    state = AssessmentState(every_type, [], [], dt.date(2026, 11, 23))
    for slot in state.slots:
        answer(state, slot.key.item_id, "na" if slot.item.answer.type != "text" else "ok")
    assert [s.key.item_id for s in state.slots if not state.is_answered(s.key) and state.is_visible(s.key)] == []
    assert state.next_unanswered(None) is None


def test_review_lists_what_blocks_a_clean_completion(state: AssessmentState) -> None:
    answer(state, "door-locked", "no")  # photo required when deficient
    answer(state, "camera-working", "no", GYM, note="lens smashed")
    problems = {(e.slot.key.item_id, e.problem) for e in review(state)}
    assert ("door-locked", Problem.PHOTO_MISSING) in problems
    assert ("door-hard", Problem.REQUIRED_UNANSWERED) in problems
    assert ("temp", Problem.REQUIRED_UNANSWERED) not in problems
    assert not any(item == "door-locked" for item, p in problems if p == Problem.REQUIRED_UNANSWERED)
    assert ("door-locked", Problem.PHOTO_MISSING) not in {
        (e.slot.key.item_id, e.problem) for e in review(state, photos=lambda key: 1)
    }


def test_a_show_if_value_written_as_a_label_still_matches(every_type: Checklist) -> None:
    relabelled = every_type.model_copy(deep=True)
    state = AssessmentState(relabelled, [], [], dt.date(2026, 11, 23))
    answer(state, "door-locked", "no")
    assert state.is_visible(SlotKey("lock-type"))


def test_instance_labels_are_numbered_from_the_lowest_free(every_type: Checklist) -> None:
    group = next(g for _, g in every_type.iter_groups())
    assert next_instance_label(group, []) == "Camera 1"
    taken = [GroupInstance(uuid.uuid4(), "camera", "Camera 1", 0), GroupInstance(uuid.uuid4(), "camera", "camera 3", 1)]
    assert next_instance_label(group, taken) == "Camera 2"
