"""Starting assessments and recording answers, checked against the assessment's own checklist snapshot."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from safety_assess.domain.checklist.values import check_answer, typed_text
from safety_assess.domain.errors import AnswerError, NotFoundError
from safety_assess.domain.records import AssessmentSummary, Response
from safety_assess.services.workspace import Workspace


def start_assessment(
    workspace: Workspace,
    campus_code: str,
    checklist_id: str,
    assessors: Sequence[str],
    assessed_on: dt.date | None = None,
    version: str | None = None,
) -> AssessmentSummary:
    """Snapshot the checklist as it is now and start an assessment of the campus."""
    campus = workspace.campuses.by_code(campus_code)
    checklist = workspace.catalog.get(checklist_id, version)
    snapshot = workspace.snapshots.snapshot(checklist)
    return workspace.assessments.create(campus.id, snapshot.id, assessors, assessed_on or dt.date.today())


def record_answer(
    workspace: Workspace,
    assessment_id: uuid.UUID,
    item_id: str,
    value: object,
    *,
    instance_label: str | None = None,
    note: str | None = None,
) -> Response:
    """Check ``value`` (typed text or an already typed value) against the item, then commit it."""
    summary = workspace.assessments.summary(assessment_id)
    checklist = workspace.snapshots.checklist(summary.checklist.id)
    found = checklist.find_item(item_id)
    if found is None:
        raise NotFoundError(f"item '{item_id}' is not in checklist {checklist.id} {checklist.version}")
    _, group, item = found
    canonical, typed = check_answer(checklist, item, value), typed_text(item, value)
    if group is not None:
        if not instance_label:
            raise AnswerError(f"item '{item_id}' is in repeatable group '{group.group}'; name the instance")
        return workspace.answers.save_answer_in(
            assessment_id, group.group, instance_label, item_id, canonical, note, typed
        )
    if instance_label:
        raise AnswerError(f"item '{item_id}' is not in a repeatable group; it takes no instance")
    return workspace.answers.save_answer(assessment_id, item_id, None, canonical, note, typed=typed)
