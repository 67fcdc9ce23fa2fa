"""Actions as data: id, text, menu, handler, shortcut, tip. Each window builds its menus and toolbar from its list
(the main window's in ``ui.main_actions``); a handler is a function of the window, checked by mypy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.ui import dialogs

W = TypeVar("W", bound=QMainWindow)


@dataclass(frozen=True)
class ActionSpec(Generic[W]):
    id: str
    text: str
    menu: str
    handler: Callable[[W], object]
    """What the action does to the window it is built on, e.g. ``lambda window: window.instances.add()``."""
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    toolbar: bool = False


def _guarded(window: QMainWindow, what: str, handler: Callable[[], object]) -> Callable[[], object]:
    """Run a handler; a problem it meets (database gone, disk full...) becomes a message, not a traceback."""

    def run() -> object:
        try:
            return handler()
        except SafetyAssessError as error:
            dialogs.show_error(window, f"{what}: not done", str(error))
            return None

    return run


def _on(window: W, handler: Callable[[W], object]) -> Callable[[], object]:
    return lambda: handler(window)


def build_actions(window: W, toolbar: QToolBar, specs: Sequence[ActionSpec[W]]) -> dict[str, QAction]:
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
        handler = _guarded(window, spec.text.replace("&", "").rstrip("…"), _on(window, spec.handler))
        action.triggered.connect(lambda _checked=False, h=handler: h())
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(spec.menu)
        menus[spec.menu].addAction(action)
        if spec.toolbar:
            toolbar.addAction(action)
        actions[spec.id] = action
    return actions


def build_window_actions(window: W, toolbar_name: str, specs: Sequence[ActionSpec[W]]) -> dict[str, QAction]:
    """A text-only toolbar named ``toolbar_name`` on ``window``, and every action built into it and the menus."""
    toolbar = QToolBar(toolbar_name)
    toolbar.setObjectName(toolbar_name.lower().split()[0] + "Toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.addToolBar(toolbar)
    return build_actions(window, toolbar, specs)
