"""The plan window once the board adopted the plan: the actions changed since are marked in the table (their fields
was → now in the tooltip), the selected one's changes show below the table, and a line says since when the plan is
adopted, how many actions changed and the cost then and now, its tooltip listing the removed actions; driven
through the window's own commands and asserted on the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from safety_assess.domain.display import cost
from safety_assess.domain.plan.actions import Action, CostRange
from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.review.model import Body, Outcome
from safety_assess.services import reviews as rv
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.plan import decisions, editors
from safety_assess.ui.plan.decisions import DecisionAnswer
from safety_assess.ui.plan.models import ActionsModel
from safety_assess.ui.plan.window import PlanWindow
from tests.gui.plan.test_plan_review import planned

__all__ = ["planned"]  # fixture
COLUMN = ActionsModel.ADOPTED_COLUMN


def select(window: PlanWindow, description: str) -> Action:
    for row in range(window.actions_filter.rowCount()):
        index = window.actions_filter.index(row, 0)
        action = window.actions_model.row(window.actions_filter.mapToSource(index))
        if action.description == description:
            window.actions_view.setCurrentIndex(index)
            return action
    raise AssertionError(description)


def cell(window: PlanWindow, action: Action, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
    row = next(n for n, a in enumerate(window.actions_model.rows) if a.id == action.id)
    return window.actions_model.data(window.actions_model.index(row, COLUMN), role)


def total(workspace: Workspace, window: PlanWindow) -> CostRange:
    actions = workspace.findings.actions(window.assessment_id)
    return sum((CostRange(a.cost_low, a.cost_high) for a in actions), CostRange())


def test_changes_since_the_adoption_are_shown_beside_the_actions(  # type: ignore[no-untyped-def]
    qtbot, open_plan, planned: AssessmentSummary, workspace: Workspace, monkeypatch, tmp_path: Path
) -> None:
    window = open_plan()
    window.tabs.setCurrentIndex(1)
    assert window.actions_view.isColumnHidden(COLUMN) and not window.adopted_line.isVisible()
    board = DecisionAnswer(Body.BOARD, dt.date(2026, 12, 1), Outcome.ADOPTED)
    monkeypatch.setattr(decisions, "ask_decision", lambda *_args: board)
    window.actions_by_id["plan.decision"].trigger()
    adopted = total(workspace, window)
    assert window.adopted_line.isVisible() and not window.actions_view.isColumnHidden(COLUMN)
    assert (
        window.adopted_line.text() == f"Adopted 2026-12-01 · no action changed since, cost {cost(adopted)} as adopted"
    )

    lock = select(window, "Lock the door.")
    assert lock.phase == "short_term" and window.review_detail.text() == ""
    monkeypatch.setattr(
        editors, "ask_action", lambda *a: dataclasses.replace(a[1], phase="immediate", cost_high=a[1].cost_high + 1000)
    )
    window.actions_by_id["plan.edit_action"].trigger()
    saved = workspace.findings.action(lock.id)  # type: ignore[arg-type]
    assert (saved.phase, saved.cost_high) == ("immediate", lock.cost_high + 1000)
    gone = next(a for a in window.plan.actions if a.id != lock.id)
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    window.panel.deleteActionRequested.emit(gone)
    assert gone.id not in {a.id for a in workspace.findings.actions(window.assessment_id)}

    now = total(workspace, window)
    assert window.adopted_line.text() == (
        f"Adopted 2026-12-01 · 2 actions changed since, cost was {cost(adopted)} now {cost(now)}"
    )
    tip = window.adopted_line.toolTip()
    assert "1 removed, 1 changed" in tip and f"Removed:\n  • {gone.description}\n" in tip
    assert cell(window, lock) == "Changed: phase, high cost"
    changed_tip = cell(window, lock, Qt.ItemDataRole.ToolTipRole)
    assert changed_tip.startswith("phase: Short term (this school year) → Immediate (within 30 days)\nhigh cost: ")
    assert rv.since_adopted(workspace, planned.id) is not None
    select(window, "Lock the door.")
    assert window.review_detail.text().startswith(
        "Since the board adopted the plan on 2026-12-01: phase: Short term (this school year) → Immediate"
    )
    others = [a for a in window.plan.actions if a.id != lock.id]
    assert all(cell(window, a) == "" for a in others)


def test_the_review_columns_stay_in_view_at_1280_pixels(  # type: ignore[no-untyped-def]
    qtbot, open_plan, planned: AssessmentSummary, monkeypatch
) -> None:
    window = open_plan()
    window.resize(1280, 800)
    window.show()
    window.tabs.setCurrentIndex(1)
    board = DecisionAnswer(Body.BOARD, dt.date(2026, 12, 1), Outcome.ADOPTED)
    monkeypatch.setattr(decisions, "ask_decision", lambda *_args: board)
    window.actions_by_id["plan.decision"].trigger()
    view, header = window.actions_view, window.actions_view.horizontalHeader()
    qtbot.waitUntil(lambda: not view.isColumnHidden(COLUMN))
    risk, group = header.visualIndex(ActionsModel.RISK_COLUMN), header.visualIndex(ActionsModel.REVIEW_COLUMNS[0])
    assert (group, header.visualIndex(COLUMN)) == (risk + 1, risk + 2)  # beside the risk, before layer and costs
    right = header.sectionViewportPosition(COLUMN) + header.sectionSize(COLUMN)
    assert right <= view.viewport().width()
    assert header.sectionSize(ActionsModel.ACTION_COLUMN) >= ActionsModel.FINDING_WIDTH  # the action stays readable
