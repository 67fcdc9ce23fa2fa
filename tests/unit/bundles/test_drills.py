"""Drills in bundles and campus packs: a campus's drill log arrives whole at the district and merges field by field
(a field changed on one side is taken, one changed on both keeps ours and is counted as a clash), a removal travels,
the same bundle twice changes nothing, and a damaged drills document or a format 4 bundle holding drills is refused
with nothing applied."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from safety_assess.bundles.manifest import EntryRecord, manifest_bytes, parse_manifest
from safety_assess.bundles.safezip import BundleError
from safety_assess.domain.readiness.drills import Drill, DrillType
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services import drills
from safety_assess.services.bundles import export_bundle, export_campus_pack, export_changed, import_bundle
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import ImportRefused
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_verify import Files, rewrite

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def drill(workspace: Workspace, reported: AssessmentSummary) -> Drill:
    workspace.campuses.describe(reported.campus.id, kind="high")
    made = Drill(reported.campus.id, DrillType.LOCKDOWN, TODAY, dt.time(9, 30), 14, 512, False, ("Ann Lee",), "PA")
    return drills.add_drill(workspace, made, TODAY)


def sent(workspace: Workspace, summary: AssessmentSummary, path: Path) -> Path:
    export_bundle(workspace, [summary.id], path)
    return path


def the_drill(workspace: Workspace, drill_id: object) -> Drill:
    [found] = [d for d in drills.drill_log(workspace, _campus(workspace), TODAY).drills if d.id == drill_id]
    return found


def _campus(workspace: Workspace) -> object:
    return workspace.campuses.by_code("LHS").id


def test_a_drill_log_arrives_whole_and_twice_changes_nothing(
    workspace: Workspace, reported: AssessmentSummary, drill: Drill, district: Workspace, tmp_path: Path
) -> None:
    bundle = sent(workspace, reported, tmp_path / "lhs.sabundle")
    report = import_bundle(district, bundle, trust=always)
    assert [(d.added, d.updated) for d in report.drills] == [(1, 0)] and "1 added" in report.summary()
    assert the_drill(district, drill.id) == dataclasses.replace(drill, revision=1)
    assert district.campuses.by_code("LHS").kind == "high"
    again = import_bundle(district, bundle, trust=always)
    assert [(d.added, d.updated) for d in again.drills] == [(0, 0)] and again.already_imported


def test_each_side_keeps_the_field_it_changed_and_a_clash_keeps_ours(
    workspace: Workspace, reported: AssessmentSummary, drill: Drill, district: Workspace, tmp_path: Path
) -> None:
    import_bundle(district, sent(workspace, reported, tmp_path / "one.sabundle"), trust=always)
    there = drills.save_drill(district, dataclasses.replace(the_drill(district, drill.id), duration=20), TODAY)
    drills.save_drill(district, dataclasses.replace(there, participants=600), TODAY)
    drills.save_drill(workspace, dataclasses.replace(drill, issues="PA inaudible in gym", participants=500), TODAY)
    report = import_bundle(district, sent(workspace, reported, tmp_path / "two.sabundle"), trust=always)
    merged = the_drill(district, drill.id)
    assert (merged.duration, merged.issues, merged.participants) == (20, "PA inaudible in gym", 600)
    assert [d.clashes for d in report.drills] == [[f"{drill.id}: participants"]]
    assert f"ours kept: Lincoln High, drill {drill.id}: participants" in report.summary()
    export_campus_pack(district, "LHS", tmp_path / "pack.sabundle")
    import_bundle(workspace, tmp_path / "pack.sabundle", trust=always)
    back = the_drill(workspace, drill.id)
    assert (back.duration, back.issues, back.participants) == (20, "PA inaudible in gym", 500)


def test_a_removal_travels_and_export_what_changed_carries_a_drill(
    workspace: Workspace, reported: AssessmentSummary, drill: Drill, district: Workspace, tmp_path: Path
) -> None:
    assert export_changed(workspace, tmp_path / "first.sabundle") is not None
    import_bundle(district, tmp_path / "first.sabundle", trust=always)
    drills.remove_drill(workspace, drill.id)
    made = export_changed(workspace, tmp_path / "second.sabundle")
    assert made is not None and made.assessments == [reported.id]
    import_bundle(district, tmp_path / "second.sabundle", trust=always)
    assert drills.drill_log(district, _campus(district), TODAY).drills == []


def _drills_changed(key: object, change: str) -> object:
    def changed(files: Files) -> Files:
        name = next(n for n in files if n.startswith("drills/"))
        document = json.loads(files[name])
        field, value = change.split("=")
        document["drills"][0][field] = json.loads(value)
        files = {**files, name: json.dumps(document).encode()}
        manifest = parse_manifest(files["manifest.json"])
        entries = [
            EntryRecord(path=e.path, size=len(files[e.path]), sha256=hashlib.sha256(files[e.path]).hexdigest())
            for e in manifest.entries
        ]
        data = manifest_bytes(manifest.model_copy(update={"entries": entries}))
        return {**files, "manifest.json": data, "manifest.sig": key.sign(data)}  # type: ignore[attr-defined]

    return changed


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('type="flood"', "'flood' is not a valid DrillType"),
        ('announced="yes"', "announced is not true or false"),
        ('held_at="nine"', "Invalid isoformat"),
        ("observers=[1]", "observers is not a list of names"),
        ('campus_id="x"', "campus_id has a value of the wrong kind"),
    ],
)
def test_a_damaged_drills_document_is_refused_with_nothing_applied(
    workspace: Workspace,
    reported: AssessmentSummary,
    drill: Drill,
    district: Workspace,
    tmp_path: Path,
    change: str,
    message: str,
) -> None:
    bundle = rewrite(
        sent(workspace, reported, tmp_path / "lhs.sabundle"), _drills_changed(workspace.device_key, change)
    )  # type: ignore[arg-type]
    with pytest.raises(ImportRefused, match=message):
        import_bundle(district, bundle, trust=always)
    assert district.assessments.list() == [] and district.campuses.list() == []


def test_a_bundle_of_format_4_cannot_hold_drills(
    workspace: Workspace, reported: AssessmentSummary, drill: Drill, district: Workspace, tmp_path: Path
) -> None:
    def as_format_4(files: Files) -> Files:
        raw = {**json.loads(files["manifest.json"]), "format_version": 4}
        data = json.dumps(raw, sort_keys=True, separators=(",", ":")).encode()
        return {**files, "manifest.json": data, "manifest.sig": workspace.device_key.sign(data)}

    bundle = rewrite(sent(workspace, reported, tmp_path / "lhs.sabundle"), as_format_4)
    with pytest.raises(BundleError, match="a bundle of format 4 holds no drills"):
        import_bundle(district, bundle, trust=always)
