"""What a campus does well, for the report's Commendations chapter: compliant high-weight items, tiers of practice
attained, and findings resolved since the earlier assessment.

High weight: an item whose weight in the compliance score is above the median weight of the checklist's items.
A checklist that weighs every item alike (the built-in ones do) has no such item; there, high weight means an item
whose failure would be severe: a default severity of 4 or 5 (unset counts as 3, as for findings).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from safety_assess.domain.checklist.answers import Outcome
from safety_assess.domain.checklist.model import Item
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.scoring.findings import Finding
from safety_assess.domain.scoring.tiers import LayerTiers
from safety_assess.domain.walk.state import AssessmentState

SEVERE = 4
FIRST_COMMENDED_TIER = 2


@dataclass(frozen=True)
class InPlace:
    """An answered item that is compliant."""

    section: str
    prompt: str
    instance: str = ""


@dataclass(frozen=True)
class TierPractice:
    """A layer's practices of tier 2 and higher: how many are in place, and the highest tier attained."""

    layer: str
    in_place: int
    practices: int
    highest: int


@dataclass(frozen=True)
class Commendations:
    high_weight: list[InPlace]
    high_weight_answered: int
    """High-weight items answered compliant or deficient: what ``high_weight`` is out of."""
    by_severity: bool
    """True when every item weighs alike and high weight was decided by severity (see the module's note)."""
    tiers: list[TierPractice]
    resolved: list[Finding]
    """Earlier findings whose item is answered compliant now: a fix seen, not only a finding no longer raised."""
    unchecked: int
    """Earlier findings no longer raised but not seen fixed (item unanswered or N/A now, or a manual finding)."""


def high_weight_rule(items: Iterable[Item]) -> tuple[float | None, bool]:
    """(the weight an item must exceed, False), or (None, True) when the weights are all alike: by severity."""
    weights = [item.weight for item in items]
    if len(set(weights)) <= 1:
        return None, True
    return statistics.median(weights), False


def is_high_weight(item: Item, above: float | None) -> bool:
    return (item.severity or 3) >= SEVERE if above is None else item.weight > above


def compliant_high_weight(state: AssessmentState) -> tuple[list[InPlace], int, bool]:
    items = {slot.item.id: slot.item for slot in state.slots}
    above, by_severity = high_weight_rule(items.values())
    in_place, answered = [], 0
    for slot in state.slots:
        if not state.is_visible(slot.key) or not is_high_weight(slot.item, above):
            continue
        outcome = state.outcome(slot.key)
        answered += outcome in (Outcome.COMPLIANT, Outcome.DEFICIENT)
        if outcome == Outcome.COMPLIANT:
            instance = slot.instance.label if slot.instance else ""
            in_place.append(InPlace(slot.section.title, slot.item.prompt, instance))
    return in_place, answered, by_severity


def tier_practices(attained: dict[str, LayerTiers]) -> list[TierPractice]:
    """The layers with any practice of tier 2 or higher in place."""
    result = []
    for layer, tiers in sorted(attained.items()):
        higher = [count for tier, count in tiers.tiers.items() if tier >= FIRST_COMMENDED_TIER]
        in_place = sum(count.in_place for count in higher)
        if in_place:
            result.append(TierPractice(layer, in_place, sum(c.practices for c in higher), tiers.highest))
    return result


def seen_fixed(state: AssessmentState, resolved: Iterable[Finding]) -> tuple[list[Finding], int]:
    """Of the earlier findings no longer raised, those whose item (and instance) is answered compliant now, and
    how many others there are."""
    compliant = set()
    for slot in state.slots:
        if state.is_visible(slot.key) and state.outcome(slot.key) == Outcome.COMPLIANT:
            instance = slot.instance.label if slot.instance else ""
            compliant.add(f"item:{slot.item.id}:{instance.lower()}")  # the key raised_findings gives
    fixed = [f for f in resolved if f.key in compliant]
    return fixed, sum(1 for f in resolved if f.key not in compliant)


def commendations(plan: Plan) -> Commendations:
    high_weight, answered, by_severity = compliant_high_weight(plan.state)
    fixed, unchecked = seen_fixed(plan.state, plan.comparison.resolved if plan.comparison else [])
    return Commendations(high_weight, answered, by_severity, tier_practices(plan.tiers), fixed, unchecked)
