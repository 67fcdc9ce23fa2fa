"""Bundles from devices nobody trusts, built to hurt: refused before anything is extracted, deep JSON refused in
plain words, and a batch in which one bundle is bad still imports the others, each on its own."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from safety_assess.bundles import importer, verify
from safety_assess.bundles.manifest import EntryRecord, ManifestError, manifest_bytes, parse_manifest
from safety_assess.bundles.safezip import BundleError
from safety_assess.bundles.verify import opened_bundle
from safety_assess.domain.records import AssessmentSummary
from safety_assess.keys.device import DeviceKey, load_or_create
from safety_assess.services.bundles import export_bundle, import_bundle, import_bundles
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import Result, UntrustedDevice
from tests.unit.bundles.test_verify import Files, resign, rewrite

CLOCK = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def bundle(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> Path:
    out = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [reported.id], out, clock=CLOCK)
    return out


@pytest.fixture
def stranger(tmp_path: Path) -> DeviceKey:
    return load_or_create(tmp_path / "stranger-keys")


def with_photos(files: Files, count: int) -> Files:
    """``count`` more small photo entries, listed in the manifest (signed again by whoever signs next)."""
    manifest = parse_manifest(files["manifest.json"])
    extra = {
        f"photos/{hashlib.sha256(str(n).encode()).hexdigest()}.jpg": bytes(2000) + str(n).encode() for n in range(count)
    }
    entries = [
        *manifest.entries,
        *(EntryRecord(path=k, size=len(v), sha256=hashlib.sha256(v).hexdigest()) for k, v in extra.items()),
    ]
    return {**files, **extra, "manifest.json": manifest_bytes(manifest.model_copy(update={"entries": entries}))}


def test_an_untrusted_signer_is_refused_before_any_entry_is_extracted(
    bundle: Path, district: Workspace, stranger: DeviceKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    forged = rewrite(bundle, lambda files: resign(with_photos(files, 500), stranger))

    def extracted(*_: object) -> Path:
        raise AssertionError("a photo was extracted before the signer was trusted")

    monkeypatch.setattr(verify, "_copy_photo", extracted)
    with pytest.raises(UntrustedDevice, match=stranger.fingerprint):
        import_bundle(district, forged)
    assert not list(district.photo_store.root.rglob("*.jpg"))
    assert not [p for p in district.photo_store.root.glob(".scratch*")]


def test_many_small_entries_compressing_far_past_the_files_size_are_refused(
    bundle: Path, district: Workspace, tmp_path: Path
) -> None:
    with zipfile.ZipFile(bundle) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    bomb = tmp_path / "bomb.sabundle"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        for n in range(3000):  # 3,000 entries of 60 KiB of zeros, each under the per-entry rule: 176 MiB from 1 MB
            archive.writestr(f"photos/{n:064x}.jpg", bytes(60 * 1024))
    with pytest.raises(BundleError, match=r"bomb\.sabundle: its \d+ entries would expand from \d+ to \d+ bytes"):
        import_bundle(district, bomb)
    assert not [p for p in district.photo_store.root.rglob("*") if p.is_file()]


def stored(source: Path, change: Callable[[Files], Files]) -> Path:
    """Like ``rewrite``, every entry stored uncompressed (so no ratio rule hides the check under test)."""
    with zipfile.ZipFile(source) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    target = source.with_name("stored.sabundle")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for name, data in change(files).items():
            archive.writestr(name, data)
    return target


def deep(files: Files, depth: int) -> Files:
    name = next(n for n in files if n.startswith("assessments/"))
    return {**files, name: b"[" * depth + b"]" * depth}


@pytest.mark.parametrize("depth", [40, 100_000])
def test_a_deeply_nested_document_is_refused_in_plain_words(bundle: Path, stranger: DeviceKey, depth: int) -> None:
    forged = stored(bundle, lambda files: resign(deep(files, depth), stranger))
    with (
        pytest.raises(
            BundleError, match=r"entry 'assessments/.*\.json': it is nested .*deeper than any Safety Assess file"
        ),
        opened_bundle(forged),
    ):
        pass


def test_a_deeply_nested_manifest_is_refused_in_plain_words() -> None:
    for depth in (40, 100_000):
        with pytest.raises(ManifestError, match=r"the manifest: it is nested .*deeper than any Safety Assess file"):
            parse_manifest(b'{"format": ' + b"[" * depth + b"]" * depth + b"}")
    with pytest.raises(ManifestError, match="a number far longer than any Safety Assess file"):
        parse_manifest(b'{"format_version": 1' + b"0" * 5000 + b"}")  # Python refuses to convert it
    raw = json.dumps({"format": "safety-assess-bundle", "x": [[[[1]]]]}).encode()
    with pytest.raises(ManifestError, match=r"^it is damaged \(it has no format number\)$"):
        parse_manifest(raw)  # shallow but wrong: the usual message


def test_a_batch_with_bad_files_in_the_middle_imports_the_others_each_on_its_own(
    workspace: Workspace,
    reported: AssessmentSummary,
    district: Workspace,
    bundle: Path,
    stranger: DeviceKey,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    junk = tmp_path / "junk.sabundle"
    junk.write_bytes(b"PK\x03\x04 and nothing else")
    nested = stored(bundle, lambda files: resign(deep(files, 100_000), stranger))
    nested = nested.rename(tmp_path / "nested.sabundle")
    broken = tmp_path / "broken.sabundle"
    broken.write_bytes(bundle.read_bytes())
    real_import = importer.import_bundle

    def failing(workspace: Workspace, path: Path, *args: object, **kwargs: object) -> object:
        if path == broken:
            raise KeyError("an error in the app itself")
        return real_import(workspace, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "import_bundle", failing)
    trusted = {workspace.device_key.fingerprint, stranger.fingerprint}
    outcomes = import_bundles(district, [junk, nested, broken, bundle], trusted)
    assert [o.path.name for o in outcomes] == ["junk.sabundle", "nested.sabundle", "broken.sabundle", "lhs.sabundle"]
    assert "not a readable zip archive" in outcomes[0].reason
    assert "nested" in outcomes[1].reason
    assert outcomes[2].reason == "it could not be imported because of an error in the app (see the log)"
    assert outcomes[3].report is not None and [o.result for o in outcomes[3].report.outcomes] == [Result.ADDED]
    assert district.assessments.summary(reported.id).id == reported.id
