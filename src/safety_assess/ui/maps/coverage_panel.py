"""The coverage list beside the plan: every door and zone with the cameras that see it and how well, those no camera
sees first and marked; choosing a row selects the item on the plan."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from safety_assess.ui.maps.models import CoverageModel, coverage_rows


class CoveragePanel(QWidget):
    chosen = Signal(object)
    """The id of the door or zone whose row was chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CoverageModel(self)
        self.summary = QLabel("No plan yet.")
        self.summary.setObjectName("coverageSummary")
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("coverageTable")
        self.table.setAccessibleName("Coverage: doors and zones, and the cameras that see them")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def show_report(self, report: Mapping[str, Any] | None) -> None:
        if report is None:
            self.model.set_rows([])
            self.summary.setText("Coverage is worked out once the plan has cameras and doors or zones.")
            return
        self.model.set_rows(coverage_rows(report))
        self.table.resizeColumnToContents(0)
        self.summary.setText(summary_text(report))

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.chosen.emit(self.model.row(current).id)

    def select(self, key: uuid.UUID) -> None:
        """Show the row of this door or zone as the current one (without choosing it again on the plan)."""
        for number, row in enumerate(self.model.rows):
            if row.id == key:
                self.table.selectionModel().blockSignals(True)
                self.table.selectRow(number)
                self.table.selectionModel().blockSignals(False)
                return


def summary_text(report: Mapping[str, Any]) -> str:
    doors, covered = int(report.get("doors", 0)), int(report.get("covered", 0))
    zones, zones_covered = int(report.get("zones", 0)), int(report.get("zones_covered", 0))
    text = f"<b>{covered} of {doors} doors</b> and <b>{zones_covered} of {zones} zones</b> seen by a camera."
    if report.get("scaled") is False:
        text += " The plan has no scale: ranges are guessed and no DORI level can be known."
    return text
