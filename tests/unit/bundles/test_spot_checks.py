"""Spot checks in bundles and campus packs: a schedule set up at the district goes out in the campus pack; the laptop's
runs come back as the assessments they are, linked to their schedule, and count at the district; a stop travels; a
damaged schedule is refused with nothing applied; an assessment from an older app (no link) still reads."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest

from safety_assess.domain.readiness.spot_checks import Every
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services import spot_checks
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, export_campus_pack, export_changed, import_bundle
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import ImportRefused
from safety_assess.storage.bundle_rows import dump_row, load_row
from safety_assess.storage.orm import AssessmentRow
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_drills import with_entry
from tests.unit.bundles.test_verify import Files, rewrite

TODAY = dt.date(2026, 11, 24)


def _at_district(workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path) -> uuid.UUID:
    """The laptop's assessment imported at the district, which sets up a weekly check of LHS and sends its pack."""
    export_bundle(workspace, [reported.id], tmp_path / "first.sabundle")
    import_bundle(district, tmp_path / "first.sabundle", trust=always)
    lhs = district.campuses.by_code("LHS").id
    schedule = spot_checks.set_up(
        district, lhs, "emergency-preparedness", Every.WEEK, ["kit"], dt.date(2026, 11, 2), TODAY, "District"
    )
    export_campus_pack(district, "LHS", tmp_path / "pack.sabundle")
    import_bundle(workspace, tmp_path / "pack.sabundle", trust=always)
    return schedule.id


def test_a_schedule_goes_out_in_the_campus_pack_and_its_runs_come_back_counted(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    schedule_id = _at_district(workspace, reported, district, tmp_path)
    assert spot_checks.get_schedule(workspace, schedule_id) == spot_checks.get_schedule(district, schedule_id)
    run = spot_checks.start_run(workspace, schedule_id, dt.date(2026, 11, 23), TODAY, ["Ana"])
    record_answer(workspace, run, "kit.classroom-present", "no")
    workspace.assessments.complete(run, ["Ana"])
    made = export_changed(workspace, tmp_path / "runs.sabundle")
    assert made is not None and run in made.assessments
    import_bundle(district, tmp_path / "runs.sabundle", trust=always)
    assert spot_checks.run_sections(district, run) == ("kit",)
    lhs = district.campuses.by_code("LHS").id
    assert spot_checks.pass_counts(district, dt.date(2026, 11, 1), TODAY) == {lhs: (0, 1)}
    (there,) = spot_checks.standings(district, TODAY)
    standing = there.standing  # weeks of 2, 9 and 16 November missed; this week's run done
    assert (standing.done, standing.overdue, standing.overdue_since) == (True, 3, dt.date(2026, 11, 2))


def test_a_stop_travels_and_the_same_pack_twice_changes_nothing(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    schedule_id = _at_district(workspace, reported, district, tmp_path)
    again = import_bundle(workspace, tmp_path / "pack.sabundle", trust=always)
    assert [(d.added, d.updated) for d in again.drills] == [(0, 0)]
    spot_checks.stop(district, schedule_id)
    export_campus_pack(district, "LHS", tmp_path / "stopped.sabundle")
    report = import_bundle(workspace, tmp_path / "stopped.sabundle", trust=always)
    assert [(d.added, d.updated) for d in report.drills] == [(0, 1)]
    assert spot_checks.standings(workspace, TODAY) == []


def _schedule_changed(key: object, field: str, value: object) -> object:
    def changed(files: Files) -> Files:
        name = next(n for n in files if n.startswith("drills/"))
        document = json.loads(files[name])
        document["spot_checks"][0][field] = value
        return with_entry(files, key, name, json.dumps(document).encode())

    return changed


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("every", "daily", "'daily' is not a valid Every"), ("sections", [1], "sections is not a list of section ids")],
)
def test_a_damaged_schedule_is_refused_with_nothing_applied(
    workspace: Workspace,
    reported: AssessmentSummary,
    district: Workspace,
    tmp_path: Path,
    field: str,
    value: object,
    message: str,
) -> None:
    lhs = workspace.campuses.by_code("LHS").id
    spot_checks.set_up(workspace, lhs, "emergency-preparedness", Every.MONTH, None, TODAY, TODAY)
    export_bundle(workspace, [reported.id], tmp_path / "lhs.sabundle")
    bundle = rewrite(tmp_path / "lhs.sabundle", _schedule_changed(workspace.device_key, field, value))  # type: ignore[arg-type]
    with pytest.raises(ImportRefused, match=message):
        import_bundle(district, bundle, trust=always)
    assert district.assessments.list() == [] and district.campuses.list() == []


def test_an_assessment_of_an_older_app_has_no_link(workspace: Workspace, reported: AssessmentSummary) -> None:
    with workspace.database.session() as session:
        dumped = dump_row(session.get(AssessmentRow, reported.id))  # type: ignore[arg-type]
    assert dumped.pop("spot_check_id") is None
    loaded = load_row(AssessmentRow, dumped)
    assert isinstance(loaded, AssessmentRow) and loaded.spot_check_id is None
