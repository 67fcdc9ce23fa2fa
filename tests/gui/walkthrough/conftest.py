from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication

from safety_assess.services.assessments import start_assessment
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.walkthrough.window import WalkthroughWindow

Open = Callable[[str], WalkthroughWindow]


@pytest.fixture
def open_walk(qtbot, workspace: Workspace) -> Open:  # type: ignore[no-untyped-def]
    """A shown, active walkthrough window on a new assessment of the given checklist."""
    workspace.campuses.add("Lincoln High", "LHS")

    def open_(checklist_id: str) -> WalkthroughWindow:
        summary = start_assessment(workspace, "LHS", checklist_id, ["Ana Diaz"], dt.date(2026, 11, 23))
        window = WalkthroughWindow(WalkSession(workspace, summary.id), ChangeChannel())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: window.isAncestorOf(QApplication.focusWidget()))
        return window

    return open_


def stored(window: WalkthroughWindow) -> dict[tuple[str, object], object]:
    """What the database holds now, read afresh."""
    detail = window.session.workspace.assessments.detail(window.session.id)
    return {(r.item_id, r.instance_id): r.value for r in detail.responses if r.value is not None}


def assert_options_readable(window: WalkthroughWindow) -> None:
    """Every option of the item on screen shows its whole label and its key(s), none squeezed or cut."""
    from safety_assess.ui.walkthrough.editors import OptionEditor

    QApplication.processEvents()
    editor = window.panel.editor
    if not isinstance(editor, OptionEditor):
        return
    assert editor.height() >= editor.minimumSizeHint().height()  # the item scrolls rather than squeezing it
    for button in editor.buttons().values():
        assert editor.rect().contains(button.geometry()), button.label_text()
        assert button.key_label.width() >= button.key_label.sizeHint().width()  # the digit is never cut
        label = button.text_label
        assert label.wordWrap() and label.height() >= label.heightForWidth(label.width()), label.text()
