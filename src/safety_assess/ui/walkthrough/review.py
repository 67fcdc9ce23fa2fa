"""The review page: what is still missing before the assessment is completed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from safety_assess.domain.scoring.coverage import Coverage, answered_text
from safety_assess.domain.walk.review import Problem, ReviewEntry
from safety_assess.domain.walk.slots import SlotKey


@dataclass(frozen=True)
class ReviewChoice:
    complete: bool = False
    go_to: SlotKey | None = None


class ReviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, entries: list[ReviewEntry], read_only: bool, covered: Coverage) -> None:
        super().__init__(parent)
        self.setWindowTitle("Review before completing")
        self.resize(720, 480)
        self.choice = ReviewChoice()
        summary = QLabel(_summary(entries, covered))
        summary.setObjectName("reviewSummary")
        summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Points to review")
        self.list.setWordWrap(True)  # a long prompt reads whole, on several lines
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for entry in entries:
            row = QListWidgetItem(f"{entry.slot.item.prompt}\n    {entry.slot.label}: {entry.problem.value}")
            row.setData(Qt.ItemDataRole.UserRole, entry.slot.key)
            self.list.addItem(row)
        self.list.itemActivated.connect(self._go)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.complete_button = buttons.addButton("&Complete and sign off…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.complete_button.setEnabled(not read_only)
        self.complete_button.clicked.connect(self._complete)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _go(self, row: QListWidgetItem) -> None:
        self.choice = ReviewChoice(go_to=row.data(Qt.ItemDataRole.UserRole))
        self.accept()

    def _complete(self) -> None:
        self.choice = ReviewChoice(complete=True)
        self.accept()


def _summary(entries: list[ReviewEntry], covered: Coverage) -> str:
    """What was answered and what was not (the optional items left too: completing leaves them unanswered), then
    the points to look at."""
    required = sum(1 for entry in entries if entry.problem is Problem.REQUIRED_UNANSWERED)
    optional = covered.not_answered - required
    answered = answered_text(covered) + (
        f" ({required} required, {optional} optional)" if required and optional > 0 else ""
    )
    if not entries:
        return f"{answered}. Nothing required is missing: the assessment can be completed."
    points = f"{len(entries)} point{'s' if len(entries) != 1 else ''} to look at"
    return f"{answered}. {points}. Double-click one to go there."


def ask_review(parent: QWidget | None, entries: list[ReviewEntry], read_only: bool, covered: Coverage) -> ReviewChoice:
    dialog = ReviewDialog(parent, entries, read_only, covered)
    dialog.exec()
    return dialog.choice
