"""Answer values: parsing typed text, checking stored values, and what an answer means.

Canonical values (JSON-friendly) by answer type: yes_no ``"yes" | "no" | "na"``; scale and single choice the
option's ``value``; rating and count ``int``; number, measurement, percentage ``float``; multiple choice a list of
option values; date ``"YYYY-MM-DD"``; time ``"HH:MM"`` or ``""``; text the text. Any type that allows N/A takes
``"na"``.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from safety_assess.domain.checklist.answers import (
    NUMERIC_TYPES,
    AnswerType,
    CountAnswer,
    DateAnswer,
    MeasurementAnswer,
    MultipleChoiceAnswer,
    NumberAnswer,
    NumericAnswer,
    Outcome,
    PercentageAnswer,
    RatingAnswer,
    ScaleAnswer,
    SingleChoiceAnswer,
    TextAnswer,
    TimeAnswer,
    YesNoAnswer,
)
from safety_assess.domain.checklist.model import Checklist, Item
from safety_assess.domain.errors import AnswerError
from safety_assess.domain.records import AnswerValue

NA = "na"
_NA_WORDS = frozenset({"na", "n/a", "n-a", "not applicable"})
_YES_WORDS = {"yes": "yes", "y": "yes", "true": "yes", "no": "no", "n": "no", "false": "no"}
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_answer(checklist: Checklist, item: Item, raw: str) -> AnswerValue:
    """Turn what a person typed into the item's canonical value, or raise AnswerError saying why not."""
    text = raw.strip()
    answer = item.answer
    if text.lower() in _NA_WORDS and getattr(answer, "allow_na", False):
        return NA
    if isinstance(answer, YesNoAnswer):
        return _parse_yes_no(answer, text)
    if isinstance(answer, ScaleAnswer | SingleChoiceAnswer):
        return _parse_option(checklist, item, text)
    if isinstance(answer, MultipleChoiceAnswer):
        parts = [p for p in (s.strip() for s in text.split(",")) if p]
        return _check_multiple(checklist, item, [_parse_option(checklist, item, p) for p in parts])
    if isinstance(answer, RatingAnswer):
        by_label = {label.lower(): n for n, label in answer.labels.items()}
        return _check_rating(answer, by_label.get(text.lower()) or _to_int(text, "a whole rating"))
    if isinstance(answer, CountAnswer):
        return _check_numeric(answer, _to_int(_strip_unit(text, answer.unit), "a whole number"))
    if isinstance(answer, PercentageAnswer):
        return _check_numeric(answer, _to_float(text.removesuffix("%").strip()))
    if isinstance(answer, NumberAnswer | MeasurementAnswer):
        return _check_numeric(answer, _to_float(_strip_unit(text, answer.unit)))
    return _check_other(answer, text)


def check_value(checklist: Checklist, item: Item, value: object) -> AnswerValue:
    """Check any answer: typed text (parsed as ``parse_answer`` does) or an already typed value (stored JSON, a
    widget); return it canonical."""
    if isinstance(value, str) or value is None:
        return parse_answer(checklist, item, value or "")
    if isinstance(value, bool):
        raise AnswerError(f"{item.id}: expected {describe(checklist, item)}, got {value!r}")
    if isinstance(value, list):
        if not isinstance(item.answer, MultipleChoiceAnswer) or not all(isinstance(v, str) for v in value):
            raise AnswerError(f"{item.id}: expected {describe(checklist, item)}, got a list")
        return _check_multiple(checklist, item, [_parse_option(checklist, item, v) for v in value])
    if isinstance(value, int | float):
        return parse_answer(checklist, item, repr(value))
    raise AnswerError(f"{item.id}: expected {describe(checklist, item)}, got {type(value).__name__}")


def _parse_yes_no(answer: YesNoAnswer, text: str) -> str:
    word = _YES_WORDS.get(text.lower())
    if word is None:
        choices = "yes, no or n/a" if answer.allow_na else "yes or no"
        raise AnswerError(f"expected {choices}, got {text!r}")
    return word


def _parse_option(checklist: Checklist, item: Item, text: str) -> str:
    options = option_labels(checklist, item)
    lowered = text.lower()
    for value, label in options:
        if lowered in (value.lower(), label.lower()):
            return value
    listed = ", ".join(value for value, _ in options)
    raise AnswerError(f"{text!r} is not an option; expected one of: {listed}")


def _check_multiple(checklist: Checklist, item: Item, values: list[str]) -> list[str]:
    if len(set(values)) != len(values):
        raise AnswerError("an option is chosen twice")
    order = [value for value, _ in option_labels(checklist, item)]
    return sorted(values, key=order.index)


def _check_rating(answer: RatingAnswer, value: int) -> int:
    if not 1 <= value <= answer.max:
        raise AnswerError(f"rating must be from 1 to {answer.max}, got {value}")
    return value


def _check_numeric(answer: NumericAnswer, value: float) -> float:
    if isinstance(answer, CountAnswer) and value < 0:
        raise AnswerError(f"a count cannot be negative, got {value:g}")
    if isinstance(answer, PercentageAnswer) and not 0 <= value <= 100:
        raise AnswerError(f"a percentage must be from 0 to 100, got {value:g}")
    return value


def _check_other(answer: DateAnswer | TimeAnswer | TextAnswer, text: str) -> str:
    if isinstance(answer, DateAnswer):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise AnswerError(f"expected a date as YYYY-MM-DD, got {text!r}") from None
    if isinstance(answer, TimeAnswer):
        match = _TIME.match(text)
        if text and not match:
            raise AnswerError(f"expected a time as HH:MM (24 h) or nothing, got {text!r}")
        return f"{int(match.group(1)):02d}:{match.group(2)}" if match else ""
    if not text:
        raise AnswerError("the answer is empty; clear the answer instead of saving nothing")
    if len(text) > answer.max_length:
        raise AnswerError(f"text is {len(text)} characters; at most {answer.max_length} allowed")
    return text


def _to_int(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise AnswerError(f"expected {what}, got {text!r}") from None


def _to_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise AnswerError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value):
        raise AnswerError(f"expected a finite number, got {text!r}")
    return value


def _strip_unit(text: str, unit: str | None) -> str:
    if unit and text.lower().endswith(unit.lower()):
        return text[: -len(unit)].strip()
    return text


def option_labels(checklist: Checklist, item: Item) -> list[tuple[str, str]]:
    """(value, label) of each option of a scale or choice item, in order; empty for other types."""
    answer = item.answer
    if isinstance(answer, ScaleAnswer):
        return [(o.value, o.label) for o in checklist.scale_options(answer)]
    if isinstance(answer, SingleChoiceAnswer | MultipleChoiceAnswer):
        return [(o.value, o.label) for o in answer.options]
    if isinstance(answer, YesNoAnswer):
        return [("yes", "Yes"), ("no", "No")] + ([(NA, "N/A")] if answer.allow_na else [])
    return []


def display_value(checklist: Checklist, item: Item, value: AnswerValue) -> str:
    """An answer as a reader sees it: option labels, a unit after a measurement, N/A spelled out."""
    labels = dict(option_labels(checklist, item))
    if isinstance(value, list):
        return ", ".join(labels.get(v, v) for v in value)
    if isinstance(value, str) and value in labels:
        return labels[value]
    if value == NA:
        return "N/A"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    unit = getattr(item.answer, "unit", None)
    if item.answer.type == AnswerType.PERCENTAGE:
        unit = "%"
    return f"{value} {unit}".replace(" %", "%") if unit and value != "" else str(value)


def describe(checklist: Checklist, item: Item) -> str:
    """A short description of what the item accepts, for error messages and help."""
    answer = item.answer
    options = option_labels(checklist, item)
    if isinstance(answer, MultipleChoiceAnswer):
        return "option values separated by commas (" + ", ".join(v for v, _ in options) + ")"
    if options:
        return "one of " + ", ".join(v for v, _ in options)
    names = {
        AnswerType.RATING: f"a rating from 1 to {getattr(answer, 'max', 5)}",
        AnswerType.COUNT: "a whole number",
        AnswerType.PERCENTAGE: "a percentage from 0 to 100",
        AnswerType.DATE: "a date as YYYY-MM-DD",
        AnswerType.TIME: "a time as HH:MM or nothing",
        AnswerType.TEXT: "text",
    }
    return names.get(answer.type, "a number")


def outcome(checklist: Checklist, item: Item, value: AnswerValue, on: dt.date | None = None) -> Outcome:
    """What an answered item means: compliant, deficient, N/A, unknown or neutral.

    ``on`` is the assessment date, for dates that must be recent enough.
    """
    if value == NA:
        return Outcome.NOT_APPLICABLE
    answer = item.answer
    if isinstance(answer, YesNoAnswer):
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
        return _range_outcome(answer, value)  # type: ignore[arg-type]
    if isinstance(answer, DateAnswer):
        return _date_outcome(answer, value, on)
    return Outcome.NEUTRAL


def _choice_outcome(answer: SingleChoiceAnswer | MultipleChoiceAnswer, value: AnswerValue) -> Outcome:
    chosen = set(value) if isinstance(value, list) else {value}
    if not any(o.deficient for o in answer.options):
        return Outcome.NEUTRAL
    deficient = any(o.deficient and o.value in chosen for o in answer.options)
    return Outcome.DEFICIENT if deficient else Outcome.COMPLIANT


def _range_outcome(answer: NumericAnswer, value: AnswerValue) -> Outcome:
    if answer.acceptable is None or not isinstance(value, int | float):
        return Outcome.NEUTRAL
    low, high = answer.acceptable.min, answer.acceptable.max
    inside = (low is None or value >= low) and (high is None or value <= high)
    return Outcome.COMPLIANT if inside else Outcome.DEFICIENT


def _date_outcome(answer: DateAnswer, value: AnswerValue, on: dt.date | None) -> Outcome:
    if answer.deficient_if_older_than_days is None or on is None or not isinstance(value, str):
        return Outcome.NEUTRAL
    age = (on - dt.date.fromisoformat(value)).days
    return Outcome.DEFICIENT if age > answer.deficient_if_older_than_days else Outcome.COMPLIANT


def can_be_deficient(checklist: Checklist, item: Item) -> bool:
    """Whether some answer to the item is deficient (so it needs likelihood, severity and an action)."""
    answer = item.answer
    if isinstance(answer, YesNoAnswer):
        return True
    if isinstance(answer, ScaleAnswer):
        return any(o.outcome == Outcome.DEFICIENT for o in checklist.scale_options(answer))
    if isinstance(answer, SingleChoiceAnswer | MultipleChoiceAnswer):
        return any(o.deficient for o in answer.options)
    if isinstance(answer, RatingAnswer):
        return answer.deficient_at_or_below is not None
    if isinstance(answer, DateAnswer):
        return answer.deficient_if_older_than_days is not None
    return answer.type in NUMERIC_TYPES and getattr(answer, "acceptable", None) is not None
