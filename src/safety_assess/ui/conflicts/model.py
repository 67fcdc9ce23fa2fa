"""The conflicts of an assessment as a table: what clashed, and both values with the device each came from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from safety_assess.domain.conflicts import Conflict, field_name
from safety_assess.ui.models.rows import Column, RowsModel


def what(conflict: Conflict, prompts: Mapping[str, str]) -> str:
    """The item's prompt (or the action, or the record) the conflict is about."""
    if conflict.item_id is not None:
        return prompts.get(conflict.item_id, conflict.item_id)
    if conflict.action is not None:
        return f"Action: {conflict.action}"
    return conflict.table.replace("_", " ")


def device(fingerprint: str) -> str:
    return fingerprint or "a device not known here"


class ConflictsModel(RowsModel[Conflict]):
    def __init__(self, prompts: Mapping[str, str], parent: Any = None) -> None:
        """``prompts``: each item's prompt by its id, to say what the conflict is about as the walkthrough does."""
        super().__init__(parent)
        self.prompts = prompts
        self.columns = (
            Column[Conflict]("Item", lambda c: what(c, prompts)),
            Column[Conflict]("Instance", lambda c: c.instance_label or ""),
            Column[Conflict]("Field", field_name),
            Column[Conflict]("Ours (this laptop)", lambda c: c.our_side()),
            Column[Conflict]("Theirs", lambda c: c.their_side()),
            Column[Conflict]("From device", lambda c: device(c.their_device)),
        )
