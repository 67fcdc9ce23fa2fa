"""One assessment's headline figures: what the district compares across campuses and follows over the years.

Computed from the assessment's plan (findings, actions, compliance) and kept as JSON, so the district view reads
them without rescoring every assessment. ``FIGURES_VERSION`` changes when what is computed changes: figures of an
older version are computed again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from safety_assess.domain.plan.actions import Action, CostRange, Phase, Status, totals
from safety_assess.domain.scoring.coverage import Coverage, compliance_text
from safety_assess.domain.scoring.findings import Finding
from safety_assess.domain.scoring.risk import Band

FIGURES_VERSION = 5
SEVERE_BANDS = 2
"""The highest bands counted as 'high and critical' (whatever a checklist names its bands)."""
NOTHING_ANSWERED = Coverage()


@dataclass(frozen=True)
class ActionLine:
    """One corrective action as the district's action plan lists it."""

    id: str
    finding: str
    """The finding's title."""
    risk: int
    band: str
    layer: str
    phase: str
    description: str
    cost_low: float
    cost_high: float
    status: str
    owner: str = ""
    due: str = ""
    changed_by: str = ""
    changed_at: str = ""
    revision: int = 1
    """The action's revision when listed: a status change made from the list is refused if it changed since."""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ActionLine:
        return cls(**data)


@dataclass(frozen=True)
class AssessmentFigures:
    compliance: float | None
    """Weighted compliance in percent; None when nothing was answered that counts."""
    findings: dict[str, int]
    """Open findings per band name, every band present, lowest band first."""
    band_colors: dict[str, str]
    open_findings: int
    severe: int
    """Open findings in the two highest bands (high and critical)."""
    risk_load: int
    """The sum of the risk scores of the open findings: what ranks campuses."""
    open_actions: int
    """Actions not done: open, in progress or deferred."""
    cost_by_phase: dict[str, CostRange]
    """Estimated cost of the actions not done, per phase id."""
    phase_names: dict[str, str]
    """Phase id -> name, in the checklist's order."""
    cost_by_layer: dict[str, CostRange] = field(default_factory=dict)
    coverage: Coverage = NOTHING_ANSWERED
    """How much of the assessment was answered: what the compliance figure stands on."""

    @property
    def cost(self) -> CostRange:
        return sum(self.cost_by_phase.values(), CostRange())

    @property
    def compliance_text(self) -> str:
        """'62% of 13 answered items; 57 not answered yet'."""
        return compliance_text(self.compliance, self.coverage)

    def band_count(self, rank: int) -> int:
        """Open findings in the ``rank``-th highest band (0: the highest, critical)."""
        counts = list(self.findings.values())
        return counts[-1 - rank] if rank < len(counts) else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "version": FIGURES_VERSION,
            "compliance": self.compliance,
            "findings": self.findings,
            "band_colors": self.band_colors,
            "open_findings": self.open_findings,
            "severe": self.severe,
            "risk_load": self.risk_load,
            "open_actions": self.open_actions,
            "cost_by_phase": {k: [v.low, v.high] for k, v in self.cost_by_phase.items()},
            "phase_names": self.phase_names,
            "cost_by_layer": {k: [v.low, v.high] for k, v in self.cost_by_layer.items()},
            "coverage": self.coverage.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AssessmentFigures | None:
        """The figures stored as ``data``; None when they are of another version (to be computed again)."""
        if data.get("version") != FIGURES_VERSION:
            return None
        return cls(
            compliance=data["compliance"],
            findings=dict(data["findings"]),
            band_colors=dict(data["band_colors"]),
            open_findings=data["open_findings"],
            severe=data["severe"],
            risk_load=data["risk_load"],
            open_actions=data["open_actions"],
            cost_by_phase={k: CostRange(*v) for k, v in data["cost_by_phase"].items()},
            phase_names=dict(data["phase_names"]),
            cost_by_layer={k: CostRange(*v) for k, v in data["cost_by_layer"].items()},
            coverage=_coverage(data["coverage"]),
        )


def _coverage(data: dict[str, int]) -> Coverage:
    return Coverage(data["answered"], data["applicable"], data["not_applicable"], bool(data.get("scored", True)))


def is_open(finding: Finding, actions: Sequence[Action]) -> bool:
    """A finding stays open until it has actions and every one of them is done."""
    mine = [a for a in actions if a.finding_key == finding.key]
    return not mine or any(a.status != Status.DONE for a in mine)


def figures_of(
    compliance: float | None,
    findings: Iterable[Finding],
    actions: Sequence[Action],
    bands: Sequence[Band],
    phases: Sequence[Phase],
    covered: Coverage = NOTHING_ANSWERED,
) -> AssessmentFigures:
    ordered = sorted(bands, key=lambda b: b.low)
    severe = {b.name for b in ordered[-SEVERE_BANDS:]}
    counts = {b.name: 0 for b in ordered}
    open_count = severe_count = load = 0
    for finding in findings:
        if not is_open(finding, actions):
            continue
        band = finding.band(ordered)
        counts[band.name] += 1
        open_count += 1
        severe_count += band.name in severe
        load += finding.risk
    by_phase = totals(actions, "phase")
    return AssessmentFigures(
        compliance=None if compliance is None else round(compliance, 2),
        findings=counts,
        band_colors={b.name: b.color for b in ordered},
        open_findings=open_count,
        severe=severe_count,
        risk_load=load,
        open_actions=sum(1 for a in actions if a.status != Status.DONE),
        cost_by_phase={p.id: by_phase.get(p.id, CostRange()) for p in phases},
        phase_names={p.id: p.name for p in phases},
        cost_by_layer=totals(actions, "layer"),
        coverage=covered,
    )


def action_lines(findings: Iterable[Finding], actions: Sequence[Action], bands: Sequence[Band]) -> list[ActionLine]:
    """Every action of the listed findings (done ones too), as the district's action plan lists them."""
    by_key = {f.key: f for f in findings}
    ordered = sorted(bands, key=lambda b: b.low)
    return [_line(a, by_key[a.finding_key], ordered) for a in actions if a.finding_key in by_key]


def _line(action: Action, finding: Finding, bands: Sequence[Band]) -> ActionLine:
    return ActionLine(
        id=str(action.id),
        finding=finding.title,
        risk=finding.risk,
        band=finding.band(bands).name,
        layer=action.layer or finding.layer or "",
        phase=action.phase,
        description=action.description,
        cost_low=action.cost_low,
        cost_high=action.cost_high,
        status=action.status.value,
        owner=action.owner,
        due=action.due.isoformat() if action.due else "",
        changed_by=action.status_changed_by,
        changed_at=action.status_changed_at.isoformat() if action.status_changed_at else "",
        revision=action.revision,
    )
