"""The main window, driven like a user would, asserting on the database."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from safety_assess.base.datadir import DataDir
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.assessments import start_assessment
from safety_assess.services.workspace import Workspace
from safety_assess.ui import app as app_module
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow


def test_an_empty_workspace_says_what_to_do_first(window: MainWindow) -> None:
    assert window.model.rowCount() == 0
    assert "Add one with <b>New campus</b>" in window.details.text()
    assert str(window.workspace.data_dir.root) in window.statusBar().currentMessage()


def test_new_campus_is_stored_listed_and_selected(window: MainWindow, monkeypatch, qtbot) -> None:
    monkeypatch.setattr(dialogs, "ask_new_campus", lambda parent: dialogs.NewCampus("Lincoln High", "LHS", "1 Main"))
    window.actions_by_id["campus.new"].trigger()
    assert [(c.name, c.code, c.address) for c in window.workspace.campuses.list()] == [
        ("Lincoln High", "LHS", "1 Main")
    ]
    assert window.model.rowCount() == 1
    assert window.tree.currentIndex().data() == "Lincoln High (LHS)"
    assert "Lincoln High" in window.details.text()


def test_a_duplicate_campus_code_shows_an_error_and_adds_nothing(window: MainWindow, monkeypatch) -> None:
    window.workspace.campuses.add("Lincoln High", "LHS")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "ask_new_campus", lambda parent: dialogs.NewCampus("Other", "lhs", ""))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    window.new_campus()
    assert errors == ["a campus with code 'LHS' already exists (Lincoln High)"]
    assert len(window.workspace.campuses.list()) == 1


def test_cancelling_a_dialog_changes_nothing(window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_new_campus", lambda parent: None)
    window.new_campus()
    assert window.workspace.campuses.list() == []


def test_new_assessment_is_stored_with_its_checklist_snapshot(window: MainWindow, monkeypatch) -> None:
    window.workspace.campuses.add("Lincoln High", "LHS")
    window.refresh()
    seen = {}

    def answer(parent, campuses, checklists, assessor, selected):  # type: ignore[no-untyped-def]
        seen.update(checklists={c.id for c in checklists}, selected=selected)
        return dialogs.NewAssessment("LHS", "every-type", "1.0.0", ["Ana Diaz"], dt.date(2026, 11, 20))

    window.tree.setCurrentIndex(window.model.index(0, 0))
    monkeypatch.setattr(dialogs, "ask_new_assessment", answer)
    window.actions_by_id["assessment.new"].trigger()
    assert {"every-type", "comprehensive-facility", "cameras-technology"} <= seen["checklists"]
    assert seen["selected"] == "LHS"
    [summary] = window.workspace.assessments.list()
    assert (summary.campus.code, summary.checklist.checklist_id, summary.assessors, summary.assessed_on) == (
        "LHS",
        "every-type",
        ("Ana Diaz",),
        dt.date(2026, 11, 20),
    )
    assert window.tree.currentIndex().data() == "Every answer type 1.0.0"
    assert window.workspace.settings.assessor_name == "Ana Diaz"


def test_new_assessment_without_a_campus_explains(window: MainWindow, monkeypatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(title))
    monkeypatch.setattr(dialogs, "ask_new_assessment", lambda *a: pytest.fail("dialog must not open"))
    window.new_assessment()
    assert errors == ["No campus yet"]


def test_activating_an_assessment_emits_its_id(window: MainWindow, qtbot) -> None:
    window.workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(window.workspace, "LHS", "every-type", ["Ana"])
    window.refresh(select=summary.id)
    with qtbot.waitSignal(window.assessmentActivated) as signal:
        qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    assert signal.args == [summary.id]


def test_the_new_campus_dialog_needs_name_and_code(qtbot) -> None:
    dialog = dialogs.NewCampusDialog(None)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.name, "Adams Elementary")
    qtbot.keyClicks(dialog.code, "AES")
    qtbot.keyClicks(dialog.address, "9 Elm St")
    assert ok.isEnabled()
    assert dialog.result_value() == dialogs.NewCampus("Adams Elementary", "AES", "9 Elm St")
    assert dialog.name.accessibleName() == "Campus name"


def test_the_new_assessment_dialog_returns_what_was_chosen(qtbot, workspace: Workspace) -> None:
    lincoln = workspace.campuses.add("Lincoln High", "LHS")
    adams = workspace.campuses.add("Adams Elementary", "AES")
    choices = [dialogs.ChecklistChoice("every-type", "1.0.0", "Every answer type", 16)]
    dialog = dialogs.NewAssessmentDialog(None, [adams, lincoln], choices, "Ana", "LHS")
    qtbot.addWidget(dialog)
    assert dialog.campus.currentText() == "Lincoln High (LHS)"
    dialog.assessors.setText("Ana Diaz, Sam Lee ,")
    result = dialog.result_value()
    assert (result.campus_code, result.checklist_id, result.assessors) == (
        "LHS",
        "every-type",
        ["Ana Diaz", "Sam Lee"],
    )
    assert result.assessed_on == dt.date.today()


def test_about_shows_the_data_folder_and_device_fingerprint(window: MainWindow, monkeypatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_about", lambda parent, folder, fingerprint: shown.append((folder, fingerprint)))
    window.actions_by_id["help.about"].trigger()
    assert shown == [(f"Data folder: {window.workspace.data_dir.root}", window.workspace.device_key.fingerprint)]
    assert shown[0][1].startswith("SA-") and len(shown[0][1]) == 3 + 8 * 4 + 7


def test_actions_have_shortcuts_shown_in_their_tooltips(window: MainWindow) -> None:
    new = window.actions_by_id["assessment.new"]
    assert new.shortcut().toString() == "Ctrl+N"
    assert "Ctrl+N" in new.toolTip()
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Sync", "&View", "&Help"]


def test_window_geometry_is_remembered(qtbot, workspace: Workspace) -> None:
    first = MainWindow(workspace)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 450)
    qtbot.waitUntil(lambda: first.width() == 700)
    size = first.size()
    first.close()
    assert json.loads(workspace.data_dir.settings.read_text())["main_window_geometry"]
    second = MainWindow(Workspace(workspace.data_dir, workspace.target))  # reads the file afresh
    qtbot.addWidget(second)
    assert second.size() == size


def _damaged(data):  # type: ignore[no-untyped-def]
    data.mkdir()
    (data / "safety-assess.sqlite3").write_bytes(b"garbage" * 100)
    return data, "damaged or not a Safety Assess database"


def _newer(data):  # type: ignore[no-untyped-def]
    Workspace.open(DataDir(data)).close()
    with closing(sqlite3.connect(data / "safety-assess.sqlite3")) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
        connection.commit()
    return data, "written by a newer version of Safety Assess"


def _unwritable(data):  # type: ignore[no-untyped-def]
    data.parent.joinpath("file").write_text("a file, not a folder")
    return data.parent / "file" / "data", "cannot be written"


@pytest.mark.parametrize("problem", [_damaged, _newer, _unwritable], ids=["damaged", "newer", "unwritable"])
def test_a_start_problem_shows_a_dialog_and_no_window(tmp_path, monkeypatch, problem) -> None:
    folder, expected = problem(tmp_path / "data")
    database = folder / "safety-assess.sqlite3"
    before = database.read_bytes() if database.exists() else None
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append((title, message)))
    assert app_module.open_main_window(str(folder)) is None
    [(title, message)] = errors
    assert title == "Safety Assess cannot start" and expected in message
    if before is not None:
        assert database.read_bytes() == before


def test_warm_up_runs_in_the_background_and_commands_work_meanwhile(qtbot, tmp_path, monkeypatch) -> None:
    from safety_assess.base.datadir import DataDir as Folder

    Workspace.open(Folder(tmp_path / "warm")).close()
    window = app_module.open_main_window(str(tmp_path / "warm"))
    assert window is not None
    qtbot.addWidget(window)
    assert window.workspace._database is None
    with qtbot.waitSignal(window.operations.busyChanged, check_params_cb=lambda busy: not busy, timeout=30_000):
        window.warm_up()
        monkeypatch.setattr(dialogs, "ask_new_campus", lambda parent: dialogs.NewCampus("Adams", "AES", ""))
        window.actions_by_id["campus.new"].trigger()
    assert window.workspace._database is not None and "catalog" in window.workspace.__dict__
    assert [c.code for c in window.workspace.campuses.list()] == ["AES"]


def test_answers_given_in_a_walkthrough_reach_the_list_once_things_settle(window: MainWindow, qtbot) -> None:
    window.workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(window.workspace, "LHS", "every-type", ["Ana"])
    window.refresh(select=summary.id)
    window.open_assessment(summary.id)
    walk = window.windows.walks[summary.id]
    qtbot.keyClick(walk.panel, Qt.Key.Key_Y)
    qtbot.keyClick(walk.panel, Qt.Key.Key_N)
    answered = window.model.index(window.tree.currentIndex().row(), 4, window.tree.currentIndex().parent())
    assert answered.data() == "0"  # not reloaded on every key
    qtbot.waitUntil(lambda: window.model.record(window.tree.currentIndex()).answered == 2, timeout=5000)
    walk.close()


def test_a_problem_a_command_meets_is_a_message_not_a_traceback(window: MainWindow, monkeypatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append((title, message)))

    def gone(parent: object) -> None:
        raise SafetyAssessError("the database file is gone")

    monkeypatch.setattr(dialogs, "ask_new_campus", gone)
    window.actions_by_id["campus.new"].trigger()
    assert shown == [("New campus: not done", "the database file is gone")]
