"""The plan window's figures say what they stand on, and suggested actions are planned in one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.plan import assessment_state
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace
from tests.unit.reports.test_pdf import text_of

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_compliance_states_its_coverage(open_plan, workspace: Workspace, assessment: AssessmentSummary) -> None:  # type: ignore[no-untyped-def]
    window = open_plan()
    walked = assessment_state(workspace, assessment.id).overall()  # what the walkthrough's progress shows
    header = window.header.text()
    assert walked.answered == 3
    assert f"0% of 3 answered items; {walked.applicable - 3} not answered yet" in header
    assert "3 findings without an action" in header and "Plan suggested actions (Ctrl+Shift+S)" in header


def test_plan_suggested_actions_in_one_step_and_undo_it(  # type: ignore[no-untyped-def]
    qtbot, open_plan, workspace: Workspace, assessment: AssessmentSummary
) -> None:
    window = open_plan()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert "0 actions, estimated $0" in window.header.text()
    qtbot.keyClick(window.findings_view, Qt.Key.Key_S, CTRL_SHIFT)
    stored = workspace.findings.actions(assessment.id)
    assert len(stored) == 3 and all(a.description for a in stored)
    plan = window.plan
    assert {a.finding_key for a in plan.actions} == {f.key for f in plan.findings}
    assert "3 actions, estimated" in window.header.text() and "without an action" not in window.header.text()
    assert "3 suggested actions planned" in window.statusBar().currentMessage()
    assert window.actions_model.rowCount() == 3

    qtbot.keyClick(window.findings_view, Qt.Key.Key_S, CTRL_SHIFT)  # nothing left to plan: nothing added
    assert len(workspace.findings.actions(assessment.id)) == 3
    assert "has an action already" in window.statusBar().currentMessage()

    qtbot.keyClick(window.findings_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert workspace.findings.actions(assessment.id) == []
    assert "3 findings without an action" in window.header.text() and window.actions_model.rowCount() == 0


def test_scores_and_the_report_say_how_many_items_each_figure_stands_on(  # type: ignore[no-untyped-def]
    open_plan, workspace: Workspace, assessment: AssessmentSummary, tmp_path: Path
) -> None:
    window = open_plan()
    walked = assessment_state(workspace, assessment.id)
    model = window.scores_model
    answered = model.titles().index("Answered")
    shown = {model.index(row, 1).data(): model.index(row, answered).data() for row in range(model.rowCount())}
    main = walked.section_tally("main")
    assert shown["All items"] == f"3 of {walked.overall().applicable}"
    assert shown[window.plan.checklist.sections[0].title] == f"{main.answered} of {main.applicable}"

    result = export_report(workspace, assessment.id, tmp_path / "plan.pdf")
    text = " ".join(text_of(result.path).split())
    assert f"Overall compliance is 0% of 3 answered items; {walked.overall().applicable - 3} not answered yet" in text
    assert f"All sections 0% 3 of {walked.overall().applicable}" in text
