"""What is in place: compliant high-weight items (by weight, or by severity when all weigh alike) and the layers'
practices of tier 2 and higher. Hand-computed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from safety_assess.domain.checklist.parse import parse_checklist
from safety_assess.domain.plan.commendations import (
    InPlace,
    TierPractice,
    compliant_high_weight,
    seen_fixed,
    tier_practices,
)
from safety_assess.domain.records import Response
from safety_assess.domain.scoring.findings import raised_findings
from safety_assess.domain.scoring.tiers import tier_attainment
from safety_assess.domain.walk.state import AssessmentState

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)


def _item(item_id: str, tier: int | None = None, weight: float = 1.0, severity: int = 3) -> dict[str, Any]:
    return {
        "id": item_id,
        "prompt": f"{item_id}?",
        "answer": {"type": "yes_no", "deficient_if": "no", "allow_na": True},
        "likelihood": 2,
        "severity": severity,
        "action": f"Fix {item_id}.",
        "weight": weight,
        "tags": {"tier": tier} if tier else {},
    }


def _state(items: list[dict[str, Any]], answers: dict[str, str]) -> AssessmentState:
    checklist = parse_checklist(
        {
            "id": "praise",
            "title": "Praise",
            "version": "1.0.0",
            "sections": [{"id": "outside", "title": "Outside", "layer": "campus_perimeter", "items": items}],
        }
    )
    responses = [Response(item, None, value, "", NOW) for item, value in answers.items()]  # type: ignore[arg-type]
    return AssessmentState(checklist, [], responses, dt.date(2026, 11, 23))


def test_high_weight_is_above_the_median_weight() -> None:
    items = [_item("fence", weight=1), _item("gate", weight=1), _item("locks", weight=3), _item("cams", weight=5)]
    state = _state(items, {"fence": "yes", "locks": "yes", "cams": "no"})
    in_place, answered, by_severity = compliant_high_weight(state)
    # median 2: locks (3) and cams (5) weigh more; locks is in place, cams is deficient; fence is in place but light
    assert (in_place, answered, by_severity) == ([InPlace("Outside", "locks?")], 2, False)


def test_when_every_item_weighs_alike_high_weight_means_severe() -> None:
    items = [_item("fence", severity=3), _item("gate", severity=4), _item("locks", severity=5), _item("cams")]
    state = _state(items, {"fence": "yes", "gate": "yes", "locks": "na", "cams": "yes"})
    assert compliant_high_weight(state) == ([InPlace("Outside", "gate?")], 1, True)  # N/A is neither


def test_practices_of_tier_two_and_higher_in_place_per_layer() -> None:
    items = [_item("fence", 1), _item("cams", 2), _item("film", 2), _item("badge", 3)]
    state = _state(items, {"fence": "yes", "cams": "yes", "film": "yes", "badge": "no"})
    assert tier_practices(tier_attainment(state)) == [TierPractice("campus_perimeter", 2, 3, 2)]
    assert tier_practices(tier_attainment(_state(items, {"fence": "yes", "cams": "no"}))) == []


def test_resolved_findings_count_when_their_item_is_seen_compliant() -> None:
    items = [_item("fence"), _item("gate"), _item("cams")]
    earlier = _state(items, {"fence": "no", "gate": "no", "cams": "no"})
    gone = raised_findings(earlier)
    manual = dataclasses.replace(gone[0], key="manual:loose railing", item_id=None)
    now = _state(items, {"fence": "yes", "gate": "na"})  # cams unanswered
    fixed, unchecked = seen_fixed(now, [*gone, manual])
    assert [f.item_id for f in fixed] == ["fence"] and unchecked == 3
