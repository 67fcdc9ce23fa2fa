"""No window has two things on one key: menu-bar and widget mnemonics (Alt+letter), the mnemonics inside each menu,
and the shortcuts of its actions. Each window is checked as opened from the main window, every tab shown in turn."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QToolButton,
    QWidget,
)

from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.workspace import Workspace
from safety_assess.ui.bundle.export_dialog import BundleExportDialog
from safety_assess.ui.bundle.exporting import bundle_choices
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.report import options
from safety_assess.ui.report.options import ReportRequest

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _repeated(pairs: list[tuple[str | None, str]]) -> list[str]:
    counts = Counter(key for key, _ in pairs if key)
    return [f"{key!r}: {[what for k, what in pairs if k == key]}" for key, n in counts.items() if n > 1]


def widget_mnemonics(window: QWidget) -> list[tuple[str | None, str]]:
    """What Alt+letter reaches in the window as it is shown now (tool buttons show no mnemonic)."""
    shown: list[tuple[str | None, str]] = []
    if isinstance(window, QMainWindow):
        shown += [(mnemonic(a.text()), f"menu {a.text()}") for a in window.menuBar().actions()]
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and not isinstance(button, QToolButton):
            shown.append((mnemonic(button.text()), f"button {button.text()}"))
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and label.buddy() is not None:
            shown.append((mnemonic(label.text()), f"label {label.text()}"))
    for box in window.findChildren(QGroupBox):
        if box.isVisibleTo(window):
            shown.append((mnemonic(box.title()), f"group {box.title()}"))
    for tabs in window.findChildren(QTabWidget):
        if tabs.isVisibleTo(window):
            shown += [(mnemonic(tabs.tabText(i)), f"tab {tabs.tabText(i)}") for i in range(tabs.count())]
    return shown


def clashes(window: QWidget) -> list[str]:
    """Every key with two meanings in ``window``, each tab of its tab widgets shown in turn."""
    found = set(_repeated(widget_mnemonics(window)))
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            found |= set(_repeated(widget_mnemonics(window)))
    for menu in window.findChildren(QMenu):
        found |= set(_repeated([(mnemonic(a.text()), f"{menu.title()} > {a.text()}") for a in menu.actions()]))
    keys = [
        (a.shortcut().toString(), a.text()) for a in window.findChildren(QAction) if a.shortcutContext() in WINDOW_WIDE
    ]
    keys += [(s.key().toString(), "shortcut") for s in window.findChildren(QShortcut) if s.context() in WINDOW_WIDE]
    found |= set(_repeated(keys))
    return sorted(found)


def test_no_window_has_two_things_on_one_key(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    windows = window.windows
    walk, plan = windows.open_walkthrough(summary.id), windows.open_plan(summary.id)
    district = windows.open_district()
    qtbot.waitUntil(lambda: district.overview is not None, timeout=30_000)
    preview = windows.show_report(tmp_path / "report.pdf", None, [])
    export = BundleExportDialog(window, bundle_choices(workspace, summary.id, tmp_path))
    qtbot.addWidget(export)
    every = {"main": window, "walkthrough": walk, "findings": plan, "district": district, "preview": preview}
    every["bundle export"], every["user guide"] = export, windows.show_guide()
    found = {name: clashes(each) for name, each in every.items() if each is not None}
    assert found == {name: [] for name in found}
    export.close()
    window.close()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # the offscreen platform
def test_alt_f_in_the_findings_window_opens_its_menu_not_a_tab(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    plan = window.windows.open_plan(summary.id)
    assert plan is not None
    qtbot.waitExposed(plan)
    plan.activateWindow()
    qtbot.waitUntil(plan.isActiveWindow)
    tabs = plan.findChild(QTabWidget)
    tabs.setCurrentIndex(1)
    qtbot.keyClick(plan, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    opened = QApplication.activePopupWidget()
    assert opened.title() == "&Findings" and tabs.currentIndex() == 1  # the menu, and the tab stayed
    opened.close()
    window.close()


def test_the_actions_an_assessor_reaches_for_have_shortcuts(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    walk, district = window.windows.open_walkthrough(summary.id), window.windows.open_district()
    assert walk is not None
    wanted = {
        window: ["app.backup", "sync.use_key", "sync.district_key", "help.about", "help.guide"],
        walk: ["walk.reopen", "walk.remove_instance", "walk.export"],
        district: ["district.pack", "district.deferred", "district.reopen"],
    }
    missing = [i for each, ids in wanted.items() for i in ids if each.actions_by_id[i].shortcut().isEmpty()]
    assert missing == []
    window.close()


def test_the_walkthrough_exports_the_action_plan(
    qtbot, window: MainWindow, workspace: Workspace, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    out = tmp_path / "plan.pdf"
    monkeypatch.setattr(options, "ask_report_options", lambda parent, path: ReportRequest(out, True, None))
    walk = window.windows.open_walkthrough(summary.id)
    assert walk is not None
    walk.actions_by_id["walk.export"].trigger()
    qtbot.waitUntil(lambda: bool(window.windows.previews), timeout=60_000)
    assert out.read_bytes().startswith(b"%PDF-")
    window.close()
