"""The district's readiness settings (drill rules with the school year and its terms, and the targets) travel to
laptops in campus packs, so a laptop computes due and overdue as the district does; a laptop's bundle, or a pack a
laptop made, never changes the settings of an installation on which they were set; a damaged settings document or
one in a bundle of format 5 is refused with nothing applied."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from safety_assess.bundles.manifest import READINESS_ENTRY, EntryRecord, parse_manifest
from safety_assess.bundles.safezip import BundleError
from safety_assess.domain.readiness.drills import CampusKind, DrillType
from safety_assess.domain.readiness.metrics import BY_KEY
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services import drills, targets
from safety_assess.services.bundles import export_bundle, export_campus_pack, import_bundle
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import ImportRefused
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_verify import Files, rewrite

TERMS = (("fall", (8, 1)), ("winter", (11, 15)), ("spring", (2, 1)))


def _district_settings(district: Workspace) -> None:
    rules = drills.rules(district).requiring(CampusKind.HIGH, DrillType.LOCKDOWN, 4).with_terms(TERMS)
    drills.save_rules(district, rules)
    targets.set_target(district, BY_KEY["compliance"], "winter-2026", 85)


def _pack(workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path) -> Path:
    export_bundle(workspace, [reported.id], tmp_path / "lhs.sabundle")
    import_bundle(district, tmp_path / "lhs.sabundle", trust=always)
    _district_settings(district)
    return export_campus_pack(district, "LHS", tmp_path / "pack.sabundle").path


def test_a_campus_pack_gives_the_laptop_the_districts_settings(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    pack = _pack(workspace, reported, district, tmp_path)
    report = import_bundle(workspace, pack, trust=always)
    assert report.readiness and "drill rules, terms and targets taken" in report.summary()
    assert drills.rules(workspace) == drills.rules(district)
    assert drills.rules(workspace).of(CampusKind.HIGH)[DrillType.LOCKDOWN] == 4
    assert targets.targets(workspace) == targets.targets(district)
    assert not import_bundle(workspace, pack, trust=always).readiness  # the same again changes nothing


def test_a_laptops_bundle_never_changes_the_districts_settings(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    pack = _pack(workspace, reported, district, tmp_path)
    import_bundle(workspace, pack, trust=always)
    export_bundle(workspace, [reported.id], tmp_path / "again.sabundle")
    laptop_pack = export_campus_pack(workspace, "LHS", tmp_path / "laptop-pack.sabundle").path
    assert not parse_manifest(_manifest(tmp_path / "again.sabundle")).readiness  # a sync bundle carries none
    assert not parse_manifest(_manifest(laptop_pack)).readiness  # nor a pack of settings it was given
    drills.save_rules(district, drills.rules(district).requiring(CampusKind.HIGH, DrillType.FIRE, 12))
    before = drills.rules(district), targets.targets(district)
    for bundle in (tmp_path / "again.sabundle", laptop_pack):
        assert not import_bundle(district, bundle, trust=always).readiness
    assert (drills.rules(district), targets.targets(district)) == before


def test_a_laptop_where_settings_were_set_keeps_its_own(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    targets.set_target(workspace, BY_KEY["drills_done"], "fall-2026", 90)
    pack = _pack(workspace, reported, district, tmp_path)
    assert not import_bundle(workspace, pack, trust=always).readiness
    assert targets.targets(workspace).rows() == [("fall-2026", "drills_done", 90)]


def _manifest(bundle: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(bundle) as archive:
        return archive.read("manifest.json")


def _resigned(key: object, files: Files, **changes: object) -> Files:
    manifest = parse_manifest(files["manifest.json"])
    entries = [
        EntryRecord(path=e.path, size=len(files[e.path]), sha256=hashlib.sha256(files[e.path]).hexdigest())
        for e in manifest.entries
    ]
    raw = {**manifest.model_dump(mode="json"), "entries": [e.model_dump() for e in entries], **changes}
    data = json.dumps(raw, sort_keys=True, separators=(",", ":")).encode()
    return {**files, "manifest.json": data, "manifest.sig": key.sign(data)}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"document_version": 2}, "not a readiness document of version 1"),
        ({"document_version": 1, "drill_rules": {"version": 1}, "targets": {"version": 1, "targets": {}}},
         "the district's drill rules are damaged"),
        ({"document_version": 1, "drill_rules": None, "targets": {"version": 9}}, "drill rules are damaged"),
    ],
)  # fmt: skip
def test_a_damaged_settings_document_is_refused_with_nothing_applied(
    workspace: Workspace,
    reported: AssessmentSummary,
    district: Workspace,
    tmp_path: Path,
    document: object,
    message: str,
) -> None:
    pack = _pack(workspace, reported, district, tmp_path)
    key = district.device_key

    def damaged(files: Files) -> Files:
        return _resigned(key, {**files, READINESS_ENTRY: json.dumps(document).encode()})

    with pytest.raises((BundleError, ImportRefused), match=message):
        import_bundle(workspace, rewrite(pack, damaged), trust=always)
    assert drills.rules(workspace).terms is None and targets.targets(workspace).rows() == []


def test_a_bundle_of_format_5_holds_no_settings(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    pack = _pack(workspace, reported, district, tmp_path)
    key = district.device_key
    bundle = rewrite(pack, lambda files: _resigned(key, files, format_version=5))
    with pytest.raises(BundleError, match="its readiness settings and its entries do not agree"):
        import_bundle(workspace, bundle, trust=always)


def test_a_pack_from_a_laptop_that_set_its_own_does_not_change_a_district_that_set_theirs(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    pack = _pack(workspace, reported, district, tmp_path)
    import_bundle(workspace, pack, trust=always)
    targets.set_target(workspace, BY_KEY["compliance"], "winter-2026", 10)  # set on the laptop: its own from now
    laptop_pack = export_campus_pack(workspace, "LHS", tmp_path / "laptop-pack.sabundle").path
    assert parse_manifest(_manifest(laptop_pack)).readiness
    assert not import_bundle(district, laptop_pack, trust=always).readiness
    assert targets.targets(district).rows() == [("winter-2026", "compliance", 85)]
