"""A whole built-in checklist walked with the keyboard alone, every answer checked in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from safety_assess.domain.checklist.answers import AnswerType
from safety_assess.domain.checklist.values import option_labels, parse_answer
from safety_assess.domain.walk.slots import Slot
from safety_assess.ui import dialogs
from safety_assess.ui.walkthrough.window import WalkthroughWindow
from tests.gui.walkthrough.conftest import Open, stored

TYPED = {
    AnswerType.COUNT: "3",
    AnswerType.NUMBER: "12",
    AnswerType.MEASUREMENT: "12",
    AnswerType.PERCENTAGE: "50",
    AnswerType.DATE: "2026-11-01",
    AnswerType.TIME: "07:30",
    AnswerType.TEXT: "Seen on site",
}


def focused(window: WalkthroughWindow):  # type: ignore[no-untyped-def]
    widget = QApplication.focusWidget()
    assert widget is not None and window.isAncestorOf(widget), widget
    return widget


def answer_by_keyboard(qtbot, window: WalkthroughWindow, slot: Slot) -> object:  # type: ignore[no-untyped-def]
    """Press what an assessor would for this item; return the value that should be stored."""
    kind, checklist = slot.item.answer.type, window.session.checklist
    if kind == AnswerType.YES_NO:
        qtbot.keyClick(focused(window), Qt.Key.Key_N)
        return "no"
    if kind in (AnswerType.SCALE, AnswerType.SINGLE_CHOICE, AnswerType.RATING):
        qtbot.keyClick(focused(window), Qt.Key.Key_1)
        return 1 if kind == AnswerType.RATING else option_labels(checklist, slot.item)[0][0]
    if kind == AnswerType.MULTIPLE_CHOICE:
        qtbot.keyClick(focused(window), Qt.Key.Key_1)
        qtbot.keyClick(focused(window), Qt.Key.Key_Return)
        return [option_labels(checklist, slot.item)[0][0]]
    widget = focused(window)
    assert isinstance(widget, QLineEdit | QPlainTextEdit)
    qtbot.keyClicks(widget, TYPED[kind])
    modifier = Qt.KeyboardModifier.ControlModifier if isinstance(widget, QPlainTextEdit) else Qt.KeyboardModifier(0)
    qtbot.keyClick(widget, Qt.Key.Key_Return, modifier)
    return parse_answer(checklist, slot.item, TYPED[kind])


def test_walk_the_camera_checklist_with_the_keyboard_alone(qtbot, open_walk: Open, monkeypatch) -> None:
    window = open_walk("cameras-technology")
    state = window.session.state
    monkeypatch.setattr(dialogs, "ask_text", lambda parent, title, label, text="": "Camera 1 - gym")
    qtbot.keyClick(focused(window), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert [i.label for i in state.instances] == ["Camera 1 - gym"]

    expected: dict[tuple[str, object], object] = {}
    for _ in range(200):
        assert window.current is not None
        slot = state.slot(window.current)
        if state.is_answered(slot.key):
            break
        expected[(slot.key.item_id, slot.key.instance_id)] = answer_by_keyboard(qtbot, window, slot)
        assert stored(window) == expected  # committed the moment it was given

    assert state.next_unanswered(None) is None
    visible = {(s.key.item_id, s.key.instance_id) for s in state.visible_slots()}
    assert set(expected) == visible
    camera_items = {item for item, instance in expected if instance is not None}
    assert {"camera.working", "camera.fault"} <= camera_items  # the fault question appeared once "no" was given
    assert window.progress.value() == window.progress.maximum()
    assert window.saved.text().startswith("✓ Saved")
