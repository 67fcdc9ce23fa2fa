"""What an answer means: compliant, deficient, N/A, unknown or neutral; and the risk of the finding it raises."""

from __future__ import annotations

import datetime as dt

from safety_assess.domain.checklist.answers import (
    NUMERIC_TYPES,
    DateAnswer,
    MultipleChoiceAnswer,
    NumericAnswer,
    Outcome,
    PercentageAnswer,
    RatingAnswer,
    ScaleAnswer,
    SingleChoiceAnswer,
    TextAnswer,
    YesNoAnswer,
)
from safety_assess.domain.checklist.conditions import Lookup, holds
from safety_assess.domain.checklist.model import Checklist, Item
from safety_assess.domain.checklist.reading import NA
from safety_assess.domain.records import AnswerValue

DEFAULT_RISK = 3


def _unknown(_: str) -> None:
    return None


def outcome(
    checklist: Checklist, item: Item, value: AnswerValue, on: dt.date | None = None, other: Lookup = _unknown
) -> Outcome:
    """What an answered item means: compliant, deficient, N/A, unknown or neutral.

    ``on`` is the assessment date, for dates that must be recent enough; ``other`` gives the answers of the items
    a compound ``acceptable`` names (unknown when not given).
    """
    answer = item.answer
    if value == NA and not isinstance(answer, TextAnswer):  # free text that says "na" is just text
        return Outcome.NOT_APPLICABLE
    if item.informational:
        return Outcome.NEUTRAL
    if isinstance(answer, YesNoAnswer):
        if answer.deficient_if is None:
            return Outcome.NEUTRAL
        return Outcome.DEFICIENT if value == answer.deficient_if else Outcome.COMPLIANT
    if isinstance(answer, ScaleAnswer):
        found = [o.outcome for o in checklist.scale_options(answer) if o.value == value]
        return found[0] if found else Outcome.UNKNOWN
    if isinstance(answer, SingleChoiceAnswer | MultipleChoiceAnswer):
        return _choice_outcome(answer, value)
    if isinstance(answer, RatingAnswer):
        if answer.deficient_at_or_below is None or not isinstance(value, int | float):
            return Outcome.NEUTRAL
        return Outcome.DEFICIENT if value <= answer.deficient_at_or_below else Outcome.COMPLIANT
    if answer.type in NUMERIC_TYPES:
        return _range_outcome(answer, value, other)  # type: ignore[arg-type]
    if isinstance(answer, DateAnswer):
        return _date_outcome(answer, value, on)
    return Outcome.NEUTRAL


def _choice_outcome(answer: SingleChoiceAnswer | MultipleChoiceAnswer, value: AnswerValue) -> Outcome:
    if not any(o.deficient_if for o in answer.options):
        return Outcome.NEUTRAL
    return Outcome.DEFICIENT if _deficient_options(answer, value) else Outcome.COMPLIANT


def _deficient_options(answer: SingleChoiceAnswer | MultipleChoiceAnswer, value: AnswerValue) -> list[int]:
    """The indexes of the options that make ``value`` deficient: ticked when deficient ticked, or left unticked."""
    chosen = set(value) if isinstance(value, list) else {value}
    return [
        n
        for n, o in enumerate(answer.options)
        if (o.deficient_if == "ticked" and o.value in chosen)
        or (o.deficient_if == "unticked" and o.value not in chosen)
    ]


def _range_outcome(answer: NumericAnswer, value: AnswerValue, other: Lookup) -> Outcome:
    if answer.acceptable is None or not isinstance(value, int | float):
        return Outcome.NEUTRAL
    unit = None if isinstance(answer, PercentageAnswer) else answer.unit
    inside = holds(answer.acceptable, value, unit, other)
    if inside is None:
        return Outcome.UNKNOWN
    return Outcome.COMPLIANT if inside else Outcome.DEFICIENT


def _date_outcome(answer: DateAnswer, value: AnswerValue, on: dt.date | None) -> Outcome:
    if answer.deficient_if_older_than_days is None or on is None or not isinstance(value, str):
        return Outcome.NEUTRAL
    age = (on - dt.date.fromisoformat(value)).days
    return Outcome.DEFICIENT if age > answer.deficient_if_older_than_days else Outcome.COMPLIANT


def can_be_deficient(checklist: Checklist, item: Item) -> bool:
    """Whether some answer to the item is deficient (so it needs likelihood, severity and an action)."""
    answer = item.answer
    if item.informational:
        return False
    if isinstance(answer, YesNoAnswer):
        return answer.deficient_if is not None
    if isinstance(answer, ScaleAnswer):
        return any(o.outcome == Outcome.DEFICIENT for o in checklist.scale_options(answer))
    if isinstance(answer, SingleChoiceAnswer | MultipleChoiceAnswer):
        return any(o.deficient_if for o in answer.options)
    if isinstance(answer, RatingAnswer):
        return answer.deficient_at_or_below is not None
    if isinstance(answer, DateAnswer):
        return answer.deficient_if_older_than_days is not None
    return answer.type in NUMERIC_TYPES and getattr(answer, "acceptable", None) is not None


def finding_risk(checklist: Checklist, item: Item, value: AnswerValue) -> tuple[int, int]:
    """Likelihood and severity of the finding a deficient ``value`` raises: the chosen option's where it sets
    them (the riskiest of the options that make a multiple choice deficient), else the item's."""
    answer = item.answer
    options: list[tuple[int | None, int | None]] = []
    if isinstance(answer, ScaleAnswer):
        options = [(o.likelihood, o.severity) for o in checklist.scale_options(answer) if o.value == value]
    elif isinstance(answer, SingleChoiceAnswer | MultipleChoiceAnswer):
        picked = _deficient_options(answer, value)
        options = [(answer.options[n].likelihood, answer.options[n].severity) for n in picked]
    default = (item.likelihood or DEFAULT_RISK, item.severity or DEFAULT_RISK)
    risks = [(likelihood or default[0], severity or default[1]) for likelihood, severity in options]
    return max(risks, key=lambda r: (r[0] * r[1], r[1]), default=default)
