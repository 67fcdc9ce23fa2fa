"""The walkthrough window: undo, filters, instances, review and sign-off, bad input, failing storage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.domain.walk.state import Filter
from safety_assess.services.walkthrough import WalkSession
from safety_assess.storage.dbfile import DatabaseError
from safety_assess.ui import dialogs
from safety_assess.ui.walkthrough import review as review_page
from safety_assess.ui.walkthrough.section_model import SectionTreeModel
from safety_assess.ui.walkthrough.window import WalkthroughWindow
from tests.gui.walkthrough.conftest import Open, stored

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_section_tree_passes_qt_model_checks(qtmodeltester, open_walk: Open) -> None:
    window = open_walk("every-type")
    window.session.add_instance("camera")
    qtmodeltester.check(SectionTreeModel(window.session.state))


def test_one_key_answers_and_moves_on_and_ctrl_z_takes_it_back(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    assert window.current == SlotKey("door-locked")
    qtbot.keyClick(window.panel, Qt.Key.Key_N)
    assert stored(window) == {("door-locked", None): "no"}
    assert window.current == SlotKey("door-hard")
    assert window.model.index_of(SlotKey("lock-type")).isValid()  # the conditional item appeared
    qtbot.keyClick(window.panel, Qt.Key.Key_Z, CTRL)
    assert stored(window) == {}
    assert window.current == SlotKey("door-locked")
    assert not window.model.index_of(SlotKey("lock-type")).isValid()


def test_left_goes_back_enter_skips_to_the_next_unanswered(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    qtbot.keyClick(window.panel, Qt.Key.Key_Y)
    qtbot.keyClick(window.panel, Qt.Key.Key_Left)
    assert window.current == SlotKey("door-locked")
    qtbot.keyClick(window.panel, Qt.Key.Key_Return)
    assert window.current == SlotKey("door-hard")


def test_a_wrong_typed_answer_is_refused_inline_and_kept_on_screen(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    window.go_to(SlotKey("extinguishers"))
    line = window.panel.editor.typing_widget()  # type: ignore[union-attr]
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "lots")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.panel.error.text() == "item 'extinguishers': 'lots' is not a number: enter a whole number"
    assert line.text() == "lots" and stored(window) == {}
    assert window.current == SlotKey("extinguishers")
    line.setText("2")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert stored(window) == {("extinguishers", None): 2}


def test_when_storage_fails_the_answer_stays_and_the_indicator_says_so(qtbot, open_walk: Open, monkeypatch) -> None:
    window = open_walk("every-type")

    def fail(*args: object, **kwargs: object) -> None:
        raise DatabaseError("database /media/usb/db cannot be written (disk I/O error)")

    monkeypatch.setattr(window.session.workspace.answers, "save_answer", fail)
    qtbot.keyClick(window.panel, Qt.Key.Key_Y)
    assert window.saved.text() == "✗ Not saved"
    assert "disk I/O error" in window.panel.error.text()
    assert window.current == SlotKey("door-locked")
    assert window.session.state.value(SlotKey("door-locked")) is None


def test_notes_are_saved_when_the_field_is_left(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    window.panel.note.setFocus()
    qtbot.keyClicks(window.panel.note, "Wedge under the door")
    qtbot.keyClick(window.panel.note, Qt.Key.Key_Escape)
    detail = window.session.workspace.assessments.detail(window.session.id)
    assert [(r.item_id, r.value, r.note) for r in detail.responses] == [("door-locked", None, "Wedge under the door")]


def test_filters_and_search_narrow_the_tree(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    qtbot.keyClick(window.panel, Qt.Key.Key_N)
    window.filter.setCurrentIndex(window.filter.findData(Filter.DEFICIENT))
    section = window.model.index(0, 0)
    assert window.model.rowCount(section) == 1
    qtbot.keyClick(window.panel, Qt.Key.Key_F, CTRL)
    assert window.search.hasFocus()
    window.filter.setCurrentIndex(0)
    qtbot.keyClicks(window.search, "fence")
    assert [window.model.index(r, 0, section).data() for r in range(window.model.rowCount(section))] == [
        "○  Fence height"
    ]
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.current == SlotKey("fence-height")


def test_instances_are_added_renamed_moved_and_removed_after_asking(qtbot, open_walk: Open, monkeypatch) -> None:
    window = open_walk("every-type")
    labels = iter(["Gym doors", "Car park"])
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: next(labels))
    window.actions_by_id["walk.add_instance"].trigger()
    window.actions_by_id["walk.add_instance"].trigger()
    assert [i.label for i in window.session.state.group_instances(window.session.checklist.sections[0].items[-1])] == [
        "Gym doors",
        "Car park",
    ]
    car_park = window.session.state.instances[-1]
    assert window.current == SlotKey("camera-working", car_park.id)
    qtbot.keyClick(window.panel, Qt.Key.Key_N)
    window.go_to(SlotKey("camera-working", car_park.id))
    window.actions_by_id["walk.move_up"].trigger()
    assert [i.label for i in sorted(window.session.state.instances, key=lambda i: i.position)] == [
        "Car park",
        "Gym doors",
    ]
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or False)
    window.actions_by_id["walk.remove_instance"].trigger()
    assert asked == ["Remove 'Car park' and its 1 answer? This cannot be undone."]
    assert len(window.session.state.instances) == 2
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: True)
    window.actions_by_id["walk.remove_instance"].trigger()
    assert [i.label for i in window.session.state.instances] == ["Gym doors"]
    assert stored(window) == {}


def test_review_complete_and_reopen(qtbot, open_walk: Open, monkeypatch) -> None:
    window = open_walk("every-type")
    seen = {}

    def review(parent, entries, read_only, covered):  # type: ignore[no-untyped-def]
        seen["entries"], seen["covered"] = len(entries), covered
        return review_page.ReviewChoice(complete=True)

    monkeypatch.setattr(review_page, "ask_review", review)
    monkeypatch.setattr(dialogs, "ask_signoff", lambda parent, names: [*names, "Sam Lee"])
    window.actions_by_id["walk.review"].trigger()
    summary = window.session.workspace.assessments.summary(window.session.id)
    assert seen["entries"] > 0 and summary.read_only and summary.signed_off_by == ("Ana Diaz", "Sam Lee")
    assert seen["covered"].answered == 0 and seen["covered"].not_answered == seen["covered"].applicable > 0
    assert "read-only" in window.header.text() and not window.panel.editor.isEnabled()  # type: ignore[union-attr]
    assert window.actions_by_id["walk.reopen"].isEnabled()

    monkeypatch.setattr(dialogs, "ask_reopen_reason", lambda parent: "Cameras added")
    with qtbot.waitSignal(window.reopened) as reopened:
        window.actions_by_id["walk.reopen"].trigger()
    new = window.session.workspace.assessments.summary(reopened.args[0])
    assert (new.revision_no, new.reopen_reason, new.read_only) == (2, "Cameras added", False)


def test_reopening_the_window_returns_to_the_last_item(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    window.go_to(SlotKey("coverage"))
    window.close()
    again = WalkthroughWindow(WalkSession(window.session.workspace, window.session.id), window.channel)
    qtbot.addWidget(again)
    assert again.current == SlotKey("coverage")


def resume_point(window: WalkthroughWindow) -> SlotKey:
    detail = window.session.workspace.assessments.detail(window.session.id)
    assert detail.resume_item is not None
    return SlotKey(detail.resume_item, detail.resume_instance)


def test_the_item_on_screen_is_written_with_every_answer_and_every_move(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    qtbot.keyClick(window.panel, Qt.Key.Key_Y)
    assert window.current != SlotKey("door-locked")
    assert resume_point(window) == window.current  # no waiting for a pause
    qtbot.keyClick(window.panel, Qt.Key.Key_Left)
    assert window.current == SlotKey("door-locked")
    assert resume_point(window) == window.current


def test_controls_have_accessible_names(open_walk: Open) -> None:
    window = open_walk("every-type")
    for widget in (window.tree, window.search, window.filter, window.progress, window.panel.note):
        assert widget.accessibleName()
    buttons = window.panel.editor.buttons()  # type: ignore[union-attr]
    assert buttons["yes"].accessibleName() == "Answer Yes (key Y)"
    assert buttons["yes"].minimumHeight() >= 44
    assert "Y yes" in window.findChild(type(window.header), "shortcutHint").text()


def test_a_read_only_answer_attempt_is_refused(open_walk: Open) -> None:
    window = open_walk("every-type")
    window.session.complete(["Ana Diaz"])
    try:
        window.session.answer(SlotKey("gate"), "pass")
    except SafetyAssessError as error:
        assert "read-only" in str(error)
    else:
        raise AssertionError("a completed assessment accepted an answer")


def test_the_review_says_what_is_answered_and_what_is_not(qtbot, open_walk: Open) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from safety_assess.domain.scoring.coverage import coverage

    window = open_walk("every-type")
    window.answer("yes")  # the first item
    state = window.session.state
    covered = coverage(state)
    dialog = review_page.ReviewDialog(window, window.session.review(), False, covered)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel, "reviewSummary").text()
    assert text.startswith(f"1 answered item; {covered.not_answered} not answered yet")
    assert covered.answered == 1 and covered.not_answered > 0 and "point" in text
    assert dialog.list.wordWrap()  # long prompts read whole
