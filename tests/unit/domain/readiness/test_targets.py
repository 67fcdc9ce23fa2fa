"""The district's targets: set, cleared, listed in order, and read back from their document (damaged or newer
documents refused)."""

from __future__ import annotations

import pytest

from safety_assess.domain.readiness.metrics import BY_KEY, TargetError
from safety_assess.domain.readiness.targets import Targets, targets_document, targets_from

COMPLIANCE, ON_TIME = BY_KEY["compliance"], BY_KEY["actions_on_time"]


def test_targets_are_set_listed_in_order_and_cleared() -> None:
    targets = Targets().setting("spring-2027", COMPLIANCE, 80).setting("fall-2026", ON_TIME, 90)
    targets = targets.setting("fall-2026", COMPLIANCE, 75)
    assert targets.rows() == [
        ("fall-2026", "compliance", 75),
        ("fall-2026", "actions_on_time", 90),
        ("spring-2027", "compliance", 80),
    ]
    assert targets.of("fall-2026", ON_TIME) == 90 and targets.of("fall-2027", ON_TIME) is None
    cleared = targets.clearing("spring-2027", COMPLIANCE)
    assert "spring-2027" not in cleared.by_term
    with pytest.raises(TargetError, match="no target for compliance in spring-2027 to clear"):
        cleared.clearing("spring-2027", COMPLIANCE)


def test_a_target_out_of_range_is_refused_and_nothing_changes() -> None:
    targets = Targets()
    with pytest.raises(TargetError, match="out of range"):
        targets.setting("fall-2026", ON_TIME, 120)
    assert targets.rows() == []


def test_the_document_round_trips_and_refuses_damage_and_newer_versions() -> None:
    targets = Targets().setting("fall-2026", COMPLIANCE, 72.5)
    assert targets_from(targets_document(targets)) == targets
    damaged: object
    for damaged in (None, [], {"version": "1"}, {"version": 1}, {"version": 1, "targets": {"fall-2026": {"x": 1}}},
                    {"version": 1, "targets": {"fall-2026": {"compliance": 300}}},
                    {"version": 1, "targets": {"fall-2026": {"compliance": True}}}):  # fmt: skip
        with pytest.raises(TargetError, match="the district's targets are damaged"):
            targets_from(damaged)
    with pytest.raises(TargetError, match="written by a newer version of the app"):
        targets_from({"version": 2, "targets": {}})
