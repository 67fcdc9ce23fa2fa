"""Year over year across a replaced item: a campus assessed with the built-in facility checklist 1.1.0 (its fence
height asked by two items) and again with 1.2.0 (one item with the compound rule, ``replaces`` the other) sees the
same low fence as a finding that persists, not one resolved and one new."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ruamel.yaml import YAML

from safety_assess.domain.scoring.findings import Change
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.plan import load_plan
from safety_assess.services.workspace import Workspace

BUILT_IN = Path(__file__).resolve().parents[3] / "checklists" / "comprehensive-facility.yaml"
HEIGHT, OLD = "grounds.fence-height", "grounds.fence-height-no-anti-climb"


def version_1_1_0(folder: Path) -> None:
    """The built-in as 1.1.0 asked the fence's height: anti-climb fences at least 6 ft, other fences at least 8 ft."""
    document = YAML(typ="safe").load(BUILT_IN.read_text(encoding="utf-8"))
    document["version"] = "1.1.0"
    items = document["sections"][0]["items"]
    index = next(n for n, item in enumerate(items) if item.get("id") == HEIGHT)
    height = items[index]
    del height["replaces"]
    other = {**height, "id": OLD, "answer": {**height["answer"], "acceptable": {"min": 8}}}
    other["show_if"] = {"item": "grounds.fence-anti-climb", "equals": "no"}
    height["answer"] = {**height["answer"], "acceptable": {"min": 6}}
    height["show_if"] = {"item": "grounds.fence-anti-climb", "equals": "yes"}
    items.insert(index + 1, other)
    YAML(typ="safe").dump(document, folder / "facility-1.1.0.yaml")


def test_last_years_fence_without_anti_climb_is_the_same_finding_this_year(workspace: Workspace) -> None:
    version_1_1_0(workspace.data_dir.checklists)
    workspace.reload_catalog()
    workspace.campuses.add("Lincoln High", "LHS", "")
    fence = {"grounds.perimeter-fence": "yes", "grounds.fence-anti-climb": "no"}
    last = start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], dt.date(2025, 10, 1), "1.1.0")
    for item, value in {**fence, OLD: "7 ft"}.items():
        record_answer(workspace, last.id, item, value)
    workspace.assessments.complete(last.id, ["Ana"])
    now = start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], dt.date(2026, 10, 1))
    assert now.checklist.version == "1.2.0"
    for item, value in {**fence, HEIGHT: "7 ft"}.items():
        record_answer(workspace, now.id, item, value)
    comparison = load_plan(workspace, now.id).comparison
    assert comparison is not None
    assert comparison.changes[f"item:{HEIGHT}:"] == Change.PERSISTING
    assert f"item:{OLD}:" not in comparison.changes and comparison.resolved == []
