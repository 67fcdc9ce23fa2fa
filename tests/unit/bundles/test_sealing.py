"""Bundles encrypted to the district: the key file, sealing at export, opening at import, and every refusal."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.bundles.safezip import BundleError
from safety_assess.domain.records import AssessmentSummary
from safety_assess.keys.district_key import DistrictKeyError, parse_key_file, read_key_file
from safety_assess.keys.sealed import is_sealed
from safety_assess.services.bundles import export_bundle, export_campus_pack, import_bundle
from safety_assess.services.sealing import (
    district_public_key,
    forget_sealing_key,
    import_sealing_key,
    sealing_key,
)
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import Result
from tests.unit.bundles.conftest import always


@pytest.fixture
def key_file(district: Workspace, tmp_path: Path) -> Path:
    key = district_public_key(district, create=True)
    assert key is not None
    path = tmp_path / "district.sadistrictkey"
    path.write_text(key.to_json(), encoding="utf-8")
    return path


def test_the_district_key_is_made_once_and_kept_private(district: Workspace, key_file: Path) -> None:
    again = district_public_key(district, create=True)
    assert again is not None and read_key_file(key_file) == again
    assert again.fingerprint.startswith("SD-") and len(again.fingerprint) == 3 + 8 * 5 - 1
    assert district.data_dir.district_key.stat().st_mode & 0o077 == 0


def test_a_sealed_bundle_opens_only_at_the_district(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, key_file: Path, tmp_path: Path
) -> None:
    key, before = import_sealing_key(workspace, key_file)
    assert before is None and sealing_key(workspace) == key
    bundle = tmp_path / "lhs.sabundle"
    result = export_bundle(workspace, [reported.id], bundle)
    assert result.sealed_to == key and is_sealed(bundle)
    assert b"Lincoln" not in bundle.read_bytes() and not zipfile.is_zipfile(bundle)
    assert not list(workspace.photo_store.root.glob(".scratch*"))  # the plain bundle was removed
    report = import_bundle(district, bundle, trust=always)
    assert report.sealed and [o.result for o in report.outcomes] == [Result.ADDED]
    assert not list(district.photo_store.root.glob(".scratch*"))


def test_a_sealed_bundle_is_refused_without_the_key_or_when_altered(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, key_file: Path, tmp_path: Path
) -> None:
    import_sealing_key(workspace, key_file)
    bundle = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [reported.id], bundle)
    elsewhere = Workspace.open(DataDir(tmp_path / "elsewhere"))
    try:
        with pytest.raises(
            BundleError, match=r"lhs\.sabundle: it is encrypted to a district key, and this installation"
        ):
            import_bundle(elsewhere, bundle, trust=always)
        district_public_key(elsewhere, create=True)  # another district's key
        with pytest.raises(BundleError, match=r"lhs\.sabundle: it is sealed for another district key"):
            import_bundle(elsewhere, bundle, trust=always)
    finally:
        elsewhere.close()
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 1
    altered = tmp_path / "altered.sabundle"
    altered.write_bytes(bytes(data))
    cut = tmp_path / "cut.sabundle"
    cut.write_bytes(bundle.read_bytes()[: len(data) - 100])
    for broken in (altered, cut):
        with pytest.raises(BundleError, match=f"{broken.name}: it is damaged, incomplete or was altered"):
            import_bundle(district, broken, trust=always)
    assert district.assessments.list() == [] and not list(district.photo_store.root.rglob("*.*"))


def test_forgetting_the_key_exports_plain_bundles_again(
    workspace: Workspace, reported: AssessmentSummary, key_file: Path, tmp_path: Path
) -> None:
    key, _ = import_sealing_key(workspace, key_file)
    assert forget_sealing_key(workspace) == key and sealing_key(workspace) is None
    assert export_bundle(workspace, [reported.id], tmp_path / "plain.sabundle").sealed_to is None
    assert zipfile.is_zipfile(tmp_path / "plain.sabundle")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe", "not a district key file (it is not JSON)"),
        (b'{"format": "something-else"}', "not a district key file"),
        (
            b'{"format": "safety-assess-district-key", "format_version": 9}',
            "it was written by a newer Safety Assess (format 9; this one reads up to 1): update Safety Assess",
        ),
        (
            b'{"format": "safety-assess-district-key", "format_version": 0}',
            "it is damaged (its format number 0 was never written by any Safety Assess)",
        ),
        (
            b'{"format": "safety-assess-district-key", "format_version": true}',
            "it is damaged (its format number true was never written by any Safety Assess)",
        ),
        (
            b'{"format": "safety-assess-district-key", "format_version": 1, "public_key": "abc"}',
            "its public key is damaged",
        ),
    ],
)
def test_a_bad_key_file_is_refused_with_its_name(content: bytes, message: str) -> None:
    with pytest.raises(DistrictKeyError, match=re.escape(f"key.json: {message}")):
        parse_key_file(content, "key.json")


def test_a_key_file_whose_fingerprint_was_changed_is_refused(key_file: Path) -> None:
    document = json.loads(key_file.read_text())
    document["fingerprint"] = "SD-0000-0000-0000-0000-0000-0000-0000-0000"
    with pytest.raises(DistrictKeyError, match="does not belong to its key"):
        parse_key_file(json.dumps(document).encode(), "key.json")


def test_a_campus_pack_is_never_sealed_to_the_district_key_the_laptop_lacks(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, key_file: Path, tmp_path: Path
) -> None:
    import_bundle(district, bundle_of(workspace, reported, tmp_path), trust=always)
    import_sealing_key(district, key_file)  # the district set its own key as the one to seal to
    pack = tmp_path / "pack.sabundle"
    result = export_campus_pack(district, reported.campus.code, pack)
    assert result.sealed_to is None and not is_sealed(pack) and zipfile.is_zipfile(pack)
    back = import_bundle(workspace, pack, trust=always)
    assert len(back.outcomes) == 1 and not back.sealed  # the laptop opens it


def bundle_of(workspace: Workspace, summary: AssessmentSummary, tmp_path: Path) -> Path:
    bundle = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [summary.id], bundle)
    return bundle
