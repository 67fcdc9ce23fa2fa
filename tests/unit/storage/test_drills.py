"""The drill log's storage: drills kept and read back, a campus's kind and opening day (ORM and the plain listing
alike), the district's rules as one versioned document, and what a drill write announces."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from safety_assess.domain.errors import NotFoundError, SafetyAssessError
from safety_assess.domain.readiness.drills import CampusKind, Drill, DrillError, DrillType
from safety_assess.domain.readiness.requirements import DrillRules
from safety_assess.services import drills
from safety_assess.services.workspace import Workspace
from safety_assess.storage import meta
from safety_assess.storage.drills import RULES_KEY
from safety_assess.storage.notify import Touched
from safety_assess.storage.orm_readiness import DrillRow

DAY = dt.date(2026, 11, 23)


def test_a_drill_is_kept_whole_and_listed_newest_first(workspace: Workspace) -> None:
    campus = workspace.campuses.add("Lincoln High", "LHS", kind="high", opened_on=dt.date(1998, 8, 1))
    first = drills.add_drill(workspace, Drill(campus.id, DrillType.FIRE, DAY - dt.timedelta(days=30)), DAY)
    full = Drill(
        campus.id, DrillType.LOCKDOWN, DAY, dt.time(9, 30), 14, 512, False, ("Ann Lee",), "PA inaudible in gym"
    )
    second = drills.add_drill(workspace, full, DAY)
    assert second == dataclasses.replace(full, revision=1)
    log = drills.drill_log(workspace, campus.id, DAY)
    assert [d.id for d in log.drills] == [second.id, first.id]
    assert log.kind == CampusKind.HIGH and log.year.label == "2026-27"
    edited = drills.save_drill(workspace, dataclasses.replace(second, duration=20), DAY)
    assert edited.duration == 20 and edited.revision == 2


def test_a_refused_drill_stores_nothing(workspace: Workspace) -> None:
    campus = workspace.campuses.add("Lincoln High", "LHS", opened_on=DAY)
    with pytest.raises(DrillError, match="before the campus opened"):
        drills.add_drill(workspace, Drill(campus.id, DrillType.FIRE, DAY - dt.timedelta(days=1)), DAY)
    assert drills.drill_log(workspace, campus.id, DAY).drills == []
    with pytest.raises(NotFoundError, match="no drill"):
        drills.resolve_drill(workspace, "abc")


def test_the_campus_kind_and_opening_day_read_alike_everywhere(workspace: Workspace) -> None:
    campus = workspace.campuses.add("Office", "DO", kind="office")
    changed = workspace.campuses.describe(campus.id, opened_on=dt.date(2001, 9, 4))
    assert (changed.kind, changed.opened_on) == ("office", dt.date(2001, 9, 4))
    assert workspace.campuses.list() == [changed] and workspace.campuses.get(campus.id) == changed
    assert workspace.campuses.add("Adams", "AES").kind == "elementary"


def test_the_rules_are_one_versioned_document(workspace: Workspace) -> None:
    assert drills.rules(workspace) == DrillRules()
    changed = DrillRules().requiring(CampusKind.OFFICE, DrillType.EARTHQUAKE, 1).starting(9, 1)
    drills.save_rules(workspace, changed)
    assert drills.rules(workspace) == changed
    assert '"version": 2' in (meta.get(workspace.database, RULES_KEY) or "")
    meta.put(workspace.database, RULES_KEY, '{"version": 7}')
    with pytest.raises(SafetyAssessError, match="newer version"):
        drills.rules(workspace)


def test_a_drill_write_tells_other_computers_the_campuses_changed() -> None:
    touched = Touched()
    touched.note(DrillRow())
    assert touched.campuses
