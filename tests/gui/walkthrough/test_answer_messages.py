"""The walkthrough shows the same plain messages as the command line, saves nothing wrong, and takes N/A (key A
or typed) wherever an answer means not applicable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services.workspace import Workspace
from safety_assess.ui.walkthrough.editors import MultiChoiceEditor
from safety_assess.ui.walkthrough.window import WalkthroughWindow
from tests.gui.walkthrough.conftest import Open, stored


def type_answer(qtbot, window: WalkthroughWindow, item_id: str, text: str) -> QLineEdit:  # type: ignore[no-untyped-def]
    window.go_to(SlotKey(item_id))
    line = window.panel.editor.typing_widget()  # type: ignore[union-attr]
    assert isinstance(line, QLineEdit)
    line.clear()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    return line


def test_a_length_of_another_kind_names_the_units_and_saves_nothing(qtbot, open_walk: Open) -> None:
    window = open_walk("comprehensive-facility")
    line = type_answer(qtbot, window, "grounds.shrub-height", "4 min")
    assert window.panel.error.text() == (
        "item 'grounds.shrub-height': this item is measured in inches (in), not minutes: enter a number of inches "
        "(in), or the number followed by in, ft, yd, mi, mm, cm, m or km"
    )
    assert window.saved.text() == "✗ Not saved" and stored(window) == {}
    assert window.current == SlotKey("grounds.shrub-height") and line.text() == "4 min"
    type_answer(qtbot, window, "grounds.shrub-height", "4 ft")
    assert stored(window) == {("grounds.shrub-height", None): 48.0} and window.panel.error.text() == ""


def test_an_impossible_date_says_so_and_saves_nothing(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    type_answer(qtbot, window, "last-drill", "2026-02-30")
    assert window.panel.error.text() == "item 'last-drill': 2026-02-30 is not a date: February 2026 has 28 days"
    assert stored(window) == {}
    type_answer(qtbot, window, "last-drill", "2026/2/28")
    assert stored(window) == {("last-drill", None): "2026-02-28"}


def test_key_a_chooses_a_scales_na_option(qtbot, open_walk: Open) -> None:
    window = open_walk("cameras-technology")
    window.go_to(SlotKey("video.viewing-policy"))
    window.panel.setFocus()
    qtbot.keyClick(window.panel, Qt.Key.Key_A)
    assert stored(window) == {("video.viewing-policy", None): "na"}
    assert window.current != SlotKey("video.viewing-policy")  # answered, so it moved on


def test_na_typed_into_a_measured_item_that_allows_it(qtbot, open_walk: Open) -> None:
    window = open_walk("emergency-preparedness")
    type_answer(qtbot, window, "drill.accountability-time", "Not applicable")
    assert stored(window) == {("drill.accountability-time", None): "na"}
    type_answer(qtbot, window, "medical.aed-walk-time", "n/a")
    assert window.panel.error.text() == (
        "item 'medical.aed-walk-time': this item cannot be answered N/A: it takes a number of minutes"
    )
    assert ("medical.aed-walk-time", None) not in stored(window)


MULTIPLE = """\
id: many
title: Many
version: "1.0.0"
sections:
  - id: s
    title: S
    items:
      - id: signs
        prompt: Which signs are posted?
        answer:
          type: multiple_choice
          allow_na: true
          options:
            - {value: visitors, label: Visitors report to the office}
            - {value: weapons, label: No weapons}
      - id: after
        prompt: Anything else?
        answer: {type: text}
"""


def test_a_multiple_choice_that_allows_na_has_a_key_for_it(qtbot, open_walk: Open, workspace: Workspace) -> None:
    (workspace.data_dir.checklists / "many.yaml").write_text(MULTIPLE, encoding="utf-8")
    window = open_walk("many")
    assert window.current == SlotKey("signs")
    editor = window.panel.editor
    assert isinstance(editor, MultiChoiceEditor) and editor.na is not None
    window.panel.setFocus()
    qtbot.keyClick(window.panel, Qt.Key.Key_A)
    assert stored(window) == {("signs", None): "na"}
    window.go_to(SlotKey("signs"))
    editor = window.panel.editor
    assert isinstance(editor, MultiChoiceEditor) and editor.na is not None and editor.na.isChecked()
    qtbot.keyClick(window.panel, Qt.Key.Key_1)
    assert stored(window) == {("signs", None): ["visitors"]}
    assert isinstance(window.panel.editor, MultiChoiceEditor) and not window.panel.editor.na.isChecked()  # type: ignore[union-attr]
