"""The built-in comprehensive facility checklist's fence rule (1.2.0): "at least 6 ft with anti-climb, or at least
8 ft", one item replacing the two of 1.1.0, so year-over-year comparison sees the same fence; worked by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safety_assess.domain.checklist import Checklist, Outcome
from safety_assess.domain.checklist.values import check_answer, typed_text
from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.domain.records import Response
from safety_assess.domain.scoring.compare import compare
from safety_assess.domain.scoring.compliance import scores
from safety_assess.domain.scoring.findings import Change, raised_findings
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.domain.walk.state import AssessmentState
from tests.unit.domain.test_format_2 import fence, messages, with_items

BUILT_IN = Path(__file__).resolve().parents[3] / "checklists" / "comprehensive-facility.yaml"
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)
HEIGHT = "grounds.fence-height"


@pytest.fixture(scope="module")
def facility() -> Checklist:
    return load_checklist_file(BUILT_IN)


def walked(checklist: Checklist, height: object, anti_climb: str) -> AssessmentState:
    state = AssessmentState(checklist, [], [], NOW.date())
    item = checklist.find_item(HEIGHT)[2]  # type: ignore[index]
    answers = {"grounds.perimeter-fence": "yes", "grounds.fence-anti-climb": anti_climb}
    answers[HEIGHT] = check_answer(checklist, item, height)  # type: ignore[assignment]
    for item_id, value in answers.items():
        state.set_response(SlotKey(item_id), Response(item_id, None, value, "", NOW))
    return state


@pytest.mark.parametrize(
    ("height", "anti_climb", "expected"),
    [
        ("5 ft", "yes", Outcome.DEFICIENT),  # anti-climb, but under 6 ft
        ("6 ft", "yes", Outcome.COMPLIANT),  # 6 ft with anti-climb
        ("7 ft", "no", Outcome.DEFICIENT),  # easy to climb: needs 8 ft
        ("8 ft", "no", Outcome.COMPLIANT),  # 8 ft, anti-climb or not
        ("2.5 m", "no", Outcome.COMPLIANT),  # 2.5 m is 8.2021 ft
        ("2.4 m", "no", Outcome.DEFICIENT),  # 2.4 m is 7.874 ft
        ("1.9 m", "yes", Outcome.COMPLIANT),  # 1.9 m is 6.2336 ft
    ],
)
def test_the_fence_rule(facility: Checklist, height: str, anti_climb: str, expected: Outcome) -> None:
    state = walked(facility, height, anti_climb)
    assert state.outcome(SlotKey(HEIGHT)) == expected
    raised = {f.item_id for f in raised_findings(state)}
    assert (HEIGHT in raised) == (expected == Outcome.DEFICIENT)
    assert scores(state).overall.possible > 0


def test_metres_are_converted_to_feet_and_kept_as_typed(facility: Checklist) -> None:
    item = facility.find_item(HEIGHT)[2]  # type: ignore[index]
    assert (check_answer(facility, item, "2.5 m"), typed_text(item, "2.5 m")) == (8.202100, "2.5 m")


def test_one_height_item_shown_for_any_fence_replacing_the_two_of_1_1_0(facility: Checklist) -> None:
    assert facility.version == "1.2.0"
    assert facility.find_item("grounds.fence-height-no-anti-climb") is None
    assert facility.replaced_ids() == {"grounds.fence-height-no-anti-climb": HEIGHT}
    state = walked(facility, "7 ft", "no")
    assert state.is_visible(SlotKey(HEIGHT))


def test_a_finding_on_a_replaced_item_found_again_on_its_replacement_persists(facility: Checklist) -> None:
    now = [f for f in raised_findings(walked(facility, "7 ft", "no")) if f.item_id == HEIGHT]
    earlier = [
        type(now[0])(  # last year's finding on the 1.1.0 item for fences without anti-climb
            key="item:grounds.fence-height-no-anti-climb:",
            title="Fence",
            location="",
            likelihood=3,
            severity=3,
            item_id="grounds.fence-height-no-anti-climb",
        )
    ]
    assert now[0].key == f"item:{HEIGHT}:"
    before = scores(walked(facility, "7 ft", "no"))
    totals = (before.overall, before.sections)
    unmatched = compare(earlier, now, totals, totals, [])
    assert unmatched.changes == {
        f"item:{HEIGHT}:": Change.NEW,
        "item:grounds.fence-height-no-anti-climb:": Change.RESOLVED,
    }
    matched = compare(earlier, now, totals, totals, [], facility.replaced_ids())
    assert matched.changes == {f"item:{HEIGHT}:": Change.PERSISTING} and matched.resolved == []


def test_an_item_still_asked_or_replaced_twice_cannot_be_replaced() -> None:
    kept = with_items(fence({"min": 72}, replaces=["gate"]), {**fence({"min": 72}), "id": "gate"})
    assert messages(kept) == [
        "sections.0.items.0.replaces.0: item 'height' replaces 'gate', which is still an item of this checklist"
    ]
    twice = with_items(fence({"min": 72}, replaces=["old"]), {**fence({"min": 72}, replaces=["old"]), "id": "other"})
    assert messages(twice) == ["sections.0.items.1.replaces.0: 'old' is replaced by both 'height' and 'other'"]
