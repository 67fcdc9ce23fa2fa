"""A field two installations changed differently, as the merge of a bundle recorded it (see domain.merge): our
value stays in place until someone chooses, so nothing is lost and nothing is duplicated."""

from __future__ import annotations

import datetime as dt
import uuid
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
