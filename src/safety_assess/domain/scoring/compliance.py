"""Weighted compliance: compliant answers score their weight, deficient ones zero; N/A, unknown, neutral and
unanswered items are left out. Per section, per layer, per component and overall."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from safety_assess.domain.checklist.answers import Outcome
from safety_assess.domain.walk.slots import Slot
from safety_assess.domain.walk.state import AssessmentState


@dataclass(frozen=True)
class Score:
    earned: float = 0.0
    possible: float = 0.0
    deficient: int = 0
    scored: bool = True
    """False for a checklist with ``scoring: none``: findings are counted, no percentage is given."""

    @property
    def percent(self) -> float | None:
        """Percentage of the possible weight earned; None when nothing counts (all N/A or unanswered) or the
        checklist is not scored."""
        return None if self.possible == 0 or not self.scored else 100 * self.earned / self.possible

    def __add__(self, other: Score) -> Score:
        return Score(
            self.earned + other.earned,
            self.possible + other.possible,
            self.deficient + other.deficient,
            self.scored and other.scored,
        )


def slot_score(state: AssessmentState, slot: Slot) -> Score:
    if not state.is_visible(slot.key):
        return Score()
    result = state.outcome(slot.key)
    weight, scored = slot.item.weight, state.checklist.scored
    if result == Outcome.COMPLIANT:
        return Score(weight, weight, scored=scored)
    if result == Outcome.DEFICIENT:
        return Score(0.0, weight, 1, scored)
    return Score(scored=scored)


def total(state: AssessmentState, slots: Iterable[Slot]) -> Score:
    score = Score()
    for slot in slots:
        score = score + slot_score(state, slot)
    return score


@dataclass(frozen=True)
class Scores:
    overall: Score
    sections: dict[str, Score]
    layers: dict[str, Score]
    components: dict[str, Score]


def scores(state: AssessmentState) -> Scores:
    """Every score of an assessment in one pass over its slots."""
    overall = Score(scored=state.checklist.scored)
    sections: dict[str, Score] = defaultdict(Score)
    layers: dict[str, Score] = defaultdict(Score)
    components: dict[str, Score] = defaultdict(Score)
    for slot in state.slots:
        score = slot_score(state, slot)
        if score.possible == 0:
            continue
        overall = overall + score
        sections[slot.section.id] += score
        layer = slot.item.tags.layer or slot.section.layer
        if layer is not None:
            layers[layer.value] += score
        for component in slot.item.tags.components:
            components[component.value] += score
    return Scores(overall, dict(sections), dict(layers), dict(components))
