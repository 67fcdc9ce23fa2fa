"""Fields without a friendly column go out and come back through columns named after them (flow text for lists
and sets of fields), and a friendly form that would not read back the same is written as flow text instead: the
mechanism that gives fields added to the format later a home without this package knowing them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from safety_assess.domain.checklist import Checklist, parse_checklist
from safety_assess.spreadsheets import cells, checklist_workbook, read_workbook


def _items(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in document["sections"][0]["items"] if "id" in item}


def test_unusual_values_come_back_equal(every_type: Checklist, tmp_path: Path) -> None:
    document = every_type.model_dump(mode="json", exclude_defaults=True)
    document["risk_bands"] = [
        {"name": "Low", "low": 1, "high": 9, "color": "#00ff00"},
        {"name": "High", "low": 10, "high": 25},
    ]
    document["phases"] = [{"id": "now", "name": "Now: at once", "days": 7}]
    items = _items(document)
    items["door-locked"].update(weight=2.5, source="PASS: doors", required=False)
    items["gate"]["show_if"] = {"item": "door-locked", "any_of": ["no"]}
    items["extinguishers"]["answer"]["acceptable"] = {"min": 0.5, "max": 1e6}
    items["lock-type"]["show_if"] = {"item": "extinguishers", "equals": 3}
    items["notes"]["guidance"] = "=SUM(A1) is text here"
    checklist = parse_checklist(document)
    path = tmp_path / "x.xlsx"
    path.write_bytes(checklist_workbook(checklist))
    assert read_workbook(path)[0] == checklist
    survey = {row[2].value: row for row in load_workbook(path)["survey"].iter_rows(min_row=2)}
    assert survey["gate"][9].value == "{item: door-locked, any_of: [no]}"
    assert survey["lock-type"][9].value == "extinguishers = 3"
    assert survey["extinguishers"][7].value == "0.5..1000000"
    assert survey["notes"][4].data_type == "s"


def test_friendly_forms_and_their_fallback() -> None:
    assert cells.friendly({"min": 6}, cells.range_text, cells.read_range) == ">= 6"
    assert cells.friendly({"max": 10}, cells.range_text, cells.read_range) == "<= 10"
    assert cells.friendly({"item": "a", "equals": "3"}, cells.show_if_text, cells.read_show_if) == (
        "{item: a, equals: '3'}"
    )
    assert cells.friendly({"item": "a", "outcome": "deficient"}, cells.show_if_text, cells.read_show_if) == (
        "a is deficient"
    )
    assert cells.friendly(["x | y"], cells.list_text, cells.read_list) == "[x | y]"
    assert cells.read_show_if("a.b = yes | no") == {"item": "a.b", "any_of": ["yes", "no"]}
    assert cells.read_friendly("{any_of: [{item: fence, min: 6}]}", cells.read_range) == {
        "any_of": [{"item": "fence", "min": 6}]
    }
    assert cells.flow({"when": ["yes"], "prompt": "Specify"}) == "{when: [yes], prompt: Specify}"
