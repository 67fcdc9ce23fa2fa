"""The drill log window, opened from the main window and the district view: drills added and edited through the
form (typed key by key; a wrong value is said in the form and nothing stored), done / required / overdue per type
with overdue in the warning colour, the campus kind set, and "Make a finding" in one step; each asserted on the
database."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from safety_assess.domain.readiness.drills import CampusKind, Drill, DrillType
from safety_assess.domain.records import Campus
from safety_assess.services import drills
from safety_assess.services.assessments import start_assessment
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.drills import finding, form
from safety_assess.ui.drills.form import DrillDialog
from safety_assess.ui.drills.models import WARNING, DrillsModel, StandingModel
from safety_assess.ui.drills.window import DrillWindow
from safety_assess.ui.main_window import MainWindow
from tests.gui.district.test_district_window import open_district

TODAY = dt.date.today()


@pytest.fixture
def campus(workspace: Workspace) -> Campus:
    return workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")


@pytest.fixture
def log(qtbot, window: MainWindow, campus: Campus) -> DrillWindow:  # type: ignore[no-untyped-def]
    """The campus's drill log opened from the main window (Ctrl+Shift+L on the selected campus)."""
    window.refresh(select=campus.id)
    window.actions_by_id["campus.drills"].trigger()
    opened = window.windows.drills[campus.id]
    qtbot.addWidget(opened)
    qtbot.waitExposed(opened)
    return opened


def stored(workspace: Workspace, campus: Campus) -> list[Drill]:
    return drills.drill_log(workspace, campus.id, TODAY).drills


def standing(log: DrillWindow, kind: DrillType) -> list[str]:
    [row] = [r for r, s in enumerate(log.standing.rows) if s.type == kind]
    return [log.standing.index(row, column).data() for column in range(5)]


def test_a_drill_logged_shows_and_is_stored(
    log: DrillWindow, workspace: Workspace, campus: Campus, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Drill(campus.id, DrillType.FIRE, TODAY, dt.time(9, 30), 12, 340, True, ("Ann Lee",), "Door 4 alarm silent")
    monkeypatch.setattr(form, "ask_drill", lambda *_: made)
    log.actions_by_id["drill.add"].trigger()
    [kept] = stored(workspace, campus)
    assert kept == dataclasses.replace(made, revision=1)
    assert log.drills.index(0, 8).data() == "Door 4 alarm silent" and log.drills.index(0, 1).data() == "09:30"
    assert standing(log, DrillType.FIRE)[:3] == ["Fire", "10", "1"]


def test_overdue_is_shown_in_the_warning_colour(
    qtbot, window: MainWindow, workspace: Workspace, campus: Campus
) -> None:  # type: ignore[no-untyped-def]
    rules = drills.rules(workspace).requiring(CampusKind.ELEMENTARY, DrillType.LOCKDOWN, 366)  # one due each day
    drills.save_rules(workspace, rules)
    opened = window.windows.open_drills(campus.id)
    assert opened is not None
    qtbot.addWidget(opened)
    [row] = [r for r, s in enumerate(opened.standing.rows) if s.type == DrillType.LOCKDOWN]
    cell = opened.standing.index(row, 3)
    assert int(cell.data()) >= 1 and "overdue" in opened.heading.text()
    brush = cell.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == WARNING
    assert opened.standing.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    opened.close()


def test_the_form_is_typed_key_by_key_and_a_wrong_value_stays_in_the_form(qtbot, campus: Campus) -> None:  # type: ignore[no-untyped-def]
    checked: list[Drill] = []
    dialog = DrillDialog(None, campus.id, None, checked.append)
    qtbot.addWidget(dialog)
    dialog.type.setCurrentIndex(list(DrillType).index(DrillType.LOCKDOWN))
    dialog.time.setFocus()
    qtbot.keyClicks(dialog.time, "10:15")
    qtbot.keyClicks(dialog.duration, "-5")
    qtbot.keyClicks(dialog.participants, "many")
    dialog.save()
    assert dialog.error.text() == "drill participants 'many' is not a whole number" and dialog.result_drill is None
    dialog.participants.clear()
    qtbot.keyClicks(dialog.participants, "410")
    qtbot.keyClicks(dialog.issues, "Two doors left open")
    qtbot.keyClick(dialog.unannounced, Qt.Key.Key_Space)
    dialog.save()
    assert dialog.result_drill is not None and checked == [dialog.result_drill]
    drill = dialog.result_drill
    assert (drill.type, drill.time, drill.duration, drill.participants) == (
        DrillType.LOCKDOWN,
        dt.time(10, 15),
        -5,
        410,
    )
    assert not drill.announced and drill.issues == "Two doors left open"


def test_the_services_checks_refuse_in_the_form_and_nothing_is_stored(
    qtbot, log: DrillWindow, workspace: Workspace, campus: Campus, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []

    def typed_in_the_form(parent, campus_id, drill, check):  # type: ignore[no-untyped-def]
        dialog = DrillDialog(parent, campus_id, drill, check)
        qtbot.addWidget(dialog)
        dialog.date.setText((TODAY + dt.timedelta(days=3)).isoformat())
        dialog.save()
        said.append(dialog.error.text())
        return dialog.result_drill

    monkeypatch.setattr(form, "ask_drill", typed_in_the_form)
    log.actions_by_id["drill.add"].trigger()
    assert "is in the future" in said[0] and stored(workspace, campus) == []


def test_an_edit_keeps_the_drill_and_the_kind_is_set_here(
    log: DrillWindow, workspace: Workspace, campus: Campus, monkeypatch: pytest.MonkeyPatch
) -> None:
    drill = drills.add_drill(workspace, Drill(campus.id, DrillType.FIRE, TODAY), TODAY)
    log.reload()
    monkeypatch.setattr(form, "ask_drill", lambda _p, _c, chosen, _k: dataclasses.replace(chosen, duration=9))
    log.actions_by_id["drill.edit"].trigger()
    [kept] = stored(workspace, campus)
    assert (kept.id, kept.duration, kept.revision) == (drill.id, 9, 2)
    log.kind.setCurrentIndex(list(CampusKind).index(CampusKind.OFFICE))
    log.kind.activated.emit(log.kind.currentIndex())
    assert workspace.campuses.get(campus.id).kind == "office"
    assert [s.type for s in log.standing.rows] == [DrillType.FIRE, DrillType.SEVERE_WEATHER]


def test_make_a_finding_puts_the_drills_issue_and_its_action_in_the_plan(
    log: DrillWindow, workspace: Workspace, campus: Campus, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], TODAY)
    made = Drill(campus.id, DrillType.LOCKDOWN, TODAY, issues="PA inaudible in the gym")
    drill = drills.add_drill(workspace, made, TODAY)
    log.reload()

    def filled(parent, chosen: Drill, phases):  # type: ignore[no-untyped-def]
        dialog = finding.FindingDialog(parent, chosen, phases)
        dialog.severity.setValue(4)
        dialog.action.setText("Add a gym speaker to the PA zone")
        dialog.phase.setCurrentIndex(dialog.phase.findData("immediate"))
        dialog.cost.setText("800-1,200")
        dialog.owner.setText("Facilities")
        return dialog.result_value()

    monkeypatch.setattr(finding, "ask_finding", filled)
    log.actions_by_id["drill.finding"].trigger()
    [record] = [f for f in workspace.findings.of_assessment(summary.id) if f.item_id is None]
    assert (record.title, record.likelihood, record.severity) == ("PA inaudible in the gym", 3, 4)
    assert str(drill.id) in record.description
    [action] = [a for a in workspace.findings.actions(summary.id) if a.finding_id == record.id]
    assert (action.description, action.phase, action.owner) == (
        "Add a gym speaker to the PA zone",
        "immediate",
        "Facilities",
    )
    assert (action.cost_low, action.cost_high) == (800, 1200)
    assert stored(workspace, campus)[0].finding_id == record.id and log.drills.index(0, 7).data() == "made"


def test_the_finding_form_suggests_an_action_that_follows_the_title_and_refuses_a_bad_cost(
    qtbot, log: DrillWindow, campus: Campus
) -> None:  # type: ignore[no-untyped-def]
    dialog = finding.FindingDialog(log, Drill(campus.id, DrillType.FIRE, TODAY, issues="Door 4 alarm silent"), ())
    qtbot.addWidget(dialog)
    assert dialog.action.text() == "Correct what the fire drill showed: Door 4 alarm silent"
    dialog.title.setText("Alarm silent at door 4")
    assert dialog.action.text() == "Correct what the fire drill showed: Alarm silent at door 4"
    dialog.action.setText("Replace the door 4 sounder")
    dialog.title.setText("Door 4")
    assert dialog.action.text() == "Replace the door 4 sounder"
    dialog.action.clear()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.action.setText("Replace the door 4 sounder")
    dialog.cost.setText("a lot")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() == 0  # not accepted
    assert "cost 'a lot' is not a number" in dialog.problem.text()


def test_no_assessment_in_progress_is_said_before_the_form(
    log: DrillWindow, workspace: Workspace, campus: Campus, monkeypatch: pytest.MonkeyPatch
) -> None:
    drills.add_drill(workspace, Drill(campus.id, DrillType.FIRE, TODAY, issues="x"), TODAY)
    log.reload()
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(finding, "ask_finding", lambda *_: pytest.fail("the form opened"))
    log.actions_by_id["drill.finding"].trigger()
    assert said and "has no assessment in progress" in said[0]
    assert stored(workspace, campus)[0].finding_id is None


def test_opened_from_the_district_view(qtbot, workspace: Workspace, campus: Campus) -> None:  # type: ignore[no-untyped-def]
    district = open_district(qtbot, workspace)
    district.table.selectRow(0)
    district.actions_by_id["district.drills"].trigger()
    registry = district.registry
    opened = registry.drills[campus.id]  # type: ignore[attr-defined]
    qtbot.addWidget(opened)
    assert opened.campus.code == "LHS"
    opened.close()


def test_a_screenshot(qtbot, log: DrillWindow, workspace: Workspace, campus: Campus) -> None:  # type: ignore[no-untyped-def]
    start = drills.drill_log(workspace, campus.id, TODAY).year.start
    for days, kind, note in (
        (40, DrillType.FIRE, "Door 4 alarm silent"),
        (3, DrillType.LOCKDOWN, ""),
        (0, DrillType.FIRE, ""),
    ):
        day = max(TODAY - dt.timedelta(days=days), start)
        drills.add_drill(workspace, Drill(campus.id, kind, day, dt.time(9, 0), 11, 420, days != 3, (), note), TODAY)
    log.reload()
    assert len(log.drills.rows) == 3
    log.grab().save("/tmp/h-drills-log.png")


def test_models_pass_qt_model_checks(qtmodeltester, workspace: Workspace, campus: Campus) -> None:  # type: ignore[no-untyped-def]
    drills.add_drill(workspace, Drill(campus.id, DrillType.FIRE, TODAY, dt.time(8, 5), 7, 3, False, ("A",), "x"), TODAY)
    log = drills.drill_log(workspace, campus.id, TODAY)
    standing_model, drills_model = StandingModel(), DrillsModel()
    standing_model.set_rows(log.standing)
    drills_model.set_rows(log.drills)
    for model in (standing_model, drills_model):
        qtmodeltester.check(model)


def test_a_drill_removed_after_asking_goes_from_the_log(
    log: DrillWindow, workspace: Workspace, campus: Campus, monkeypatch: pytest.MonkeyPatch
) -> None:
    drills.add_drill(workspace, Drill(campus.id, DrillType.FIRE, TODAY), TODAY)
    log.reload()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, question: asked.append(question) is None and False)
    log.actions_by_id["drill.remove"].trigger()
    assert len(stored(workspace, campus)) == 1  # not confirmed: kept
    monkeypatch.setattr(dialogs, "confirm", lambda *_: True)
    log.actions_by_id["drill.remove"].trigger()
    assert stored(workspace, campus) == [] and log.drills.rows == [] and "Remove the fire drill" in asked[0]
