"""Risk reduced per dollar: how much of a finding's risk an action takes away for each unit of its cost.

The risk as found (likelihood × severity) minus the residual risk (after the planned action), per unit of the cost
range's midpoint. None when nothing can be said: no residual risk set, or no cost and no reduction. A free action
that reduces risk is the best buy there is (inf); it sorts first, see ``sort_key``.

The residual risk belongs to the finding: it is what remains once all of its actions are done. So a finding with
several actions counts the reduction once, against the cost of all of them together, and each of its actions shows
that figure; giving each action the whole reduction for its own cost would make a finding split into cheap steps
look like several cheap wins.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from safety_assess.domain.plan.actions import Action
from safety_assess.domain.scoring.findings import Finding

PER = 1_000
"""Screens and reports show the risk points reduced per this much money (per dollar, the figures are tiny)."""


def risk_reduced(
    likelihood: int, severity: int, residual_likelihood: int | None, residual_severity: int | None
) -> int | None:
    if residual_likelihood is None or residual_severity is None:
        return None
    return likelihood * severity - residual_likelihood * residual_severity


def per_dollar(reduced: int | None, cost_low: float, cost_high: float) -> float | None:
    """Risk points reduced per unit of money (the midpoint of the cost range); inf for a free action that reduces
    risk; None when the reduction is unknown or the action costs nothing and reduces nothing."""
    if reduced is None:
        return None
    midpoint = (cost_low + cost_high) / 2
    if midpoint <= 0:
        return math.inf if reduced > 0 else None
    return reduced / midpoint


def sort_key(value: float | None) -> tuple[int, float]:
    """Best buys first: free risk reductions, then the most risk per dollar; unknown last."""
    if value is None:
        return (1, 0.0)
    return (0, -value)


def finding_values(findings: Iterable[Finding], actions: Iterable[Action]) -> dict[str, float | None]:
    """Risk reduced per dollar of each finding's actions together, by finding key (see the module's note)."""
    low: dict[str, float] = {}
    high: dict[str, float] = {}
    for action in actions:
        low[action.finding_key] = low.get(action.finding_key, 0.0) + action.cost_low
        high[action.finding_key] = high.get(action.finding_key, 0.0) + action.cost_high
    return {
        f.key: per_dollar(
            risk_reduced(f.likelihood, f.severity, f.residual_likelihood, f.residual_severity), low[f.key], high[f.key]
        )
        for f in findings
        if f.key in low
    }


def json_value(value: float | None) -> float | str | None:
    """As JSON and CSV carry it: the number, 'free' for a free reduction (JSON has no infinity), None unknown."""
    if value is None:
        return None
    return "free" if math.isinf(value) else value


def text(value: float | None) -> str:
    """'2.4' (risk points per 1,000 of money), 'free', or '' when unknown."""
    if value is None:
        return ""
    if math.isinf(value):
        return "free"
    scaled = value * PER
    return f"{scaled:,.1f}" if abs(scaled) >= 0.1 or scaled == 0 else f"{scaled:.3f}"
