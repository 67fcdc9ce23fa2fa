"""The district window's Progress tab driven like a person would: a term's campuses and district against the targets
(missed in the warning colour, no data greyed), another term chosen, and the chart of the district's actual against
target per term for a chosen metric."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from safety_assess.domain.plan.actions import Action
from safety_assess.domain.readiness.metrics import BY_KEY
from safety_assess.services import targets
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.ui.district import target_dialog
from safety_assess.ui.district.progress_chart import MISSED, MISSED_ON_DARK
from safety_assess.ui.district.progress_model import GREY, WARNING
from safety_assess.ui.district.window import PROGRESS_TAB, DistrictWindow
from tests.gui.district.test_district_layout import _contrast
from tests.gui.district.test_district_window import open_district

TODAY = dt.date.today()


def _assessed_today(workspace: Workspace, code: str) -> uuid.UUID:
    """An assessment today with a deficient door and an action due today, not done; completed."""
    summary = start_assessment(workspace, code, "every-type", ["Ana"], TODAY)
    record_answer(workspace, summary.id, "door-locked", "no")
    record_answer(workspace, summary.id, "gate", "pass")
    plan = load_plan(workspace, summary.id)
    door = plan.finding("item:door-locked:")
    action = dataclasses.replace(Action(door.key, f"Rekey {code}", "immediate", 500, 1000), due=TODAY)
    PlanEditor(workspace, summary.id).add_action(door, action, plan.phases)
    workspace.assessments.complete(summary.id, ["Ana"])
    return summary.id


def _cell(window: DistrictWindow, row: int, title: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    model = window.progress.model
    column = next(n for n, t in enumerate(model.titles()) if t.startswith(title))
    return model.index(row, column).data(role)


def _open_progress(qtbot, workspace: Workspace) -> DistrictWindow:  # type: ignore[no-untyped-def]
    window = open_district(qtbot, workspace)
    with qtbot.waitSignal(window.progress.loaded, timeout=60_000):
        window.tabs.setCurrentIndex(PROGRESS_TAB)
    return window


def test_a_terms_progress_per_campus_and_for_the_district(qtbot, qtmodeltester, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    for name, code in (("Lincoln High", "LHS"), ("Adams Elementary", "AES")):
        workspace.campuses.add(name, code)
    _assessed_today(workspace, "LHS")
    term = targets.current_term(workspace, TODAY)
    targets.set_target(workspace, BY_KEY["actions_on_time"], term.key, 50)
    targets.set_target(workspace, BY_KEY["compliance"], term.key, 10)
    window = _open_progress(qtbot, workspace)
    page = window.progress
    qtmodeltester.check(page.model)
    assert page.term_choice.currentData() == term.key
    assert [page.model.index(row, 0).data() for row in range(3)] == ["District", "Adams Elementary", "Lincoln High"]
    assert _cell(window, 0, "Actions done by their due date\nat least 50%") == "0% missed"
    assert _cell(window, 0, "Actions done", Qt.ItemDataRole.BackgroundRole).color().name() == WARNING
    assert _cell(window, 2, "Compliance\nat least 10%").endswith("% met")
    assert _cell(window, 1, "Compliance") == "no data"  # Adams: never assessed
    assert _cell(window, 1, "Compliance", Qt.ItemDataRole.ForegroundRole) == GREY
    assert _cell(window, 0, "Spot checks passed\nno target") == "no data"
    earlier = page.term_choice.itemData(0)
    page.term_choice.setCurrentIndex(0)
    assert earlier != term.key and "no target" in page.model.titles()[2]
    assert _cell(window, 2, "Actions done") == "no data"  # nothing was due then
    page.metric_choice.setCurrentIndex(page.metric_choice.findData("actions_on_time"))
    [now] = [p for p in page.chart.points if p.term == term.key]
    assert (now.actual, now.target, now.met) == (0.0, 50.0, False)
    assert page.chart.points[0].term == earlier
    if os.environ.get("SAFETY_ASSESS_SCREENSHOTS"):
        page.term_choice.setCurrentIndex(page.term_choice.findData(term.key))
        window.grab().save(str(Path(os.environ["SAFETY_ASSESS_SCREENSHOTS"]) / "district-progress.png"))


def test_a_target_set_elsewhere_shows_after_the_window_reads_again(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    workspace.campuses.add("Lincoln High", "LHS")
    _assessed_today(workspace, "LHS")
    window = _open_progress(qtbot, workspace)
    term = targets.current_term(workspace, TODAY)
    assert "no target" in window.progress.model.titles()[2]
    targets.set_target(workspace, BY_KEY["compliance"], term.key, 95)
    with qtbot.waitSignal(window.progress.loaded, timeout=60_000):
        window.reload()
    assert window.progress.model.titles()[2] == "Compliance\nat least 95%"
    assert _cell(window, 1, "Compliance").endswith("% missed")


@pytest.mark.parametrize(("background", "missed"), [("#fafafa", MISSED), ("#2b2b2b", MISSED_ON_DARK)])
def test_a_missed_terms_bar_reads_on_a_light_and_a_dark_theme(background: str, missed: QColor) -> None:
    assert _contrast(missed, QColor(background)) >= 3


def test_a_target_is_set_and_cleared_from_the_tab(qtbot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    workspace.campuses.add("Lincoln High", "LHS")
    _assessed_today(workspace, "LHS")
    window = _open_progress(qtbot, workspace)
    term = targets.current_term(workspace, TODAY)
    page = window.progress
    page.metric_choice.setCurrentIndex(page.metric_choice.findData("drills_done"))
    seen: list[str] = []

    def typed(parent, key, metrics, chosen, now):  # type: ignore[no-untyped-def]
        dialog = target_dialog.TargetDialog(parent, key, metrics, chosen, now)
        qtbot.addWidget(dialog)
        seen.append(f"{chosen.key} {dialog.none.isChecked()} {dialog.value.maximum():g}")
        dialog.metric_choice.setCurrentIndex(dialog.metric_choice.findData("compliance"))
        assert not dialog.value.isEnabled()  # no target yet: the value waits for the box to be unticked
        dialog.none.setChecked(False)
        dialog.value.setValue(85)
        return dialog.result_value()

    monkeypatch.setattr(target_dialog, "ask_target", typed)
    with qtbot.waitSignal(page.loaded, timeout=60_000):
        page.set_button.click()
    assert seen == ["drills_done True 100"]  # the chart's metric first, no target yet
    assert targets.targets(workspace).of(term.key, BY_KEY["compliance"]) == 85
    assert page.model.titles()[2] == "Compliance\nat least 85%"

    def cleared(parent, key, metrics, chosen, now):  # type: ignore[no-untyped-def]
        dialog = target_dialog.TargetDialog(parent, key, metrics, BY_KEY["compliance"], now)
        qtbot.addWidget(dialog)
        seen.append(f"{dialog.value.value():g} {dialog.none.isChecked()}")
        dialog.none.setChecked(True)
        return dialog.result_value()

    monkeypatch.setattr(target_dialog, "ask_target", cleared)
    with qtbot.waitSignal(page.loaded, timeout=60_000):
        page.set_button.click()
    assert seen[-1] == "85 False" and targets.targets(workspace).of(term.key, BY_KEY["compliance"]) is None
