"""The action plan's columns: fitted to their text, the group's tally and the changes since adoption shown beside
the risk, and the action (which takes the width the others leave) kept readable as the window narrows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

from safety_assess.ui.plan.models import ActionsModel
from safety_assess.ui.widgets.tables import fit_columns

WIDEST = 200
ADOPTED_WIDEST = 110
"""'Changed: phase, high cost' is cut here: the tooltip lists every field, was and now."""


class ActionColumns(QObject):
    """Fits the columns after each reload and whenever the table's width changes."""

    def __init__(self, view: QTableView, model: ActionsModel) -> None:
        super().__init__(view)
        self.view, self.model = view, model
        self._width = -1
        view.viewport().installEventFilter(self)

    def fit(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        fit_columns(view, self.model, WIDEST)
        adopted = ActionsModel.ADOPTED_COLUMN
        header.resizeSection(adopted, min(header.sectionSize(adopted), ADOPTED_WIDEST))
        for place, column in enumerate(ActionsModel.BESIDE_RISK, start=ActionsModel.RISK_COLUMN + 1):
            if header.visualIndex(column) != place:  # a reset may have put them back
                header.moveSection(header.visualIndex(column), place)
        self._width = view.viewport().width()
        others = sum(header.sectionSize(n) for n in range(header.count()) if n != ActionsModel.ACTION_COLUMN)
        short = ActionsModel.ACTION_WIDTH - (self._width - others)
        if short > 0:  # the finding (wrapped too) gives way first
            finding = ActionsModel.FINDING_COLUMN
            header.resizeSection(finding, max(ActionsModel.FINDING_WIDTH, header.sectionSize(finding) - short))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() == QEvent.Type.Resize and self.view.viewport().width() != self._width
        if resized and self.model.plan is not None:
            self.fit()
        return False
