"""The safety net: backups from the File menu, one app per data folder, and unforeseen errors shown kindly,
logged, and survived."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from safety_assess.base.logs import log_file, start_logging
from safety_assess.ui import app as app_module
from safety_assess.ui import dialogs
from safety_assess.ui.crash import SafetyNet
from safety_assess.ui.main_window import MainWindow
from tests.settings import change_settings


def test_back_up_now_from_the_file_menu(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_message", lambda _parent, _title, text: shown.append(text))
    window.workspace.campuses.add("Lincoln High", "LHS")
    change_settings(window.workspace, backup_encryption="none")  # chosen: the backup is a data folder
    window.actions_by_id["app.backup"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    [folder] = window.workspace.data_dir.backups.glob("safety-assess-backup-*")
    assert f"Backed up into {folder}" in shown[0]
    assert (folder / "safety-assess.sqlite3").stat().st_size > 0


def test_a_second_copy_on_the_same_data_folder_is_refused(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))
    first = app_module.open_main_window(str(tmp_path / "data"))
    assert first is not None
    qtbot.addWidget(first)
    assert app_module.open_main_window(str(tmp_path / "data")) is None
    assert "Safety Assess is already open on the data folder" in errors[0] and "process" in errors[0]
    other = app_module.open_main_window(str(tmp_path / "other"))  # another folder is fine
    assert other is not None
    qtbot.addWidget(other)
    first.close()
    first.instance_lock = None  # released with the window
    again = app_module.open_main_window(str(tmp_path / "data"))
    assert again is not None and len(errors) == 1
    qtbot.addWidget(again)


@pytest.mark.qt_no_exception_capture
def test_an_unforeseen_error_is_logged_shown_once_and_survived(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_crash", lambda _parent, summary, path: shown.append((summary, path)))
    path = start_logging(window.workspace.data_dir.root)
    assert path == log_file(window.workspace.data_dir.root)
    net = SafetyNet(path).install()

    def broken() -> None:
        raise RuntimeError("a bug nobody foresaw")

    try:
        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: bool(shown))
    finally:
        net.uninstall()
        for handler in logging.getLogger().handlers[:]:
            if getattr(handler, "baseFilename", "") == str(path):
                logging.getLogger().removeHandler(handler)
                handler.close()
    assert shown == [("RuntimeError: a bug nobody foresaw", str(path))]
    text = path.read_text(encoding="utf-8")
    assert "unexpected error" in text and "Traceback" in text and "a bug nobody foresaw" in text
    assert window.isVisible()  # the app goes on
