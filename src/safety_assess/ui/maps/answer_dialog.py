"""The "Answer from plan" dialog: the suggested answers in a table with a tick per row (Space ticks the current row);
OK records the ticked ones. Behind ``ask_answers``, which a test replaces."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from safety_assess.ui.maps.plan_answers import OfferRow
from safety_assess.ui.models.rows import Column, Index, RowsModel

CHECK = Qt.ItemDataRole.CheckStateRole
WIDEST = {1: 220, 2: 180, 3: 180}
"""Pixels at most for the item, the suggested answer and the answer now (wrapped; the whole text in a tooltip)."""


class OffersModel(RowsModel[OfferRow]):
    """The offers, the first column ticked or not (ticked at first when the answer would change)."""

    columns = (
        Column("Instance", lambda row: row.instance),
        Column("Item", lambda row: row.item),
        Column("Suggested", lambda row: row.suggested),
        Column("Answer now", lambda row: row.now),
        Column("Why", lambda row: row.why),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.ticked: list[bool] = []

    def set_rows(self, rows: Sequence[OfferRow]) -> None:
        self.ticked = [row.changes_answer for row in rows]
        super().set_rows(rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() and index.column() == 0 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == CHECK and index.isValid() and index.column() == 0:
            return Qt.CheckState.Checked if self.ticked[index.row()] else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != CHECK or not index.isValid() or index.column() != 0:
            return False
        self.ticked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [CHECK])
        return True

    def chosen(self) -> list[int]:
        return [number for number, ticked in enumerate(self.ticked) if ticked]


def ask_answers(parent: QWidget | None, title: str, rows: Sequence[OfferRow]) -> list[int] | None:
    """The numbers of the rows ticked when OK is pressed; None when cancelled."""
    dialog = AnswersDialog(parent, title, rows)
    return dialog.model.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AnswersDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, rows: Sequence[OfferRow]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Answer from plan")
        self.resize(980, 420)
        self.model = OffersModel(self)
        self.model.set_rows(rows)
        self.table = QTableView()
        self.table.setObjectName("planAnswers")
        self.table.setAccessibleName("Answers the site plans suggest")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        for column, widest in WIDEST.items():  # the rest goes to why, wrapped
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.table.resizeRowsToContents()
        self.table.setCurrentIndex(self.model.index(0, 0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record ticked answers")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"<p>What the site plans suggest for <b>{html.escape(title)}</b>. Ticked rows are recorded as answers "
            "(Space ticks or unticks the chosen row); rows that would not change the answer are left unticked.</p>"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Rows as tall as their wrapped text, once the last column has taken the width left."""
        super().showEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)
