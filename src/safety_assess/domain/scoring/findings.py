"""Findings raised by deficient answers, their risk, the heat map, and how they changed since last time."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from safety_assess.domain.checklist.answers import Outcome
from safety_assess.domain.checklist.model import CostBand
from safety_assess.domain.checklist.outcomes import finding_risk
from safety_assess.domain.scoring.risk import DEFAULT_BANDS, Band, band_for, risk
from safety_assess.domain.walk.state import AssessmentState


@dataclass(frozen=True)
class Finding:
    """A risk to rank and act on. ``key`` is stable across assessments of a campus for raised findings
    (item id and instance label), so the same problem found again is recognised."""

    key: str
    title: str
    location: str
    likelihood: int
    severity: int
    action: str = ""
    cost: CostBand | None = None
    layer: str | None = None
    components: tuple[str, ...] = ()
    item_id: str | None = None
    instance_id: uuid.UUID | None = None
    section_id: str | None = None
    functions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    default_likelihood: int | None = None
    default_severity: int | None = None
    description: str = ""
    rationale: str = ""
    residual_likelihood: int | None = None
    residual_severity: int | None = None
    observation: bool = False
    """Recorded for the record: the plan asks no corrective action for it."""
    id: uuid.UUID | None = None
    """The stored record of the finding, once the assessor has adjusted it or planned an action."""

    @property
    def manual(self) -> bool:
        return self.item_id is None

    @property
    def risk(self) -> int:
        return risk(self.likelihood, self.severity)

    @property
    def residual_risk(self) -> int | None:
        if self.residual_likelihood is None or self.residual_severity is None:
            return None
        return risk(self.residual_likelihood, self.residual_severity)

    @property
    def adjusted(self) -> bool:
        return (self.likelihood, self.severity) != (self.default_likelihood, self.default_severity)

    def band(self, bands: Sequence[Band] = DEFAULT_BANDS) -> Band:
        return band_for(self.risk, bands)


def raised_findings(state: AssessmentState) -> list[Finding]:
    """One finding per visible deficient answer, with the item's defaults; highest risk first."""
    found = []
    for slot in state.slots:
        if not state.is_visible(slot.key) or state.outcome(slot.key) != Outcome.DEFICIENT:
            continue
        item = slot.item
        instance = slot.instance.label if slot.instance else ""
        layer = item.tags.layer or slot.section.layer
        likelihood, severity = finding_risk(state.checklist, item, state.value(slot.key))  # type: ignore[arg-type]
        found.append(
            Finding(
                key=f"item:{item.id}:{instance.lower()}",
                title=item.prompt,
                location=f"{slot.section.title} / {instance}" if instance else slot.section.title,
                likelihood=likelihood,
                severity=severity,
                action=item.action,
                cost=item.cost,
                layer=layer.value if layer else None,
                components=tuple(c.value for c in item.tags.components),
                item_id=item.id,
                instance_id=slot.key.instance_id,
                section_id=slot.section.id,
                functions=tuple(f.value for f in item.tags.functions),
                topics=tuple(item.tags.topics),
                default_likelihood=likelihood,
                default_severity=severity,
                observation=item.observation,
            )
        )
    return by_risk(found)


def by_risk(findings: Iterable[Finding]) -> list[Finding]:
    """Highest risk first; then by title, so the order is stable."""
    return sorted(findings, key=lambda f: (-f.risk, f.title.lower(), f.location))


def heat_map(findings: Iterable[Finding]) -> list[list[int]]:
    """Counts by likelihood (rows, 1-5) and severity (columns, 1-5): ``grid[l - 1][s - 1]``."""
    grid = [[0] * 5 for _ in range(5)]
    for finding in findings:
        grid[finding.likelihood - 1][finding.severity - 1] += 1
    return grid


def per_band(findings: Iterable[Finding], bands: Sequence[Band] = DEFAULT_BANDS) -> dict[str, int]:
    counts = {band.name: 0 for band in bands}
    for finding in findings:
        counts[finding.band(bands).name] += 1
    return counts


class Change(StrEnum):
    NEW = "new"
    PERSISTING = "persisting"
    RESOLVED = "resolved"


def changes(earlier: Iterable[Finding], now: Iterable[Finding]) -> dict[str, Change]:
    """Each finding key, new since the earlier assessment, still there, or resolved (gone now)."""
    before, after = {f.key for f in earlier}, {f.key for f in now}
    result = {key: Change.PERSISTING if key in before else Change.NEW for key in after}
    result.update({key: Change.RESOLVED for key in before - after})
    return result
