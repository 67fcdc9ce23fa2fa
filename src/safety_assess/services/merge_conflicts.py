"""Conflicts a merged bundle left (a field two installations changed differently): listing them, and resolving one
by taking a device's value or a new value checked by the item's rules. Resolving writes the chosen value as a new
edit of this installation, so it wins on every laptop the assessment travels to afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from safety_assess.base.jobs import Changes
from safety_assess.domain.checklist.values import check_answer, typed_text
from safety_assess.domain.conflicts import Conflict, Keep
from safety_assess.domain.errors import AnswerError, ConflictError, NotFoundError
from safety_assess.services.workspace import Workspace
from safety_assess.storage.repositories.merge_conflicts import MergeConflictRepository

Chosen = tuple[Conflict, Any, str | None]
"""A conflict, the value chosen, and that answer as typed when it was an amount converted ("4 ft")."""


def conflicts(workspace: Workspace, assessment_id: uuid.UUID) -> list[Conflict]:
    """The assessment's open conflicts, by item (and instance), then field; an action's last."""
    return _repository(workspace).list(assessment_id)


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
    if (take is None) == (value is None):
        raise AnswerError("resolve takes either a device's values (--take) or a new value (--value)")
    label = (instance_label or "").strip().lower()
    where = f"item '{item_id}'" + (f" of instance '{instance_label}'" if instance_label else "")
    found = [
        c
        for c in conflicts(workspace, assessment_id)
        if c.table == "responses" and c.item_id == item_id and (c.instance_label or "").lower() == label
    ]
    if not found:
        raise ConflictError(f"{where} has no conflict to resolve in assessment {assessment_id}")
    if value is None:
        return _resolved(workspace, _taken(found, take or "", where))
    answers = [c for c in found if c.field == "value"]
    if not answers:
        raise ConflictError(f"only the note of {where} is in conflict; resolve it with --take DEVICE")
    return _resolved(workspace, [_checked(workspace, answers[0], value)])  # every device's goes with it


def resolve_action(
    workspace: Workspace, assessment_id: uuid.UUID, action_id: uuid.UUID, field: str | None = None, *, take: str
) -> Changes:
    """Resolve an action's conflicts (one field, or all of them) by taking the device's values."""
    found = [
        c
        for c in conflicts(workspace, assessment_id)
        if c.table == "actions" and c.record_id == action_id and field in (None, c.field)
    ]
    where = f"action {action_id}" + (f" ({field})" if field else "")
    if not found:
        raise ConflictError(f"{where} has no conflict to resolve in assessment {assessment_id}")
    return _resolved(workspace, _taken(found, take, where))


def resolve_conflict(workspace: Workspace, conflict_id: uuid.UUID, keep: Keep) -> Changes:
    """Resolve one conflict (as the side-by-side view does) by keeping our value or taking theirs."""
    conflict = _repository(workspace).get(conflict_id)
    if keep == Keep.OURS:
        return _resolved(workspace, [(conflict, conflict.ours, conflict.ours_typed)])
    return _resolved(workspace, [(conflict, conflict.theirs, conflict.theirs_typed)])


def resolve_conflict_value(workspace: Workspace, conflict_id: uuid.UUID, value: str) -> Changes:
    """Resolve one conflict with a value typed in (as the side-by-side view does): an answer checked by its item's
    rules, a note as written; other fields are resolved by keeping ours or taking theirs."""
    conflict = _repository(workspace).get(conflict_id)
    if conflict.table != "responses" or conflict.field not in ("value", "note", "follow_up"):
        raise ConflictError(f"the {conflict.field} of this {conflict.table[:-1]} is resolved by keeping one side's")
    return _resolved(
        workspace, [(conflict, value, None) if conflict.field != "value" else _checked(workspace, conflict, value)]
    )


def _checked(workspace: Workspace, conflict: Conflict, value: str) -> Chosen:
    """The answer typed in, checked by the item's rules (AnswerError otherwise), with what was typed when it was an
    amount in another unit."""
    checklist = workspace.snapshots.checklist(workspace.assessments.summary(conflict.assessment_id).checklist.id)
    item = checklist.find_item(conflict.item_id or "")
    if item is None:
        raise NotFoundError(f"item '{conflict.item_id}' is not in checklist {checklist.id} {checklist.version}")
    return conflict, check_answer(checklist, item[2], value), typed_text(item[2], value)


def _taken(found: Iterable[Conflict], device: str, where: str) -> list[Chosen]:
    """Per field (of one record), the device's value: theirs where it is one of the devices that clashed with us,
    ours where it is ours."""
    wanted = device.strip().upper()
    fields: dict[tuple[uuid.UUID, str], list[Conflict]] = {}
    for conflict in found:
        fields.setdefault((conflict.record_id, conflict.field), []).append(conflict)
    chosen: list[Chosen] = []
    for clashing in fields.values():
        theirs = [c for c in clashing if c.their_device == wanted]
        if theirs:
            chosen.append((theirs[0], theirs[0].theirs, theirs[0].theirs_typed))
        elif wanted == clashing[0].our_device:
            chosen.append((clashing[0], clashing[0].ours, clashing[0].ours_typed))
        else:
            devices = " or ".join(d for d in (clashing[0].our_device, *(c.their_device for c in clashing)) if d)
            raise ConflictError(f"{where}: no value from device '{device}' to take; its devices are {devices}")
    return chosen


def _resolved(workspace: Workspace, chosen: list[Chosen]) -> Changes:
    values = {conflict.id: value for conflict, value, _ in chosen}
    _repository(workspace).resolve(values, {conflict.id: typed for conflict, _, typed in chosen})
    changes = Changes()
    for conflict, _, _ in chosen:
        changes = changes.merge(_changed(conflict))
    return changes


def _changed(conflict: Conflict) -> Changes:
    which = frozenset({conflict.assessment_id})
    if conflict.table in ("responses", "group_instances"):
        return Changes(answers=which)
    if conflict.table in ("findings", "actions"):
        return Changes(plans=which)
    if conflict.table == "photos":
        return Changes(photos=which)
    return Changes(assessments=which)


def _repository(workspace: Workspace) -> MergeConflictRepository:
    return MergeConflictRepository(workspace.database, workspace.device_key.fingerprint)
