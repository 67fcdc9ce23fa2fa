"""How much of an assessment was answered: the one definition every screen, report and command uses.

An item counts when it shows (its show_if holds) and is not answered N/A. It is answered when it has a value
(compliant, deficient, unknown or information only). So 'answered' never counts N/A, and 'not answered yet' is
what is left of the items that count. A compliance figure is quoted with its coverage, so 62% after 13 answers
does not read like 62% of the whole checklist.
"""

from __future__ import annotations

from dataclasses import dataclass

from safety_assess.domain.checklist.answers import Outcome
from safety_assess.domain.display import counted
from safety_assess.domain.walk.state import AssessmentState, Tally


@dataclass(frozen=True)
class Coverage:
    answered: int = 0
    """Items that show, answered with anything but N/A."""
    applicable: int = 0
    """Items that show and are not answered N/A."""
    not_applicable: int = 0
    """Items that show and were answered N/A (left out of both counts above)."""
    scored: bool = True
    """False for a checklist with ``scoring: none``: no compliance figure, ever."""

    @property
    def not_answered(self) -> int:
        return self.applicable - self.answered

    @classmethod
    def of_tally(cls, tally: Tally, not_applicable: int = 0, scored: bool = True) -> Coverage:
        return cls(tally.answered, tally.applicable, not_applicable, scored)

    def to_json(self) -> dict[str, int | bool]:
        data: dict[str, int | bool] = {
            "answered": self.answered,
            "applicable": self.applicable,
            "not_answered": self.not_answered,
            "not_applicable": self.not_applicable,
        }
        if not self.scored:
            data["scored"] = False
        return data


def coverage(state: AssessmentState) -> Coverage:
    """The assessment's coverage: the walkthrough's progress (``state.overall()``) with the N/A answers counted."""
    not_applicable = sum(
        1 for slot in state.slots if state.is_visible(slot.key) and state.outcome(slot.key) == Outcome.NOT_APPLICABLE
    )
    return Coverage.of_tally(state.overall(), not_applicable, state.checklist.scored)


def section_coverage(state: AssessmentState, section_id: str) -> Coverage:
    """One section's coverage (its N/A answers not counted apart)."""
    return Coverage.of_tally(state.section_tally(section_id), scored=state.checklist.scored)


def answered_of(covered: Coverage) -> str:
    """'13 of 70': for a table column beside a compliance figure."""
    return f"{covered.answered} of {covered.applicable}"


def answered_text(covered: Coverage) -> str:
    """'13 answered items; 57 not answered yet' (or '70 answered items; none left to answer')."""
    noun = "item" if covered.answered == 1 else "items"
    left = f"{covered.not_answered} not answered yet" if covered.not_answered else "none left to answer"
    return f"{covered.answered} answered {noun}; {left}"


def compliance_text(percent: float | None, covered: Coverage) -> str:
    """'62% of 13 answered items; 57 not answered yet'; 'no compliance figure yet: nothing answered' ..."""
    if not covered.scored:
        return f"not scored (the checklist has no compliance figure): {answered_text(covered)}"
    if covered.answered == 0:
        return f"no compliance figure yet: nothing answered ({counted(covered.applicable, 'item')} to answer)"
    if percent is None:
        return f"no compliance figure: none of the {answered_text(covered)} counts (unknown or information only)"
    return f"{percent:.0f}% of {answered_text(covered)}"
