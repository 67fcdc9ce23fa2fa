"""Format-2 items in the walkthrough: an informational yes/no keeps its keys, a follow-up asks for its text, and
an amount typed in another unit is converted and shown with what was typed; each checked in the database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services.workspace import Workspace
from safety_assess.ui.walkthrough.window import WalkthroughWindow
from tests.gui.walkthrough.conftest import Open, stored

FORMAT_2 = Path(__file__).resolve().parents[2] / "data" / "checklists" / "format-2.yaml"


@pytest.fixture
def window(workspace: Workspace, open_walk: Open) -> WalkthroughWindow:
    shutil.copy(FORMAT_2, workspace.data_dir.checklists / "format-2.yaml")
    return open_walk("format-two")


def follow_ups(window: WalkthroughWindow) -> dict[str, str]:
    detail = window.session.workspace.assessments.detail(window.session.id)
    return {r.item_id: r.follow_up for r in detail.responses if r.follow_up}


def test_yes_on_an_informational_item_asks_the_follow_up_and_enter_moves_on(qtbot, window: WalkthroughWindow) -> None:
    window.go_to(SlotKey("next-to-highway"))
    field = window.panel.follow_up
    assert field.isHidden()
    qtbot.keyClick(window.panel, Qt.Key.Key_Y)
    assert stored(window) == {("next-to-highway", None): "yes"}
    assert window.current == SlotKey("next-to-highway")  # it stays for the text
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field.line)
    assert field.isVisible() and field.label.text() == "&Which highway?"
    qtbot.keyClicks(field.line, "I-95")
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert follow_ups(window) == {"next-to-highway": "I-95"}
    assert window.current == SlotKey("neighbourhood-crime")
    assert window.session.state.outcome(SlotKey("next-to-highway")).value == "neutral"  # type: ignore[union-attr]
    window.go_to(SlotKey("next-to-highway"))
    assert field.isVisible() and field.line.text() == "I-95"


def test_no_asks_nothing_and_moves_on_and_undo_takes_the_text_back(qtbot, window: WalkthroughWindow) -> None:
    window.go_to(SlotKey("next-to-highway"))
    qtbot.keyClick(window.panel, Qt.Key.Key_N)
    assert window.current == SlotKey("neighbourhood-crime") and follow_ups(window) == {}
    window.go_to(SlotKey("next-to-highway"))
    assert window.panel.follow_up.isHidden()
    qtbot.keyClick(window.panel, Qt.Key.Key_Y)
    qtbot.keyClicks(window.panel.follow_up.line, "A1")
    qtbot.keyClick(window.panel.follow_up.line, Qt.Key.Key_Return)
    assert follow_ups(window) == {"next-to-highway": "A1"}
    window.undo()
    assert follow_ups(window) == {} and stored(window)[("next-to-highway", None)] == "yes"


def test_feet_on_an_item_in_inches_are_recorded_in_inches_and_shown_as_typed(qtbot, window: WalkthroughWindow) -> None:
    window.go_to(SlotKey("fence.anti-climb"))
    qtbot.keyClick(window.panel, Qt.Key.Key_Y)
    assert window.current == SlotKey("fence.height")
    line = window.panel.editor.typing_widget()  # type: ignore[union-attr]
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "6 ft")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert stored(window)[("fence.height", None)] == 72.0
    assert window.statusBar().currentMessage() == "Fence height: 6 ft recorded as 72 in"
    assert window.session.state.outcome(SlotKey("fence.height")).value == "compliant"  # type: ignore[union-attr]
    window.go_to(SlotKey("fence.height"))
    line = window.panel.editor.typing_widget()  # type: ignore[union-attr]
    line.clear()
    qtbot.keyClicks(line, "2 m")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert stored(window)[("fence.height", None)] == 78.740157
    assert window.statusBar().currentMessage() == "Fence height: 2 m recorded as 78.740157 in"
    window.go_to(SlotKey("fence.height"))
    line = window.panel.editor.typing_widget()  # type: ignore[union-attr]
    line.clear()
    qtbot.keyClicks(line, "6 kg")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "'kg' is not one of its units" in window.panel.error.text()
    assert stored(window)[("fence.height", None)] == 78.740157


def typed(window: WalkthroughWindow) -> dict[str, str]:
    detail = window.session.workspace.assessments.detail(window.session.id)
    return {r.item_id: r.typed for r in detail.responses if r.typed}


def test_feet_typed_are_kept_as_typed_and_shown_so_when_the_item_is_reopened(qtbot, window: WalkthroughWindow) -> None:
    window.go_to(SlotKey("fence.height"))
    line = window.panel.editor.typing_widget()  # type: ignore[union-attr]
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "4 ft")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert stored(window)[("fence.height", None)] == 48.0 and typed(window) == {"fence.height": "4 ft"}
    assert window.current != SlotKey("fence.height")
    window.go_to(SlotKey("fence.height"))
    line = window.panel.editor.typing_widget()  # type: ignore[union-attr]
    assert line.text() == "4 ft"  # type: ignore[union-attr]
    assert window.panel.converted.isVisible() and window.panel.converted.text() == "4 ft recorded as 48 in"
    line.clear()  # type: ignore[union-attr]
    qtbot.keyClicks(line, "50")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert stored(window)[("fence.height", None)] == 50.0 and typed(window) == {}
    window.go_to(SlotKey("fence.height"))
    assert window.panel.editor.typing_widget().text() == "50"  # type: ignore[union-attr]
    assert window.panel.converted.isHidden()
    window.undo()
    assert typed(window) == {"fence.height": "4 ft"} and window.panel.editor.typing_widget().text() == "4 ft"  # type: ignore[union-attr]
