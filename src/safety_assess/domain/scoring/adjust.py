"""The assessor's word on findings: adjusted likelihood and severity (with a rationale), residual risk, extra
location text, and findings no checklist item covers. Merged with the findings the answers raise."""

from __future__ import annotations

import dataclasses
import enum
import uuid
from collections.abc import Iterable, Mapping
from typing import TypeVar

from safety_assess.domain.records import FindingRecord
from safety_assess.domain.scoring.findings import Finding, by_risk
from safety_assess.domain.scoring.risk import RiskError, risk

TITLE_MAX = 300
TEXT_MAX = 20_000
T = TypeVar("T")


class Keep(enum.Enum):
    KEEP = "keep"


KEEP = Keep.KEEP
"""A field of a ``FindingEdit`` left as it is stored."""


@dataclasses.dataclass(frozen=True)
class FindingEdit:
    """The fields of a finding the assessor may change; each left ``KEEP`` stays as stored (None is a value: no
    adjustment, no residual risk)."""

    title: str | Keep = KEEP
    """A manual finding's title; for a raised one, a replacement of the item's prompt ("" keeps the prompt)."""
    likelihood: int | Keep | None = KEEP
    severity: int | Keep | None = KEEP
    rationale: str | Keep = KEEP
    residual_likelihood: int | Keep | None = KEEP
    residual_severity: int | Keep | None = KEEP
    location: str | Keep = KEEP
    description: str | Keep = KEEP

    def applied_to(self, record: FindingRecord) -> FindingRecord:
        """The record with this edit's fields (not checked: see ``check_finding``)."""
        return dataclasses.replace(
            record,
            title=_kept(self.title, record.title),
            likelihood=_kept(self.likelihood, record.likelihood),
            severity=_kept(self.severity, record.severity),
            rationale=_kept(self.rationale, record.rationale),
            residual_likelihood=_kept(self.residual_likelihood, record.residual_likelihood),
            residual_severity=_kept(self.residual_severity, record.residual_severity),
            location=_kept(self.location, record.location),
            description=_kept(self.description, record.description),
        )


UNCHANGED = FindingEdit()


def _kept(value: T | Keep, stored: T) -> T:
    return stored if isinstance(value, Keep) else value


def manual_key(title: str) -> str:
    """How a manual finding is recognised in the next assessment of the campus: by its title."""
    return "manual:" + " ".join(title.lower().split())


def merged(raised: Iterable[Finding], stored: Iterable[FindingRecord], sections: Mapping[str, str]) -> list[Finding]:
    """Raised findings with the assessor's adjustments, and the manual findings; highest risk first.

    A stored adjustment whose answer is no longer deficient is left out (the finding is withdrawn), but kept:
    if the answer turns deficient again, the adjustment and its actions come back.
    """
    records = list(stored)
    by_slot: dict[tuple[str | None, uuid.UUID | None], FindingRecord] = {
        (r.item_id, r.instance_id): r for r in records if r.item_id is not None
    }
    result = [_adjusted(f, by_slot.get((f.item_id, f.instance_id))) for f in raised]
    result += [_manual(r, sections) for r in records if r.item_id is None]
    return by_risk(result)


def _adjusted(finding: Finding, record: FindingRecord | None) -> Finding:
    if record is None:
        return finding
    location = f"{finding.location} / {record.location}" if record.location else finding.location
    return dataclasses.replace(
        finding,
        id=record.id,
        title=record.title or finding.title,
        location=location,
        likelihood=record.likelihood or finding.likelihood,
        severity=record.severity or finding.severity,
        description=record.description,
        rationale=record.rationale,
        residual_likelihood=record.residual_likelihood,
        residual_severity=record.residual_severity,
    )


def _manual(record: FindingRecord, sections: Mapping[str, str]) -> Finding:
    section = sections.get(record.section_id or "", "")
    location = " / ".join(part for part in (section, record.location) if part) or "Campus"
    return Finding(
        key=manual_key(record.title),
        title=record.title,
        location=location,
        likelihood=record.likelihood or 3,
        severity=record.severity or 3,
        layer=record.layer,
        components=record.components,
        section_id=record.section_id,
        description=record.description,
        rationale=record.rationale,
        residual_likelihood=record.residual_likelihood,
        residual_severity=record.residual_severity,
        id=record.id,
    )


def check_finding(record: FindingRecord, defaults: tuple[int, int] | None) -> FindingRecord:
    """The record if it can be stored; RiskError naming what is wrong otherwise.

    ``defaults`` are the item's likelihood and severity (None for a manual finding, which has no defaults).
    """
    if record.item_id is None and not record.title.strip():
        raise RiskError("a finding needs a title")
    for name, text, limit in (
        ("title", record.title, TITLE_MAX),
        ("location", record.location, TITLE_MAX),
        ("description", record.description, TEXT_MAX),
        ("rationale", record.rationale, TEXT_MAX),
    ):
        if len(text) > limit:
            raise RiskError(f"the {name} is {len(text):,} characters long; at most {limit:,} fit")
    pair = _inherent(record, defaults)
    if defaults is not None and pair != defaults and not record.rationale.strip():
        raise RiskError(
            f"likelihood and severity differ from the item's ({defaults[0]} x {defaults[1]}); say why in the rationale"
        )
    _check_residual(record, risk(*pair))
    return record


def _inherent(record: FindingRecord, defaults: tuple[int, int] | None) -> tuple[int, int]:
    """Likelihood and severity as found, each checked to be 1-5."""
    default_l, default_s = defaults or (3, 3)
    pair = (
        default_l if record.likelihood is None else record.likelihood,
        default_s if record.severity is None else record.severity,
    )
    _ = risk(*pair)
    return pair


def _check_residual(record: FindingRecord, inherent: int) -> None:
    given = (record.residual_likelihood, record.residual_severity)
    if given == (None, None):
        return
    if None in given:
        raise RiskError("residual risk needs both a likelihood and a severity (or neither)")
    residual = risk(record.residual_likelihood, record.residual_severity)  # type: ignore[arg-type]
    if residual > inherent:
        raise RiskError(f"the residual risk {residual} is above the risk as found ({inherent})")
