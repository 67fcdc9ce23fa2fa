"""Conflicts a merged bundle left (a field two installations changed differently): listing them, and resolving one
by taking a device's value or a new value checked by the item's rules. Resolving writes the chosen value as a new
edit of this installation, so it wins on every laptop the assessment travels to afterwards."""

from __future__ import annotations

import uuid

from safety_assess.base.jobs import Changes
from safety_assess.domain.conflicts import Conflict, Keep
from safety_assess.services.workspace import Workspace


def conflicts(workspace: Workspace, assessment_id: uuid.UUID) -> list[Conflict]:
    """The assessment's open conflicts, by item (and instance), then field."""
    raise NotImplementedError


def resolve(
    workspace: Workspace,
    assessment_id: uuid.UUID,
    item_id: str,
    *,
    instance_label: str | None = None,
    take: str | None = None,
    value: str | None = None,
) -> Changes:
    """Resolve the item's conflicts (its answer and note) by taking the device's values (``take``: a fingerprint)
    or writing ``value`` (the answer, checked by the item's rules); ConflictError when the item has none."""
    raise NotImplementedError


def resolve_action(
    workspace: Workspace, assessment_id: uuid.UUID, action_id: uuid.UUID, field: str | None = None, *, take: str
) -> Changes:
    """Resolve an action's conflicts (one field, or all of them) by taking the device's values."""
    raise NotImplementedError


def resolve_conflict(workspace: Workspace, conflict_id: uuid.UUID, keep: Keep) -> Changes:
    """Resolve one conflict (as the side-by-side view does) by keeping our value or taking theirs."""
    raise NotImplementedError
