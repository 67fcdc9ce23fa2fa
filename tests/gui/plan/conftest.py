"""Fixtures of the plan window tests: an assessment with three findings, and the window on it."""

from __future__ import annotations

import datetime as dt

import pytest

from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.workspace import Workspace
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.plan.window import PlanWindow

DAY = dt.date(2026, 11, 2)


@pytest.fixture
def assessment(workspace: Workspace) -> AssessmentSummary:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], DAY)
    record_answer(workspace, summary.id, "door-locked", "no")  # 3 x 4 = 12, High
    record_answer(workspace, summary.id, "gate", "fail")  # 2 x 3 = 6, Moderate
    record_answer(workspace, summary.id, "extinguishers", 0)  # 2 x 4 = 8, Moderate
    return summary


@pytest.fixture
def open_plan(qtbot, window: MainWindow, assessment: AssessmentSummary):  # type: ignore[no-untyped-def]
    """The plan window opened from the main window (closed with it: deleted when closed, so not handed to qtbot)."""

    def open_() -> PlanWindow:
        plan = window.windows.open_plan(assessment.id)
        assert plan is not None
        qtbot.waitExposed(plan)
        return plan

    return open_
