"""At its default size (1280x800), the action plan shows each action's text in full: it wraps, never cut off."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from safety_assess.domain.plan.actions import Action
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.ui.plan.models import ActionsModel
from safety_assess.ui.widgets.tables import WrappedRows

LONG = (
    "Replace the lock of the north stairwell door with a classroom-function lockset that locks from the inside, "
    "rekey every exterior door to one master system, and record who holds each key in the key log"
)


def test_each_action_reads_in_full_at_the_default_size(  # type: ignore[no-untyped-def]
    qtbot, open_plan, workspace: Workspace, assessment: AssessmentSummary
) -> None:
    plan = load_plan(workspace, assessment.id)
    editor = PlanEditor(workspace, assessment.id)
    door = plan.finding("item:door-locked:")
    editor.add_action(door, Action(door.key, LONG, "immediate"), plan.phases)
    editor.plan_suggested(load_plan(workspace, assessment.id))
    window = open_plan()
    assert (window.width(), window.height()) == (1280, 800)  # fits a 1280x800 laptop: the finding's fields scroll
    window.tabs.setCurrentIndex(1)
    view = window.actions_view
    rows = view.findChild(WrappedRows)
    qtbot.waitUntil(lambda: view.isVisible() and not rows.fitting())  # measured once the changes settle
    header = view.horizontalHeader()
    assert sum(header.sectionSize(n) for n in range(header.count())) <= view.viewport().width()
    metrics = view.fontMetrics()
    for column in ActionsModel.WRAPPED_COLUMNS:
        width = view.columnWidth(column) - 10
        for row in range(view.model().rowCount()):
            text = view.model().index(row, column).data()
            needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height()
            assert view.rowHeight(row) >= needed, (row, text)
    descriptions = [view.model().index(row, ActionsModel.ACTION_COLUMN).data() for row in range(4)]
    assert LONG in descriptions and view.columnWidth(ActionsModel.ACTION_COLUMN) >= 300


def test_rows_are_measured_once_however_many_changes_arrive_together(  # type: ignore[no-untyped-def]
    qtbot, open_plan, workspace: Workspace, assessment: AssessmentSummary, monkeypatch
) -> None:
    PlanEditor(workspace, assessment.id).plan_suggested(load_plan(workspace, assessment.id))
    window = open_plan()
    window.tabs.setCurrentIndex(1)
    rows = window.actions_view.findChild(WrappedRows)
    qtbot.waitUntil(lambda: not rows.fitting())
    measured: list[None] = []
    real_fit = rows.fit
    monkeypatch.setattr(rows, "fit", lambda: (measured.append(None), real_fit()))
    rows._pending.timeout.disconnect()
    rows._pending.timeout.connect(rows.fit)
    window.reload()  # a reload resets the model, sorts, filters and fits its columns: one measure for all of it
    qtbot.waitUntil(lambda: len(measured) >= 1 and not rows.fitting())
    window.actions_filter.setFilterFixedString("")
    qtbot.waitUntil(lambda: not rows.fitting())
    assert len(measured) <= 2


def test_actions_sort_by_phase_then_highest_risk(
    open_plan, workspace: Workspace, assessment: AssessmentSummary
) -> None:  # type: ignore[no-untyped-def]
    PlanEditor(workspace, assessment.id).plan_suggested(load_plan(workspace, assessment.id))
    window = open_plan()
    model = window.actions_filter
    risks = [int(model.index(row, 4).data()) for row in range(model.rowCount())]
    phases = [model.index(row, 0).data() for row in range(model.rowCount())]
    order = [p.name.split(" (")[0] for p in window.plan.phases]
    assert [order.index(p) for p in phases] == sorted(order.index(p) for p in phases)
    for row in range(1, len(risks)):
        assert phases[row] != phases[row - 1] or risks[row] <= risks[row - 1]
