"""Sorting and filtering proxies for the findings and action-plan tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from safety_assess.ui.models.rows import SORT_ROLE
from safety_assess.ui.plan.models import ActionsModel, FindingsModel

Index = QModelIndex | QPersistentModelIndex


class FindingsFilter(QSortFilterProxyModel):
    """Findings, sorted by any column; only one heat-map cell's when a cell is chosen."""

    def __init__(self, source: FindingsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.cell: tuple[int, int] | None = None

    def set_cell(self, cell: tuple[int, int] | None) -> None:
        self.beginFilterChange()
        self.cell = cell
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self.cell is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, FindingsModel)
        finding = model.rows[source_row]
        return (finding.likelihood, finding.severity) == self.cell


class ActionsFilter(QSortFilterProxyModel):
    """Actions, sorted by any column, filtered by phase, band, layer, status and what the group said (None: any)."""

    FIELDS = ("phase", "band", "layer", "status", "group")

    def __init__(self, source: ActionsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.wanted: dict[str, str | None] = dict.fromkeys(self.FIELDS)

    def set_filter(self, field: str, value: str | None) -> None:
        self.set_filters({field: value})

    def set_filters(self, wanted: dict[str, str | None]) -> None:
        self.beginFilterChange()
        self.wanted.update(wanted)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ActionsModel) and model.plan is not None
        action = model.rows[source_row]
        values = {
            "phase": action.phase,
            "band": model.finding_of(action).band(model.plan.bands).name,
            "layer": action.layer or "",
            "status": action.status.value,
            "group": model.review.group_value(action),
        }
        return all(wanted is None or values[field] == wanted for field, wanted in self.wanted.items())

    def lessThan(self, left: Index, right: Index) -> bool:
        """The phase column sorts by (phase order, highest risk, description): a key Qt cannot compare itself."""
        mine, theirs = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(mine, list | tuple) and isinstance(theirs, list | tuple):
            return tuple(mine) < tuple(theirs)
        return super().lessThan(left, right)

    def shown(self) -> list[Any]:
        model = self.sourceModel()
        assert isinstance(model, ActionsModel)
        return [model.rows[self.mapToSource(self.index(row, 0)).row()] for row in range(self.rowCount())]
