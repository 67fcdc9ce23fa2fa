"""Everything checked about a bundle before the database is touched, in an order that writes nothing for a bundle
that will be refused: the archive's structure (read once), the manifest and its signature, whether the signer is
trusted (``vouch``), that the entries are exactly those the manifest lists with their sizes, every assessment
document (hash, size, depth, shape); only then are photos copied, while they are hashed and never past the size the
signed manifest declares, into a private folder removed afterwards."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from safety_assess.base.jobs import Progress
from safety_assess.base.json_guard import JsonProblem, parse_json
from safety_assess.bundles.manifest import (
    MANIFEST,
    READINESS_ENTRY,
    SIGNATURE,
    Manifest,
    ManifestError,
    parse_manifest,
)
from safety_assess.bundles.plan_entries import image_problem, plans_problem
from safety_assess.bundles.safezip import Archive, BundleError, Entry, opened
from safety_assess.domain.versions import version_problem
from safety_assess.keys.device import fingerprint, verify
from safety_assess.storage.bundle_drills import drills_problem
from safety_assess.storage.readiness import readiness_problem

MANIFEST_LIMIT = 16 * 1024 * 1024
DOCUMENT_LIMIT = 64 * 1024 * 1024
SIGNATURE_SIZE = 64
DOCUMENT_LISTS = ("instances", "responses", "findings", "actions", "photos")
DOCUMENT_RECORDS = ("district", "campus", "snapshot", "assessment")
DOCUMENT_VERSION = 2
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
    plans: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    """Each campus's site plans document, by campus id (none in a bundle of format 1)."""
    plan_images: dict[str, VerifiedPhoto] = field(default_factory=dict)
    """Each plan image entry's name and its verified copy."""
    reviews: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    """Each assessment's review document, by assessment id (none before format 3)."""
    drills: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    """Each campus's drills document, by campus id (none before format 5)."""
    readiness: dict[str, Any] | None = None
    """A campus pack's readiness settings document (format 6; None: the bundle carries none)."""


Vouch = Callable[[Manifest], None]
"""Raises (an ImportRefused) when the manifest's signer is not to be trusted; called before any entry is extracted."""


def anyone(_: Manifest) -> None:
    """Vouch for every signer (checking a bundle's integrity alone)."""


@contextmanager
def opened_bundle(
    path: Path, scratch: Path | None = None, progress: Progress | None = None, vouch: Vouch = anyone
) -> Iterator[VerifiedBundle]:
    """The bundle at ``path``, verified; BundleError with a one-line reason otherwise. Its photo copies live in
    ``scratch`` (a new private temporary folder by default), removed when the block ends, whatever happens; the
    caller may move them out first."""
    folder = scratch or Path(tempfile.mkdtemp(prefix="safety-assess-import-"))  # readable by this user only
    try:
        with opened(path) as archive:
            yield _verified(archive, folder, progress or Progress(), vouch)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _verified(archive: Archive, folder: Path, progress: Progress, vouch: Vouch) -> VerifiedBundle:
    path = archive.path
    entries = {entry.name: entry for entry in archive.entries}
    manifest = _signed_manifest(archive, entries)
    vouch(manifest)
    listed = {record.path: record for record in manifest.entries}
    extra = sorted(set(entries) - set(listed) - {MANIFEST, SIGNATURE})
    missing = sorted(set(listed) - set(entries))
    if extra or missing:
        what = f"'{extra[0]}' is in the bundle but not in its manifest" if extra else f"'{missing[0]}' is missing"
        raise BundleError(f"{path.name}: {what}; the bundle is incomplete or was altered")
    for name, record in listed.items():
        if entries[name].size != record.size:
            size = entries[name].size
            raise BundleError(f"{path.name}: entry '{name}' has {size} bytes; the manifest says {record.size}")
    bundle = VerifiedBundle(path, manifest)
    photo_names = {name for name in listed if name.startswith("photos/")}
    documents = _Documents(archive, entries, listed)
    for text in manifest.assessments:
        key = _uuid(path, text)
        shape = partial(_shape_problem, assessment_id=text, photos=photo_names)
        bundle.documents[key] = documents.read(f"assessments/{key}.json", f"assessment {text}", shape)
    image_names = {name for name in listed if name.startswith("plan-images/")}
    for text in manifest.site_plans:
        key = _uuid(path, text, "a campus")
        plans = partial(plans_problem, campus_id=text, images=image_names)
        bundle.plans[key] = documents.read(f"site-plans/{key}.json", f"the plans of campus {text}", plans)
    for text in manifest.reviews:
        key = _uuid(path, text)
        review = partial(_review_problem, assessment_id=text)
        bundle.reviews[key] = documents.read(f"reviews/{key}.json", f"the review of assessment {text}", review)
    for text in manifest.drills:
        key = _uuid(path, text, "a campus")
        drills = partial(drills_problem, campus_id=text)
        bundle.drills[key] = documents.read(f"drills/{key}.json", f"the drills of campus {text}", drills)
    if manifest.readiness:
        bundle.readiness = documents.read(READINESS_ENTRY, "the district's readiness settings", readiness_problem)
    for number, name in enumerate(sorted(photo_names)):
        progress.check()
        progress.report(number, len(photo_names), f"{path.name}: checking photos")
        copy = _copy_photo(archive, entries[name], listed[name].sha256, folder / f"photo-{number:06d}")
        bundle.photos[name] = VerifiedPhoto(copy, listed[name].sha256)
    for number, name in enumerate(sorted(image_names)):
        progress.check()
        bundle.plan_images[name] = documents.plan_image(name, folder / f"plan-{number:06d}", bundle.plans.values())
    return bundle


def _review_problem(document: Any, assessment_id: str) -> str | None:
    """None when ``document`` is a review document of the assessment its name says (its records are checked as
    they are typed, before anything is written)."""
    if not isinstance(document, dict):
        return "it is not a review document"
    if document.get("assessment_id") != assessment_id:
        return "it holds the review of another assessment than its name says"
    return None


def _signed_manifest(archive: Archive, entries: dict[str, Entry]) -> Manifest:
    path = archive.path
    for name in (MANIFEST, SIGNATURE):
        if name not in entries:
            raise BundleError(f"{path.name}: it has no {name}; it is not a Safety Assess bundle or it is incomplete")
    data = archive.read(entries[MANIFEST], MANIFEST_LIMIT)
    signature = archive.read(entries[SIGNATURE], SIGNATURE_SIZE)
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


def _copy_photo(archive: Archive, entry: Entry, sha256: str, target: Path) -> Path:
    """The photo copied to ``target`` in the private folder, its hash checked on the way."""
    path = archive.path
    digest = hashlib.sha256()
    with target.open("wb") as out:

        def sink(data: bytes) -> None:
            digest.update(data)
            out.write(data)

        archive.stream(entry, sink)
    if digest.hexdigest() != sha256:
        raise BundleError(f"{path.name}: entry '{entry.name}' does not match its hash in the manifest; it was altered")
    return target


def _uuid(path: Path, text: str, what: str = "an assessment") -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise BundleError(f"{path.name}: the manifest names {what} '{text[:40]}' that is not an id") from None


@dataclass(frozen=True)
class _Documents:
    """The document entries of a bundle and how each kind is checked."""

    archive: Archive
    entries: dict[str, Entry]
    listed: dict[str, Any]

    def read(self, name: str, named: str, problem_of: Callable[[Any], str | None]) -> dict[str, Any]:
        """The document ``name`` (the manifest names it as ``named``), once ``problem_of`` finds nothing wrong."""
        path = self.archive.path
        if name not in self.listed:
            raise BundleError(f"{path.name}: the manifest names {named} but lists no '{name}'")
        document = _json_entry(self.archive, self.entries[name], self.listed[name].sha256)
        problem = problem_of(document)
        if problem:
            raise BundleError(f"{path.name}: entry '{name}': {problem}")
        return dict(document)

    def plan_image(self, name: str, target: Path, plans: Iterable[dict[str, Any]]) -> VerifiedPhoto:
        """The plan image copied to ``target``, its hash checked on the way; then opened as a photo would be, and
        decoded whole, and its size checked against the ``plans`` documents' records of it."""
        sha256 = self.listed[name].sha256
        copy = _copy_photo(self.archive, self.entries[name], sha256, target)
        sizes = {(p["width"], p["height"]) for document in plans for p in document["maps"] if p["file"] == name}
        problem = image_problem(copy, name.rsplit(".", 1)[-1], sizes)
        if problem:
            raise BundleError(f"{self.archive.path.name}: plan image '{name}': {problem}")
        return VerifiedPhoto(copy, sha256)


def _json_entry(archive: Archive, entry: Entry, sha256: str) -> Any:
    """The JSON of a document entry, its hash checked against the manifest."""
    path, name = archive.path, entry.name
    data = archive.read(entry, DOCUMENT_LIMIT)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise BundleError(f"{path.name}: entry '{name}' does not match its hash in the manifest; it was altered")
    try:
        return parse_json(data)
    except JsonProblem as not_json:
        raise BundleError(f"{path.name}: entry '{name}': {not_json}") from None


def _version_problem(document: Any) -> str | None:
    if not isinstance(document, dict):
        return "it is not an assessment document"
    return version_problem(document.get("document_version"), DOCUMENT_VERSION, "import it")


def _shape_problem(document: Any, assessment_id: str, photos: set[str]) -> str | None:
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
    deleted = document.get("deleted", [])
    if not isinstance(deleted, list) or not all(isinstance(r, dict) and isinstance(r.get("id"), str) for r in deleted):
        return "'deleted' must be a list of records with ids"
    if document["assessment"]["id"] != assessment_id:
        return "it holds another assessment than its name says"
    for photo in document["photos"]:
        if photo.get("file") is not None and not isinstance(photo["file"], str):
            return f"photo {photo['id']} names its file with something other than a name"
        if photo.get("file") is not None and photo["file"] not in photos:
            return f"photo {photo['id']} refers to '{photo['file']}', which the bundle does not hold"
    return None
