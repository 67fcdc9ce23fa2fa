"""The district's progress reads its spot checks: runs signed off in the term count for the pass rate (a run with a
deficient answer fails, and so does one signed off with nothing answered), and a run never stands for its campus's
compliance."""

from __future__ import annotations

import datetime as dt

from safety_assess.domain.readiness.spot_checks import Every
from safety_assess.domain.readiness.terms import term_of
from safety_assess.services import drills, spot_checks, targets
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.workspace import Workspace
from tests.spot_check_list import install

TODAY = dt.date.today()


def test_runs_signed_off_in_the_term_give_the_pass_rate_and_leave_compliance_alone(workspace: Workspace) -> None:
    campus = workspace.campuses.add("Lincoln High", "LHS")
    full = start_assessment(workspace, "LHS", "every-type", ["Ana"], TODAY)
    record_answer(workspace, full.id, "door-locked", "yes")
    workspace.assessments.complete(full.id, ["Ana"])
    rules = drills.rules(workspace)
    term = term_of(TODAY, rules.year_start, rules.term_starts)
    before = {m.metric.key: m for m in targets.progress(workspace, term).metrics}["compliance"].campuses[campus.id]
    schedule = spot_checks.set_up(
        workspace, campus.id, install(workspace), Every.WEEK, ["kit"], term.start, TODAY, "Ana"
    )
    for answer in ("yes", "yes", "no"):
        run = spot_checks.start_run(workspace, schedule.id, TODAY, TODAY, ["Ana"])
        record_answer(workspace, run, "kit.classroom-present", answer)
        assert spot_checks.sign_off(workspace, run, ["Ana"]).passed is (answer == "yes")
    unfinished = spot_checks.start_run(workspace, schedule.id, TODAY, TODAY, ["Ana"])
    record_answer(workspace, unfinished, "kit.classroom-present", "no")
    empty = spot_checks.start_run(workspace, schedule.id, TODAY, TODAY, ["Ana"])
    spot_checks.sign_off(workspace, empty, ["Ana"])  # nothing answered: it fails
    shown = {m.metric.key: m for m in targets.progress(workspace, term).metrics}
    rate = shown["spot_check_pass_rate"].district
    assert (rate.part, rate.whole) == (2, 4)
    assert before.value is not None and shown["compliance"].campuses[campus.id] == before  # not the last, failed run
