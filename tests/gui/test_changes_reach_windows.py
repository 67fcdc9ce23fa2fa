"""The change channel: what one window (or an import, or the settings) changes reaches every other open window,
and the name a person sees is the name recorded. Driven through the real windows, asserted on the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from safety_assess.base.datadir import DataDir
from safety_assess.base.jobs import Changes
from safety_assess.base.settings import Settings
from safety_assess.domain.plan.actions import Action, Status
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.bundles import export_bundle
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.district.window import DistrictWindow
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.plan import editors
from safety_assess.ui.plan.window import PlanWindow
from safety_assess.ui.settings import dialog as settings_dialog
from safety_assess.ui.walkthrough.window import WalkthroughWindow
from tests.conftest import DATA
from tests.settings import change_settings

DAY = dt.date(2026, 11, 2)
PHASES = {"immediate": "Before the holidays", "short_term": "This school year", "long_term": "Next budget"}
SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


@pytest.fixture
def planned(workspace: Workspace) -> uuid.UUID:
    """An assessment by Alice with two findings, each with a planned action; the settings name Alice."""
    change_settings(workspace, assessor_name="Alice")
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Alice"], DAY)
    record_answer(workspace, summary.id, "door-locked", "no")
    record_answer(workspace, summary.id, "gate", "fail")
    plan = load_plan(workspace, summary.id)
    editor = PlanEditor(workspace, summary.id)
    for key, cost in (("item:door-locked:", 400), ("item:gate:", 900)):
        finding = plan.finding(key)
        action = dataclasses.replace(editor.suggested_action(finding, plan.phases), cost_low=cost, cost_high=cost)
        editor.add_action(finding, action, plan.phases)
    return summary.id


def action_of(workspace: Workspace, assessment_id: uuid.UUID, item: str) -> Action:
    [action] = [a for a in workspace.findings.actions(assessment_id) if item in a.description.lower()]
    return action


def open_plan(qtbot: Any, main: MainWindow, assessment_id: uuid.UUID) -> PlanWindow:
    plan = main.windows.open_plan(assessment_id)
    assert plan is not None
    qtbot.waitExposed(plan)
    return plan


def open_district(qtbot: Any, main: MainWindow) -> DistrictWindow:
    district = main.windows.open_district()
    qtbot.waitUntil(lambda: district.overview is not None, timeout=30_000)
    with qtbot.waitSignal(district.actionsLoaded, timeout=30_000):
        district.tabs.setCurrentIndex(1)
    return district


def set_status_in_plan(plan: PlanWindow, action: Action, status: Status, monkeypatch: pytest.MonkeyPatch) -> None:
    """Select the action in the plan window's action plan and give it ``status`` through its editor."""
    plan.tabs.setCurrentIndex(1)
    proxy = plan.actions_filter
    [row] = [
        r
        for r in range(proxy.rowCount())
        if plan.actions_model.row(proxy.mapToSource(proxy.index(r, 0))).id == action.id
    ]
    plan.actions_view.selectRow(row)
    monkeypatch.setattr(editors, "ask_action", lambda *args: dataclasses.replace(args[1], status=status))
    plan.actions_by_id["plan.edit_action"].trigger()


def test_a_settings_change_reaches_every_open_window_and_the_next_status_change(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, planned: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    walk = window.windows.open_walkthrough(planned)
    assert walk is not None
    session = walk.session
    plan = open_plan(qtbot, window, planned)
    district = open_district(qtbot, window)
    assert "$400" in plan.totals.text() and "This school year" not in plan.totals.text()

    def settings_as_changed(_parent: object, settings: Settings, _context: object) -> Settings:
        return dataclasses.replace(settings, assessor_name="Zoe Park", currency="CHF", phase_names=PHASES)

    monkeypatch.setattr(settings_dialog, "ask_settings", settings_as_changed)
    window.actions_by_id["app.settings"].trigger()  # File > Settings…, OK

    # the plan and district windows follow without a manual reload; the walkthrough shows none of it
    qtbot.waitUntil(lambda: "400 CHF" in plan.totals.text() and "This school year" in plan.totals.text())
    qtbot.waitUntil(lambda: "CHF" in district.totals.text() and "This school year" in district.totals.text())
    qtbot.waitUntil(lambda: "This school year" in district.action_totals.text(), timeout=30_000)
    assert walk.session is session
    # the next status change from the plan window is recorded by the new name
    door = action_of(workspace, planned, "lock")
    with qtbot.waitSignal(district.actionsLoaded, timeout=30_000):  # the district view follows the change too
        set_status_in_plan(plan, door, Status.DONE, monkeypatch)
    stored = workspace.findings.action(door.id)  # type: ignore[arg-type]
    assert (stored.status, stored.status_changed_by) == (Status.DONE, "Zoe Park")
    # ...and so is the next one from the district window
    gate = action_of(workspace, planned, "gate")
    shown = district.actions_filter.shown()
    [row] = [r for r, listed in enumerate(shown) if listed.line.id == str(gate.id)]
    district.actions_view.selectionModel().select(district.actions_filter.index(row, 0), SELECT_ROW)
    with qtbot.waitSignal(district.actionsLoaded, timeout=30_000):
        district.actions_by_id["district.in_progress"].trigger()
    stored = workspace.findings.action(gate.id)  # type: ignore[arg-type]
    assert (stored.status, stored.status_changed_by) == (Status.IN_PROGRESS, "Zoe Park")
    qtbot.waitUntil(lambda: {a.id: a.status for a in plan.actions_model.rows}[gate.id] == Status.IN_PROGRESS)


def test_starting_an_assessment_as_bob_records_the_next_status_change_in_an_open_plan_by_bob(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, planned: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = open_plan(qtbot, window, planned)
    monkeypatch.setattr(
        dialogs, "ask_new_assessment", lambda *_args: dialogs.NewAssessment("LHS", "every-type", "1.0.0", ["Bob"], DAY)
    )
    window.actions_by_id["assessment.new"].trigger()  # settings said Alice; the dialog said Bob
    assert workspace.settings.assessor_name == "Bob" and len(window.windows.walks) == 1
    door = action_of(workspace, planned, "lock")
    set_status_in_plan(plan, door, Status.DEFERRED, monkeypatch)
    stored = workspace.findings.action(door.id)  # type: ignore[arg-type]
    assert (stored.status, stored.status_changed_by) == (Status.DEFERRED, "Bob")


@pytest.fixture
def walking(window: MainWindow, workspace: Workspace) -> tuple[uuid.UUID, WalkthroughWindow]:
    """A new assessment, selected in the main list, and its walkthrough open."""
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], DAY)
    window.refresh(select=summary.id)
    walk = window.windows.open_walkthrough(summary.id)
    assert walk is not None
    return summary.id, walk


def test_an_answer_in_the_walkthrough_refreshes_the_open_plan_and_the_main_list(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, walking: tuple[uuid.UUID, WalkthroughWindow]
) -> None:
    assessment_id, walk = walking
    plan = open_plan(qtbot, window, assessment_id)
    assert plan.findings_model.rows == []
    walk.go_to(SlotKey("door-locked", None))
    qtbot.keyClick(walk.panel, Qt.Key.Key_N)
    assert [r.value for r in workspace.assessments.detail(assessment_id).responses] == ["no"]
    qtbot.waitUntil(lambda: [f.item_id for f in plan.findings_model.rows] == ["door-locked"])
    qtbot.waitUntil(lambda: window.model.record(window.tree.currentIndex()).answered == 1)


def test_the_walkthrough_does_not_read_the_assessment_again_for_its_own_answer(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, walking: tuple[uuid.UUID, WalkthroughWindow]
) -> None:
    assessment_id, walk = walking
    session = walk.session
    published: list[tuple[Changes, object]] = []
    window.channel.subscribe(lambda changes, origin: published.append((changes, origin)))
    walk.go_to(SlotKey("door-locked", None))
    qtbot.keyClick(walk.panel, Qt.Key.Key_Y)
    assert published == [(Changes(answers=frozenset({assessment_id})), walk)]
    walk.go_to(SlotKey("temp", None))
    assert walk.panel.editor is not None
    typing = walk.panel.editor.typing_widget()
    assert typing is not None
    qtbot.keyClicks(typing, "21")  # being typed, not saved yet
    qtbot.waitUntil(lambda: window.model.record(window.tree.currentIndex()).answered == 1)  # the others followed
    assert walk.session is session and walk.current == SlotKey("temp", None)
    assert walk.panel.editor.typing_widget() is typing and typing.text() == "21" and typing.hasFocus()
    window.channel.publish(Changes(answers=frozenset({assessment_id})))  # the same change made elsewhere: read again
    assert walk.session is not session and walk.current == SlotKey("temp", None)


def test_a_bundle_import_refreshes_the_open_district_window(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = Workspace.open(DataDir(tmp_path / "laptop"))
    try:
        shutil.copy(DATA / "checklists" / "every-type.yaml", laptop.data_dir.checklists / "every-type.yaml")
        laptop.campuses.add("Adams Elementary", "AES")
        summary = start_assessment(laptop, "AES", "every-type", ["Ana"], DAY)
        record_answer(laptop, summary.id, "door-locked", "no")
        export_bundle(laptop, [summary.id], tmp_path / "aes.sabundle")
    finally:
        laptop.close()
    district = open_district(qtbot, window)
    assert district.campuses.rows == []
    results: list[list[str]] = []
    monkeypatch.setattr(dialogs, "ask_trust_device", lambda _parent, _claim, _own: True)
    monkeypatch.setattr(dialogs, "show_import_results", lambda _parent, lines, *_counts: results.append(lines))
    window.import_bundle_files([tmp_path / "aes.sabundle"])
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    qtbot.waitUntil(lambda: [line.campus.code for line in district.campuses.rows] == ["AES"], timeout=30_000)
    assert district.actions_filter.rowCount() == 0 and "1 campus, 1 assessed" in district.totals.text()
