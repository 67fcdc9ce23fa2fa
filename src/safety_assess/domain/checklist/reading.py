"""Reading what a person typed for each answer type, or saying in plain words why it is not an answer and what
to enter instead. Messages name no item: the caller says which one (``values.check_answer``)."""

from __future__ import annotations

from collections import Counter

from safety_assess.domain.checklist.amounts import Wanted, read_amount, read_number
from safety_assess.domain.checklist.answers import (
    CountAnswer,
    DateAnswer,
    NumericAnswer,
    PercentageAnswer,
    RatingAnswer,
    TextAnswer,
    TimeAnswer,
)
from safety_assess.domain.checklist.units import shown
from safety_assess.domain.dates import DATE_FORM, TIME_FORM, DateTextError, parse_date, parse_time
from safety_assess.domain.errors import AnswerError

NA = "na"
NA_WORDS = frozenset({"na", "n/a", "n-a", "n.a.", "n.a", "not applicable"})
"""What an assessor may type for N/A, in any capitals."""
YES_WORDS = {"yes": "yes", "y": "yes", "true": "yes", "no": "no", "n": "no", "false": "no"}


def is_na_word(text: str) -> bool:
    return " ".join(text.lower().split()) in NA_WORDS


def either(words: list[str]) -> str:
    """'Pass, Flag or Fail'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def read_yes_no(text: str, allow_na: bool) -> str:
    word = YES_WORDS.get(text.lower())
    if word is None:
        shown_text = f"'{text}' is not an answer here" if text else "nothing was entered"
        raise AnswerError(f"{shown_text}: answer {'yes, no or N/A' if allow_na else 'yes or no'}")
    return word


def read_option(options: list[tuple[str, str]], text: str) -> str:
    """The value of the option ``text`` names (by value or label, any capitals)."""
    lowered = text.lower()
    for value, label in options:
        if lowered in (value.lower(), label.lower()):
            return value
    shown_text = f"'{text}' is not one of this item's answers" if text else "nothing was entered"
    raise AnswerError(f"{shown_text}: answer {option_list(options)}")


def option_list(options: list[tuple[str, str]]) -> str:
    """Each option as a person may type it: its label, and its value when that is spelled otherwise."""
    return either([label if label.lower() == value.lower() else f"{label} ({value})" for value, label in options])


def check_multiple(options: list[tuple[str, str]], values: list[str]) -> list[str]:
    """The chosen values in the options' order; an option chosen twice is refused, by name."""
    twice = [value for value, count in Counter(values).items() if count > 1]
    if twice:
        label = dict(options).get(twice[0], twice[0])
        raise AnswerError(f"'{label}' is chosen twice; choose each option once")
    order = [value for value, _ in options]
    return sorted(values, key=order.index)


def read_rating(answer: RatingAnswer, text: str) -> int:
    by_label = {label.lower(): n for n, label in answer.labels.items()}
    if text.lower() in by_label:
        return by_label[text.lower()]
    labels = sorted(answer.labels.items())
    hint = f", or {either([label for _, label in labels])}" if labels else ""
    number = read_number(text) if text else None
    if number is None or not number.is_integer():
        shown_text = f"'{text}' is not a rating" if text else "nothing was entered"
        raise AnswerError(f"{shown_text}: enter a whole number from 1 to {answer.max}{hint}")
    if not 1 <= number <= answer.max:
        raise AnswerError(f"{shown(number)} is not a rating of this item: ratings go from 1 to {answer.max}")
    return int(number)


def wanted(answer: NumericAnswer) -> Wanted:
    if isinstance(answer, PercentageAnswer):
        return Wanted("%", percent=True)
    return Wanted(answer.unit, whole=isinstance(answer, CountAnswer))


def read_numeric(answer: NumericAnswer, text: str) -> float:
    """A number in the item's unit; a count as a whole number (int), never negative; a percentage 0-100."""
    want = wanted(answer)
    value = read_amount(text, want)
    if want.whole and not value.is_integer():
        raise AnswerError(f"this item takes a whole number, and {shown(value)} is not one")
    if want.whole and value < 0:
        raise AnswerError(f"a count cannot be negative, and {shown(value)} is")
    if want.percent and not 0 <= value <= 100:
        raise AnswerError(f"a percentage is from 0 to 100, and {shown(value)} is not")
    return int(value) if want.whole else value


def read_other(answer: DateAnswer | TimeAnswer | TextAnswer, text: str) -> str:
    try:
        if isinstance(answer, DateAnswer):
            return parse_date(text).isoformat()
        if isinstance(answer, TimeAnswer):
            return parse_time(text, may_be_empty=True)
    except DateTextError as error:
        raise AnswerError(str(error)) from None
    if not text:
        raise AnswerError("the answer is empty: to take an answer back, clear it instead of saving nothing")
    if len(text) > answer.max_length:
        raise AnswerError(f"the text is {len(text)} characters long; this item takes at most {answer.max_length}")
    return text


def expected_date_or_time(answer: DateAnswer | TimeAnswer) -> str:
    if isinstance(answer, DateAnswer):
        return f"a date as {DATE_FORM}"
    return f"a time as {TIME_FORM}, or nothing"
