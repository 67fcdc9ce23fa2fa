"""The one definition of 'answered', and a compliance figure worded with its coverage."""

from __future__ import annotations

import datetime as dt

from safety_assess.domain.checklist import Checklist
from safety_assess.domain.records import Response
from safety_assess.domain.scoring.compliance import scores
from safety_assess.domain.scoring.coverage import Coverage, answered_text, compliance_text, coverage
from safety_assess.domain.walk.state import AssessmentState

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)


def test_coverage_is_the_walkthrough_progress_with_n_a_apart(every_type: Checklist) -> None:
    responses = [Response("door-locked", None, "no", "", NOW), Response("gate", None, "pass", "", NOW)]
    state = AssessmentState(every_type, [], responses, NOW.date())
    covered = coverage(state)
    assert (covered.answered, covered.applicable) == (state.overall().answered, state.overall().applicable)
    assert covered.answered == 2 and covered.not_answered == covered.applicable - 2
    overall = scores(state).overall.percent
    assert compliance_text(overall, covered) == f"50% of 2 answered items; {covered.not_answered} not answered yet"


def test_every_compliance_figure_says_what_it_stands_on() -> None:
    assert compliance_text(61.5, Coverage(13, 70, 4)) == "62% of 13 answered items; 57 not answered yet"
    assert compliance_text(100.0, Coverage(1, 1)) == "100% of 1 answered item; none left to answer"
    assert compliance_text(None, Coverage(0, 70)) == "no compliance figure yet: nothing answered (70 items to answer)"
    assert compliance_text(None, Coverage(0, 1)) == "no compliance figure yet: nothing answered (1 item to answer)"
    assert compliance_text(None, Coverage(2, 5)).startswith("no compliance figure: none of the 2 answered items")
    assert answered_text(Coverage(1, 3)) == "1 answered item; 2 not answered yet"
    assert Coverage(13, 70, 4).to_json() == {"answered": 13, "applicable": 70, "not_answered": 57, "not_applicable": 4}
