"""Answer values for every answer type: parsing, rejection with a reason, and outcome."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safety_assess.domain.checklist import Checklist, Outcome
from safety_assess.domain.checklist.values import (
    can_be_deficient,
    check_value,
    describe,
    option_labels,
    outcome,
    parse_answer,
)
from safety_assess.domain.errors import AnswerError

ON = dt.date(2026, 11, 23)

CASES = [
    # item, typed text, canonical value, outcome
    ("door-locked", "Y", "yes", Outcome.COMPLIANT),
    ("door-locked", "no", "no", Outcome.DEFICIENT),
    ("door-locked", "N/A", "na", Outcome.NOT_APPLICABLE),
    ("door-hard", "yes", "yes", Outcome.DEFICIENT),
    ("door-hard", "no", "no", Outcome.COMPLIANT),
    ("gate", "Pass", "pass", Outcome.COMPLIANT),
    ("gate", "flag", "flag", Outcome.DEFICIENT),
    ("presence", "Don't know", "dont-know", Outcome.UNKNOWN),
    ("presence", "not-present", "not-present", Outcome.DEFICIENT),
    ("lighting-rating", "2", 2, Outcome.DEFICIENT),
    ("lighting-rating", "3", 3, Outcome.COMPLIANT),
    ("fence-height", "6", 6.0, Outcome.COMPLIANT),
    ("fence-height", "5.5 ft", 5.5, Outcome.DEFICIENT),
    ("temp", "-3.25", -3.25, Outcome.NEUTRAL),
    ("extinguishers", "0", 0, Outcome.DEFICIENT),
    ("extinguishers", "4", 4, Outcome.COMPLIANT),
    ("coverage", "85%", 85.0, Outcome.COMPLIANT),
    ("coverage", "79.5", 79.5, Outcome.DEFICIENT),
    ("lock-type", "key", "key", Outcome.COMPLIANT),
    ("lock-type", "None", "none", Outcome.DEFICIENT),
    ("signage", "weapons, visitor", ["visitor", "weapons"], Outcome.COMPLIANT),
    ("signage", "broken", ["broken"], Outcome.DEFICIENT),
    ("signage", "", [], Outcome.COMPLIANT),
    ("last-drill", "2026-10-01", "2026-10-01", Outcome.COMPLIANT),
    ("last-drill", "2026-01-15", "2026-01-15", Outcome.DEFICIENT),
    ("lock-time", "7:05", "07:05", Outcome.NEUTRAL),
    ("lock-time", "", "", Outcome.NEUTRAL),
    ("notes", "  Gate chain rusty ", "Gate chain rusty", Outcome.NEUTRAL),
    ("camera-working", "n", "no", Outcome.DEFICIENT),
]


@pytest.mark.parametrize(("item_id", "raw", "value", "expected"), CASES)
def test_every_answer_type_parses_and_scores(every_type: Checklist, item, item_id, raw, value, expected) -> None:
    parsed = parse_answer(every_type, item(item_id), raw)
    assert parsed == value
    assert type(parsed) is type(value)
    assert outcome(every_type, item(item_id), parsed, ON) == expected


REJECTED = [
    ("door-locked", "maybe", "expected yes, no or n/a"),
    ("door-hard", "na", "expected yes or no"),
    ("gate", "ok", "not an option; expected one of: pass, flag, fail"),
    ("lighting-rating", "6", "rating must be from 1 to 5"),
    ("lighting-rating", "two", "expected a whole rating"),
    ("fence-height", "tall", "expected a number"),
    ("fence-height", "nan", "expected a finite number"),
    ("extinguishers", "-1", "cannot be negative"),
    ("extinguishers", "1.5", "expected a whole number"),
    ("coverage", "101", "from 0 to 100"),
    ("signage", "visitor, visitor", "chosen twice"),
    ("signage", "visitor, bogus", "'bogus' is not an option"),
    ("last-drill", "01/02/2026", "YYYY-MM-DD"),
    ("lock-time", "25:00", "HH:MM"),
    ("temp", "na", "expected a number"),
]


@pytest.mark.parametrize(("item_id", "raw", "message"), REJECTED)
def test_a_wrong_answer_is_refused_with_the_reason(every_type: Checklist, item, item_id, raw, message) -> None:
    with pytest.raises(AnswerError, match=message):
        parse_answer(every_type, item(item_id), raw)


def test_text_longer_than_allowed_is_refused(every_type: Checklist, item) -> None:
    with pytest.raises(AnswerError, match="at most 4000"):
        parse_answer(every_type, item("notes"), "x" * 4001)


def test_typed_values_are_checked_like_text(every_type: Checklist, item) -> None:
    assert check_value(every_type, item("signage"), ["weapons", "visitor"]) == ["visitor", "weapons"]
    assert check_value(every_type, item("extinguishers"), 3) == 3
    assert check_value(every_type, item("coverage"), 50) == 50.0
    with pytest.raises(AnswerError, match="expected one of yes, no, na, got True"):
        check_value(every_type, item("door-locked"), True)
    with pytest.raises(AnswerError, match="got a list"):
        check_value(every_type, item("gate"), ["pass"])
    with pytest.raises(AnswerError, match="got dict"):
        check_value(every_type, item("gate"), {"a": 1})


def test_date_without_an_assessment_date_is_neutral(every_type: Checklist, item) -> None:
    assert outcome(every_type, item("last-drill"), "2000-01-01", None) == Outcome.NEUTRAL


def test_options_and_descriptions_name_what_is_accepted(every_type: Checklist, item) -> None:
    assert option_labels(every_type, item("gate")) == [("pass", "Pass"), ("flag", "Flag"), ("fail", "Fail")]
    assert option_labels(every_type, item("door-hard")) == [("yes", "Yes"), ("no", "No")]
    assert describe(every_type, item("signage")).startswith("option values separated by commas")
    assert describe(every_type, item("lighting-rating")) == "a rating from 1 to 5"
    assert describe(every_type, item("fence-height")) == "a number"


def test_which_items_can_be_deficient(every_type: Checklist, item) -> None:
    deficient_capable = {i.id for _, _, i in every_type.iter_items() if can_be_deficient(every_type, i)}
    assert deficient_capable == {
        "door-locked",
        "door-hard",
        "gate",
        "presence",
        "lighting-rating",
        "fence-height",
        "extinguishers",
        "coverage",
        "lock-type",
        "signage",
        "last-drill",
        "camera-working",
    }


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_a_number_reads_back_as_itself(every_type_checklist: Checklist, value: float) -> None:
    item = every_type_checklist.find_item("temp")
    assert item is not None
    assert parse_answer(every_type_checklist, item[2], repr(value)) == value


@given(st.floats(min_value=0, max_value=50, allow_nan=False))
def test_a_measurement_is_deficient_exactly_below_the_minimum(every_type_checklist: Checklist, value: float) -> None:
    found = every_type_checklist.find_item("fence-height")
    assert found is not None
    result = outcome(every_type_checklist, found[2], parse_answer(every_type_checklist, found[2], repr(value)))
    assert result == (Outcome.DEFICIENT if value < 6 else Outcome.COMPLIANT)


@pytest.fixture(scope="session")
def every_type_checklist(every_type: Checklist) -> Checklist:
    return every_type


def test_a_rating_can_be_given_by_its_label(every_type: Checklist, item) -> None:
    assert parse_answer(every_type, item("lighting-rating"), "excellent") == 5


def test_empty_text_is_not_an_answer(every_type: Checklist, item) -> None:
    with pytest.raises(AnswerError, match="the answer is empty"):
        parse_answer(every_type, item("notes"), "   ")
