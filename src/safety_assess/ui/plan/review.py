"""The advisory group's review in the plan window: writing a review packet, importing filled packets (by the menu
or dropped on the window) and recording the response to what the group said of an action."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from safety_assess.base.jobs import Progress
from safety_assess.domain.display import counted
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.plan.actions import Action
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.review.model import PacketIdentity, Reply
from safety_assess.services import reviews as rv
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.plan import decisions
from safety_assess.ui.plan.review_columns import ReviewView

if TYPE_CHECKING:
    from safety_assess.ui.plan.window import PlanWindow


@dataclass(frozen=True)
class ResponseAnswer:
    reply: Reply
    text: str


class ResponseDialog(QDialog):
    """The response to an action: accepted, changed (with what) or declined (with why)."""

    def __init__(self, parent: QWidget | None, description: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Response to the group")
        self.reply = QComboBox()
        self.reply.setObjectName("responseReply")
        for choice in Reply:
            self.reply.addItem(choice.value.capitalize(), choice)
        self.text = QPlainTextEdit()
        self.text.setObjectName("responseText")
        self.text.setPlaceholderText("What was changed, or why it was declined")
        form = QFormLayout(self)
        shown = QLabel(description)
        shown.setWordWrap(True)
        form.addRow("Action:", shown)
        form.addRow("Response:", self.reply)
        form.addRow("Text:", self.text)
        form.addRow(dialogs.ok_cancel(self))

    def result_value(self) -> ResponseAnswer:
        return ResponseAnswer(Reply(self.reply.currentData()), self.text.toPlainText())


def open_response(parent: QWidget, description: str, answered: Callable[[ResponseAnswer], None]) -> None:
    """The response dialog, shown over the window without waiting: ``answered`` gets the answer once accepted."""
    dialog = ResponseDialog(parent, description)
    dialog.setObjectName("responseDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: answered(dialog.result_value()))
    dialog.open()


def ask_packet_files(parent: QWidget | None) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, "Import filled review packets", "", "PDF files (*.pdf)")
    return [Path(name) for name in names]


def dropped_packets(paths: list[Path]) -> tuple[list[Path], str]:
    """The PDF files among dropped paths, and what says which others were ignored and why ('' when none were)."""
    others = [path.name for path in paths if path.suffix.lower() != ".pdf"]
    if not others:
        return paths, ""
    named = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
    why = "not PDF files" if len(others) > 1 else "not a PDF file"
    note = f"Ignored {named}: {why}; only filled review packets (PDF) are read from files dropped here."
    return [path for path in paths if path.suffix.lower() == ".pdf"], note


class ReviewCommands:
    def __init__(self, window: PlanWindow) -> None:
        self.window = window

    def write_packet(self, public: bool = False) -> None:
        """Write a review packet of the plan (full or public version) in the background, after asking where."""
        window = self.window
        campus = window.plan.summary.campus
        kind = "public-review-packet" if public else "review-packet"
        suggested = Path.home() / f"{kind}-{campus.code}-{window.plan.summary.assessed_on}.pdf"
        out = dialogs.ask_save_path(window, "Write review packet", suggested, "PDF files (*.pdf)")
        if out is None:
            return
        workspace, assessment_id = window.workspace, window.assessment_id

        def done(result: tuple[PacketIdentity, list[uuid.UUID]]) -> None:
            identity, actions = result
            window.statusBar().showMessage(
                f"{'Public review' if public else 'Review'} packet {identity.packet_no} "
                f"(plan revision {identity.plan_revision}, {counted(len(actions), 'action')})"
                f" written to {out.name}.",
                8000,
            )

        window.operations.run(
            "Writing the review packet",
            lambda _progress: rv.write_packet(workspace, assessment_id, out, public),
            on_done=done,
            on_error=lambda message: dialogs.show_error(window, "Review packet not written", message),
        )

    def import_from_menu(self) -> None:
        paths = ask_packet_files(self.window)
        if paths:
            self.import_files(paths)

    def import_dropped(self, paths: list[Path]) -> None:
        """Import the filled packets among dropped files; the others named in the status bar and in the results."""
        packets, ignored = dropped_packets(paths)
        if ignored:
            self.window.statusBar().showMessage(ignored, 15000)
        if packets:
            self.import_files(packets, ignored)

    def import_files(self, paths: list[Path], ignored: str = "") -> None:
        """Read and record filled packets in the background: every one checked before any is stored."""
        window, workspace = self.window, self.window.workspace

        def work(_progress: Progress) -> list[rv.RecordResult]:
            from safety_assess.reports.review_read import read_packet

            return rv.import_packets(workspace, [read_packet(path) for path in paths])

        def done(results: list[rv.RecordResult]) -> None:
            window.reload()
            lines = [_result_line(result) for result in results] + ([ignored] if ignored else [])
            dialogs.show_import_results(window, lines, len(results), 0)

        window.operations.run(
            "Importing review packets",
            work,
            on_done=done,
            on_error=lambda message: dialogs.show_error(window, "Review packets not imported", message),
        )

    def respond_to_selected(self) -> None:
        window = self.window
        action = window.selected_action()
        if action is None or action.id is None:
            window.statusBar().showMessage("Select an action first.", 5000)
            return
        open_response(window, action.description, lambda answer: self._respond(action, answer))

    def _respond(self, action: Action, answer: ResponseAnswer) -> None:
        window = self.window
        assert action.id is not None
        try:
            rv.respond(window.workspace, action.id, answer.reply, answer.text)
        except SafetyAssessError as error:
            dialogs.show_error(window, "Response not recorded", str(error))
            return
        window.changed_here(select_key=action.finding_key)
        window.statusBar().showMessage("Response recorded.", 4000)

    def record_decision(self) -> None:
        """The group's meeting or the board's action, asked in the decisions dialog and checked by the service."""
        window = self.window
        workspace, assessment_id = window.workspace, window.assessment_id
        answer = decisions.ask_decision(window, rv.decisions(workspace, assessment_id), dt.date.today())
        if answer is None:
            return
        try:
            made = rv.record_decision(workspace, assessment_id, **dataclasses.asdict(answer))
        except SafetyAssessError as error:
            dialogs.show_error(window, "Decision not recorded", str(error))
            return
        window.changed_here()
        window.statusBar().showMessage(f"Recorded: {decisions.decision_line(made)}.", 8000)


def _result_line(result: rv.RecordResult) -> str:
    packet = result.review.packet
    line = f"{packet.reviewer} ({packet.role.value}), {len(packet.views)} views"
    if result.replaced:
        line += ", replacing their earlier packet"
    if result.dropped:
        line += f"; {len(result.dropped)} views of actions no longer in the plan not kept"
    return line


def load_review(workspace: Workspace, assessment_id: uuid.UUID, plan: Plan | None = None) -> ReviewView:
    """The group's tallies and comments per action, the latest response to each, and what changed since the board
    adopted the plan (``plan``: as loaded)."""
    responses = {response.action_id: response for response in rv.responses(workspace, assessment_id)}
    since = rv.since_adopted(workspace, assessment_id, plan)
    return ReviewView(rv.review_tallies(workspace, assessment_id), responses, since)
