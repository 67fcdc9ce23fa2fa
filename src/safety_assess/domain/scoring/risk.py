"""Risk = likelihood x severity (1-25), placed in bands that must cover 1-25 without gap or overlap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from safety_assess.domain.errors import SafetyAssessError

MIN_RISK, MAX_RISK = 1, 25


class RiskError(SafetyAssessError):
    """Likelihood, severity or bands out of their allowed ranges."""


@dataclass(frozen=True)
class Band:
    name: str
    low: int
    high: int
    color: str

    def holds(self, risk: int) -> bool:
        return self.low <= risk <= self.high


DEFAULT_BANDS: tuple[Band, ...] = (
    Band("Low", 1, 4, "#2e7d32"),
    Band("Moderate", 5, 9, "#f9a825"),
    Band("High", 10, 14, "#ef6c00"),
    Band("Critical", 15, 25, "#c62828"),
)


def risk(likelihood: int, severity: int) -> int:
    """Likelihood times severity, each 1-5; RiskError naming the one out of range."""
    for name, value in (("likelihood", likelihood), ("severity", severity)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise RiskError(f"{name} must be a whole number from 1 to 5, got {value!r}")
    return likelihood * severity


def band_problems(bands: Sequence[Band]) -> list[str]:
    """Why these bands cannot be used (empty when they cover 1-25 once each, in order)."""
    problems = []
    if not bands:
        return ["at least one risk band is needed"]
    ordered = sorted(bands, key=lambda b: b.low)
    for band in ordered:
        if band.low > band.high:
            problems.append(f"band '{band.name}' runs from {band.low} down to {band.high}")
    expected = MIN_RISK
    for band in ordered:
        if band.low > expected:
            problems.append(f"risks {expected}-{band.low - 1} are in no band (gap before '{band.name}')")
        elif band.low < expected:
            problems.append(f"band '{band.name}' overlaps the band before it at {band.low}-{expected - 1}")
        expected = max(expected, band.high + 1)
    if expected <= MAX_RISK:
        problems.append(f"risks {expected}-{MAX_RISK} are in no band")
    if ordered[0].low < MIN_RISK or ordered[-1].high > MAX_RISK:
        problems.append(f"bands must stay within {MIN_RISK}-{MAX_RISK}")
    names = [b.name.lower() for b in bands]
    problems += [f"band name '{n}' is used twice" for n in sorted({n for n in names if names.count(n) > 1})]
    return problems


def band_for(value: int, bands: Sequence[Band] = DEFAULT_BANDS) -> Band:
    for band in bands:
        if band.holds(value):
            return band
    raise RiskError(f"risk {value} is in no band")
