"""The district overview from a real data folder: figures kept, recomputed only when an assessment changed."""

from __future__ import annotations

import datetime as dt

from safety_assess.domain.scoring.plan import Action, CostRange, Status
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.district import district_overview
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.storage.figures import stamps


def test_figures_are_kept_and_recomputed_when_the_assessment_changes(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    workspace.campuses.add("Adams Elementary", "AES")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")  # 3 x 4 = 12: High
    first = district_overview(workspace)
    assert first.computed == 1 and [line.campus.code for line in first.lines] == ["LHS", "AES"]
    latest = first.lines[0].latest
    assert latest is not None and latest.figures.findings["High"] == 1 and latest.figures.severe == 1
    assert first.totals.assessed == 1 and first.totals.campuses == 2
    assert district_overview(workspace).computed == 0  # nothing changed: read as kept
    record_answer(workspace, summary.id, "gate", "fail")  # 2 x 3 = 6: Moderate
    second = district_overview(workspace)
    assert second.computed == 1 and second.totals.findings["Moderate"] == 1
    plan = load_plan(workspace, summary.id)
    editor = PlanEditor(workspace, summary.id, by="Ana")
    door = plan.finding("item:door-locked:")
    action = editor.add_action(door, Action(door.key, "Rekey", "immediate", 400, 900), plan.phases)
    third = district_overview(workspace)
    assert third.computed == 1 and third.totals.cost_by_phase["immediate"] == CostRange(400, 900)
    editor.set_status(action, Status.DONE)
    fourth = district_overview(workspace)
    assert fourth.computed == 1 and fourth.totals.severe == 0 and fourth.totals.cost == CostRange()


def test_the_stamps_of_a_few_assessments_are_those_read_for_all(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    first = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    second = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 3))
    record_answer(workspace, first.id, "door-locked", "no")
    every = stamps(workspace.database)
    assert stamps(workspace.database, {first.id}) == {first.id: every[first.id]}
    assert len(every) == 2 and every[first.id] != every[second.id] and stamps(workspace.database, set()) == {}
