"""The bundle manifest: exact bytes to sign, strict parsing with one-line reasons, the schema file kept current."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from safety_assess.bundles.manifest import (
    Device,
    EntryRecord,
    Manifest,
    ManifestError,
    manifest_bytes,
    manifest_json_schema,
    parse_manifest,
)

SCHEMA = Path(__file__).resolve().parents[3] / "docs" / "bundle-manifest.schema.json"
PHOTO = "photos/" + "ab" * 32 + ".jpg"
ASSESSMENT = "0b9f3c1e-7d2a-4c55-9a61-3f2b8c4d5e6f"


def manifest(**changes: object) -> Manifest:
    fields: dict[str, object] = {
        "format": "safety-assess-bundle",
        "format_version": 1,
        "app_version": "0.1.0",
        "device": Device(public_key="0f" * 32, fingerprint="SA-" + "-".join(["ABCD"] * 8), installation_id="x1"),
        "exporter": "Ana Díaz",
        "created_at": dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC),
        "assessments": [ASSESSMENT],
        "entries": [
            EntryRecord(path=f"assessments/{ASSESSMENT}.json", size=10, sha256="1" * 64),
            EntryRecord(path=PHOTO, size=2048, sha256="2" * 64),
        ],
    }
    return Manifest(**{**fields, **changes})  # type: ignore[arg-type]


def test_the_signed_bytes_are_stable_and_parse_back() -> None:
    data = manifest_bytes(manifest())
    assert data == manifest_bytes(manifest()) and b" " not in data.replace(b"Ana D", b"")
    assert parse_manifest(data) == manifest()
    jsonschema.validate(json.loads(data), manifest_json_schema())


def _bundle(version: object) -> bytes:
    return json.dumps({"format": "safety-assess-bundle", "format_version": version}).encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe", "not UTF-8"),
        (b"[1, 2]", "not a Safety Assess bundle"),
        (json.dumps({"format": "zip"}).encode(), "not a Safety Assess bundle"),
        (_bundle(9), r"newer Safety Assess \(format 9; this one reads up to 6\): update Safety Assess to import it"),
        (_bundle(0), r"damaged \(its format number 0 was never written by any Safety Assess\)"),
        (_bundle("1"), r'damaged \(its format number "1" was never'),
        (_bundle(1), r"damaged or was altered \(app_version: required field is missing\)"),
    ],
)
def test_bad_manifests_are_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(ManifestError, match=message):
        parse_manifest(data)


@pytest.mark.parametrize("path", ["../x.json", "photos/x.jpg", "assessments/a.json", f"{PHOTO}.exe", "manifest.json"])
def test_entry_names_are_limited_to_what_a_bundle_holds(path: str) -> None:
    raw = json.loads(manifest_bytes(manifest()))
    raw["entries"][1]["path"] = path
    with pytest.raises(ManifestError, match="is not a name a bundle entry may have"):
        parse_manifest(json.dumps(raw).encode())


def test_unknown_fields_and_naive_times_are_refused() -> None:
    raw = json.loads(manifest_bytes(manifest()))
    with pytest.raises(ManifestError, match="damaged or was altered \\(extra: unknown field\\)"):
        parse_manifest(json.dumps({**raw, "extra": 1}).encode())
    with pytest.raises(ManifestError, match="created_at"):
        parse_manifest(json.dumps({**raw, "created_at": "2026-11-23T09:00:00"}).encode())


def test_the_schema_file_is_current() -> None:
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == manifest_json_schema(), (
        "regenerate docs/bundle-manifest.schema.json (see docs/bundle-format.md)"
    )
