"""The window registry: one window per assessment and kind, what runs in each, everything closed on quit."""

from __future__ import annotations

import threading
from pathlib import Path

from safety_assess.services.assessments import start_assessment
from safety_assess.services.workspace import Workspace
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
