"""The findings and action-plan window, driven like a user would, asserting on the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from safety_assess.base.jobs import Changes
from safety_assess.domain.plan.actions import Action, Status
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.plan import editors
from safety_assess.ui.plan.editors import ActionDialog, FindingDialog, NewFinding
from safety_assess.ui.plan.models import ActionsModel, CarriedModel, FindingsModel, ScoresModel
from safety_assess.ui.plan.window import PlanWindow
from tests import photo_files

PHOTOS = photo_files.folder()
DAY = dt.date(2026, 11, 2)


def titles(window: PlanWindow) -> list[str]:
    proxy = window.findings_filter
    return [proxy.index(row, 3).data() for row in range(proxy.rowCount())]


def test_models_pass_qt_model_checks(qtmodeltester, workspace: Workspace, assessment: AssessmentSummary) -> None:
    editor = PlanEditor(workspace, assessment.id)
    plan = load_plan(workspace, assessment.id)
    door = plan.finding("item:door-locked:")
    editor.add_action(door, editor.suggested_action(door, plan.phases), plan.phases)
    plan = load_plan(workspace, assessment.id)
    for model in (FindingsModel(), ActionsModel(), ScoresModel(), CarriedModel()):
        model.set_plan(plan)  # type: ignore[attr-defined]
        qtmodeltester.check(model)


def test_findings_by_risk_and_the_heat_map_lists_a_cell(qtbot, open_plan) -> None:  # type: ignore[no-untyped-def]
    window = open_plan()
    assert len(titles(window)) == 3
    risks = [window.findings_filter.index(row, 0).data() for row in range(3)]
    assert risks == ["12", "8", "6"]
    cell = window.heat_map.cells[(2, 4)]
    assert cell.text() == "1" and "2 findings" not in cell.accessibleName()
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton)
    assert window.findings_filter.rowCount() == 1 and "likelihood 2 and severity 4" in window.cell_label.text()
    assert window.current_finding() is not None and window.current_finding().item_id == "extinguishers"
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton)
    assert window.findings_filter.rowCount() == 3


def test_adjusting_risk_needs_a_rationale_then_is_stored(qtbot, open_plan, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = open_plan()
    window.findings_view.selectRow(0)
    panel = window.panel
    assert window.current_finding().item_id == "door-locked"
    panel.likelihood.setValue(5)
    qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    assert "say why in the rationale" in panel.error.text()
    assert workspace.findings.of_assessment(window.assessment_id) == []
    panel.rationale.setPlainText("Propped open every morning")
    panel.has_residual.setChecked(True)
    panel.residual_l.setValue(2)
    panel.residual_s.setValue(4)
    qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    [stored] = workspace.findings.of_assessment(window.assessment_id)
    assert (stored.likelihood, stored.rationale, stored.residual_likelihood, stored.residual_severity) == (
        5,
        "Propped open every morning",
        2,
        4,
    )
    assert window.current_finding().risk == 20 and window.findings_filter.index(0, 5).data() == "8"
    assert window.heat_map.cells[(5, 4)].text() == "1" and "1 Critical" in window.header.text()


def test_planning_and_updating_actions_with_totals(qtbot, open_plan, workspace: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_plan()
    window.findings_view.selectRow(0)
    seen: list[Action] = []

    def plan_it(parent: Any, action: Action, phases: Any, assessed_on: dt.date, title: str) -> Action:
        seen.append(action)
        return dataclasses.replace(action, cost_low=200, cost_high=450, owner="Facilities")

    monkeypatch.setattr(editors, "ask_action", plan_it)
    window.actions_by_id["plan.add_action"].trigger()
    assert (seen[0].description, seen[0].phase, seen[0].due) == ("Lock the door.", "short_term", dt.date(2027, 11, 2))
    [action] = workspace.findings.actions(window.assessment_id)
    assert (action.cost_low, action.cost_high, action.owner) == (200, 450, "Facilities")
    assert "$200–$450" in window.totals.text() and "Building perimeter" in window.totals.text()
    window.tabs.setCurrentIndex(1)
    window.actions_view.selectRow(0)
    monkeypatch.setattr(editors, "ask_action", lambda *a: dataclasses.replace(a[1], status=Status.DONE, note="Fixed"))
    window.actions_by_id["plan.edit_action"].trigger()
    done = workspace.findings.actions(window.assessment_id)[0]
    assert (done.status, done.note) == (Status.DONE, "Fixed")
    assert "no planned cost" in window.totals.text()  # done actions are spent, not planned
    window.filters["status"].setCurrentIndex(window.filters["status"].findData("open"))
    assert window.actions_filter.rowCount() == 0 and window.shown_total.text().startswith("0 of 1 action shown")


def test_a_manual_finding_with_photos(qtbot, open_plan, workspace: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_plan()
    monkeypatch.setattr(
        editors, "ask_new_finding", lambda parent, sections: NewFinding("Roof hatch unlocked", "main", "gym", "", 4, 5)
    )
    window.actions_by_id["plan.add_finding"].trigger()
    finding = window.current_finding()
    assert finding is not None and finding.title == "Roof hatch unlocked" and finding.risk == 20
    assert window.panel.delete.isVisible()
    window.commands.import_photos([PHOTOS / "hopper.jpg"])
    qtbot.waitUntil(lambda: window.panel.photos.model.rowCount() == 1, timeout=20_000)
    [photo] = [p for p in workspace.photos.list(window.assessment_id)]
    assert photo.finding_id == finding.id and photo.item_id is None
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    qtbot.mouseClick(window.panel.delete, Qt.MouseButton.LeftButton)
    assert [r.title for r in workspace.findings.of_assessment(window.assessment_id)] == []


def test_a_completed_assessment_keeps_its_findings_but_actions_stay_open(  # type: ignore[no-untyped-def]
    qtbot, open_plan, workspace: Workspace, assessment: AssessmentSummary, monkeypatch
) -> None:
    workspace.assessments.complete(assessment.id, ["Ana"])
    window = open_plan()
    window.findings_view.selectRow(0)
    assert not window.panel.save.isEnabled() and not window.panel.likelihood.isEnabled()
    assert "completed" in window.header.text()
    monkeypatch.setattr(editors, "ask_action", lambda *a: dataclasses.replace(a[1], status=Status.IN_PROGRESS))
    window.actions_by_id["plan.add_action"].trigger()
    assert workspace.findings.actions(assessment.id)[0].status == Status.IN_PROGRESS


def test_the_earlier_assessment_shows_what_changed(  # type: ignore[no-untyped-def]
    qtbot, window, workspace: Workspace, assessment: AssessmentSummary
) -> None:
    editor = PlanEditor(workspace, assessment.id)
    plan = load_plan(workspace, assessment.id)
    gate = plan.finding("item:gate:")
    editor.set_status(editor.add_action(gate, editor.suggested_action(gate, plan.phases), plan.phases), Status.DONE)
    workspace.assessments.complete(assessment.id, ["Ana"])
    later = start_assessment(workspace, "LHS", "every-type", ["Ana"], DAY + dt.timedelta(days=340))
    record_answer(workspace, later.id, "door-locked", "no")
    plan = window.windows.open_plan(later.id)
    qtbot.waitUntil(lambda: plan.plan.comparison is not None)  # read in the background
    assert plan.tabs.isTabVisible(3)
    assert "2 findings resolved, 1 persisting, 0 new" in plan.since_label.text()
    rows = plan.carried_model.rows
    assert [(r.finding.item_id, r.change, r.action.status if r.action else None) for r in rows] == [
        ("gate", "resolved", Status.DONE),
        ("extinguishers", "resolved", None),
    ]
    assert plan.findings_filter.index(0, 7).data() == "Persisting"


def test_the_action_dialog_refuses_inverted_costs(qtbot) -> None:  # type: ignore[no-untyped-def]
    from safety_assess.domain.plan.actions import DEFAULT_PHASES

    dialog = ActionDialog(None, Action("k", "Fix", "immediate"), DEFAULT_PHASES, DAY, "Door")
    qtbot.addWidget(dialog)
    dialog.low.setValue(500)
    dialog.high.setValue(100)
    dialog.accept()
    assert "above the high cost" in dialog.error.text() and dialog.result() == 0
    dialog.phase.setCurrentIndex(2)
    dialog.has_due.setChecked(True)
    dialog.high.setValue(900)
    assert dialog.value().due == DAY + dt.timedelta(days=3 * 365)
    finding = FindingDialog(None, [("main", "Main")])
    qtbot.addWidget(finding)
    finding.accept()
    assert "needs a title" in finding.error.text()


def test_opened_from_the_main_window_and_following_the_walkthrough(  # type: ignore[no-untyped-def]
    qtbot, window, assessment: AssessmentSummary, workspace: Workspace
) -> None:
    window.open_assessment(assessment.id)
    walk = window.windows.walks[assessment.id]
    walk.actions_by_id["walk.plan"].trigger()  # from the walkthrough...
    plan = window.windows.plans[assessment.id]  # deleted when closed, so not handed to qtbot
    walk.close()
    window.refresh(select=assessment.id)
    window.actions_by_id["assessment.plan"].trigger()  # ...and from the main window: the same one, brought forward
    assert list(window.windows.plans.values()) == [plan]
    assert len(plan.findings_model.rows) == 3
    record_answer(workspace, assessment.id, "gate", "pass")  # as an answer in another window publishes it
    window.channel.publish(Changes(answers=frozenset({assessment.id})))
    qtbot.waitUntil(lambda: len(plan.findings_model.rows) == 2)
    plan.close()
    qtbot.waitUntil(lambda: assessment.id not in window.windows.plans)
