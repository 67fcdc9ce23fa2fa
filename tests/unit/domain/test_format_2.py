"""Format 2: informational items, ticked / unticked options, compound acceptability, per-option risk,
observations, follow-ups and checklists without a score; each worked out by hand."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from safety_assess.domain.checklist import Checklist, Outcome
from safety_assess.domain.checklist.outcomes import can_be_deficient, finding_risk
from safety_assess.domain.checklist.parse import parse_checklist
from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.domain.plan.assessment_plan import unplanned_findings
from safety_assess.domain.records import Response
from safety_assess.domain.scoring.compliance import scores
from safety_assess.domain.scoring.findings import raised_findings
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.domain.walk.state import AssessmentState

DATA = Path(__file__).resolve().parents[2] / "data" / "checklists"
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def two() -> Checklist:
    return load_checklist_file(DATA / "format-2.yaml")


def walk(checklist: Checklist, **answers: object) -> AssessmentState:
    state = AssessmentState(checklist, [], [], NOW.date())
    for item_id, value in answers.items():
        item_id = item_id.replace("__", ".").replace("_", "-")
        state.set_response(SlotKey(item_id), Response(item_id, None, value, "", NOW))  # type: ignore[arg-type]
    return state


def outcome_of(state: AssessmentState, item_id: str) -> Outcome | None:
    return state.outcome(SlotKey(item_id))


def test_an_informational_yes_no_is_recorded_never_deficient_nor_scored(two: Checklist) -> None:
    state = walk(two, next_to_highway="yes")
    assert outcome_of(state, "next-to-highway") == Outcome.NEUTRAL
    assert not can_be_deficient(two, two.find_item("next-to-highway")[2])  # type: ignore[index]
    assert raised_findings(state) == []
    assert scores(state).overall.possible == 0


@pytest.mark.parametrize(
    ("height", "anti_climb", "expected"),
    [
        (72.0, "yes", Outcome.COMPLIANT),  # 6 ft with anti-climb
        (72.0, "no", Outcome.DEFICIENT),  # 6 ft without: needs 8 ft
        (96.0, "no", Outcome.COMPLIANT),  # 8 ft, anti-climb or not
        (71.0, "yes", Outcome.DEFICIENT),  # under 6 ft
        (72.0, None, Outcome.UNKNOWN),  # 6 ft, anti-climb not answered yet: cannot tell
        (96.0, None, Outcome.COMPLIANT),  # 8 ft decides without it
        (50.0, None, Outcome.DEFICIENT),  # too low either way
    ],
)
def test_the_fence_rule(two: Checklist, height: float, anti_climb: str | None, expected: Outcome) -> None:
    answers: dict[str, object] = {"fence.height": height}
    if anti_climb is not None:
        answers["fence.anti-climb"] = anti_climb
    state = AssessmentState(two, [], [], NOW.date())
    for item_id, value in answers.items():
        state.set_response(SlotKey(item_id), Response(item_id, None, value, "", NOW))  # type: ignore[arg-type]
    assert outcome_of(state, "fence.height") == expected


def test_the_fence_follows_a_changed_anti_climb_answer(two: Checklist) -> None:
    state = AssessmentState(two, [], [], NOW.date())
    for item_id, value in (("fence.height", 80.0), ("fence.anti-climb", "yes")):
        state.set_response(SlotKey(item_id), Response(item_id, None, value, "", NOW))
    assert outcome_of(state, "fence.height") == Outcome.COMPLIANT
    state.set_response(SlotKey("fence.anti-climb"), Response("fence.anti-climb", None, "no", "", NOW))
    assert outcome_of(state, "fence.height") == Outcome.DEFICIENT


def test_a_range_in_another_unit_is_converted(two: Checklist) -> None:
    assert outcome_of(walk(two, drill_time=120.0), "drill-time") == Outcome.COMPLIANT  # 2 min = 120 s
    assert outcome_of(walk(two, drill_time=121.0), "drill-time") == Outcome.DEFICIENT


@pytest.mark.parametrize(
    ("ticked", "expected", "risk"),
    [
        (["camera", "buzzer"], Outcome.COMPLIANT, None),
        (["camera"], Outcome.DEFICIENT, (4, 4)),  # buzzer unticked: its own risk
        (["buzzer"], Outcome.DEFICIENT, (2, 3)),  # camera unticked: the item's risk
        (["camera", "buzzer", "propped"], Outcome.DEFICIENT, (2, 3)),  # propped ticked
        ([], Outcome.DEFICIENT, (4, 4)),  # both unticked: the riskier
    ],
)
def test_options_deficient_when_ticked_or_unticked(
    two: Checklist, ticked: list[str], expected: Outcome, risk: tuple[int, int] | None
) -> None:
    state = walk(two, entrance_features=ticked)
    assert outcome_of(state, "entrance-features") == expected
    if risk is not None:
        item = two.find_item("entrance-features")[2]  # type: ignore[index]
        assert finding_risk(two, item, ticked) == risk
        assert [(f.likelihood, f.severity) for f in raised_findings(state)] == [risk]


@pytest.mark.parametrize(("value", "risk"), [("needs-improvement", (2, 2)), ("not-implemented", (4, 5))])
def test_each_scale_option_has_its_own_risk(two: Checklist, value: str, risk: tuple[int, int]) -> None:
    (finding,) = raised_findings(walk(two, visitor_plan=value))
    assert (finding.likelihood, finding.severity) == risk
    assert (finding.default_likelihood, finding.default_severity) == risk


def test_an_observation_is_a_finding_that_asks_no_action(two: Checklist) -> None:
    state = walk(two, neighbourhood_crime="yes")
    (finding,) = raised_findings(state)
    assert finding.observation and finding.action == ""
    assert scores(state).overall.deficient == 1


def test_a_plan_does_not_ask_an_action_of_an_observation(two: Checklist) -> None:
    state = walk(two, neighbourhood_crime="yes", visitor_plan="not-implemented")
    plan = type("P", (), {"actions": [], "findings": raised_findings(state)})()
    assert [f.item_id for f in unplanned_findings(plan)] == ["visitor-plan"]  # type: ignore[arg-type]


def document(**extra: object) -> dict[str, object]:
    item = {
        "id": "a",
        "prompt": "Locked?",
        "answer": {"type": "yes_no", "deficient_if": "no"},
        "likelihood": 3,
        "severity": 3,
        "action": "Lock it.",
    }
    return {
        "id": "c",
        "title": "C",
        "version": "1.0.0",
        "sections": [{"id": "s", "title": "S", "items": [item]}],
        **extra,
    }


def test_a_format_1_document_is_read_as_format_2() -> None:
    checklist = parse_checklist(document(schema_version=1))
    assert checklist.schema_version == 2
    assert checklist.scoring == "percentage" and checklist.scored


def test_scoring_none_is_read() -> None:
    assert not parse_checklist(document(scoring="none")).scored


def messages(data: dict[str, object]) -> list[str]:
    from safety_assess.domain.checklist import ChecklistInvalid

    with pytest.raises(ChecklistInvalid) as caught:
        parse_checklist(data)
    return [f"{i.dotted()}: {i.message}" for i in caught.value.issues]


def with_items(*items: dict[str, object]) -> dict[str, object]:
    data = document()
    data["sections"] = [{"id": "s", "title": "S", "items": list(items)}]
    return data


def fence(acceptable: object, **more: object) -> dict[str, object]:
    return {
        "id": "height",
        "prompt": "Height",
        "answer": {"type": "measurement", "unit": "in", "acceptable": acceptable},
        "likelihood": 3,
        "severity": 3,
        "action": "Raise it.",
        **more,
    }


def test_a_yes_no_needs_a_deficient_answer_unless_informational() -> None:
    item = {"id": "a", "prompt": "Near a highway?", "answer": {"type": "yes_no"}}
    assert messages(with_items(item)) == [
        "sections.0.items.0.answer: item 'a' needs deficient_if (yes or no), or informational: true when no answer "
        "is deficient"
    ]


def test_a_rule_naming_a_missing_item_is_refused() -> None:
    rule = {"any_of": [{"min": 96}, {"item": "fence.anti-climb", "equals": "yes"}]}
    assert messages(with_items(fence(rule))) == [
        "sections.0.items.0.answer.acceptable.any_of.1.item: acceptable names 'fence.anti-climb', which is not an "
        "item of this checklist"
    ]


def test_a_cycle_through_rules_and_show_if_is_refused() -> None:
    other = {
        "id": "b",
        "prompt": "Anti-climb?",
        "answer": {"type": "yes_no", "deficient_if": "no"},
        "show_if": {"item": "height", "outcome": "compliant"},
        "likelihood": 1,
        "severity": 1,
        "action": "Fit it.",
    }
    rule = {"all_of": [{"min": 72}, {"item": "b", "equals": "yes"}]}
    assert messages(with_items(fence(rule), other)) == [
        "sections.0.items.1.show_if: acceptable and show_if form a cycle: b -> height -> b"
    ]


def test_a_range_unit_that_is_not_a_unit_or_does_not_convert_is_refused() -> None:
    assert messages(with_items(fence({"min": 6, "unit": "kg"}))) == [
        "sections.0.items.0.answer.acceptable.unit: 'kg' is not a unit (units that convert: in, ft, m, cm; s, min, h)"
    ]
    assert messages(with_items(fence({"min": 6, "unit": "min"}))) == [
        "sections.0.items.0.answer.acceptable.unit: 'min' does not convert to the unit of item 'height' (in): give "
        "the range in inches (in)"
    ]


def test_a_follow_up_must_name_answers_of_its_item() -> None:
    item = dict(document()["sections"][0]["items"][0], follow_up={"when": ["perhaps"]})  # type: ignore[index]
    (message,) = messages(with_items(item))
    assert message.startswith("sections.0.items.0.follow_up.when.0: 'perhaps' can never be an answer of 'a': ")


def test_an_option_cannot_be_deficient_both_ways() -> None:
    item = {
        "id": "m",
        "prompt": "Which?",
        "answer": {
            "type": "multiple_choice",
            "options": [{"value": "x", "label": "X", "deficient": True, "deficient_when": "unticked"}, "y"],
        },
    }
    item["answer"]["options"][1] = {"value": "y", "label": "Y"}  # type: ignore[index]
    (message,) = messages(with_items(item))
    assert "'deficient: true' means deficient when ticked" in message


def test_a_condition_on_an_item_needs_one_test() -> None:
    (message,) = messages(with_items(fence({"any_of": [{"item": "a"}]})))
    assert message.endswith("a condition on an item needs exactly one of 'equals', 'any_of', 'outcome' or min/max")


def test_a_checklist_without_scoring_has_findings_but_no_percentage(two: Checklist) -> None:
    from safety_assess.domain.district.figures import _coverage
    from safety_assess.domain.scoring.coverage import compliance_text, coverage

    unscored = two.model_copy(update={"scoring": "none"})
    state = walk(unscored, visitor_plan="implemented", neighbourhood_crime="yes")
    result = scores(state)
    assert (result.overall.earned, result.overall.possible, result.overall.deficient) == (1.0, 2.0, 1)
    assert result.overall.percent is None and all(s.percent is None for s in result.sections.values())
    assert len(raised_findings(state)) == 1
    covered = coverage(state)
    assert compliance_text(result.overall.percent, covered) == (
        "not scored (the checklist has no compliance figure): 2 answered items; 5 not answered yet"
    )
    assert _coverage(covered.to_json()) == covered  # type: ignore[arg-type]
    assert scores(walk(two, visitor_plan="implemented")).overall.percent == 100.0


def test_the_json_schema_editors_use_takes_format_1_and_2() -> None:
    import jsonschema

    from safety_assess.domain.checklist.jsonschema import checklist_json_schema

    schema = checklist_json_schema()
    for version in (1, 2):
        jsonschema.validate(document(schema_version=version), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document(schema_version=3), schema)


def test_a_rule_in_a_repeatable_group_reads_the_same_instance() -> None:
    from safety_assess.domain.records import GroupInstance

    data = with_items(
        {
            "group": "gate",
            "title": "Gates",
            "items": [
                {"id": "gate.anti-climb", "prompt": "Anti-climb?", "answer": {"type": "yes_no"}, "informational": True},
                fence(
                    {"any_of": [{"min": 96}, {"all_of": [{"min": 72}, {"item": "gate.anti-climb", "equals": "yes"}]}]}
                ),
            ],
        }
    )
    checklist = parse_checklist(data)
    north, south = (
        GroupInstance(uuid.UUID(int=1), "gate", "North", 0),
        GroupInstance(uuid.UUID(int=2), "gate", "South", 1),
    )
    state = AssessmentState(checklist, [north, south], [], NOW.date())
    for instance, climb in ((north, "yes"), (south, "no")):
        for item_id, value in (("gate.anti-climb", climb), ("height", 80.0)):
            key = SlotKey(item_id, instance.id)
            state.set_response(key, Response(item_id, instance.id, value, "", NOW))
    assert state.outcome(SlotKey("height", north.id)) == Outcome.COMPLIANT
    assert state.outcome(SlotKey("height", south.id)) == Outcome.DEFICIENT
