"""Everything checked about a bundle before the database is touched: the archive, the manifest and its signature,
that the entries are exactly those the manifest lists with their sizes and hashes, and the shape of every assessment
document. Photos are copied, while they are hashed, into a private folder removed afterwards."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safety_assess.domain.versions import version_problem
from safety_assess.services.progress import Progress
from safety_assess.sync.device import fingerprint, verify
from safety_assess.sync.manifest import MANIFEST, SIGNATURE, Manifest, ManifestError, parse_manifest
from safety_assess.sync.safezip import BundleError, Entry, inspect, read_entry, stream_entry

MANIFEST_LIMIT = 16 * 1024 * 1024
DOCUMENT_LIMIT = 64 * 1024 * 1024
SIGNATURE_SIZE = 64
DOCUMENT_LISTS = ("instances", "responses", "findings", "actions", "photos")
DOCUMENT_RECORDS = ("district", "campus", "snapshot", "assessment")
DOCUMENT_VERSION = 1
"""The newest assessment document format this app reads (storage.bundle_rows writes it)."""


@dataclass(frozen=True)
class VerifiedPhoto:
    path: Path
    """The copy in the private folder."""
    sha256: str
    """Its hash, checked against the manifest."""


@dataclass
class VerifiedBundle:
    path: Path
    manifest: Manifest
    documents: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    """Each assessment's document, by assessment id, in the manifest's order."""
    photos: dict[str, VerifiedPhoto] = field(default_factory=dict)
    """Each photo entry's name and its verified copy."""


@contextmanager
def opened_bundle(
    path: Path, scratch: Path | None = None, progress: Progress | None = None
) -> Iterator[VerifiedBundle]:
    """The bundle at ``path``, verified; BundleError with a one-line reason otherwise. Its photo copies live in
    ``scratch`` (a new private temporary folder by default), removed when the block ends, whatever happens; the
    caller may move them out first."""
    folder = scratch or Path(tempfile.mkdtemp(prefix="safety-assess-import-"))  # readable by this user only
    try:
        yield _verified(path, folder, progress or Progress())
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _verified(path: Path, folder: Path, progress: Progress) -> VerifiedBundle:
    entries = {entry.name: entry for entry in inspect(path)}
    manifest = _signed_manifest(path, entries)
    listed = {record.path: record for record in manifest.entries}
    extra = sorted(set(entries) - set(listed) - {MANIFEST, SIGNATURE})
    missing = sorted(set(listed) - set(entries))
    if extra or missing:
        what = f"'{extra[0]}' is in the bundle but not in its manifest" if extra else f"'{missing[0]}' is missing"
        raise BundleError(f"{path.name}: {what}; the bundle is incomplete or was altered")
    bundle = VerifiedBundle(path, manifest)
    for number, (name, record) in enumerate(listed.items()):
        progress.check()
        progress.report(number, len(listed), f"{path.name}: checking")
        entry = entries[name]
        if entry.size != record.size:
            raise BundleError(f"{path.name}: entry '{name}' has {entry.size} bytes; the manifest says {record.size}")
        if name.startswith("photos/"):
            copy = _copy_photo(path, entry, record.sha256, folder / f"photo-{number:06d}")
            bundle.photos[name] = VerifiedPhoto(copy, record.sha256)
    for text in manifest.assessments:
        bundle.documents[_uuid(path, text)] = _document(path, entries, listed, text, bundle.photos)
    return bundle


def _signed_manifest(path: Path, entries: dict[str, Entry]) -> Manifest:
    for name in (MANIFEST, SIGNATURE):
        if name not in entries:
            raise BundleError(f"{path.name}: it has no {name}; it is not a Safety Assess bundle or it is incomplete")
    data = read_entry(path, entries[MANIFEST], MANIFEST_LIMIT)
    signature = read_entry(path, entries[SIGNATURE], SIGNATURE_SIZE)
    try:
        manifest = parse_manifest(data)
    except ManifestError as error:
        raise BundleError(f"{path.name}: {error}") from None
    public_key = bytes.fromhex(manifest.device.public_key)
    if fingerprint(public_key) != manifest.device.fingerprint:
        raise BundleError(f"{path.name}: the device fingerprint in the manifest does not belong to its key")
    if not verify(public_key, signature, data):
        raise BundleError(f"{path.name}: the signature does not match the manifest; the bundle was altered")
    return manifest


def _copy_photo(path: Path, entry: Entry, sha256: str, target: Path) -> Path:
    """The photo copied to ``target`` in the private folder, its hash checked on the way."""
    digest = hashlib.sha256()
    with target.open("wb") as out:

        def sink(data: bytes) -> None:
            digest.update(data)
            out.write(data)

        stream_entry(path, entry, sink)
    if digest.hexdigest() != sha256:
        raise BundleError(f"{path.name}: entry '{entry.name}' does not match its hash in the manifest; it was altered")
    return target


def _uuid(path: Path, text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise BundleError(f"{path.name}: the manifest names an assessment '{text[:40]}' that is not an id") from None


def _document(
    path: Path, entries: dict[str, Entry], listed: dict[str, Any], text: str, photos: dict[str, VerifiedPhoto]
) -> dict[str, Any]:
    name = f"assessments/{uuid.UUID(text)}.json"
    if name not in listed:
        raise BundleError(f"{path.name}: the manifest names assessment {text} but lists no '{name}'")
    data = read_entry(path, entries[name], DOCUMENT_LIMIT)
    if hashlib.sha256(data).hexdigest() != listed[name].sha256:
        raise BundleError(f"{path.name}: entry '{name}' does not match its hash in the manifest; it was altered")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BundleError(f"{path.name}: entry '{name}' is not valid JSON") from None
    problem = _shape_problem(document, text, photos)
    if problem:
        raise BundleError(f"{path.name}: entry '{name}': {problem}")
    return dict(document)


def _version_problem(document: Any) -> str | None:
    if not isinstance(document, dict):
        return "it is not an assessment document"
    return version_problem(document.get("document_version"), DOCUMENT_VERSION, "import it")


def _shape_problem(document: Any, assessment_id: str, photos: dict[str, VerifiedPhoto]) -> str | None:
    version = _version_problem(document)
    if version is not None:
        return version
    for key in DOCUMENT_RECORDS:
        if not isinstance(document.get(key), dict) or not isinstance(document[key].get("id"), str):
            return f"'{key}' is missing or has no id"
    for key in DOCUMENT_LISTS:
        rows = document.get(key)
        if not isinstance(rows, list) or not all(isinstance(r, dict) and isinstance(r.get("id"), str) for r in rows):
            return f"'{key}' must be a list of records with ids"
    if document["assessment"]["id"] != assessment_id:
        return "it holds another assessment than its name says"
    for photo in document["photos"]:
        if photo.get("file") is not None and photo["file"] not in photos:
            return f"photo {photo['id']} refers to '{photo['file']}', which the bundle does not hold"
    return None
