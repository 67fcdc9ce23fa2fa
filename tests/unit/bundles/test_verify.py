"""Verifying a bundle before anything is imported: a genuine bundle passes; every kind of tampering, a missing or
extra entry, a foreign signature, a newer format and an interrupted copy are refused with one line, and the private
folder is removed whatever happens."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from safety_assess.bundles.manifest import Device, EntryRecord, manifest_bytes, parse_manifest
from safety_assess.bundles.safezip import BundleError
from safety_assess.bundles.verify import opened_bundle
from safety_assess.domain.records import AssessmentSummary
from safety_assess.keys.device import DeviceKey, load_or_create
from safety_assess.services.bundles import export_bundle
from safety_assess.services.workspace import Workspace

CLOCK = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)
Files = dict[str, bytes]


@pytest.fixture
def bundle(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> Path:
    out = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [reported.id], out, clock=CLOCK)
    return out


def rewrite(source: Path, change: Callable[[Files], Files]) -> Path:
    """A copy of the bundle with its entries changed (written as a well-formed zip, so only our checks catch it)."""
    with zipfile.ZipFile(source) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    target = source.with_name("changed.sabundle")
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in change(files).items():
            archive.writestr(name, data, zipfile.ZIP_STORED if name.startswith("photos/") else zipfile.ZIP_DEFLATED)
    return target


def photo_name(files: Files) -> str:
    return next(name for name in files if name.startswith("photos/"))


def test_a_genuine_bundle_verifies(bundle: Path, reported: AssessmentSummary) -> None:
    with opened_bundle(bundle) as verified:
        folder = next(iter(verified.photos.values())).path.parent
        assert list(verified.documents) == [reported.id] and len(verified.photos) == 3
        for name, copy in verified.photos.items():
            assert hashlib.sha256(copy.path.read_bytes()).hexdigest() == copy.sha256 and copy.sha256 in name
    assert not folder.exists()


def resign(files: Files, stranger: DeviceKey) -> Files:
    """Changed content with a manifest remade to match it, under the same installation id, signed by a stranger."""
    manifest = parse_manifest(files["manifest.json"])
    entries = [
        EntryRecord(path=e.path, size=len(files[e.path]), sha256=hashlib.sha256(files[e.path]).hexdigest())
        for e in manifest.entries
    ]
    device = Device(
        public_key=stranger.public_key.hex(),
        fingerprint=stranger.fingerprint,
        installation_id=manifest.device.installation_id,
    )
    data = manifest_bytes(manifest.model_copy(update={"entries": entries, "device": device}))
    return {**files, "manifest.json": data, "manifest.sig": stranger.sign(data)}


def _tamper_photo(files: Files) -> Files:
    name = photo_name(files)
    return {**files, name: files[name][:-10] + b"0123456789"}


def _tamper_json(files: Files) -> Files:
    name = next(n for n in files if n.startswith("assessments/"))
    return {**files, name: files[name].replace(b'"LHS"', b'"XXX"')}


def _drop_photo(files: Files) -> Files:
    return {k: v for k, v in files.items() if k != photo_name(files)}


def _extra_photo(files: Files) -> Files:
    return {**files, "photos/" + "c" * 64 + ".jpg": b"extra"}


def _tamper_manifest(files: Files) -> Files:
    return {**files, "manifest.json": files["manifest.json"].replace(b'"exporter":"', b'"exporter":"X')}


def _no_signature(files: Files) -> Files:
    return {k: v for k, v in files.items() if k != "manifest.sig"}


def _newer_format(files: Files) -> Files:
    return {**files, "manifest.json": files["manifest.json"].replace(b'"format_version":6', b'"format_version":7')}


def _foreign_fingerprint(files: Files) -> Files:
    raw = json.loads(files["manifest.json"])
    raw["device"]["fingerprint"] = "SA-" + "-".join(["0000"] * 8)
    return {**files, "manifest.json": json.dumps(raw).encode()}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_tamper_photo, "does not match its hash in the manifest"),
        (_tamper_json, "does not match its hash in the manifest"),
        (_drop_photo, "is missing; the bundle is incomplete or was altered"),
        (_extra_photo, "is in the bundle but not in its manifest"),
        (_tamper_manifest, "the signature does not match the manifest"),
        (_no_signature, "it has no manifest.sig"),
        (_newer_format, "newer Safety Assess \\(format 7; this one reads up to 6\\)"),
        (_foreign_fingerprint, "fingerprint in the manifest does not belong to its key"),
    ],
)
def test_tampering_is_refused(bundle: Path, change: Callable[[Files], Files], message: str) -> None:
    with pytest.raises(BundleError, match=message), opened_bundle(rewrite(bundle, change)):
        pass


def test_a_bundle_remade_by_a_stranger_is_whole_but_shows_the_strangers_key(
    bundle: Path, workspace: Workspace, tmp_path: Path
) -> None:
    """Verification proves integrity; whether the signer is trusted is the importer's decision: the manifest
    still names the real installation, but only the stranger's key verifies, and that is what is reported."""
    stranger = load_or_create(tmp_path / "stranger.pem")
    with opened_bundle(rewrite(bundle, lambda files: resign(_tamper_json(files), stranger))) as verified:
        assert verified.manifest.device.fingerprint == stranger.fingerprint != workspace.device_key.fingerprint


def test_an_interrupted_copy_and_a_non_bundle_are_refused(bundle: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.sabundle"
    cut.write_bytes(bundle.read_bytes()[: bundle.stat().st_size * 2 // 3])
    with pytest.raises(BundleError, match=r"cut\.sabundle: the file is not a readable zip"), opened_bundle(cut):
        pass
    other = tmp_path / "other.sabundle"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(BundleError, match=r"no manifest\.json"), opened_bundle(other):
        pass


def test_the_private_folder_goes_even_when_verification_fails(
    bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))  # not another test's, run alongside
    (tmp_path / "temp").mkdir()
    before = set(Path(tempfile.gettempdir()).glob("safety-assess-import-*"))
    with pytest.raises(BundleError), opened_bundle(rewrite(bundle, _tamper_json)):
        pass
    assert set(Path(tempfile.gettempdir()).glob("safety-assess-import-*")) == before
