"""The advisory group's review in the plan window: packet written in the background, filled packets imported by
the menu and by dropping them on the window, responses recorded; asserting on the database."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.review.model import ActionResponse, Body, Outcome, Reply, Role, Session, Stance, Tally
from safety_assess.reports import review_fields as names
from safety_assess.services import reviews as rv
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.plan import decisions, review
from safety_assess.ui.plan.decisions import DecisionAnswer, DecisionDialog
from safety_assess.ui.plan.models import ActionsModel
from safety_assess.ui.plan.review import ResponseAnswer, ResponseDialog
from safety_assess.ui.plan.review_columns import comments_text, response_text, tally_sort, tally_text
from safety_assess.ui.plan.window import PlanWindow
from tests.unit.reports.review_packets import fill


@pytest.fixture
def planned(workspace: Workspace, assessment: AssessmentSummary) -> AssessmentSummary:
    editor = PlanEditor(workspace, assessment.id)
    editor.plan_suggested(load_plan(workspace, assessment.id))
    return assessment


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """What the window showed instead of blocking: errors and import results."""
    seen: dict[str, list[Any]] = {"errors": [], "results": []}
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, message: seen["errors"].append((title, message)))
    monkeypatch.setattr(dialogs, "show_import_results", lambda _parent, lines, *_counts: seen["results"].append(lines))
    return seen


def settle(qtbot: Any, window: PlanWindow) -> None:
    qtbot.waitUntil(lambda: not window.operations.running(), timeout=60_000)


def write_packet(qtbot: Any, window: PlanWindow, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: out)
    window.actions_by_id["plan.review_packet"].trigger()
    settle(qtbot, window)


def filled(blank: Path, out: Path, reviewer: str, stances: dict[Any, str]) -> Path:
    values = {names.REVIEWER: reviewer, names.ROLE: "/parent"}
    for action_id, stance in stances.items():
        values[names.action_field(action_id, "stance")] = f"/{stance}"
        values[names.action_field(action_id, "comment")] = f"{reviewer} says {stance}"
    return fill(blank, out, values)


@pytest.fixture
def with_packet(qtbot, open_plan, planned, tmp_path: Path, monkeypatch, shown) -> tuple[PlanWindow, Path]:  # type: ignore[no-untyped-def]
    """The plan window, and the review packet it wrote through its menu action."""
    window = open_plan()
    out = tmp_path / "packet.pdf"
    write_packet(qtbot, window, out, monkeypatch)
    return window, out


def test_packets_written_in_the_background_and_recorded(  # type: ignore[no-untyped-def]
    qtbot, with_packet, planned, workspace: Workspace, monkeypatch, shown
) -> None:
    window, out = with_packet
    assert shown["errors"] == []
    assert out.read_bytes().startswith(b"%PDF-")
    assert rv.review_state(workspace, planned.id).packets == 1
    assert "Review packet 1 (plan revision 1, 3 actions)" in window.statusBar().currentMessage()
    suggested: list[Path] = []
    public = out.with_name("public.pdf")

    def ask(_parent: Any, _title: str, path: Path, _filter: str) -> Path:
        suggested.append(path)
        return public

    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    window.actions_by_id["plan.review_packet_public"].trigger()
    settle(qtbot, window)
    assert suggested[0].name == "public-review-packet-LHS-2026-11-02.pdf" and public.read_bytes().startswith(b"%PDF-")
    assert rv.review_state(workspace, planned.id).packets == 2
    assert "Public review packet 2 (plan revision 1, 3 actions)" in window.statusBar().currentMessage()


def test_packets_imported_by_the_menu_and_by_a_drop(  # type: ignore[no-untyped-def]
    qtbot, with_packet, planned, workspace: Workspace, tmp_path: Path, monkeypatch, shown
) -> None:
    window, blank = with_packet
    first, second = [a.id for a in rv.plan_actions(workspace, planned.id)][:2]
    ana = filled(blank, tmp_path / "ana.pdf", "Ana Diaz", {first: "oppose", second: "support"})
    monkeypatch.setattr(review, "ask_packet_files", lambda _parent: [ana])
    window.actions_by_id["plan.review_import"].trigger()
    settle(qtbot, window)
    assert shown["results"] == [["Ana Diaz (parent), 2 views"]]
    counts = {key: dict(t.counts) for key, t in rv.review_tallies(workspace, planned.id).items()}
    assert counts == {first: {"oppose": 1}, second: {"support": 1}}

    sam = filled(blank, tmp_path / "sam.pdf", "Sam Lee", {first: "change"})
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(sam)), QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    drop = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(drop)
    ignored = "Ignored notes.txt: not a PDF file; only filled review packets (PDF) are read from files dropped here."
    assert window.statusBar().currentMessage() == ignored
    settle(qtbot, window)
    assert shown["results"][-1] == ["Sam Lee (parent), 1 views", ignored]
    assert dict(rv.review_tallies(workspace, planned.id)[first].counts) == {"oppose": 1, "change": 1}


def drop_files(window: PlanWindow, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPoint(10, 10), actions, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(QPoint(10, 10), actions, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def test_files_dropped_that_are_not_packets_are_named_and_nothing_is_read(  # type: ignore[no-untyped-def]
    qtbot, open_plan, planned, workspace: Workspace, tmp_path: Path, shown
) -> None:
    window = open_plan()
    names_ = ["minutes.docx", "agenda.txt", "photo.jpg", "budget.xlsx"]
    drop_files(window, [tmp_path / name for name in names_])
    assert window.statusBar().currentMessage() == (
        "Ignored minutes.docx, agenda.txt, photo.jpg and 1 more: not PDF files; only filled review packets (PDF) "
        "are read from files dropped here."
    )
    assert not window.operations.running() and shown == {"errors": [], "results": []}
    assert rv.reviews(workspace, planned.id) == []


def test_the_selected_action_is_kept_when_an_import_reads_the_plan_again(  # type: ignore[no-untyped-def]
    qtbot, with_packet, planned, workspace: Workspace, tmp_path: Path, shown
) -> None:
    window, blank = with_packet
    first, _, third = rv.plan_actions(workspace, planned.id)
    window.tabs.setCurrentIndex(1)
    window.actions_view.selectRow(column(window, "Action").index(third.description))
    window.review.import_files([filled(blank, tmp_path / "ana.pdf", "Ana", {first.id: "oppose"})])
    settle(qtbot, window)
    assert shown["results"] == [["Ana (parent), 1 views"]]
    selected = window.selected_action()
    assert selected is not None and selected.id == third.id


def test_responding_through_the_real_dialog(  # type: ignore[no-untyped-def]
    qtbot, open_plan, planned, workspace: Workspace, shown
) -> None:
    window = open_plan()
    window.tabs.setCurrentIndex(1)
    window.actions_view.selectRow(1)
    action = window.selected_action()
    assert action is not None
    window.actions_by_id["plan.respond"].trigger()
    dialog = window.findChild(ResponseDialog, "responseDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert action.description in [label.text() for label in dialog.findChildren(QLabel)]
    qtbot.keyClicks(dialog.reply, "D")  # the first reply starting with D: Declined
    qtbot.keyClicks(dialog.text, "No budget this year")
    assert rv.responses(workspace, planned.id) == []
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    [response] = rv.responses(workspace, planned.id)
    assert (response.action_id, response.reply, response.text) == (action.id, Reply.DECLINED, "No budget this year")
    assert window.statusBar().currentMessage() == "Response recorded."
    selected = window.selected_action()
    assert selected is not None and selected.id == action.id


def test_a_refused_packet_is_one_plain_message_and_nothing_stored(  # type: ignore[no-untyped-def]
    qtbot, with_packet, planned, workspace: Workspace, tmp_path: Path, monkeypatch, shown
) -> None:
    window, blank = with_packet
    [first, *_] = [a.id for a in rv.plan_actions(workspace, planned.id)]
    good = filled(blank, tmp_path / "ana.pdf", "Ana", {first: "support"})
    not_pdf = tmp_path / "minutes.pdf"
    not_pdf.write_text("minutes of the meeting")
    window.review.import_files([good, not_pdf])
    settle(qtbot, window)
    [(title, message)] = shown["errors"]
    assert title == "Review packets not imported" and "minutes.pdf" in message and "\n" not in message
    assert rv.reviews(workspace, planned.id) == []


def test_responding_to_the_selected_action(  # type: ignore[no-untyped-def]
    qtbot, open_plan, planned, workspace: Workspace, monkeypatch, shown
) -> None:
    window = open_plan()
    window.tabs.setCurrentIndex(1)
    window.actions_view.selectRow(0)
    action = window.selected_action()
    assert action is not None
    answers = iter([ResponseAnswer(Reply.DECLINED, "  "), ResponseAnswer(Reply.CHANGED, "Cheaper lock")])
    monkeypatch.setattr(review, "open_response", lambda _parent, _text, answered: answered(next(answers)))
    window.actions_by_id["plan.respond"].trigger()
    assert shown["errors"][0][0] == "Response not recorded" and "why it was declined" in shown["errors"][0][1]
    assert rv.responses(workspace, planned.id) == []
    window.actions_by_id["plan.respond"].trigger()
    [response] = rv.responses(workspace, planned.id)
    assert (response.action_id, response.reply, response.text) == (action.id, Reply.CHANGED, "Cheaper lock")


def column(window: PlanWindow, title: str) -> list[str]:
    """The shown rows' text in the action-plan table's column of that title."""
    proxy, model = window.actions_filter, window.actions_model
    at = next(n for n in range(model.columnCount()) if model.headerData(n, Qt.Orientation.Horizontal) == title)
    return [proxy.index(row, at).data() for row in range(proxy.rowCount())]


def test_tallies_comments_and_responses_beside_each_action_and_the_group_filter(  # type: ignore[no-untyped-def]
    qtbot, with_packet, planned, workspace: Workspace, tmp_path: Path, monkeypatch, shown
) -> None:
    window, blank = with_packet
    first, second, third = [a.id for a in rv.plan_actions(workspace, planned.id)]
    ana = filled(blank, tmp_path / "ana.pdf", "Ana", {first: "oppose", second: "support"})
    sam = filled(blank, tmp_path / "sam.pdf", "Sam", {first: "support", second: "support", third: "change"})
    hidden = window.actions_view.isColumnHidden
    assert all(hidden(n) for n in ActionsModel.REVIEW_COLUMNS)  # not reviewed yet: the columns take no room
    window.review.import_files([ana, sam])
    settle(qtbot, window)
    assert not any(hidden(n) for n in ActionsModel.REVIEW_COLUMNS)
    by_id = {a.id: a.description for a in rv.plan_actions(workspace, planned.id)}
    rows = dict(zip(column(window, "Action"), column(window, "Group"), strict=True))
    assert rows == {by_id[first]: "1 support, 1 oppose", by_id[second]: "2 support", by_id[third]: "1 change"}
    window.tabs.setCurrentIndex(1)
    window.actions_view.selectRow(column(window, "Action").index(by_id[first]))
    assert window.review_detail.text() == (
        "Group: 1 support, 1 oppose\nAna (parent): Ana says oppose\nSam (parent): Sam says support"
    )

    group = window.filters["group"]
    group.setCurrentIndex(group.findData("contested"))
    assert sorted(column(window, "Action")) == sorted([by_id[first], by_id[third]])

    window.actions_view.selectRow(column(window, "Action").index(by_id[third]))
    answer = ResponseAnswer(Reply.CHANGED, "Smaller gate")
    monkeypatch.setattr(review, "open_response", lambda _parent, _text, answered: answered(answer))
    window.actions_by_id["plan.respond"].trigger()
    selected = window.selected_action()  # the table was read again, the action still selected
    assert selected is not None and selected.id == third
    assert window.review_detail.text().split("\n") == [
        "Group: 1 change",
        "Sam (parent): Sam says change",
        "Response: Changed: Smaller gate",
    ]
    [response] = rv.responses(workspace, planned.id)
    assert response.action_id == third
    group.setCurrentIndex(0)
    assert window.actions_filter.rowCount() == 3


def test_review_column_texts() -> None:
    action = uuid.uuid4()
    tally = Tally(action, {Stance.OPPOSE: 1, Stance.SUPPORT: 2}, (("Ana", Role.PARENT, "Too dear", False),))
    assert tally_text(tally) == "2 support, 1 oppose" and tally_text(None) == ""
    assert comments_text(tally) == "Ana (parent): Too dear" and tally_sort(tally) == (1, 3)
    assert response_text(ActionResponse(action, Reply.ACCEPTED, "ignored")) == "Accepted"
    assert response_text(ActionResponse(action, Reply.DECLINED, "No money")) == "Declined: No money"


def test_decisions_dialog_records_the_meeting_and_the_board_action(  # type: ignore[no-untyped-def]
    qtbot, open_plan, planned, workspace: Workspace, monkeypatch, shown
) -> None:
    window = open_plan()
    asked: list[DecisionDialog] = []

    def ask(parent: Any, made: list[Any], today: dt.date) -> DecisionAnswer:
        dialog = DecisionDialog(parent, made, today)
        qtbot.addWidget(dialog)
        asked.append(dialog)
        answer = answers.pop(0)
        dialog.body.setCurrentIndex(dialog.body.findData(answer["body"]))
        dialog.date.setDate(QDate.fromString(answer["date"], "yyyy-MM-dd"))
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(answer.get("outcome")))
        dialog.session.setCurrentIndex(dialog.session.findData(answer.get("session")))
        for role, count in answer.get("present", {}).items():
            dialog.members[role].setValue(count)
        dialog.minutes.setText(answer.get("minutes", ""))
        return dialog.result_value()

    answers: list[dict[str, Any]] = [
        {"body": Body.BOARD, "date": "2026-10-01", "outcome": Outcome.ADOPTED},  # before the assessment
        {"body": Body.SSAG, "date": "2026-11-20", "present": {Role.PARENT: 3, Role.STUDENT: 1}},
        {"body": Body.BOARD, "date": "2026-12-01", "outcome": Outcome.ADOPTED, "session": Session.OPEN}
        | {"minutes": "12-4"},
    ]
    monkeypatch.setattr(decisions, "ask_decision", ask)
    trigger = window.actions_by_id["plan.decision"].trigger
    trigger()
    [(title, message)] = shown["errors"]
    assert title == "Decision not recorded" and "before the assessment" in message
    assert rv.decisions(workspace, planned.id) == []
    trigger()
    trigger()
    meeting, board = rv.decisions(workspace, planned.id)
    assert (meeting.body, meeting.date, meeting.outcome) == (Body.SSAG, dt.date(2026, 11, 20), None)
    assert meeting.members_present == {"parent": 3, "student": 1}
    assert (board.outcome, board.session, board.minutes) == (Outcome.ADOPTED, Session.OPEN, "12-4")
    assert rv.adopted_version(workspace, planned.id) is not None
    recorded = asked[-1].findChild(QLabel, "decisionsMade").text()
    assert "2026-11-20 advisory group, present: 3 parent, 1 student" in recorded
    assert "board: adopted (open session), minutes 12-4" in window.statusBar().currentMessage()
