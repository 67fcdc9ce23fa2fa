"""Tier attainment (after the PASS guidelines): per layer, whether every tier-1 practice is in place, and the
highest tier whose practices, and every lower tier's, are all in place."""

from __future__ import annotations

from dataclasses import dataclass, field

from safety_assess.domain.checklist.answers import Outcome
from safety_assess.domain.walk.state import AssessmentState

TIERS = (1, 2, 3, 4)


@dataclass
class TierCount:
    practices: int = 0
    in_place: int = 0

    @property
    def complete(self) -> bool:
        return self.in_place == self.practices


@dataclass
class LayerTiers:
    layer: str
    tiers: dict[int, TierCount] = field(default_factory=dict)

    @property
    def tier1_in_place(self) -> bool | None:
        """Every tier-1 practice in place; None when the layer has no tier-1 practice."""
        count = self.tiers.get(1)
        return None if count is None or count.practices == 0 else count.complete

    @property
    def highest(self) -> int:
        """The highest tier attained: it and every tier below are complete (0: not even tier 1)."""
        attained = 0
        for tier in TIERS:
            count = self.tiers.get(tier)
            if count is None:
                continue
            if not count.complete:
                break
            attained = tier
        return attained


def tier_attainment(state: AssessmentState) -> dict[str, LayerTiers]:
    """Per layer, the practices of each tier and how many are in place (answered compliant).

    N/A practices are left out (not necessary here), and so are information-only ones; unanswered, unknown and
    deficient ones are not in place.
    """
    layers: dict[str, LayerTiers] = {}
    for slot in state.slots:
        tier, layer = slot.item.tags.tier, slot.item.tags.layer or slot.section.layer
        if tier is None or layer is None or not state.is_visible(slot.key):
            continue
        outcome = state.outcome(slot.key)
        if outcome in (Outcome.NOT_APPLICABLE, Outcome.NEUTRAL):
            continue
        entry = layers.setdefault(layer.value, LayerTiers(layer.value))
        count = entry.tiers.setdefault(tier, TierCount())
        count.practices += 1
        count.in_place += outcome == Outcome.COMPLIANT
    return layers
