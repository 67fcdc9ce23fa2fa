"""Risk reduced per dollar: how much of a finding's risk an action takes away for each unit of its cost.

The risk as found (likelihood × severity) minus the residual risk (after the planned action), per unit of the cost
range's midpoint. None when nothing can be said: no residual risk set, or no cost (a free action that reduces risk
is the best buy there is; it sorts first, see ``sort_key``).
"""

from __future__ import annotations

import math


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
