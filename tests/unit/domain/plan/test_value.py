"""Risk reduced per dollar: the figure, its order (best buys first), and a finding with several actions."""

from __future__ import annotations

import math

from safety_assess.domain.plan.actions import Action
from safety_assess.domain.plan.value import finding_values, json_value, per_dollar, risk_reduced, sort_key, text
from safety_assess.domain.scoring.findings import Finding


def _finding(key: str, residual: tuple[int, int] | None) -> Finding:
    low, high = residual or (None, None)
    return Finding(key, key, "Gym", 3, 4, residual_likelihood=low, residual_severity=high)


def _action(key: str, low: float, high: float) -> Action:
    return Action(key, f"Fix {key}", "immediate", cost_low=low, cost_high=high)


def test_the_risk_as_found_minus_the_residual_risk() -> None:
    assert risk_reduced(3, 4, 1, 2) == 10
    assert risk_reduced(3, 4, None, 2) is None


def test_per_unit_of_the_cost_ranges_midpoint() -> None:
    assert per_dollar(10, 100, 300) == 0.05
    assert per_dollar(None, 100, 300) is None
    assert per_dollar(10, 0, 0) == math.inf
    assert per_dollar(0, 0, 0) is None
    assert per_dollar(0, 50, 50) == 0


def test_free_reductions_first_then_the_most_per_dollar_unknown_last() -> None:
    values = [None, 0.01, math.inf, 0.5, 0.0]
    assert sorted(values, key=sort_key) == [math.inf, 0.5, 0.01, 0.0, None]


def test_a_findings_actions_share_its_reduction_and_are_counted_together() -> None:
    findings = [_finding("a", (1, 2)), _finding("b", None), _finding("c", (1, 1)), _finding("unplanned", (1, 1))]
    actions = [_action("a", 100, 300), _action("a", 200, 400), _action("b", 10, 10), _action("c", 0, 0)]
    values = finding_values(findings, actions)
    assert values == {"a": 10 / 500, "b": None, "c": math.inf}


def test_as_json_and_on_screen() -> None:
    assert [json_value(v) for v in (None, math.inf, 0.02)] == [None, "free", 0.02]
    assert [text(v) for v in (None, math.inf, 0.0024, 0.00001, 0.0)] == ["", "free", "2.4", "0.010", "0.0"]
