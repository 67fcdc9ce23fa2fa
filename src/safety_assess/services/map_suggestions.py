"""Answers the campus's site plans suggest for an assessment's camera-coverage items, offered to the assessor, who
confirms them (nothing is answered until then). See domain/sitemap/suggest.py for the rules.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from safety_assess.base.jobs import Changes
from safety_assess.domain.checklist.model import Group, Item, Section
from safety_assess.domain.errors import AnswerError
from safety_assess.domain.records import AssessmentDetail
from safety_assess.domain.sitemap.coverage import coverage_report
from safety_assess.domain.sitemap.suggest import RULES, Suggestion, fitted, suggestions
from safety_assess.services.assessments import record_answer
from safety_assess.services.site_maps import list_maps
from safety_assess.services.workspace import Workspace


@dataclass(frozen=True)
class Offer:
    """One suggested answer, the plan it comes from, and the answer there now (None: not answered)."""

    map_title: str
    suggestion: Suggestion
    current: object | None

    @property
    def changes_answer(self) -> bool:
        return self.current != self.suggestion.value

    def as_dict(self) -> dict[str, object]:
        s = self.suggestion
        return {
            "map": self.map_title,
            "group": s.group,
            "instance": s.instance_label,
            "item": s.item_id,
            "value": s.value,
            "current": self.current,
            "changes_answer": self.changes_answer,
            "reason": s.reason,
            "markers": [str(m) for m in s.markers],
        }


def offers(workspace: Workspace, assessment_id: uuid.UUID) -> list[Offer]:
    """What every plan of the assessment's campus suggests for the items its checklist has."""
    detail = workspace.assessments.detail(assessment_id)
    checklist = workspace.snapshots.checklist(detail.summary.checklist.id)
    rules = [r for r in RULES if _in_group(checklist.find_item(r.item_id), r.group)]
    found: list[Offer] = []
    for plan in list_maps(workspace, detail.summary.campus.id):
        for suggestion in suggestions(plan, coverage_report(plan), rules):
            current = _current(detail, suggestion)
            found.append(Offer(plan.title, fitted(suggestion, current, rules), current))
    return found


def accept(workspace: Workspace, assessment_id: uuid.UUID, chosen: Sequence[Offer]) -> Changes:
    """Record the chosen suggestions as answers (an instance named on the plan but not yet in the assessment is
    added). Raises AnswerError for a read-only assessment, as any answer would."""
    summary = workspace.assessments.summary(assessment_id)
    if summary.read_only:
        raise AnswerError("this assessment is read-only: reopen it to answer from the site plan")
    for offer in chosen:
        s = offer.suggestion
        record_answer(workspace, assessment_id, s.item_id, s.value, instance_label=s.instance_label)
    return Changes(answers=frozenset({assessment_id})) if chosen else Changes()


def _in_group(found: tuple[Section, Group | None, Item] | None, group: str) -> bool:
    return found is not None and found[1] is not None and found[1].group == group


def _current(detail: AssessmentDetail, suggestion: Suggestion) -> object | None:
    instance = next(
        (i for i in detail.instances if i.group_id == suggestion.group and _same(i.label, suggestion.instance_label)),
        None,
    )
    if instance is None:
        return None
    response = next(
        (r for r in detail.responses if r.item_id == suggestion.item_id and r.instance_id == instance.id), None
    )
    return None if response is None else response.value


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).lower() == " ".join(b.split()).lower()
