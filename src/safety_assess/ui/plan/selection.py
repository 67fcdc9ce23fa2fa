"""The action a person selected in the plan window's tables, selected again after the plan is read anew (an import,
a response, an undo reset the tables' models)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTableView

from safety_assess.domain.plan.actions import Action

ActionAt = Callable[[QModelIndex], Action]
"""The action a row of the view shows, from an index of the view's model."""


def chosen_action(view: QTableView, action_at: ActionAt) -> uuid.UUID | None:
    index = view.currentIndex()
    return action_at(index).id if index.isValid() else None


def choose_again(view: QTableView, action_at: ActionAt, action_id: uuid.UUID | None) -> None:
    """Select the row showing ``action_id`` again, if it is still shown."""
    model = view.model()
    if action_id is None or model is None:
        return
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if action_at(index).id == action_id:
            view.setCurrentIndex(index)
            view.selectRow(row)
            return
