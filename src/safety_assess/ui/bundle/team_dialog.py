"""The team pack dialog: which sections of the assessment the second laptop does, and the file to write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from safety_assess.ui.bundle.file_row import ID_ROLE, BundleFileRow, error_line, tickable, ticked, write_buttons


@dataclass(frozen=True)
class TeamChoices:
    """What the dialog offers: the assessment, described, its sections as (id, title), and a file name."""

    assessment: str
    sections: list[tuple[str, str]]
    suggested: Path


@dataclass(frozen=True)
class TeamRequest:
    path: Path
    sections: list[str]
    """The ids of the sections ticked (every one when all are)."""


class TeamPackDialog(QDialog):
    def __init__(self, parent: QWidget | None, choices: TeamChoices) -> None:
        super().__init__(parent)
        self.setWindowTitle("Team pack for a second laptop")
        self.setObjectName("TeamPackDialog")
        self.resize(560, 460)
        intro = QLabel(
            f"Give a second laptop {choices.assessment} to work on. It walks the sections ticked here first; its "
            "bundles come back to this laptop, where its answers are merged with yours."
        )
        intro.setWordWrap(True)
        self.model = QStandardItemModel(self)
        for section_id, title in choices.sections:
            self.model.appendRow(tickable(f"{title} ({section_id})", section_id, False))
        self.list = QListView()
        self.list.setObjectName("teamSections")
        self.list.setAccessibleName("Sections the second laptop does")
        self.list.setModel(self.model)
        self.file_row = file_row = BundleFileRow(self, choices.suggested, "Team pack")
        self.path = file_row.path
        note = QLabel("Not encrypted: hand the file over as you would the assessment itself.")
        note.setWordWrap(True)
        self.error = error_line()
        buttons = write_buttons(self, "&Write pack", self._problem, self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        sections_label = QLabel("&Sections the second laptop does:")
        sections_label.setBuddy(self.list)
        layout.addWidget(sections_label)
        layout.addWidget(self.list)
        layout.addLayout(file_row)
        for below in (note, self.error, buttons):
            layout.addWidget(below)

    def set_checked(self, section_ids: list[str]) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            chosen = item.data(ID_ROLE) in section_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def checked(self) -> list[str]:
        return ticked(self.model)

    def _problem(self) -> str:
        if not self.checked():
            return "Tick the sections the second laptop does."
        return self.file_row.problem()

    def value(self) -> TeamRequest:
        return TeamRequest(self.file_row.value(), self.checked())


def ask_team_pack(parent: QWidget | None, choices: TeamChoices) -> TeamRequest | None:
    """Which sections the second laptop does, and where the pack goes; None when cancelled."""
    dialog = TeamPackDialog(parent, choices)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
