"""The form that sets up a spot check, keyboard first: the checklist, the sections to tick (none: all of them), how
often and from when. Enter saves, Escape cancels; the service checks what was chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.dates import DateTextError, parse_date
from safety_assess.domain.readiness.spot_checks import Every
from safety_assess.ui.widgets.forms import error_line, lay_out_form


@dataclass(frozen=True)
class ScheduleAsked:
    checklist_id: str
    sections: tuple[str, ...]
    """Ticked section ids; none: the whole checklist."""
    every: Every
    starts: dt.date


class ScheduleDialog(QDialog):
    def __init__(self, parent: QWidget | None, checklists: Sequence[Checklist]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a spot check")
        self.setMinimumWidth(480)
        self._checklists = list(checklists)
        self.asked: ScheduleAsked | None = None
        self.checklist = QComboBox()
        self.checklist.setAccessibleName("Checklist")
        for checklist in self._checklists:
            self.checklist.addItem(checklist.title, checklist.id)
        self.checklist.currentIndexChanged.connect(self._fill_sections)
        self.sections = QListWidget()
        self.sections.setAccessibleName("Sections to check (none ticked: all)")
        self.every = QComboBox()
        self.every.setAccessibleName("How often")
        for how in Every:
            self.every.addItem(f"Every {how.value}", how.value)
        self.starts = QLineEdit(dt.date.today().isoformat())
        self.starts.setAccessibleName("From")
        self.error = error_line()
        rows = [
            ("&Checklist:", self.checklist),
            ("&Sections (none ticked: all):", self.sections),
            ("&How often:", self.every),
            ("&From:", self.starts),
        ]
        lay_out_form(self, rows, self.error, self.save)
        self._fill_sections()

    def _fill_sections(self) -> None:
        self.sections.clear()
        index = self.checklist.currentIndex()
        if index < 0:
            return
        for section in self._checklists[index].sections:
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.sections.addItem(item)

    def save(self) -> None:
        try:
            starts = parse_date(self.starts.text())
        except DateTextError as error:
            self.error.setText(f"From: {error}")
            return
        ticked = [self.sections.item(n) for n in range(self.sections.count())]
        chosen = tuple(str(i.data(Qt.ItemDataRole.UserRole)) for i in ticked if i.checkState() == Qt.CheckState.Checked)
        self.asked = ScheduleAsked(str(self.checklist.currentData()), chosen, Every(self.every.currentData()), starts)
        self.accept()


def ask_schedule(parent: QWidget | None, checklists: Sequence[Checklist]) -> ScheduleAsked | None:
    """The spot check chosen in the form; None when cancelled. Tests replace this function."""
    dialog = ScheduleDialog(parent, checklists)
    return dialog.asked if dialog.exec() == QDialog.DialogCode.Accepted else None
