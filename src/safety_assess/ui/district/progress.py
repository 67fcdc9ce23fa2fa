"""The district window's Progress tab: pick a term to see every campus and the district against the term's targets,
and a metric to see the district's actual against target term by term. Read in the background (every campus's plans
and drills), once per refresh of the window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.readiness.metrics import BY_KEY, METRICS
from safety_assess.domain.readiness.progress import TermProgress
from safety_assess.services import targets
from safety_assess.services.targets import history, recent_terms
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.district import target_dialog
from safety_assess.ui.district.progress_chart import ProgressChart, TermPoint
from safety_assess.ui.district.progress_model import ProgressModel
from safety_assess.ui.operations import Operations
from safety_assess.ui.widgets.combos import refill
from safety_assess.ui.widgets.tables import fit_columns

WIDEST = 220


def read_progress(workspace: Workspace, today: dt.date) -> list[TermProgress]:
    """The progress of the recent terms (and any with a target), oldest first."""
    return history(workspace, recent_terms(workspace, today))


class ProgressPage(QWidget):
    loaded = Signal()
    """The terms' progress was read and shown."""

    def __init__(self, workspace: Workspace, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.operations = workspace, operations
        self.terms: list[TermProgress] = []
        self.stale = True
        self.term_choice = _combo("termChoice", "Term")
        self.metric_choice = _combo("chartMetric", "Metric in the chart")
        refill(self.metric_choice, (METRICS[0].label, METRICS[0].key), [(m.label, m.key) for m in METRICS[1:]])
        self.model = ProgressModel(self)
        self.table = QTableView()
        self.table.setObjectName("progressTable")
        self.table.setAccessibleName("Every campus and the district against the term's targets")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.chart = ProgressChart()
        self.status = QLabel("")
        self.status.setObjectName("progressStatus")
        self.set_button = QPushButton("Set tar&get…")
        self.set_button.setToolTip("Set or clear the chosen term's target for a metric")
        self.set_button.setEnabled(False)
        self.set_button.clicked.connect(self.set_target)
        self.term_choice.currentIndexChanged.connect(self._show_term)
        self.metric_choice.currentIndexChanged.connect(self._show_chart)
        self._lay_out()

    def _lay_out(self) -> None:
        choices = QHBoxLayout()
        for caption, combo in (("&Term", self.term_choice), ("Chart &metric", self.metric_choice)):
            label = QLabel(caption)
            label.setBuddy(combo)
            choices.addWidget(label)
            choices.addWidget(combo, 1)
        choices.addWidget(self.set_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def load(self, today: dt.date | None = None) -> None:
        """Read the terms' progress in the background, then show it (the chosen term kept)."""
        self.stale = False
        workspace, day = self.workspace, today or dt.date.today()
        self.status.setText("Reading every campus's progress…")
        self.operations.run(
            "Reading the district's progress against targets",
            lambda progress: read_progress(workspace, day),
            on_done=lambda terms: self._show(terms, day),
            on_error=self.status.setText,
        )

    def _show(self, terms: list[TermProgress], today: dt.date) -> None:
        chosen = self.term_choice.currentData()
        self.terms = terms
        keys = [t.term.key for t in terms]
        current = next((t.term.key for t in terms if today in t.term), keys[-1] if keys else None)
        if keys:
            refill(self.term_choice, (keys[0], keys[0]), [(key, key) for key in keys[1:]])
            self.term_choice.blockSignals(True)
            self.term_choice.setCurrentIndex(max(0, self.term_choice.findData(chosen if chosen in keys else current)))
            self.term_choice.blockSignals(False)
        self.status.setText("")
        self.set_button.setEnabled(bool(keys))
        self._show_term()
        self._show_chart()
        self.loaded.emit()

    def set_target(self) -> None:
        """Ask a metric's target for the chosen term (the chart's metric to start with), store it, read again."""
        term = self.term_choice.currentData()
        if term is None:
            return
        now = targets.targets(self.workspace)
        chosen = BY_KEY[self.metric_choice.currentData()]
        asked = target_dialog.ask_target(self, term, METRICS, chosen, lambda metric: now.of(term, metric))
        if asked is None:
            return
        try:
            if asked.value is None:
                targets.clear_target(self.workspace, asked.metric, term)
            else:
                targets.set_target(self.workspace, asked.metric, term, asked.value)
        except SafetyAssessError as error:
            dialogs.show_error(self, "Target not set", str(error))
            return
        self.load()

    def _show_term(self) -> None:
        chosen = next((t for t in self.terms if t.term.key == self.term_choice.currentData()), None)
        if chosen is None:
            return
        self.model.set_progress(chosen)
        fit_columns(self.table, self.model, WIDEST)
        self.status.setText(f"{chosen.term.key}: {chosen.term.start.isoformat()} to {chosen.term.end.isoformat()}")

    def _show_chart(self) -> None:
        key = self.metric_choice.currentData()
        metric = next(m for m in METRICS if m.key == key)
        points = []
        for term in self.terms:
            line = next(line for line in term.metrics if line.metric.key == key)
            points.append(TermPoint(term.term.key, line.district.value, line.target, line.met(line.district)))
        self.chart.set_points(metric, points)


def _combo(name: str, accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    return combo
