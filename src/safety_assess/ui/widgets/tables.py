"""Helpers for the table views of the plan and district windows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from safety_assess.ui.models.rows import RowsModel

FIT_SAMPLE_ROWS = 60
"""Column widths are fitted to the first rows only: measuring every row of a long plan takes most of a second."""
TEXT_MARGINS = 10
"""A cell's text is laid out this much narrower than its column (the style's margins, and a little air)."""
ROW_PADDING = 8


SORTED_TITLE_PADDING = 24
"""Room beside a column's title for the margins and the sort indicator."""
TITLE_PADDING = 12
"""Room beside a title without the sort indicator: the margins and a little air."""


def fit_columns(view: QTableView, model: RowsModel[Any], widest: int, tight_titles: bool = False) -> None:
    """Columns as wide as their title and the first rows' text, none wider than ``widest`` (long text shows in
    full as a tooltip); with ``tight_titles``, only the sorted column leaves room for the sort indicator (fit the
    columns again when the sort changes). Measured here from the model's texts: Qt's own fitting asks the model
    for every cell and role, which takes most of the opening time of a long plan."""
    metrics = view.fontMetrics()
    bold = QFontMetrics(view.horizontalHeader().font())
    header = view.horizontalHeader()
    for column, title in enumerate(model.titles()):
        texts = model.column_texts(column, FIT_SAMPLE_ROWS)
        title_width = max(bold.horizontalAdvance(line) for line in title.split("\n"))  # a title may take two lines
        sorted_here = not tight_titles or column == header.sortIndicatorSection()
        title_width += SORTED_TITLE_PADDING if sorted_here else TITLE_PADDING
        width = max([title_width, *(metrics.horizontalAdvance(t) + 14 for t in texts)])
        header.resizeSection(column, min(width, widest))


def squeeze_into_view(view: QTableView, column: int, narrowest: int) -> None:
    """Narrow ``column`` (a text column whose cells show in full as a tooltip) so that every column fits the view's
    width without scrolling, but not below ``narrowest``: the figures beside it stay whole."""
    header = view.horizontalHeader()
    total = sum(header.sectionSize(n) for n in range(header.count()))
    spare = view.viewport().width() - total
    if spare < 0:
        header.resizeSection(column, max(narrowest, header.sectionSize(column) + spare))


class WrappedRows(QObject):
    """Rows as tall as the wrapped text of a few columns (an action's description read in full), measured here from
    those columns' texts: Qt's own row fitting asks every cell of every row, a few hundred milliseconds on a long
    plan at each reload. Heights follow resets, sorting, filtering and the columns' widths, measured once per turn
    of the event loop however many of those arrive together (a reload and its column fitting send half a dozen, a
    filter one per range of rows)."""

    def __init__(self, view: QTableView, columns: tuple[int, ...]) -> None:
        super().__init__(view)
        self.view, self.columns = view, columns
        view.setWordWrap(True)
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.fit)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._pending.start)
        view.horizontalHeader().sectionResized.connect(self._resized)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column in self.columns:
            self._pending.start()

    def fitting(self) -> bool:
        """True while a measure is asked for and not yet made (it is, at the next turn of the event loop)."""
        return self._pending.isActive()

    def fit(self) -> None:
        self._pending.stop()
        view, model = self.view, self.view.model()
        metrics = view.fontMetrics()
        single = view.verticalHeader().defaultSectionSize()
        widths = {column: max(view.columnWidth(column) - TEXT_MARGINS, 20) for column in self.columns}
        for row in range(model.rowCount()):
            height = single
            for column, width in widths.items():
                text = str(model.index(row, column).data() or "")
                box = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
                height = max(height, box.height() + ROW_PADDING)
            view.setRowHeight(row, height)
