"""Terms of the school year: hand-worked days at their boundaries, the keys that name them, and the checks."""

from __future__ import annotations

import datetime as dt

import pytest

from safety_assess.domain.readiness.requirements import DrillRules
from safety_assess.domain.readiness.rules_doc import rules_document, rules_from
from safety_assess.domain.readiness.school_year import school_year
from safety_assess.domain.readiness.terms import TermError, default_terms, find_term, term_of, terms_of

SEMESTERS = (("fall", (8, 1)), ("spring", (1, 1)))
TRIMESTERS = (("t1", (8, 15)), ("t2", (11, 20)), ("t3", (3, 1)))


def test_default_semesters_split_the_year_at_new_year() -> None:
    fall, spring = terms_of(school_year(dt.date(2026, 9, 1)), default_terms((8, 1)))
    assert (fall.key, fall.start, fall.end) == ("fall-2026", dt.date(2026, 8, 1), dt.date(2026, 12, 31))
    assert (spring.key, spring.start, spring.end) == ("spring-2027", dt.date(2027, 1, 1), dt.date(2027, 7, 31))


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (dt.date(2026, 8, 14), "t3-2026"),  # the day before the year starts: last year's third term
        (dt.date(2026, 8, 15), "t1-2026"),
        (dt.date(2026, 11, 19), "t1-2026"),
        (dt.date(2026, 11, 20), "t2-2026"),
        (dt.date(2027, 2, 28), "t2-2026"),
        (dt.date(2027, 3, 1), "t3-2027"),
        (dt.date(2028, 2, 29), "t2-2027"),  # a leap day falls in the term that holds February
    ],
)
def test_a_day_falls_in_one_term(day: dt.date, key: str) -> None:
    assert term_of(day, (8, 15), TRIMESTERS).key == key


def test_a_term_found_by_its_key_is_the_term_of_its_days() -> None:
    term = find_term("Spring-2027", (8, 1), SEMESTERS)
    assert (term.start, term.end) == (dt.date(2027, 1, 1), dt.date(2027, 7, 31))
    assert find_term("t2-2026", (8, 15), TRIMESTERS).end == dt.date(2027, 2, 28)


@pytest.mark.parametrize("key", ["winter-2026", "fall-2027x", "fall", "spring-2026x", "-2026", "fall-99999"])
def test_a_term_that_does_not_exist_is_refused_naming_the_terms(key: str) -> None:
    with pytest.raises(TermError, match=r"does not exist: terms are fall and spring, written like fall-2026"):
        find_term(key, (8, 1), SEMESTERS)


def test_a_year_starting_in_january_is_halved() -> None:
    first, second = terms_of(school_year(dt.date(2026, 3, 1), (1, 10)), default_terms((1, 10)))
    assert (first.key, first.end, second.key, second.end) == (
        "first-2026",
        dt.date(2026, 6, 30),
        "second-2026",
        dt.date(2027, 1, 9),
    )


@pytest.mark.parametrize(
    ("starts", "message"),
    [
        ((), "at least one term"),
        ((("fall", (9, 1)), ("spring", (1, 1))), "must start on the school year's start, 08-01, not 09-01"),
        ((("fall", (8, 1)), ("Fall", (1, 1))), "must be a lowercase word"),
        ((("fall", (8, 1)), ("fall", (1, 1))), "given twice"),
        ((("fall", (8, 1)), ("spring", (3, 1)), ("winter", (1, 1))), "term winter starts 01-01, not after"),
        ((("fall", (8, 1)), ("spring", (2, 30))), "02-30 is not a day of every year"),
        (tuple((f"t{n}", (8, 1)) for n in range(13)), "13 terms is too many"),
    ],
)
def test_terms_that_cannot_be_used_are_refused(starts: tuple, message: str) -> None:
    with pytest.raises(Exception, match=message):
        DrillRules().with_terms(starts)


def test_moving_the_year_start_moves_the_first_term_and_keeps_the_others() -> None:
    rules = DrillRules().with_terms((("t1", (8, 1)), ("t2", (11, 20)), ("t3", (3, 1))))
    assert rules.starting(8, 20).term_starts == (("t1", (8, 20)), ("t2", (11, 20)), ("t3", (3, 1)))
    with pytest.raises(TermError, match="term t3 starts 03-01, not after"):
        rules.starting(12, 1)
    assert DrillRules().starting(9, 1).term_starts == (("fall", (9, 1)), ("spring", (1, 1)))


def test_terms_are_kept_in_the_rules_document_and_a_version_1_document_reads_with_the_defaults() -> None:
    rules = DrillRules().starting(8, 15).with_terms(TRIMESTERS)
    assert rules_from(rules_document(rules)) == rules
    older = rules_document(DrillRules().starting(9, 1)) | {"version": 1}
    del older["terms"]
    assert rules_from(older).term_starts == (("fall", (9, 1)), ("spring", (1, 1)))
    damaged = rules_document(rules) | {"terms": [["t1", "08-15"], ["t2", "13-01"]]}
    with pytest.raises(Exception, match="drill rules are damaged"):
        rules_from(damaged)
