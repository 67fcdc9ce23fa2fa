"""The Progress tab's table: a row per campus and one for the district, a column per metric, each cell the actual
against the term's target (met, missed in the warning colour, "no data" greyed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from safety_assess.domain.readiness.metrics import Reading
from safety_assess.domain.readiness.progress import MetricProgress, TermProgress
from safety_assess.domain.readiness.shown import NO_DATA_TEXT, met_text, target_text, value_text
from safety_assess.ui.models.rows import Column, Index, RowsModel

DISTRICT = "District"
WARNING = "#b3261e"
"""The app's warning colour (as the drill log's overdue and a revoked device): white text on it."""
GREY = QBrush(QColor("#8a8a8a"))
"""'no data': readable on a light and a dark theme, plainly not a figure."""


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


BOLD = _bold()


@dataclass(frozen=True)
class ProgressRow:
    name: str
    code: str
    readings: tuple[Reading, ...]
    """One per metric, in the metrics' order."""
    district: bool = False


def rows_of(progress: TermProgress) -> list[ProgressRow]:
    """The district's row first, then a row per campus."""
    lines = progress.metrics
    district = ProgressRow(DISTRICT, "", tuple(line.district for line in lines), True)
    campuses = [ProgressRow(c.name, c.code, tuple(line.campuses[c.id] for line in lines)) for c in progress.campuses]
    return [district, *campuses]


def cell_text(line: MetricProgress, reading: Reading) -> str:
    """'82.5% met', '40% missed', '3 findings', 'no data'."""
    met = met_text(line.met(reading))
    actual = value_text(line.metric, reading.value)
    return f"{actual} {met}" if met else actual


def _metric_column(number: int, line: MetricProgress) -> Column[ProgressRow]:
    target = target_text(line.metric, line.target)
    return Column(
        f"{line.metric.label}\n{target or 'no target'}",
        lambda row: cell_text(line, row.readings[number]),
        lambda row: row.readings[number].value if row.readings[number].value is not None else -1.0,
        lambda row: WARNING if line.met(row.readings[number]) is False else None,
        True,
    )


class ProgressModel(RowsModel[ProgressRow]):
    """Campuses × metrics for one term, the district's row first (and first when sorted by campus)."""

    def set_progress(self, progress: TermProgress) -> None:
        self.columns = [
            Column("Campus", lambda row: row.name, lambda row: (not row.district, row.name)),
            Column("Code", lambda row: row.code),
            *(_metric_column(number, line) for number, line in enumerate(progress.metrics)),
        ]
        self.set_rows(rows_of(progress))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self._row_cells(index.row())[index.column()][0] == NO_DATA_TEXT:
            return GREY
        if role == Qt.ItemDataRole.FontRole and self.rows[index.row()].district:
            return BOLD
        return super().data(index, role)
