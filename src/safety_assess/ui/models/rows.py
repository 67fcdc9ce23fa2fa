"""The one declarative table model: rows of one type, described by their columns (title, text, sort key,
background); every table of the plan and district windows is one of these. No queries: rows are plain data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
T = TypeVar("T")
WHITE = QBrush(QColor("white"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


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
        self._cells: list[list[tuple[str, object, QBrush | None, str | None]]] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows``; every cell is worked out once here (views ask for each many times)."""
        self.beginResetModel()
        self.rows = list(rows)
        self._cells = [[self._cell(column, row) for column in self.columns] for row in self.rows]
        self.endResetModel()

    @staticmethod
    def _cell(column: Column[T], row: T) -> tuple[str, object, QBrush | None, str | None]:
        color = column.background(row) if column.background is not None else None
        tip = column.tooltip(row) if column.tooltip is not None else None
        return column.text(row), column.sort(row), QBrush(QColor(color)) if color else None, tip

    def titles(self) -> list[str]:
        return [column.title for column in self.columns]

    def column_texts(self, column: int, rows: int) -> list[str]:
        """The text of the first ``rows`` rows in a column."""
        return [cells[column][0] for cells in self._cells[:rows]]

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
        text, sort, background, tip = self._cells[index.row()][index.column()]
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
