"""Answer values: parsing typed text, checking stored values, and what an answer means.

Canonical values (JSON-friendly) by answer type: yes_no ``"yes" | "no" | "na"``; scale and single choice the
option's ``value``; rating and count ``int``; number, measurement, percentage ``float``; multiple choice a list of
option values; date ``"YYYY-MM-DD"``; time ``"HH:MM"`` or ``""``; text the text. Any type that allows N/A takes
``"na"``.
"""

from __future__ import annotations

import json

from safety_assess.domain.checklist.amounts import in_another_unit
from safety_assess.domain.checklist.answers import (
    AnswerType,
    DateAnswer,
    MultipleChoiceAnswer,
    NumericAnswer,
    Outcome,
    RatingAnswer,
    ScaleAnswer,
    SingleChoiceAnswer,
    TextAnswer,
    TimeAnswer,
    YesNoAnswer,
)
from safety_assess.domain.checklist.model import Checklist, Item
from safety_assess.domain.checklist.reading import (
    NA,
    check_multiple,
    expected_date_or_time,
    is_na_word,
    option_list,
    read_numeric,
    read_option,
    read_other,
    read_rating,
    read_yes_no,
    wanted,
)
from safety_assess.domain.errors import AnswerError
from safety_assess.domain.records import AnswerValue

__all__ = [
    "NA",
    "asks_follow_up",
    "check_answer",
    "check_value",
    "display_value",
    "na_answer",
    "option_labels",
    "parse_answer",
    "shown_as_typed",
    "typed_text",
]


def parse_answer(checklist: Checklist, item: Item, raw: str) -> AnswerValue:
    """Turn what a person typed into the item's canonical value, or raise AnswerError saying why not."""
    text = raw.strip()
    answer = item.answer
    if is_na_word(text) and not isinstance(answer, TextAnswer):
        found = na_answer(checklist, item)
        if found is None:
            raise AnswerError(f"this item cannot be answered N/A: it takes {describe(checklist, item)}")
        if found == NA:
            return NA
        text = found  # an option that means N/A, chosen below by its value
    if isinstance(answer, YesNoAnswer):
        return read_yes_no(text, answer.allow_na)
    options = option_labels(checklist, item)
    if isinstance(answer, ScaleAnswer | SingleChoiceAnswer):
        return read_option(options, text)
    if isinstance(answer, MultipleChoiceAnswer):
        parts = [p for p in (s.strip() for s in text.split(",")) if p]
        return check_multiple(options, [read_option(options, p) for p in parts])
    if isinstance(answer, RatingAnswer):
        return read_rating(answer, text)
    if isinstance(answer, NumericAnswer):
        return read_numeric(answer, text)
    return read_other(answer, text)


def check_value(checklist: Checklist, item: Item, value: object) -> AnswerValue:
    """Check any answer: typed text (parsed as ``parse_answer`` does) or an already typed value (stored JSON, a
    widget); return it canonical."""
    if isinstance(value, str) or value is None:
        return parse_answer(checklist, item, value or "")
    if isinstance(value, list):
        if not isinstance(item.answer, MultipleChoiceAnswer) or not all(isinstance(v, str) for v in value):
            raise AnswerError(f"a list is not an answer of this item: it takes {describe(checklist, item)}")
        options = option_labels(checklist, item)
        return check_multiple(options, [read_option(options, v) for v in value])
    if isinstance(value, int | float) and not isinstance(value, bool):
        return parse_answer(checklist, item, repr(value))
    shown = json.dumps(value) if isinstance(value, bool) else f"a {type(value).__name__}"
    raise AnswerError(f"{shown} is not an answer of this item: it takes {describe(checklist, item)}")


def check_answer(checklist: Checklist, item: Item, value: object) -> AnswerValue:
    """``check_value`` with the item named in the message, as the command line and the walkthrough show it."""
    try:
        return check_value(checklist, item, value)
    except AnswerError as error:
        raise AnswerError(f"item '{item.id}': {error}") from None


def na_answer(checklist: Checklist, item: Item) -> str | None:
    """The value that means N/A for this item: ``na`` where N/A is allowed, else the scale's or choice's option
    that means not applicable; None when the item has no N/A answer."""
    answer = item.answer
    if getattr(answer, "allow_na", False):
        return NA
    if isinstance(answer, ScaleAnswer):
        for option in checklist.scale_options(answer):
            if option.outcome == Outcome.NOT_APPLICABLE or option.value == NA:
                return option.value
    if isinstance(answer, SingleChoiceAnswer | MultipleChoiceAnswer):
        for choice in answer.options:
            if choice.value == NA or is_na_word(choice.label):
                return choice.value
    return None


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


def typed_text(item: Item, value: object) -> str | None:
    """What to keep beside the stored answer as typed: an amount given in another unit than the item's ("4 ft" on
    an item in inches, stored as 48); None when the stored answer says the same ("48", "48 in", a choice)."""
    if not isinstance(value, str) or not in_another_unit(value, getattr(item.answer, "unit", None)):
        return None
    return " ".join(value.split())


def shown_as_typed(checklist: Checklist, item: Item, value: AnswerValue, typed: str | None) -> str:
    """An answer as a reader sees it, with what was typed first when it was converted: '4 ft (48 in)'."""
    shown = display_value(checklist, item, value)
    return f"{typed} ({shown})" if typed else shown


def describe(checklist: Checklist, item: Item) -> str:
    """What the item takes, in words to follow "it takes" or "enter": 'yes or no', 'a number in feet (ft)'."""
    answer = item.answer
    options = option_labels(checklist, item)
    if isinstance(answer, MultipleChoiceAnswer):
        return "options separated by commas: " + option_list(options)
    if isinstance(answer, YesNoAnswer):
        return "yes, no or N/A" if answer.allow_na else "yes or no"
    if options:
        return option_list(options)
    if isinstance(answer, RatingAnswer):
        return f"a rating from 1 to {answer.max}"
    if isinstance(answer, NumericAnswer):
        return wanted(answer).expected()
    if isinstance(answer, DateAnswer | TimeAnswer):
        return expected_date_or_time(answer)
    return "text"


def asks_follow_up(checklist: Checklist, item: Item, value: object) -> bool:
    """Whether the answer is one the item's follow-up asks text for ('if yes, specify')."""
    if item.follow_up is None or value is None:
        return False
    wanted = []
    for typed in item.follow_up.when:
        try:
            wanted.append(check_value(checklist, item, typed))
        except AnswerError:
            continue  # refused at load; a snapshot accepted before is read as it was
    if isinstance(value, list):
        return any(w in value or w == value for w in wanted)
    return value in wanted
