"""The section tree: only the item on screen is highlighted, and every prompt can be read in full."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QApplication

from safety_assess.domain.walk.slots import Slot
from tests.gui.walkthrough.conftest import Open


def test_after_one_key_answers_only_the_current_item_is_highlighted(qtbot, open_walk: Open) -> None:
    window = open_walk("comprehensive-facility")
    selection = window.tree.selectionModel()
    told_deselected: list[object] = []

    def heard(_: QItemSelection, deselected: QItemSelection) -> None:
        told_deselected.extend(window.model.ref(index) for index in deselected.indexes())

    selection.selectionChanged.connect(heard)
    rebuilt: list[bool] = []
    window.model.modelReset.connect(lambda: rebuilt.append(True))  # an answer that shows follow-ups rebuilds it
    answered = []
    for _ in range(5):
        assert window.current is not None
        slot = window.session.state.slot(window.current)
        answered.append(slot)
        qtbot.keyClick(window.panel, Qt.Key.Key_Y if slot.item.answer.type == "yes_no" else Qt.Key.Key_1)
        if window.current == slot.key:  # the answer asks for its follow-up text: Enter leaves it empty, moves on
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert window.current != slot.key
        current = window.model.index_of(window.current)
        assert selection.selectedIndexes() == [current]
        assert window.tree.currentIndex() == current
    # the view heard of each row it stops highlighting, so it repaints it (rows of a rebuilt tree are new)
    assert all(row in answered for row in told_deselected)
    assert len(told_deselected) + len(rebuilt) == len(answered)


def test_every_prompt_in_the_tree_has_its_full_text_as_a_wrapping_tooltip(open_walk: Open) -> None:
    window = open_walk("comprehensive-facility")
    for slot in window.session.state.visible_slots():
        tip = window.model.data(window.model.index_of(slot.key), Qt.ItemDataRole.ToolTipRole)
        assert isinstance(slot, Slot) and tip.startswith("<p>")  # rich text wraps
        assert slot.item.prompt.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in tip
