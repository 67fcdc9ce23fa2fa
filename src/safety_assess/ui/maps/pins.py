"""Finding pins take their finding's band colour: each finding is looked up in its assessment's plan (read in the
background: a plan is a few assessments' findings, and the window shows at once)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.sitemap.model import MarkerKind, SiteMap
from safety_assess.services.plan import load_plan
from safety_assess.services.workspace import Workspace


def pinned_findings(plans: Iterable[SiteMap]) -> set[uuid.UUID]:
    return {
        m.finding_id
        for plan in plans
        for m in plan.markers
        if m.kind is MarkerKind.FINDING and m.finding_id is not None
    }


def pin_colors(workspace: Workspace, finding_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The band colour of each finding found here (one not held by this data folder keeps the grey of a pin)."""
    by_assessment: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for finding_id in finding_ids:
        try:
            by_assessment[workspace.findings.get(finding_id).assessment_id].add(finding_id)
        except SafetyAssessError:
            continue
    colors: dict[uuid.UUID, str] = {}
    for assessment_id, wanted in by_assessment.items():
        plan = load_plan(workspace, assessment_id, compare_earlier=False)
        for finding in plan.findings:
            if finding.id in wanted:
                colors[finding.id] = finding.band(plan.bands).color
    return colors
