"""One assessment's findings, scores and action plan, as loaded together: what the findings window, the reports
and the command line show, so every figure agrees."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.plan.actions import Action, Phase
from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.scoring.compare import Comparison
from safety_assess.domain.scoring.compliance import Scores
from safety_assess.domain.scoring.coverage import Coverage, compliance_text, coverage
from safety_assess.domain.scoring.findings import Finding
from safety_assess.domain.scoring.risk import Band
from safety_assess.domain.scoring.tiers import LayerTiers
from safety_assess.domain.walk.state import AssessmentState


@dataclass(frozen=True)
class Plan:
    """Everything about one assessment's findings, as of when it was loaded."""

    summary: AssessmentSummary
    checklist: Checklist
    state: AssessmentState
    findings: list[Finding]
    actions: list[Action]
    """Actions of the listed findings, with their finding's key and layer."""
    hidden_actions: int
    """Actions of findings withdrawn since (their answer is no longer deficient); kept, not listed."""
    scores: Scores
    tiers: dict[str, LayerTiers]
    earlier: AssessmentSummary | None = None
    comparison: Comparison | None = None

    @cached_property
    def coverage(self) -> Coverage:
        """How much was answered (the walkthrough's count; N/A answers apart); worked out once per plan."""
        return coverage(self.state)

    @property
    def compliance_text(self) -> str:
        """'62% of 13 answered items; 57 not answered yet': the overall compliance with its coverage."""
        return compliance_text(self.scores.overall.percent, self.coverage)

    @property
    def bands(self) -> tuple[Band, ...]:
        return self.checklist.bands()

    @property
    def phases(self) -> tuple[Phase, ...]:
        return self.checklist.plan_phases()

    def finding(self, key: str) -> Finding:
        for finding in self.findings:
            if finding.key == key:
                return finding
        raise NotFoundError(f"no finding '{key}' in this assessment")

    def actions_of(self, finding: Finding) -> list[Action]:
        return [a for a in self.actions if a.finding_key == finding.key]

    def phase_name(self, phase_id: str) -> str:
        return next((p.name for p in self.phases if p.id == phase_id), phase_id)


def unplanned_findings(plan: Plan) -> list[Finding]:
    """The findings without any action, whose suggested action can be planned (they have a recommendation; an
    observation needs none)."""
    planned = {a.finding_key for a in plan.actions}
    return [f for f in plan.findings if f.key not in planned and f.action.strip() and not f.observation]
