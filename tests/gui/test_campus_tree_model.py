"""The campus tree model passes Qt's model checks and shows what the repositories hold."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from safety_assess.services.assessments import start_assessment
from safety_assess.services.workspace import Workspace
from safety_assess.ui.models.campus_tree import CampusTreeModel


def filled(workspace: Workspace) -> CampusTreeModel:
    workspace.campuses.add("Lincoln High", "LHS")
    workspace.campuses.add("Adams Elementary", "AES")
    start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 1))
    start_assessment(workspace, "LHS", "every-type", [], dt.date(2025, 11, 1))
    model = CampusTreeModel()
    model.reset(workspace.campuses.list(), workspace.assessments.list())
    return model


def test_the_model_passes_qt_model_checks(qtmodeltester, workspace: Workspace) -> None:
    qtmodeltester.check(filled(workspace))


def test_campuses_hold_their_assessments_newest_first(workspace: Workspace) -> None:
    model = filled(workspace)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Adams Elementary (AES)",
        "Lincoln High (LHS)",
    ]
    lincoln = model.index(1, 0)
    assert model.rowCount(lincoln) == 2 and model.index(1, 1).data() == "2 assessments"
    first = model.index(0, 0, lincoln)
    assert [model.index(0, c, lincoln).data() for c in range(5)] == [
        "Every answer type 1.0.0",
        "2026-11-01",
        "Ana",
        "In progress",
        "0",
    ]
    assert model.index(1, 2, lincoln).data() == "(none named)"
    assert first.parent() == lincoln
    assert "Assessment of 2026-11-01" in first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert model.find(model.record(first).id) == first
