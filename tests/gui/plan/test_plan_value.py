"""The action plan's risk reduced per dollar: sorting by it puts the best buys first, unknown last."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.scoring.adjust import FindingEdit
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.ui.plan.models import VALUE_TITLE
from safety_assess.ui.plan.window import PlanWindow

PLANNED = {
    # finding: (residual likelihood x severity, cost low, cost high, action)
    "item:door-locked:": ((1, 4), 1000, 3000, "Rekey the door"),  # 12 - 4 = 8 per 2,000: 4.0 per 1,000
    "item:gate:": ((1, 3), 0, 0, "Close the gate"),  # 6 - 3 = 3 for nothing: free
    "item:extinguishers:": ((1, 2), 100, 300, "Hang an extinguisher"),  # 8 - 2 = 6 per 200: 30.0 per 1,000
    "manual:loose railing": (None, 50, 50, "Fix the railing"),  # no residual risk: unknown
}


def _plan_actions(workspace: Workspace, assessment: AssessmentSummary) -> None:
    editor = PlanEditor(workspace, assessment.id, by="Ana")
    plan = load_plan(workspace, assessment.id)
    editor.add_finding("Loose railing", FindingEdit(likelihood=2, severity=2), plan.checklist.sections[0].id)
    plan = load_plan(workspace, assessment.id)
    for key, (residual, low, high, description) in PLANNED.items():
        finding = plan.finding(key)
        action = editor.suggested_action(finding, plan.phases)
        editor.add_action(
            finding, dataclasses.replace(action, description=description, cost_low=low, cost_high=high), plan.phases
        )
        if residual:
            editor.adjust(finding, FindingEdit(residual_likelihood=residual[0], residual_severity=residual[1]))


def _sort_by(qtbot, window: PlanWindow, column: int) -> None:  # type: ignore[no-untyped-def]
    """Click the column's header as a person would, until it sorts ascending."""
    header = window.actions_view.horizontalHeader()
    point = header.rect().topLeft()
    point.setX(header.sectionViewportPosition(column) + header.sectionSize(column) // 2)
    point.setY(header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, Qt.SortOrder.AscendingOrder)


def test_sorting_by_risk_reduced_per_dollar_puts_the_best_buys_first(  # type: ignore[no-untyped-def]
    qtbot, open_plan, workspace: Workspace, assessment: AssessmentSummary
) -> None:
    _plan_actions(workspace, assessment)
    window = open_plan()
    window.tabs.setCurrentIndex(1)
    column = window.actions_model.titles().index(VALUE_TITLE)
    _sort_by(qtbot, window, column)
    proxy = window.actions_filter
    shown = [(proxy.index(row, 2).data(), proxy.index(row, column).data()) for row in range(proxy.rowCount())]
    assert shown == [
        ("Close the gate", "free"),
        ("Hang an extinguisher", "30.0"),
        ("Rekey the door", "4.0"),
        ("Fix the railing", ""),
    ]
