"""The conflicts of an assessment as a table: what clashed, and both values with the device each came from."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from safety_assess.domain.conflicts import Conflict
from safety_assess.ui.models.rows import Column, RowsModel

FIELDS = {"value": "answer", "note": "note", "status": "status"}
NONE_SHOWN = "(none)"


def shown(value: Any) -> str:
    """A value as a person reads it: text as is, a list joined, nothing as '(none)'."""
    if value is None or value == "":
        return NONE_SHOWN
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value)
    if isinstance(value, int | float):
        return f"{value:g}"
    return json.dumps(value, ensure_ascii=False)


def what(conflict: Conflict, prompts: Mapping[str, str]) -> str:
    """The item's prompt (or the action, or the record) the conflict is about."""
    if conflict.item_id is not None:
        return prompts.get(conflict.item_id, conflict.item_id)
    if conflict.action is not None:
        return f"Action: {conflict.action}"
    return conflict.table.replace("_", " ")


def field_name(conflict: Conflict) -> str:
    return FIELDS.get(conflict.field, conflict.field.replace("_", " "))


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
            Column[Conflict]("Ours (this laptop)", lambda c: shown(c.ours)),
            Column[Conflict]("Theirs", lambda c: shown(c.theirs)),
            Column[Conflict]("From device", lambda c: device(c.their_device)),
        )
