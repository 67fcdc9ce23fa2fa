"""Scores and findings of one assessment, as plain data for the CLI (and later the reports)."""

from __future__ import annotations

import uuid
from typing import Any

from safety_assess.domain.scoring.compliance import Score, scores
from safety_assess.domain.scoring.findings import heat_map, per_band, raised_findings
from safety_assess.domain.walk.state import AssessmentState
from safety_assess.services.workspace import Workspace


def _score(score: Score) -> dict[str, Any]:
    percent = score.percent
    return {
        "percent": None if percent is None else round(percent, 1),
        "earned": score.earned,
        "possible": score.possible,
        "deficient": score.deficient,
    }


def assessment_scores(workspace: Workspace, assessment_id: uuid.UUID) -> dict[str, Any]:
    """Compliance (overall, per section, layer and component), findings with risk and band, and the heat map."""
    detail = workspace.assessments.detail(assessment_id)
    checklist = workspace.snapshots.checklist(detail.summary.checklist.id)
    state = AssessmentState(checklist, detail.instances, detail.responses, detail.summary.assessed_on)
    result, findings = scores(state), raised_findings(state)
    return {
        "scores": {
            "overall": _score(result.overall),
            "sections": {k: _score(v) for k, v in result.sections.items()},
            "layers": {k: _score(v) for k, v in result.layers.items()},
            "components": {k: _score(v) for k, v in result.components.items()},
        },
        "findings": [
            {
                "key": f.key,
                "title": f.title,
                "location": f.location,
                "item": f.item_id,
                "likelihood": f.likelihood,
                "severity": f.severity,
                "risk": f.risk,
                "band": f.band().name,
                "action": f.action,
                "cost": f.cost.value if f.cost else None,
                "layer": f.layer,
            }
            for f in findings
        ],
        "findings_per_band": per_band(findings),
        "heat_map": heat_map(findings),
    }
