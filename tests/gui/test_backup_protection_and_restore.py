"""How backups are protected (Settings > Data and backups) and File > Restore from backup…, driven through the
real window with the dialogs answered, checked on disk and in the restored database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QRadioButton

from safety_assess.base.datadir import DataDir, location_file
from safety_assess.base.settings import Settings
from safety_assess.services import backup_keys
from safety_assess.services.backup import back_up, existing_backups
from safety_assess.services.backup_keys import has_passphrase, protection_for, set_passphrase
from safety_assess.services.sealing import district_public_key, import_sealing_key
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.settings import passphrase as passphrase_dialog
from safety_assess.ui.settings.dialog import SettingsDialog
from safety_assess.ui.settings.passphrase import NewPassphraseDialog
from tests.settings import change_settings

PASSPHRASE = "correct horse battery staple"
pytestmark = pytest.mark.sqlite_only  # a shared database is backed up on its server


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_keys, "SCRYPT_N", 2**14)


@pytest.fixture
def chosen_window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window on a data folder chosen in Settings (not fixed by --data-dir), so it can switch folders."""
    (tmp_path / "laptop").mkdir()
    workspace = Workspace.open(DataDir(tmp_path / "laptop", "remembered"))
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    workspace.close()


def sealed_backup(workspace: Workspace, into: Path) -> Path:
    workspace.campuses.add("Lincoln High", "LHS")
    set_passphrase(workspace.data_dir, PASSPHRASE)
    protection = protection_for(workspace, Settings(backup_encryption="passphrase"))
    return back_up(workspace, into, protection=protection).folder


def answer(monkeypatch: pytest.MonkeyPatch, folders: list[Path], passphrase: str) -> list[str]:
    """Answer the restore's dialogs: the folders in turn, the passphrase; what the app says is collected."""
    said: list[str] = []
    monkeypatch.setattr(dialogs, "ask_folder", lambda _parent, _title, _start: folders.pop(0))
    monkeypatch.setattr(dialogs, "ask_passphrase", lambda _parent, _title, _label: passphrase)
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, _title, question: said.append(question) or True)
    monkeypatch.setattr(dialogs, "show_message", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: said.append(f"error: {text}"))
    return said


def test_restore_from_backup_restores_and_restarts_on_the_restored_folder(  # type: ignore[no-untyped-def]
    qtbot, chosen_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = sealed_backup(chosen_window.workspace, tmp_path / "usb")
    restored = tmp_path / "restored"
    said = answer(monkeypatch, [backup, restored], PASSPHRASE)
    chosen_window.actions_by_id["app.restore"].trigger()
    qtbot.waitUntil(lambda: chosen_window.housekeeping.restart, timeout=30_000)
    assert (
        said[0].startswith(f"Restored the database, 0 photos and 0 other files into {restored}")
        and "Work on it from now on?" in said[0]
    )
    assert json.loads(location_file().read_text())["data_folder"] == str(restored.resolve())
    copy = Workspace.open(DataDir(restored))
    try:
        assert [campus.code for campus in copy.campuses.list()] == ["LHS"]
    finally:
        copy.close()


def test_a_wrong_passphrase_in_the_window_is_refused_and_nothing_written(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = sealed_backup(window.workspace, tmp_path / "usb")
    said = answer(monkeypatch, [backup, tmp_path / "restored"], "not the passphrase")
    window.actions_by_id["app.restore"].trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    assert said == [f"error: {backup}: wrong passphrase (it was encrypted with another one); nothing was restored"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "usb"] and not window.housekeeping.restart


def test_a_restore_on_a_folder_fixed_at_start_only_says_where_it_is(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = sealed_backup(window.workspace, tmp_path / "usb")
    said = answer(monkeypatch, [backup, tmp_path / "restored"], PASSPHRASE)
    window.actions_by_id["app.restore"].trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    restored = tmp_path / "restored"
    assert said == [
        f"Restored the database, 0 photos and 1 other file into {restored}.\n\n"
        f"To work on it, start Safety Assess with --data-dir {restored}."
    ]
    assert not window.housekeeping.restart
    assert (tmp_path / "restored" / "safety-assess.sqlite3").is_file()


def protection_dialog(qtbot, window: MainWindow, settings: Settings) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(window, settings, window.housekeeping.settings_context())
    qtbot.addWidget(dialog)
    return dialog


def radio(dialog: SettingsDialog, mode: str) -> QRadioButton:
    return dialog.protection.button(mode)


def test_the_protection_is_chosen_in_settings_and_a_passphrase_asked_first(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = protection_dialog(qtbot, window, Settings())
    assert not radio(dialog, "district").isEnabled()  # no district key loaded: it says so, and how to load one
    assert "(no district key loaded)" in radio(dialog, "district").text()
    assert "Use district key file" in radio(dialog, "district").toolTip()
    assert dialog.protection.group.checkedButton() is None and dialog.value().backup_encryption == ""
    assert "until you do, none are made" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    monkeypatch.setattr(passphrase_dialog, "ask_new_passphrase", lambda _parent: None)
    radio(dialog, "passphrase").click()  # cancelled: nothing chosen
    assert dialog.protection.group.checkedButton() is None and not has_passphrase(window.workspace.data_dir)
    radio(dialog, "none").click()
    assert dialog.value().backup_encryption == "none"
    assert dialog.protection.note.text().startswith("Anyone who finds the drive they are on can read")
    monkeypatch.setattr(passphrase_dialog, "ask_new_passphrase", lambda _parent: PASSPHRASE)
    radio(dialog, "passphrase").click()
    assert dialog.value().backup_encryption == "passphrase" and has_passphrase(window.workspace.data_dir)
    assert PASSPHRASE not in backup_keys.key_file(window.workspace.data_dir).read_text()


def test_with_a_district_key_backups_go_to_it_unless_chosen_otherwise(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    district = Workspace.open(DataDir(tmp_path / "district"))
    try:
        key = district_public_key(district, create=True)
        assert key is not None
        (tmp_path / "district.sadistrictkey").write_text(key.to_json(), encoding="utf-8")
    finally:
        district.close()
    import_sealing_key(window.workspace, tmp_path / "district.sadistrictkey")
    dialog = protection_dialog(qtbot, window, Settings())
    assert radio(dialog, "district").isChecked() and dialog.value().backup_encryption == ""  # left open
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_message", lambda _parent, _title, text: shown.append(text))
    change_settings(window.workspace, backup_folder=str(tmp_path / "usb"))
    window.actions_by_id["app.backup"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    [(_, folder)] = existing_backups(tmp_path / "usb")
    assert f"encrypted to the district key {key.fingerprint}: only the district can open it" in shown[0]
    assert json.loads((folder / "backup.json").read_text())["encryption"] == "district"


def test_back_up_now_with_no_protection_chosen_says_what_to_do(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))
    change_settings(window.workspace, backup_folder=str(tmp_path / "usb"))
    window.actions_by_id["app.backup"].trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    assert errors == [backup_keys.NOT_CHOSEN] and not (tmp_path / "usb").exists()


def test_a_new_passphrase_is_typed_twice_and_long_enough(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewPassphraseDialog(None)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.first, "too short")
    assert not ok.isEnabled() and dialog.problem.text().startswith("At least 10 characters")
    qtbot.keyClicks(dialog.first, " but now long")
    qtbot.keyClicks(dialog.second, "too short but now lon")
    assert not ok.isEnabled() and dialog.problem.text() == "The two do not match yet."
    qtbot.keyClicks(dialog.second, "g")
    assert ok.isEnabled() and dialog.value() == "too short but now long"
    assert dialog.first.echoMode() == QLineEdit.EchoMode.Password
