"""Campuses with their assessments, as a two-level tree."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from safety_assess.domain.records import AssessmentSummary, Campus

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Campus / assessment", "Date", "Assessors", "Status", "Recorded")
ROOT = QModelIndex()
TOP = 0  # internalId of top-level rows; a child row's internalId is its campus row + 1


@dataclass
class CampusNode:
    campus: Campus
    assessments: list[AssessmentSummary] = field(default_factory=list)


class CampusTreeModel(QAbstractItemModel):
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._nodes: list[CampusNode] = []

    def reset(self, campuses: list[Campus], assessments: list[AssessmentSummary]) -> None:
        by_campus: dict[uuid.UUID, CampusNode] = {c.id: CampusNode(c) for c in campuses}
        for summary in assessments:
            node = by_campus.get(summary.campus.id)
            if node is not None:
                node.assessments.append(summary)
        self.beginResetModel()
        self._nodes = list(by_campus.values())
        self.endResetModel()

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, TOP)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self._nodes)
        if parent.internalId() == TOP and parent.column() == 0:
            return len(self._nodes[parent.row()].assessments)
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.record(index)
        if role == self.IdRole:
            return str(record.id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if isinstance(record, Campus):
                return _campus_cell(record, index.column(), len(self._nodes[index.row()].assessments))
            return _assessment_cell(record, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 0:
            return _accessible(record)
        return None

    def record(self, index: Index) -> Campus | AssessmentSummary:
        if index.internalId() == TOP:
            return self._nodes[index.row()].campus
        return self._nodes[index.internalId() - 1].assessments[index.row()]

    def find(self, record_id: uuid.UUID) -> QModelIndex:
        for row, node in enumerate(self._nodes):
            if node.campus.id == record_id:
                return self.index(row, 0)
            for child, summary in enumerate(node.assessments):
                if summary.id == record_id:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()


def _campus_cell(campus: Campus, column: int, count: int) -> str:
    if column == 0:
        return f"{campus.name} ({campus.code})"
    if column == 1:
        return f"{count} assessment{'s' if count != 1 else ''}"
    return ""


def _assessment_cell(summary: AssessmentSummary, column: int) -> str:
    values = (
        f"{summary.checklist.title} {summary.checklist.version}",
        summary.assessed_on.isoformat(),
        ", ".join(summary.assessors) or "(none named)",
        summary.status.value.replace("_", " ").capitalize()
        + (f", revision {summary.revision_no}" if summary.revision_no > 1 else ""),
        str(summary.answered),
    )
    return values[column]


def _accessible(record: Campus | AssessmentSummary) -> str:
    if isinstance(record, Campus):
        return f"Campus {record.name}, code {record.code}"
    return f"Assessment of {record.assessed_on.isoformat()}, {record.checklist.title}, {record.status.value}"
