"""The built-in checklists: valid, realistic, complete, and matching the shipped JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from safety_assess.base.resources import builtin_checklists_dir
from safety_assess.domain.checklist import AnswerType, Checklist
from safety_assess.domain.checklist.catalog import load_catalog
from safety_assess.domain.checklist.jsonschema import checklist_json_schema, checklist_json_schema_text
from safety_assess.domain.checklist.outcomes import can_be_deficient

BUILTIN = builtin_checklists_dir()
FILES = sorted(BUILTIN.glob("*.yaml"))
EVERY_TYPE = Path(__file__).resolve().parents[2] / "data" / "checklists" / "every-type.yaml"


@pytest.fixture(scope="module")
def builtins() -> list[Checklist]:
    catalog = load_catalog(BUILTIN, None)
    assert catalog.problems == []
    return [entry.checklist for entry in catalog.entries]


def test_the_three_builtins_are_there(builtins: list[Checklist]) -> None:
    assert sorted(c.id for c in builtins) == [
        "cameras-technology",
        "comprehensive-facility",
        "emergency-preparedness",
    ]


def test_at_least_150_items_in_total_and_every_answer_type_used(builtins: list[Checklist]) -> None:
    items = [item for checklist in builtins for _, _, item in checklist.iter_items()]
    assert len(items) >= 150
    assert {item.answer.type for item in items} == set(AnswerType)


def test_every_item_has_guidance_and_every_deficient_capable_item_a_full_finding(
    builtins: list[Checklist],
) -> None:
    for checklist in builtins:
        for _, _, item in checklist.iter_items():
            assert item.guidance.strip(), item.id
            if can_be_deficient(checklist, item):
                assert item.likelihood and item.severity and item.action and item.cost, item.id
                assert item.tags.components and item.source, item.id


def test_repeatable_groups_and_conditions_are_used(builtins: list[Checklist]) -> None:
    by_id = {c.id: c for c in builtins}
    groups = {g.group for c in builtins for _, g in c.iter_groups()}
    assert {"camera", "exterior-entry"} <= groups
    assert sum(1 for c in builtins for _, _, i in c.iter_items() if i.show_if) >= 5
    camera_items = [i.id for _, g, i in by_id["cameras-technology"].iter_items() if g and g.group == "camera"]
    assert len(camera_items) >= 6


def test_negatively_worded_items_are_deficient_on_yes(builtins: list[Checklist]) -> None:
    yes_deficient = [
        i for c in builtins for _, _, i in c.iter_items() if getattr(i.answer, "deficient_if", None) == "yes"
    ]
    assert len(yes_deficient) >= 3


def test_the_shipped_schema_is_the_generated_one() -> None:
    assert (BUILTIN / "schema.json").read_text(encoding="utf-8") == checklist_json_schema_text(), (
        "regenerate with: safety-assess checklist schema > checklists/schema.json"
    )


@pytest.mark.parametrize("path", [*FILES, EVERY_TYPE], ids=lambda p: p.name)
def test_each_file_passes_the_json_schema_editors_use(path: Path) -> None:
    data = json.loads(json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8"))))
    jsonschema.validate(data, checklist_json_schema())


def test_the_json_schema_rejects_what_the_models_reject() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "title": "X", "version": "1", "sections": []}, checklist_json_schema())


def test_format_2_features_are_used_where_they_fit(builtins: list[Checklist]) -> None:
    items = [i for c in builtins for _, _, i in c.iter_items()]
    assert [i.id for i in items if i.informational] == ["grounds.next-to-major-road"]
    assert {i.id for i in items if i.follow_up} == {
        "grounds.next-to-major-road",
        "grounds.gate-securing",
        "drill.responders-observe",
    }
    assert all(c.schema_version == 2 for c in builtins)
