"""How a metric's values read in the command line, the district window and the report: one way everywhere."""

from __future__ import annotations

from safety_assess.domain.display import counted
from safety_assess.domain.readiness.metrics import Metric

NO_DATA_TEXT = "no data"


def value_text(metric: Metric, value: float | None) -> str:
    """'82.5%', '1 finding', '3 findings'; 'no data' for None."""
    if value is None:
        return NO_DATA_TEXT
    if metric.unit == "%":
        return f"{value:.1f}".removesuffix(".0") + "%"
    if value == int(value):
        return counted(int(value), metric.unit.removesuffix("s"))
    return f"{value:g} {metric.unit}"


def target_text(metric: Metric, target: float | None) -> str:
    """'at least 80%', 'at most 2 findings'; '' when no target is set."""
    if target is None:
        return ""
    return ("at least " if metric.higher_is_better else "at most ") + value_text(metric, target)


def met_text(met: bool | None) -> str:
    return "" if met is None else "met" if met else "missed"
