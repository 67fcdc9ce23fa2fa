"""Option answers: Y and N on a scale whose options are Yes and No, and long labels readable with their digits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safety_assess.domain.walk.slots import SlotKey
from safety_assess.ui.walkthrough.editors import OptionEditor
from safety_assess.ui.walkthrough.window import WalkthroughWindow
from tests.gui.walkthrough.conftest import Open, assert_options_readable, stored


def option_editor(window: WalkthroughWindow) -> OptionEditor:
    editor = window.panel.editor
    assert isinstance(editor, OptionEditor)
    return editor


def test_y_and_n_answer_a_not_assessed_na_yes_no_scale_and_digits_still_work(qtbot, open_walk: Open) -> None:
    window = open_walk("cameras-technology")
    policy, log = SlotKey("video.viewing-policy"), SlotKey("video.police-export-procedure")
    for key, press, value in ((policy, Qt.Key.Key_Y, "yes"), (log, Qt.Key.Key_N, "no"), (policy, Qt.Key.Key_1, None)):
        window.go_to(key)
        assert option_editor(window).buttons()["yes"].toolTip() == "Press 3 or Y"
        qtbot.keyClick(window.panel, press)
        assert stored(window)[(key.item_id, None)] == (value or "not-assessed")
    assert "Y yes" in window.findChild(type(window.header), "shortcutHint").text()


def test_long_option_labels_wrap_whole_with_their_digits_at_the_default_size(qtbot, open_walk: Open) -> None:
    window = open_walk("comprehensive-facility")
    for item in ("grounds.maintenance", "visitor.check-in"):  # six options; long labels
        window.go_to(SlotKey(item))
        assert_options_readable(window)
    buttons = option_editor(window).buttons()
    assert [b.key_label.text() for b in buttons.values()] == [f"<b>{n}</b>" for n in range(1, 5)]
    assert buttons["electronic"].label_text() == "Electronic system that scans government ID"
    qtbot.keyClick(window.panel, Qt.Key.Key_4)
    assert stored(window) == {("visitor.check-in", None): "none"}
