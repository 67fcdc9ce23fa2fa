"""The window registry: one window per assessment and kind, what runs in each, everything closed on quit."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from safety_assess.base.datadir import DataDir
from safety_assess.services.assessments import start_assessment
from safety_assess.services.workspace import Workspace
from safety_assess.ui import app as app_module
from safety_assess.ui.main_window import MainWindow


def test_one_window_per_assessment_running_work_and_all_closed_with_the_main_window(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"])
    windows = window.windows
    walk = windows.open_walkthrough(summary.id)
    assert walk is not None and windows.open_walkthrough(summary.id) is walk
    plan = windows.open_plan(summary.id)
    assert plan is not None and windows.open_plan(summary.id) is plan
    district = windows.open_district()
    assert windows.open_district() is district
    qtbot.waitUntil(lambda: district.overview is not None, timeout=30_000)
    preview = windows.show_report(tmp_path / "report.pdf", None, [])
    assert windows.opened() == [walk, plan, district, preview]
    release = threading.Event()
    walk.operations.run("Adding photos", lambda _progress: release.wait(30))
    assert "Adding photos" in windows.work_running()
    release.set()
    qtbot.waitUntil(lambda: "Adding photos" not in windows.work_running())
    window.close()
    qtbot.waitUntil(lambda: windows.opened() == [])  # each is deleted once closed, and forgotten
    assert windows.walks == {} and windows.plans == {} and windows.district is None


def test_quit_with_a_report_preview_open_closes_it_and_frees_the_data_folder(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    main = app_module.open_main_window(str(tmp_path / "data"))
    assert main is not None
    qtbot.addWidget(main)
    main.show()
    preview = main.windows.show_report(tmp_path / "report.pdf", None, [])
    qtbot.waitExposed(preview)
    main.actions_by_id["app.quit"].trigger()
    qtbot.waitUntil(lambda: main.windows.opened() == [])
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]  # nothing keeps the app running
    data = DataDir(tmp_path / "data")
    lock = app_module.hold_data_folder(data)  # a new start opens the folder: the lock was released on quit
    lock.unlock()


def test_a_report_preview_closes_with_escape_and_ctrl_w(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    for keys in ("Esc", "Ctrl+W"):
        preview = window.windows.show_report(tmp_path / "report.pdf", None, [])
        qtbot.waitExposed(preview)
        preview.activateWindow()
        qtbot.waitUntil(preview.isActiveWindow)
        qtbot.keySequence(preview, QKeySequence(keys))
        qtbot.waitUntil(lambda: window.windows.previews == [])
