"""A field two installations changed differently, as the merge of a bundle recorded it (see domain.merge): our
value stays in place until someone chooses, so nothing is lost and nothing is duplicated."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Keep(StrEnum):
    """Which side a resolution keeps."""

    OURS = "ours"
    THEIRS = "theirs"


@dataclass(frozen=True)
class Conflict:
    id: uuid.UUID
    assessment_id: uuid.UUID
    table: str
    """The record's table: 'responses', 'actions', 'findings', 'photos', 'group_instances' or 'assessments'."""
    record_id: uuid.UUID
    field: str
    """The column both changed: 'value' and 'note' of a response, 'status' of an action..."""
    ours: Any
    """Our value, in place now (JSON-ready: text, number, list or None)."""
    theirs: Any
    """The other installation's value."""
    our_device: str
    """This installation's device fingerprint."""
    their_device: str
    """The fingerprint of the device whose bundle brought their value ('' when that device is not known here)."""
    recorded_at: dt.datetime
    item_id: str | None = None
    """The checklist item, for a response (and a finding raised by an item)."""
    instance_label: str | None = None
    """The repeatable group instance's label, for an item in a group."""
    action: str | None = None
    """The action's description, for an action."""
    ours_typed: str | None = None
    """Our answer as typed, when it was an amount converted to the item's unit ("4 ft" of 48)."""
    theirs_typed: str | None = None
    """Their answer as typed, likewise."""

    def our_side(self) -> str:
        """Our value as a person reads it, as typed first when it was converted: '4 ft (48)'."""
        return as_typed(self.ours, self.ours_typed)

    def their_side(self) -> str:
        return as_typed(self.theirs, self.theirs_typed)


FIELDS = {"value": "answer", "note": "note", "follow_up": "follow-up text", "status": "status"}
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


def as_typed(value: Any, typed: str | None) -> str:
    """A value as a person reads it, with what was typed first when the amount was converted: '4 ft (48)'."""
    return f"{typed} ({shown(value)})" if typed and value is not None else shown(value)


def field_name(conflict: Conflict) -> str:
    return FIELDS.get(conflict.field, conflict.field.replace("_", " "))


def clash_line(conflict: Conflict) -> str:
    """The clash in one line, for a tooltip: "Conflict on the answer: 'no' here (FP) and 'yes' from FP"."""
    theirs = conflict.their_device or "a device not known here"
    return (
        f"Conflict on the {field_name(conflict)}: '{conflict.our_side()}' here ({conflict.our_device}) and "
        f"'{conflict.their_side()}' from {theirs}"
    )


def item_clashes(found: Iterable[Conflict]) -> dict[tuple[str, str | None], tuple[str, ...]]:
    """The items in conflict, by (item, group instance's label or None), each with its clashes in one line apiece."""
    clashes: dict[tuple[str, str | None], tuple[str, ...]] = {}
    for conflict in found:
        if conflict.item_id is not None and conflict.table == "responses":
            key = (conflict.item_id, conflict.instance_label)
            clashes[key] = (*clashes.get(key, ()), clash_line(conflict))
    return clashes
