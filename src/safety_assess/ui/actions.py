"""Actions as data: id, text, shortcut, menu and handler name. The main window builds menus from this list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.ui import dialogs


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    handler: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    toolbar: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("campus.new", "New &campus…", "&File", "new_campus", "Ctrl+Shift+N", "Add a campus", toolbar=True),
    ActionSpec(
        "assessment.new",
        "&New assessment…",
        "&File",
        "new_assessment",
        QKeySequence.StandardKey.New,
        "Start an assessment of a campus",
        toolbar=True,
    ),
    ActionSpec(
        "assessment.open",
        "&Open assessment",
        "&File",
        "open_selected",
        "Ctrl+O",
        "Walk through the selected assessment",
        toolbar=True,
    ),
    ActionSpec(
        "assessment.plan",
        "&Findings and action plan",
        "&File",
        "open_selected_plan",
        "Ctrl+Shift+F",
        "Findings, heat map, action plan and scores of the selected assessment",
        toolbar=True,
    ),
    ActionSpec(
        "assessment.export",
        "E&xport action plan…",
        "&File",
        "export_selected",
        "Ctrl+Shift+E",
        "The action-plan PDF of the selected assessment (full or public), with a preview",
    ),
    ActionSpec(
        "sync.export",
        "&Export bundle for the district…",
        "&Sync",
        "export_bundle",
        "Ctrl+Shift+B",
        "Chosen assessments, or everything changed since the last export, in one signed file",
    ),
    ActionSpec(
        "sync.import",
        "&Import bundles…",
        "&Sync",
        "import_bundles",
        "Ctrl+Shift+I",
        "Bring in assessors' bundles (or drop .sabundle files on this window)",
    ),
    ActionSpec(
        "sync.use_key",
        "&Use district key file…",
        "&Sync",
        "use_district_key",
        None,
        "Encrypt every later bundle to the district's key",
    ),
    ActionSpec(
        "sync.district_key",
        "Export this &district's key…",
        "&Sync",
        "export_district_key",
        None,
        "At the district: the public key file to give every assessor (the key is made the first time)",
    ),
    ActionSpec(
        "district.view",
        "&District overview",
        "&View",
        "open_district",
        "Ctrl+Shift+D",
        "Every campus at a glance: ranking, totals, trends and the district's action plan",
        toolbar=True,
    ),
    ActionSpec("view.refresh", "&Refresh", "&View", "refresh", QKeySequence.StandardKey.Refresh, "Reload the list"),
    ActionSpec(
        "app.settings",
        "&Settings…",
        "&File",
        "housekeeping.open_settings",
        "Ctrl+,",
        "Your name, the district and its key, report marking and currency, privacy, data and backups",
    ),
    ActionSpec(
        "app.backup",
        "&Back up now…",
        "&File",
        "housekeeping.back_up",
        None,
        "An encrypted copy of the database, photos, checklists and settings, safe while you work",
    ),
    ActionSpec(
        "app.restore",
        "&Restore from backup…",
        "&File",
        "housekeeping.restore_backup",
        None,
        "Open a backup into a new data folder (its passphrase is asked for), then work on it if you choose",
    ),
    ActionSpec("app.quit", "&Quit", "&File", "close", QKeySequence.StandardKey.Quit, "Close Safety Assess"),
    ActionSpec(
        "help.guide",
        "&User guide",
        "&Help",
        "housekeeping.open_user_guide",
        QKeySequence.StandardKey.HelpContents,
        "How to walk a campus, plan, report and sync, with pictures",
    ),
    ActionSpec("help.about", "&About Safety Assess", "&Help", "show_about", None, "Version and data folder"),
)


def _guarded(window: QMainWindow, what: str, handler: Callable[[], object]) -> Callable[[], object]:
    """Run a handler; a problem it meets (database gone, disk full...) becomes a message, not a traceback."""

    def run() -> object:
        try:
            return handler()
        except SafetyAssessError as error:
            dialogs.show_error(window, f"{what}: not done", str(error))
            return None

    return run


def _resolve(window: QMainWindow, path: str) -> Callable[[], object]:
    """A handler named by attribute path on the window, e.g. 'close' or 'instances.add'."""
    target: object = window
    for name in path.split("."):
        target = getattr(target, name)
    return target  # type: ignore[return-value]


def build_actions(
    window: QMainWindow, toolbar: QToolBar, specs: tuple[ActionSpec, ...] = ACTIONS
) -> dict[str, QAction]:
    """Create every action on ``window``, put it in its menu (and the toolbar), and connect its handler."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for spec in specs:
        action = QAction(spec.text, window)
        action.setObjectName(spec.id)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{spec.tip} ({shortcut})" if shortcut else spec.tip)
        action.setStatusTip(spec.tip)
        handler = _guarded(window, spec.text.replace("&", "").rstrip("…"), _resolve(window, spec.handler))
        action.triggered.connect(lambda _checked=False, h=handler: h())
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(spec.menu)
        menus[spec.menu].addAction(action)
        if spec.toolbar:
            toolbar.addAction(action)
        actions[spec.id] = action
    return actions


def build_window_actions(
    window: QMainWindow, toolbar_name: str, specs: tuple[ActionSpec, ...] = ACTIONS
) -> dict[str, QAction]:
    """A text-only toolbar named ``toolbar_name`` on ``window``, and every action built into it and the menus."""
    toolbar = QToolBar(toolbar_name)
    toolbar.setObjectName(toolbar_name.lower().split()[0] + "Toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.addToolBar(toolbar)
    return build_actions(window, toolbar, specs)
