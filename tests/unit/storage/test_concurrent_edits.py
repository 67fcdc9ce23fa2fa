"""Two people changing one record at once (two windows, or two district staff on a shared database): the second
change is refused by the revision check instead of overwriting the first. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.domain.errors import ConflictError
from safety_assess.domain.plan.actions import Status
from safety_assess.services.plan import PlanEditor
from safety_assess.services.workspace import Workspace
from safety_assess.storage.orm import ActionRow
from tests.actions import assessment_with_an_action


def test_an_update_racing_another_is_refused_and_the_first_kept(workspace: Workspace, tmp_path: Path) -> None:
    summary, action = assessment_with_an_action(workspace)
    assert action.id is not None
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), workspace.target.url)
    try:
        with pytest.raises(ConflictError, match="changed elsewhere"), workspace.database.session() as mine:
            row = mine.get(ActionRow, action.id)
            assert row is not None
            row.status = Status.DONE.value  # read, changed, not yet saved ...
            with colleague.database.session() as theirs:  # ... when the colleague's change is saved
                theirs_row = theirs.get(ActionRow, action.id)
                assert theirs_row is not None
                theirs_row.status = Status.DEFERRED.value
        stored = workspace.findings.action(action.id)
        assert (stored.status, stored.revision) == (Status.DEFERRED, 2)
        with pytest.raises(ConflictError, match="changed elsewhere since you opened it"):  # a stale screen
            PlanEditor(workspace, summary.id).set_status(action, Status.DONE)
    finally:
        colleague.close()
