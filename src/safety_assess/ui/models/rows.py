"""The one declarative table model: rows of one type, described by their columns (title, text, sort key,
background); every table of the plan and district windows is one of these. No queries: rows are plain data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
T = TypeVar("T")
WHITE = QBrush(QColor("white"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Cell = tuple[str, object, QBrush | None, str | None]
"""A cell's text, sort key, background and tooltip."""


class Column(Generic[T]):
    """A column: its title, the text of a row, and optionally a sort key, a background and a tooltip."""

    def __init__(
        self,
        title: str,
        text: Callable[[T], str],
        sort: Callable[[T], object] | None = None,
        background: Callable[[T], str | None] | None = None,
        align_right: bool = False,
        tooltip: Callable[[T], str] | None = None,
    ) -> None:
        self.title, self.text, self.sort = title, text, sort or text
        self.background, self.align_right = background, align_right
        self.tooltip = tooltip
        """The text shown on hovering a cell; by default the cell's own text (read in full when cut off)."""


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table of rows of one type, described by its columns."""

    columns: Sequence[Column[T]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = []
        self._cells: list[list[Cell] | None] = []
        """Each row's cells, worked out when first asked for (a view asks only for the rows in sight)."""
        self.sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        """The column and order of ``sort_rows`` (-1: as given)."""

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows``, in the order last asked for by ``sort_rows``; a row's cells are worked out once, when
        first asked for (views ask for each many times)."""
        self.beginResetModel()
        self.rows = list(rows)
        self._cells = [None] * len(self.rows)
        self._reorder(self._order())
        self.endResetModel()

    def sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        """Sort by ``column``'s sort keys, here in one Python sort (a sorting proxy asks ``data()`` for both sides
        of every comparison: a second for a thousand rows); rows set later keep the order."""
        self.sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        moved = self._order()
        self._reorder(moved)
        now = {old: new for new, old in enumerate(moved)}
        kept = self.persistentIndexList()
        self.changePersistentIndexList(kept, [self.index(now[i.row()], i.column()) for i in kept])
        self.layoutChanged.emit()

    def _order(self) -> list[int]:
        """The rows' numbers in the order asked for (stable: equal keys keep their order)."""
        column, order = self.sorted_by
        numbers = list(range(len(self.rows)))
        if not 0 <= column < len(self.columns):
            return numbers
        descending = order == Qt.SortOrder.DescendingOrder
        sort = self.columns[column].sort
        return sorted(numbers, key=lambda n: _sort_key(sort(self.rows[n])), reverse=descending)

    def _reorder(self, numbers: list[int]) -> None:
        self.rows = [self.rows[n] for n in numbers]
        self._cells = [self._cells[n] for n in numbers]

    def _row_cells(self, number: int) -> list[Cell]:
        cells = self._cells[number]
        if cells is None:
            row = self.rows[number]
            cells = self._cells[number] = [self._cell(column, row) for column in self.columns]
        return cells

    @staticmethod
    def _cell(column: Column[T], row: T) -> Cell:
        color = column.background(row) if column.background is not None else None
        tip = column.tooltip(row) if column.tooltip is not None else None
        return column.text(row), column.sort(row), QBrush(QColor(color)) if color else None, tip

    def titles(self) -> list[str]:
        return [column.title for column in self.columns]

    def column_texts(self, column: int, rows: int) -> list[str]:
        """The text of the first ``rows`` rows in a column."""
        return [self._row_cells(n)[column][0] for n in range(min(rows, len(self.rows)))]

    def row(self, index: Index) -> T:
        return self.rows[index.row()]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text, sort, background, tip = self._row_cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if tip is None else tip
        if role == SORT_ROLE:
            return sort
        if role == Qt.ItemDataRole.BackgroundRole:
            return background
        if role == Qt.ItemDataRole.ForegroundRole and background is not None:
            return WHITE
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].align_right:
            return RIGHT
        return None


def _sort_key(value: object) -> tuple[int, Any]:
    """Numbers before texts (as a proxy's sort would compare them), anything else by its text."""
    if value is None:
        return (0, 0)
    if isinstance(value, int | float):
        return (1, value)
    return (2, value) if isinstance(value, str) else (3, str(value))


class SortedRows(QSortFilterProxyModel):
    """A filter over a ``RowsModel`` that leaves the sorting to it (``sort_rows``): its own sort would ask the
    rows' ``data()`` for every comparison."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        assert isinstance(source, RowsModel)
        source.sort_rows(column, order)
