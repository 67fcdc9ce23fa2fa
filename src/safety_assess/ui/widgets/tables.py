"""Helpers for the table views of the plan and district windows."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from safety_assess.ui.models.rows import RowsModel

FIT_SAMPLE_ROWS = 60
"""Column widths are fitted to the first rows only: measuring every row of a long plan takes most of a second."""


def fit_columns(view: QTableView, model: RowsModel[Any], widest: int) -> None:
    """Columns as wide as their title and the first rows' text, none wider than ``widest`` (long text shows in
    full as a tooltip). Measured here from the model's texts: Qt's own fitting asks the model for every cell and
    role, which takes most of the opening time of a long plan."""
    metrics = view.fontMetrics()
    bold = QFontMetrics(view.horizontalHeader().font())
    header = view.horizontalHeader()
    for column, title in enumerate(model.titles()):
        texts = model.column_texts(column, FIT_SAMPLE_ROWS)
        width = max([bold.horizontalAdvance(title) + 24, *(metrics.horizontalAdvance(t) + 14 for t in texts)])
        header.resizeSection(column, min(width, widest))
