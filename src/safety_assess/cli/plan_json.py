"""Scores, findings and the action plan of one assessment, as plain data for the CLI (and later the reports)."""

from __future__ import annotations

import uuid
from typing import Any

from safety_assess.domain.plan.actions import Action, totals
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.plan.value import finding_values, json_value
from safety_assess.domain.scoring.compare import Comparison
from safety_assess.domain.scoring.compliance import Score
from safety_assess.domain.scoring.findings import Finding, heat_map, per_band
from safety_assess.services.plan import load_plan
from safety_assess.services.workspace import Workspace


def score_json(score: Score) -> dict[str, Any]:
    percent = score.percent
    return {
        "percent": None if percent is None else round(percent, 1),
        "earned": score.earned,
        "possible": score.possible,
        "deficient": score.deficient,
    }


def action_json(action: Action, per_dollar: float | None = None) -> dict[str, Any]:
    """An action; ``per_dollar`` is its finding's risk reduced per dollar (plan.value.finding_values)."""
    return {
        "id": action.id,
        "description": action.description,
        "phase": action.phase,
        "cost_low": action.cost_low,
        "cost_high": action.cost_high,
        "funding": action.funding,
        "owner": action.owner,
        "due": action.due,
        "status": action.status.value,
        "note": action.note,
        "status_changed_at": action.status_changed_at,
        "status_changed_by": action.status_changed_by,
        "risk_reduced_per_dollar": json_value(per_dollar),
    }


def finding_json(plan: Plan, finding: Finding) -> dict[str, Any]:
    change = plan.comparison.changes.get(finding.key) if plan.comparison else None
    value = finding_values([finding], plan.actions).get(finding.key)
    return {
        "id": finding.id,
        "key": finding.key,
        "origin": "manual" if finding.manual else "item",
        "title": finding.title,
        "location": finding.location,
        "item": finding.item_id,
        "description": finding.description,
        "likelihood": finding.likelihood,
        "severity": finding.severity,
        "risk": finding.risk,
        "band": finding.band(plan.bands).name,
        "adjusted": finding.item_id is not None and finding.adjusted,
        "rationale": finding.rationale,
        "residual_risk": finding.residual_risk,
        "recommendation": finding.action,
        "cost": finding.cost.value if finding.cost else None,
        "layer": finding.layer,
        "components": list(finding.components),
        "change": change.value if change else None,
        "actions": [action_json(a, value) for a in plan.actions_of(finding)],
    }


def _ranges(plan: Plan, by: str) -> dict[str, dict[str, float]]:
    return {k: {"low": v.low, "high": v.high} for k, v in totals(plan.actions, by).items()}


def _comparison_json(plan: Plan, comparison: Comparison) -> dict[str, Any]:
    assert plan.earlier is not None
    return {
        "earlier_assessment": plan.earlier.id,
        "earlier_date": plan.earlier.assessed_on,
        "overall": {"before": comparison.overall.before, "now": comparison.overall.now},
        "sections": {k: {"before": v.before, "now": v.now} for k, v in comparison.sections.items()},
        "resolved": [{"key": f.key, "title": f.title, "location": f.location} for f in comparison.resolved],
        "carried_over": [
            {**action_json(c.action), "finding": c.finding.title, "finding_now": c.change.value}
            for c in comparison.carried
        ],
    }


def plan_json(plan: Plan) -> dict[str, Any]:
    """Compliance (overall, per section, layer and component), tiers, findings with risk, band and actions,
    cost totals, the heat map, and the change since the earlier assessment."""
    result = plan.scores
    return {
        "answered": plan.coverage.answered,
        "coverage": plan.coverage.to_json(),
        "compliance_text": plan.compliance_text,
        "scores": {
            "overall": score_json(result.overall),
            "sections": {k: score_json(v) for k, v in result.sections.items()},
            "layers": {k: score_json(v) for k, v in result.layers.items()},
            "components": {k: score_json(v) for k, v in result.components.items()},
        },
        "tiers": {
            layer: {"tier1_in_place": t.tier1_in_place, "highest_tier": t.highest}
            for layer, t in sorted(plan.tiers.items())
        },
        "bands": [{"name": b.name, "low": b.low, "high": b.high, "color": b.color} for b in plan.bands],
        "findings": [finding_json(plan, f) for f in plan.findings],
        "findings_per_band": per_band(plan.findings, plan.bands),
        "heat_map": heat_map(plan.findings),
        "cost_per_phase": _ranges(plan, "phase"),
        "cost_per_layer": _ranges(plan, "layer"),
        "hidden_actions": plan.hidden_actions,
        "change": _comparison_json(plan, plan.comparison) if plan.comparison else None,
    }


def assessment_scores(workspace: Workspace, assessment_id: uuid.UUID) -> dict[str, Any]:
    return plan_json(load_plan(workspace, assessment_id))
