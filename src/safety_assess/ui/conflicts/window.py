"""An assessment's merge conflicts side by side: each field two laptops changed differently, our value and theirs
with the device each came from; "Keep ours", "Take theirs", or another value typed (an answer, checked by its item's
rules, or a note), each resolved through services/merge_conflicts.py as a new edit that wins wherever the assessment
goes."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safety_assess.base.jobs import Changes
from safety_assess.domain.conflicts import Conflict, Keep, as_typed, field_name
from safety_assess.domain.display import counted
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services import merge_conflicts
from safety_assess.services.workspace import Workspace
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.conflicts.model import ConflictsModel, device, what


class Side(QGroupBox):
    """One side of the comparison: the value, large, and where it came from."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.value, self.origin = QLabel(), QLabel()
        self.value.setObjectName("conflictValue")
        self.value.setWordWrap(True)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.value.setFont(font)
        self.origin.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.origin)
        layout.addStretch(1)

    def show_value(self, value: object, origin: str, typed: str | None = None) -> None:
        """The value (an amount converted as typed first: '4 ft (48)') and where it came from."""
        self.value.setText(as_typed(value, typed))
        self.origin.setText(origin)


class ConflictWindow(QMainWindow):
    """One assessment's conflicts; follows imports and resolutions made elsewhere."""

    def __init__(self, workspace: Workspace, assessment_id: uuid.UUID, channel: ChangeChannel) -> None:
        super().__init__()
        self.workspace, self.assessment_id, self.channel = workspace, assessment_id, channel
        self.setObjectName("ConflictWindow")
        summary = workspace.assessments.summary(assessment_id)
        self.setWindowTitle(f"Conflicts: {summary.campus.name}, {summary.assessed_on.isoformat()} - Safety Assess")
        checklist = workspace.snapshots.checklist(summary.checklist.id)
        self.model = ConflictsModel({item.id: item.prompt for _, _, item in checklist.iter_items()}, self)
        self.table = self._table()
        self.count, self.error, self.question = QLabel(), QLabel(), QLabel()
        self.question.setObjectName("conflictQuestion")
        self.question.setWordWrap(True)
        self.count.setObjectName("conflictCount")
        self.error.setObjectName("conflictError")
        self.error.setStyleSheet("color: #b71c1c;")
        self.ours, self.theirs = Side("Ours"), Side("Theirs")
        self.keep_ours, self.take_theirs = QPushButton("&Keep ours"), QPushButton("&Take theirs")
        self.other, self.use_other = QLineEdit(), QPushButton("&Use this value")
        self._build()
        self.keep_ours.clicked.connect(lambda: self._resolve(lambda c: self._keep(c, Keep.OURS)))
        self.take_theirs.clicked.connect(lambda: self._resolve(lambda c: self._keep(c, Keep.THEIRS)))
        self.use_other.clicked.connect(lambda: self._resolve(self._typed))
        self.other.returnPressed.connect(self.use_other.click)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current))
        channel.subscribe(self._follow)
        self.reload()
        self.resize(1000, 620)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("conflictTable")
        table.setAccessibleName("Conflicts")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        return table

    def _build(self) -> None:
        self.other.setAccessibleName("Another value")
        self.other.setPlaceholderText("Another answer (checked by the item's rules) or note")
        sides = QGridLayout()
        sides.addWidget(self.ours, 0, 0)
        sides.addWidget(self.theirs, 0, 1)
        sides.addWidget(self.keep_ours, 1, 0)
        sides.addWidget(self.take_theirs, 1, 1)
        typed = QHBoxLayout()
        label = QLabel("&Another value:")
        label.setBuddy(self.other)
        for widget, stretch in ((label, 0), (self.other, 1), (self.use_other, 0)):
            typed.addWidget(widget, stretch)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.question)
        layout.addLayout(sides)
        layout.addLayout(typed)
        layout.addWidget(self.error)
        self.setCentralWidget(central)

    def reload(self) -> None:
        """Read the conflicts again, staying on the same one when it is still there."""
        current = self.selected()
        self.model.set_rows(merge_conflicts.conflicts(self.workspace, self.assessment_id))
        rows = self.model.rows
        self.count.setText(
            f"{counted(len(rows), 'conflict')} to resolve: two laptops changed the same thing differently. Our value "
            "stays until you choose."
            if rows
            else "No conflicts left: every item two laptops changed differently has been resolved."
        )
        keep = next((n for n, c in enumerate(rows) if current is not None and c.id == current.id), 0)
        if rows:
            self.table.selectRow(keep)
        self._show(self.model.index(keep, 0) if rows else QModelIndex())

    def selected(self) -> Conflict | None:
        index = self.table.currentIndex()
        return self.model.row(index) if index.isValid() and index.row() < len(self.model.rows) else None

    def _show(self, index: QModelIndex) -> None:
        conflict = self.model.row(index) if index.isValid() else None
        for widget in (self.keep_ours, self.take_theirs):
            widget.setEnabled(conflict is not None)
        typed = (
            conflict is not None and conflict.table == "responses" and conflict.field in ("value", "note", "follow_up")
        )
        self.other.setEnabled(typed)
        self.use_other.setEnabled(typed)
        self.error.clear()
        if conflict is None:
            self.question.clear()
            self.ours.show_value(None, "")
            self.theirs.show_value(None, "")
            return
        instance = f" ({conflict.instance_label})" if conflict.instance_label else ""
        self.question.setText(f"{field_name(conflict).capitalize()} of: {what(conflict, self.model.prompts)}{instance}")
        self.ours.show_value(conflict.ours, f"This laptop, {device(conflict.our_device)}", conflict.ours_typed)
        self.theirs.show_value(conflict.theirs, f"From {device(conflict.their_device)}", conflict.theirs_typed)

    def _keep(self, conflict: Conflict, keep: Keep) -> Changes:
        return merge_conflicts.resolve_conflict(self.workspace, conflict.id, keep)

    def _typed(self, conflict: Conflict) -> Changes:
        return merge_conflicts.resolve_conflict_value(self.workspace, conflict.id, self.other.text())

    def _resolve(self, how: Callable[[Conflict], Changes]) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        try:
            changes = how(conflict)
        except SafetyAssessError as error:
            self.error.setText(str(error))
            return
        self.other.clear()
        self.channel.publish(changes, self)
        self.reload()

    def _follow(self, changes: Changes, origin: object) -> None:
        """A bundle imported, or a conflict resolved elsewhere: read them again."""
        if origin is not self and self.assessment_id in changes.assessments | changes.answers | changes.plans:
            self.reload()
