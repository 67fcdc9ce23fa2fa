"""Format versions of the files the app reads back (sealed bundles, key files, manifests, settings, the data
folder's location): which can be read, which are newer, which are damaged.

Every format starts at version 1 and only grows, so a version this app never wrote (0, negative, not a whole
number) is damage, not a newer format: telling the user to update would send them after a version that does not
exist. Only a version above the newest this app writes means "update Safety Assess".
"""

from __future__ import annotations

import json
from enum import Enum


class Readable(Enum):
    YES = "yes"
    NEWER = "newer"
    """Written by a later Safety Assess: updating the app will read it."""
    DAMAGED = "damaged"
    """A version no Safety Assess ever wrote."""


def readable(version: object, newest: int) -> Readable:
    """Whether a file of format ``version`` can be read by an app that writes format ``newest``."""
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return Readable.DAMAGED
    return Readable.NEWER if version > newest else Readable.YES


def version_problem(version: object, newest: int, to: str = "open it") -> str | None:
    """None when a file of format ``version`` can be read; else why not, in words to follow the file's name."""
    state = readable(version, newest)
    if state is Readable.DAMAGED and version is None:
        return "it is damaged (it has no format number)"
    if state is Readable.DAMAGED:
        number = json.dumps(version, default=repr)
        return f"it is damaged (its format number {number} was never written by any Safety Assess)"
    return update_needed(version, newest, to) if state is Readable.NEWER else None


def update_needed(version: object, newest: int, to: str = "open it") -> str:
    """The words for a file of a newer format: which format, which this app reads, and what to do."""
    return (
        f"it was written by a newer Safety Assess (format {version}; this one reads up to {newest}): "
        f"update Safety Assess to {to}"
    )
