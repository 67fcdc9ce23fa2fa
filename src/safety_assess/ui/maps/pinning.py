"""What a marker links to: a finding pinned on a plan (the campus's findings to choose from, newest assessments
first, and the stored record a pin points at: a raised finding gets its record the first time it is pinned), and the
instance of a checklist group a camera (the per-camera group) or an exterior door (the exterior entrances) stands
for."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from safety_assess.domain.scoring.findings import Finding
from safety_assess.domain.sitemap.model import MarkerKind
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace

ENTRY_GROUP = "exterior-entry"
RECENT = 3
"""Findings of the campus's three newest assessments are offered (older ones are of a campus since changed)."""


@dataclass(frozen=True)
class FindingChoice:
    assessment_id: uuid.UUID
    finding: Finding
    text: str
    """'2026-11-02 · High · Gate left open (north gate)'."""


def finding_choices(workspace: Workspace, campus_id: uuid.UUID) -> list[FindingChoice]:
    choices: list[FindingChoice] = []
    for summary in workspace.assessments.list(campus_id)[:RECENT]:
        plan = load_plan(workspace, summary.id, compare_earlier=False)
        for finding in sorted(plan.findings, key=lambda f: -f.risk):
            where = f" ({finding.location})" if finding.location else ""
            band = finding.band(plan.bands).name
            text = f"{summary.assessed_on.isoformat()} · {band} · {finding.title}{where}"
            choices.append(FindingChoice(summary.id, finding, text))
    return choices


def pinned_record(workspace: Workspace, choice: FindingChoice) -> uuid.UUID:
    """The id a pin keeps: the finding's stored record, made now for a raised finding that has none yet."""
    if choice.finding.id is not None:
        return choice.finding.id
    return PlanEditor(workspace, choice.assessment_id).record_of(choice.finding).id


def camera_instances(workspace: Workspace, campus_id: uuid.UUID) -> list[str]:
    """The labels of the per-camera group's instances in the campus's newest assessment ('Camera 4 - gym doors')."""
    return _instances(workspace, campus_id, lambda group: "camera" in group.lower())


def entry_instances(workspace: Workspace, campus_id: uuid.UUID) -> list[str]:
    """The labels of the exterior entrances ('exterior-entry' group) in the campus's newest assessment."""
    return _instances(workspace, campus_id, lambda group: group == ENTRY_GROUP)


def linked_instances(workspace: Workspace, campus_id: uuid.UUID, kind: MarkerKind) -> list[str]:
    """What a marker of this kind may be linked to (none for kinds that are not linked)."""
    if kind is MarkerKind.CAMERA:
        return camera_instances(workspace, campus_id)
    if kind is MarkerKind.EXTERIOR_DOOR:
        return entry_instances(workspace, campus_id)
    return []


def _instances(workspace: Workspace, campus_id: uuid.UUID, wanted: Callable[[str], bool]) -> list[str]:
    newest = workspace.assessments.list(campus_id)[:1]
    if not newest:
        return []
    return [i.label for i in workspace.answers.instances(newest[0].id) if wanted(i.group_id)]
