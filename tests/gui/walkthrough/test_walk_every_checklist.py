"""Every built-in checklist walked with the keyboard alone: the database is read after every key, for the answers
and for the item to reopen on; Y and N answer Yes/No scales; every option is readable with its digit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from safety_assess.domain.checklist.answers import AnswerType
from safety_assess.domain.checklist.values import option_labels, parse_answer
from safety_assess.domain.walk.slots import Slot, SlotKey
from safety_assess.ui import dialogs
from safety_assess.ui.walkthrough.editors import yes_no_letters
from safety_assess.ui.walkthrough.window import WalkthroughWindow
from tests.gui.walkthrough.conftest import Open, assert_options_readable, stored
from tests.gui.walkthrough.test_keyboard_walk import TYPED, focused

BUILT_IN = sorted(path.stem for path in (Path(__file__).resolve().parents[3] / "checklists").glob("*.yaml"))
ONE_KEY = (AnswerType.SCALE, AnswerType.SINGLE_CHOICE, AnswerType.RATING)


def resume_point(window: WalkthroughWindow) -> SlotKey | None:
    detail = window.session.workspace.assessments.detail(window.session.id)
    return SlotKey(detail.resume_item, detail.resume_instance) if detail.resume_item else None


class Walk:
    """Presses keys on the window and checks the database after each one."""

    def __init__(self, qtbot, window: WalkthroughWindow) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.window = qtbot, window
        self.expected: dict[tuple[str, object], object] = {}
        self.letters_used = 0

    def press(self, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(focused(self.window), key, modifier)
        assert stored(self.window) == self.expected
        assert resume_point(self.window) == self.window.current  # as durable as the answer

    def answer(self, slot: Slot) -> None:
        kind, checklist = slot.item.answer.type, self.window.session.checklist
        where = (slot.key.item_id, slot.key.instance_id)
        if kind == AnswerType.YES_NO:
            self.expected[where] = "no"
            self.press(Qt.Key.Key_N)
        elif kind in ONE_KEY and (letters := yes_no_letters(option_labels(checklist, slot.item))):
            self.expected[where] = letters["y"]
            self.letters_used += 1
            self.press(Qt.Key.Key_Y)
        elif kind in ONE_KEY:
            self.expected[where] = 1 if kind == AnswerType.RATING else option_labels(checklist, slot.item)[0][0]
            self.press(Qt.Key.Key_1)
        elif kind == AnswerType.MULTIPLE_CHOICE:
            self.expected[where] = [option_labels(checklist, slot.item)[0][0]]
            self.press(Qt.Key.Key_1)
            self.press(Qt.Key.Key_Return)
        else:
            self.type_answer(slot)

    def type_answer(self, slot: Slot) -> None:
        widget = focused(self.window)
        assert isinstance(widget, QLineEdit | QPlainTextEdit)
        text = TYPED[slot.item.answer.type]
        for character in text:
            self.press(character)  # typing is not saving: the database holds what it held
        self.expected[(slot.key.item_id, slot.key.instance_id)] = parse_answer(
            self.window.session.checklist, slot.item, text
        )
        multiline = isinstance(widget, QPlainTextEdit)
        self.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier if multiline else Qt.KeyboardModifier(0))


@pytest.mark.parametrize("checklist_id", BUILT_IN)
def test_walk_a_built_in_checklist_reading_the_database_after_every_key(
    qtbot, open_walk: Open, monkeypatch, checklist_id: str
) -> None:
    window = open_walk(checklist_id)
    state = window.session.state
    walk = Walk(qtbot, window)
    if any(True for _ in window.session.checklist.iter_groups()):
        monkeypatch.setattr(dialogs, "ask_text", lambda parent, title, label, text="": "First one")
        qtbot.keyClick(focused(window), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    for _ in range(400):
        assert window.current is not None
        slot = state.slot(window.current)
        if state.is_answered(slot.key):
            break
        assert_options_readable(window)
        walk.answer(slot)
    assert state.next_unanswered(None) is None
    assert set(walk.expected) == {(s.key.item_id, s.key.instance_id) for s in state.visible_slots()}
    assert window.progress.value() == window.progress.maximum()
    if checklist_id == "cameras-technology":
        assert walk.letters_used >= 3  # its Not assessed / N/A / Yes / No scale, answered with Y
