"""The plan's changes since the board's last adopting decision, through the services: none before an adoption or
after one that did not adopt, and a later adoption becomes the version changes are shown against."""

from __future__ import annotations

import dataclasses
import datetime as dt

from safety_assess.domain.records import AssessmentSummary
from safety_assess.services import reviews as rv
from safety_assess.services.workspace import Workspace
from tests.unit.services.test_reviews import assessment

__all__ = ["assessment"]  # fixture


def test_changes_are_shown_against_the_last_adoption(workspace: Workspace, assessment: AssessmentSummary) -> None:
    assert rv.since_adopted(workspace, assessment.id) is None
    rv.record_decision(workspace, assessment.id, "board", dt.date(2026, 11, 20), "not-adopted")
    assert rv.since_adopted(workspace, assessment.id) is None
    rv.record_decision(workspace, assessment.id, "board", dt.date(2026, 12, 1), "adopted")
    first = rv.plan_actions(workspace, assessment.id)[0]
    workspace.findings.update_action(dataclasses.replace(first, owner="Facilities"))
    since = rv.since_adopted(workspace, assessment.id)
    assert since is not None and since.adopted_on == dt.date(2026, 12, 1)
    (changed,) = since.changes.changed
    assert (changed.action.id, [(f.field, f.was, f.now) for f in changed.fields]) == (
        first.id,
        [("owner", "", "Facilities")],
    )
    rv.record_decision(workspace, assessment.id, "board", dt.date(2027, 1, 15), "adopted-with-changes")
    again = rv.since_adopted(workspace, assessment.id)
    assert again is not None and again.adopted_on == dt.date(2027, 1, 15) and again.changes.unchanged
