"""Automatic backups and the data folder, from the Settings dialog and the main window, checked on disk."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from safety_assess.base.datadir import DataDir, location_file
from safety_assess.base.settings import Settings, load_settings
from safety_assess.services import backup_keys
from safety_assess.services.assessments import start_assessment
from safety_assess.services.backup import existing_backups
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.settings.dialog import SettingsDialog
from tests.settings import change_settings


def button(dialog: SettingsDialog, text: str) -> QPushButton:
    [found] = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == text]
    return found


def test_the_backup_settings_in_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_folder", lambda _parent, _title, _start: tmp_path / "usb")
    dialog = SettingsDialog(window, Settings(), window.housekeeping.settings_context())
    qtbot.addWidget(dialog)
    assert dialog.backup_every.currentText() == "Every day" and dialog.backups_kept.value() == 10
    assert dialog.backup_folder.placeholderText() == str(window.workspace.data_dir.backups)
    dialog.backup_every.setCurrentText("Every 4 hours")
    dialog.backups_kept.setValue(3)
    button(dialog, "Choose…").click()
    chosen = dialog.value()
    assert (chosen.backup_every_hours, chosen.backups_kept, chosen.backup_folder) == (4, 3, str(tmp_path / "usb"))
    odd = SettingsDialog(window, Settings(backup_every_hours=12), window.housekeeping.settings_context())
    qtbot.addWidget(odd)
    assert odd.backup_every.currentText() == "Every 12 hours" and odd.value().backup_every_hours == 12


@pytest.mark.sqlite_only
def test_an_automatic_backup_is_made_encrypted_when_due_and_old_ones_pruned(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_keys, "SCRYPT_N", 2**14)
    backup_keys.set_passphrase(window.workspace.data_dir, "correct horse battery staple")
    folder = tmp_path / "usb"
    folder.mkdir()
    for day in (20, 21):
        (folder / f"safety-assess-backup-202611{day}T080000Z").mkdir()
    window.workspace.settings_store.save(
        Settings(backups_kept=2, backup_folder=str(folder), backup_encryption="passphrase")
    )
    window.workspace.campuses.add("Lincoln High", "LHS")
    operation = window.housekeeping.back_up_if_due()
    assert operation is not None and window.housekeeping.back_up_if_due() is None  # one at a time
    qtbot.waitUntil(lambda: not operation.is_running(), timeout=30_000)
    [(_, older), (_, newest)] = existing_backups(folder)
    assert older.name == "safety-assess-backup-20261121T080000Z" and (newest / "manifest.sealed").is_file()
    assert not (newest / "safety-assess.sqlite3").exists()
    assert window.statusBar().currentMessage() == f"Backed up automatically into {newest}"
    assert window.housekeeping.back_up_if_due() is None  # not due again for a day
    change_settings(window.workspace, backup_every_hours=0)
    assert window.housekeeping.back_up_if_due() is None
    assert "Last backup:" in _rows(
        SettingsDialog(window, window.workspace.settings, window.housekeeping.settings_context())
    )


def _rows(dialog: SettingsDialog) -> str:
    from PySide6.QtWidgets import QLabel

    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.deleteLater()
    return text


@pytest.mark.sqlite_only
def test_a_failed_automatic_backup_is_told_once(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))
    (tmp_path / "a file").write_text("not a folder")
    window.workspace.settings_store.save(Settings(backup_folder=str(tmp_path / "a file"), backup_encryption="none"))
    for _ in range(2):
        operation = window.housekeeping.back_up_if_due()
        assert operation is not None
        qtbot.waitUntil(lambda op=operation: not op.is_running(), timeout=30_000)
    assert len(errors) == 1 and f"could not back up into {tmp_path / 'a file'}" in errors[0]
    assert "Your work is saved as usual" in errors[0]


def test_the_data_folder_cannot_be_changed_when_chosen_at_start(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(window, Settings(), window.housekeeping.settings_context())
    qtbot.addWidget(dialog)
    assert not button(dialog, "Move or change…").isEnabled()
    assert "Chosen with --data-dir for this start" in _rows(dialog)
    asked: list[Settings] = []
    context = dataclasses.replace(
        window.housekeeping.settings_context(),
        data_folder_fixed="",
        change_data_folder=lambda settings: asked.append(settings) or True,
    )
    movable = SettingsDialog(window, Settings(), context)
    qtbot.addWidget(movable)
    movable.show()
    movable.assessor.setText("Ana Diaz")
    button(movable, "Move or change…").click()
    assert [s.assessor_name for s in asked] == ["Ana Diaz"] and not movable.isVisible()


@pytest.mark.sqlite_only
def test_moving_the_data_folder_copies_it_and_restarts_there(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "ask_folder", lambda _parent, _title, _start: tmp_path / "encrypted drive")
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, _title, question: told.append(question) or True)
    monkeypatch.setattr(dialogs, "show_message", lambda _parent, _title, text: told.append(text))
    window.workspace.campuses.add("Lincoln High", "LHS")
    old = window.workspace.data_dir.root
    assert window.housekeeping.change_data_folder(Settings(assessor_name="Ana Diaz"))
    qtbot.waitUntil(lambda: window.housekeeping.restart, timeout=30_000)
    new = (tmp_path / "encrypted drive").resolve()
    assert told[0].startswith(f"Copy your data (database, photos, checklists, settings and keys) to {new.parent}")
    assert told[1].startswith("Copied your data: 3 files") and f"{old} was left as it is" in told[1]
    assert not window.isVisible()
    assert json.loads(location_file().read_text())["data_folder"] == str(new)
    assert load_settings(new / "settings.json").assessor_name == "Ana Diaz"  # saved before the copy
    assert load_settings(old / "settings.json").assessor_name == "Ana Diaz"
    from safety_assess.services.workspace import Workspace

    moved = Workspace.open(DataDir.resolve())
    try:
        assert [c.code for c in moved.campuses.list()] == ["LHS"]
    finally:
        moved.close()


def test_switching_to_an_existing_data_folder_or_refusing_a_busy_one(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, _title, _question: True)
    monkeypatch.setattr(dialogs, "show_message", lambda _parent, _title, _text: None)
    window.workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(window.workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 20))
    window.open_assessment(summary.id)
    [walk] = window.windows.walks.values()
    release = threading.Event()
    walk.operations.run("Importing photos", lambda _progress: release.wait(30))  # in the walkthrough's own window
    assert not window.housekeeping.change_data_folder(Settings())
    assert errors.pop() == "Wait for this to finish first: Importing photos."
    release.set()
    qtbot.waitUntil(lambda: not walk.operations.is_busy())
    walk.close()
    busy = tmp_path / "documents"
    busy.mkdir()
    (busy / "letter.txt").write_text("mine")
    monkeypatch.setattr(dialogs, "ask_folder", lambda _parent, _title, _start: busy)
    assert not window.housekeeping.change_data_folder(Settings())
    assert "already holds other files" in errors[0] and not location_file().exists()
    restored = tmp_path / "restored"
    restored.mkdir()
    (restored / "settings.json").write_text(json.dumps({"schema_version": 1}))
    monkeypatch.setattr(dialogs, "ask_folder", lambda _parent, _title, _start: restored)
    assert window.housekeeping.change_data_folder(Settings())
    qtbot.waitUntil(lambda: window.housekeeping.restart)
    assert DataDir.resolve().root == restored.resolve() and json.loads((restored / "settings.json").read_text()) == {
        "schema_version": 1
    }


@pytest.mark.parametrize(
    ("frozen", "argv", "expected"),
    [
        (False, ["/venv/bin/safety-assess", "--database-url", "x"], ["-m", "safety_assess", "--database-url", "x"]),
        (True, ["/opt/safety-assess/safety-assess"], []),
    ],
)
def test_the_app_restarts_as_it_was_started(  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch, frozen: bool, argv: list[str], expected: list[str]
) -> None:
    from safety_assess.ui import app as app_module

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(app_module.sys, "argv", argv)
    monkeypatch.setattr(app_module.sys, "frozen", frozen, raising=False)
    monkeypatch.setattr(
        app_module.QProcess, "startDetached", lambda program, args: started.append((program, args)) or (True, 1)
    )
    app_module.relaunch()
    assert started == [(app_module.sys.executable, expected)]


@pytest.mark.sqlite_only
def test_back_up_now_in_settings_uses_the_folder_the_dialog_shows(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_message", lambda _parent, _title, text: shown.append(text))
    change_settings(window.workspace, backup_encryption="none")
    dialog = SettingsDialog(window, window.workspace.settings, window.housekeeping.settings_context())
    qtbot.addWidget(dialog)
    dialog.backup_folder.setText(str(tmp_path / "usb"))  # chosen, not saved yet
    button(dialog, "Back up now").click()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    [(_, folder)] = existing_backups(tmp_path / "usb")
    assert shown[0].startswith(f"Backed up into {folder}") and "Keys are not in it" in shown[0]
    assert "not encrypted: anyone who finds it can read it" in shown[0]
    assert not existing_backups(window.workspace.data_dir.backups) and window.workspace.settings.backup_folder == ""
