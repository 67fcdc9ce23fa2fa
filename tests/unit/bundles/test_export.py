"""Exporting to a signed bundle: entries match the manifest, the signature verifies, photos leave nothing behind
they must not carry, revisions travel together, and the file appears whole or not at all."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from safety_assess.base.atomic import WriteError
from safety_assess.base.jobs import Progress
from safety_assess.bundles.manifest import parse_manifest
from safety_assess.domain.records import AssessmentSummary
from safety_assess.keys.device import verify
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.bundles import export_bundle, export_changed
from safety_assess.services.photos import add_photos
from safety_assess.services.workspace import Workspace
from tests.lost_photos import lose

CLOCK = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_bundle_is_signed_and_lists_every_entry(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    out = tmp_path / "lhs.sabundle"
    result = export_bundle(workspace, [reported.id], out, exporter="Ana", clock=CLOCK)
    files = entries(out)
    manifest = parse_manifest(files["manifest.json"])
    assert verify(bytes.fromhex(manifest.device.public_key), files["manifest.sig"], files["manifest.json"])
    assert manifest.device.fingerprint == workspace.device_key.fingerprint and manifest.exporter == "Ana"
    assert manifest.assessments == [str(reported.id)] and result.photos == 3 and result.warnings == []
    listed = {e.path: e for e in manifest.entries}
    assert set(listed) | {"manifest.json", "manifest.sig"} == set(files)
    for name, entry in listed.items():
        assert (entry.size, entry.sha256) == (len(files[name]), hashlib.sha256(files[name]).hexdigest())
    with zipfile.ZipFile(out) as archive:
        methods = {i.filename: i.compress_type for i in archive.infolist()}
    assert all(methods[n] == zipfile.ZIP_STORED for n in files if n.startswith("photos/"))
    assert methods[f"assessments/{reported.id}.json"] == zipfile.ZIP_DEFLATED


def test_the_document_holds_every_record(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> None:
    out = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [reported.id], out, clock=CLOCK)
    document = json.loads(entries(out)[f"assessments/{reported.id}.json"])
    assert document["campus"]["code"] == "LHS" and document["snapshot"]["document"]["id"] == "every-type"
    assert len(document["responses"]) == 4 and len(document["findings"]) == 4  # each with an action has a row
    assert len(document["actions"]) == 4 and len(document["photos"]) == 3
    assert all(p["file"] and p["file"].startswith("photos/") for p in document["photos"])


def test_photos_leave_without_location_serials_or_what_was_redacted(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path, photo_folder: Path
) -> None:
    add_photos(workspace, reported.id, "extinguishers", [photo_folder / "phone.jpg"])
    out = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [reported.id], out, clock=CLOCK)
    files = entries(out)
    document = json.loads(files[f"assessments/{reported.id}.json"])
    by_name = {p["filename"]: p for p in document["photos"]}
    phone_row = by_name["phone.jpg"]
    assert phone_row["gps_lat"] is None and phone_row["file_kind"] == "original"
    assert b"SERIAL-123456" not in files[phone_row["file"]] and b"PhoneCam" not in files[phone_row["file"]]
    keypad = next(p for p in document["photos"] if p["caption"] == "Keypad")
    assert keypad["file_kind"] == "rendition"
    with Image.open(io.BytesIO(files[keypad["file"]])) as image:
        width, height = image.size
        corner = image.convert("L").crop((int(width * 0.15), int(height * 0.15), int(width * 0.5), int(height * 0.5)))
        assert corner.getextrema()[1] < 40  # the redaction box, burned in


def test_a_reopened_assessment_travels_with_its_earlier_revision(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    workspace.assessments.complete(reported.id, ["Ana"])
    revision = workspace.assessments.reopen(reported.id, "typo in a note")
    out = tmp_path / "lhs.sabundle"
    result = export_bundle(workspace, [revision], out, clock=CLOCK)
    assert result.assessments == [reported.id, revision]
    assert parse_manifest(entries(out)["manifest.json"]).assessments == [str(reported.id), str(revision)]


def test_a_failed_export_leaves_nothing(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="does not exist"):
        export_bundle(workspace, [reported.id], tmp_path / "gone" / "x.sabundle")
    photo = workspace.photos.list(reported.id)[0]
    lose(workspace, workspace.photo_store.original(photo.sha256, photo.extension))
    out = tmp_path / "gaps.sabundle"
    result = export_bundle(workspace, [reported.id], out, clock=CLOCK)
    assert any("its file is missing" in w for w in result.warnings) and out.is_file()
    assert list(tmp_path.glob("*.partial")) == []


def test_since_last_exports_what_changed_and_remembers_only_complete_exports(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    first = export_changed(workspace, tmp_path / "one.sabundle")
    assert first is not None and first.assessments == [reported.id]
    assert export_changed(workspace, tmp_path / "two.sabundle") is None and not (tmp_path / "two.sabundle").exists()
    workspace.campuses.add("Other School", "OS")
    other = start_assessment(workspace, "OS", "every-type", ["Sam"], dt.date(2026, 11, 20))
    record_answer(workspace, other.id, "door-locked", "yes")
    with pytest.raises(WriteError):
        export_changed(workspace, tmp_path / "missing" / "x.sabundle")
    third = export_changed(workspace, tmp_path / "three.sabundle")
    assert third is not None and third.assessments == [other.id]  # the failed export was not remembered
    record_answer(workspace, reported.id, "gate", "pass")
    fourth = export_changed(workspace, tmp_path / "four.sabundle")
    assert fourth is not None and fourth.assessments == [reported.id]


def test_the_progress_moves_by_the_bytes_written_not_per_assessment(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    reports: list[tuple[int, int, str]] = []
    progress = Progress(lambda done, total, message: reports.append((done, total, message)), interval=0)
    export_bundle(workspace, [reported.id], tmp_path / "lhs.sabundle", progress=progress)
    within = [(done, total) for done, total, _ in reports[:-1]]
    total = within[0][1]
    assert total > 10_000 and all(t == total for _, t in within)  # counted in bytes, the photos' sizes
    steps = [done for done, _ in within]
    assert steps == sorted(steps) and len({d for d in steps if 0 < d < total}) >= 3  # one step per photo at least
    assert "MB of about" in reports[-2][2] and reports[-1][0] >= reports[-1][1]
