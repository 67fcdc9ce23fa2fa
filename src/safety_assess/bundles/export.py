"""Exporting assessments to a signed sync bundle, streamed into a temporary file renamed only when complete."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safety_assess import __version__
from safety_assess.base.datadir import DataDir
from safety_assess.base.files import writing
from safety_assess.base.jobs import Progress
from safety_assess.bundles.export_progress import ByteMeter
from safety_assess.bundles.manifest import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    READINESS_ENTRY,
    SIGNATURE,
    Device,
    EntryRecord,
    Manifest,
    TeamPack,
    manifest_bytes,
)
from safety_assess.bundles.photo_files import bundle_photo
from safety_assess.domain.records import PhotoRecord
from safety_assess.keys.device import DeviceKey
from safety_assess.keys.district_key import DistrictPublicKey
from safety_assess.keys.sealed import seal
from safety_assess.photos.decode import PhotoError
from safety_assess.photos.store import PhotoStore
from safety_assess.storage.bundle_drills import campuses_with_drill_changes, drills_document
from safety_assess.storage.bundle_plans import (
    assessments_carrying_plan_changes,
    campuses_of,
    latest_own_assessments,
    plans_document,
)
from safety_assess.storage.bundle_reviews import assessments_with_review_changes, reviews_document
from safety_assess.storage.bundle_rows import assessment_document, revision_chain
from safety_assess.storage.database import Database
from safety_assess.storage.meta import LAST_EXPORT, changed_since, installation_id, last_export, put
from safety_assess.storage.readiness import readiness_document
from safety_assess.storage.repositories import PhotoRepository
from safety_assess.storage.team import team_assignment


@dataclass(frozen=True)
class Source:
    """What an export reads, and the choices made for it: who exports it, whether photos keep their location, and
    the district key it is sealed to (None: not sealed; a campus pack goes to an assessor, who cannot open it)."""

    data_dir: DataDir
    database: Database
    photos: PhotoRepository
    photo_store: PhotoStore
    device_key: DeviceKey
    exporter: str = ""
    share_location: bool = False
    sealed_to: DistrictPublicKey | None = None


@dataclass
class ExportResult:
    path: Path
    assessments: list[uuid.UUID]
    photos: int
    size: int = 0
    warnings: list[str] = field(default_factory=list)
    sealed_to: DistrictPublicKey | None = None
    """The district key the bundle is encrypted to; None when it is not encrypted."""
    plans: int = 0
    """The site and floor plans it carries (removed ones too)."""
    campuses: list[uuid.UUID] = field(default_factory=list)
    """Campuses whose drill logs it carries without an assessment of theirs (a campus drilled, not assessed here)."""
    drill_logs: int = 0
    """The campuses' drill logs it carries."""


class _Writer:
    """Entries written one by one, each hashed as it is written; the list becomes the manifest."""

    def __init__(self, archive: zipfile.ZipFile, meter: ByteMeter) -> None:
        self.archive, self.meter = archive, meter
        self.entries: list[EntryRecord] = []
        self.names: set[str] = set()

    def add(self, name: str, data: bytes, compress: bool) -> None:
        if name in self.names:
            return  # the same photo file for several records: stored once
        method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        self.archive.writestr(_info(name, method), data)
        self.entries.append(EntryRecord(path=name, size=len(data), sha256=hashlib.sha256(data).hexdigest()))
        self.names.add(name)
        self.meter.wrote(len(data))


def _info(name: str, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))  # entry times carry nothing; the manifest dates it
    info.compress_type = method
    info.external_attr = 0o100644 << 16
    return info


def export_bundle(
    source: Source,
    assessment_ids: Iterable[uuid.UUID],
    out: Path,
    *,
    clock: dt.datetime | None = None,
    progress: Progress | None = None,
    team: TeamPack | None = None,
    campuses: Iterable[uuid.UUID] = (),
    readiness: bool = False,
) -> ExportResult:
    """Write the assessments (with the revisions they were reopened from) into a signed bundle at ``out``, sealed
    to ``source.sealed_to`` when there is one; a team pack when ``team`` is given; the drill logs of ``campuses``
    as well as those of the assessments' campuses; with the district's readiness settings when ``readiness`` (a
    campus pack). ``out`` appears only when complete."""
    progress = progress or Progress()
    ids = _with_revisions(source.database, assessment_ids)
    result = ExportResult(out, ids, 0, sealed_to=source.sealed_to, campuses=list(campuses))
    with writing(source.data_dir, out) as partial:
        if result.sealed_to is None:
            _write_zip(source, result, partial, clock, progress, team, readiness)
        else:
            folder = source.photo_store.scratch()  # the unencrypted bundle never leaves the data folder
            try:
                plain = folder / "bundle.zip"
                _write_zip(source, result, plain, clock, progress, team, readiness)
                _seal(plain, partial, result.sealed_to, progress)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    result.size = out.stat().st_size
    progress.report(len(ids), len(ids))
    return result


def _write_zip(
    source: Source,
    result: ExportResult,
    target: Path,
    clock: dt.datetime | None,
    progress: Progress,
    team: TeamPack | None = None,
    readiness: bool = False,
) -> None:
    ids, key = result.assessments, source.device_key
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        writer = _Writer(archive, ByteMeter.expecting(progress, source.photos, source.photo_store, ids))
        for done, assessment_id in enumerate(ids):
            progress.check()
            writer.meter.at(f"Assessment {done + 1} of {len(ids)}")
            result.photos += _add_assessment(source, writer, assessment_id, progress, result.warnings)
        writer.meter.at("Site plans")
        with_plans = [c for c in campuses_of(source.database, ids) if _add_plans(source, writer, c, result)]
        with_reviews = [i for i in ids if _add_reviews(source, writer, i)]
        drilled = dict.fromkeys([*campuses_of(source.database, ids), *result.campuses])
        with_drills = [c for c in drilled if _add_drills(source, writer, c)]
        result.drill_logs = len(with_drills)
        if readiness:
            _add_document(writer, READINESS_ENTRY, readiness_document(source.database))
        manifest = Manifest(
            format=FORMAT,
            format_version=FORMAT_VERSION,
            app_version=__version__,
            device=Device(
                public_key=key.public_key.hex(),
                fingerprint=key.fingerprint,
                installation_id=installation_id(source.database),
            ),
            exporter=source.exporter,
            created_at=clock or dt.datetime.now(dt.UTC),
            assessments=[str(i) for i in ids],
            site_plans=[str(c) for c in with_plans],
            reviews=[str(i) for i in with_reviews],
            drills=[str(c) for c in with_drills],
            readiness=readiness,
            team=team,
            team_work=_team_work(source, ids),
            entries=writer.entries,
        )
        data = manifest_bytes(manifest)
        archive.writestr(_info(MANIFEST, zipfile.ZIP_DEFLATED), data)
        archive.writestr(_info(SIGNATURE, zipfile.ZIP_STORED), key.sign(data))


def _team_work(source: Source, ids: Iterable[uuid.UUID]) -> dict[str, str]:
    """The team assessments among ``ids`` -> the team pack each came in (where the pack named itself)."""
    work = {}
    for assessment_id in ids:
        assignment = team_assignment(source.database, assessment_id)
        if assignment is not None and assignment.pack_id is not None:
            work[str(assessment_id)] = str(assignment.pack_id)
    return work


def _seal(plain: Path, target: Path, recipient: DistrictPublicKey, progress: Progress) -> None:
    total = max(plain.stat().st_size, 1)

    def sealed(done: int) -> None:
        progress.check()
        progress.report(min(done, total), total, "Encrypting for the district")

    seal(plain, target, recipient.public_key, done=sealed)


def _with_revisions(database: Database, assessment_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    ordered: list[uuid.UUID] = []
    for assessment_id in assessment_ids:
        for member in revision_chain(database, assessment_id):
            if member not in ordered:
                ordered.append(member)
    return ordered


def _add_assessment(
    source: Source, writer: _Writer, assessment_id: uuid.UUID, progress: Progress, warnings: list[str]
) -> int:
    document = assessment_document(source.database, assessment_id)
    assignment = team_assignment(source.database, assessment_id)
    if assignment is not None:  # a team assessment goes back to its lead's laptop as work on the lead's own
        document["assessment"]["source_installation"] = assignment.lead_installation
    records = {p.id: p for p in source.photos.list(assessment_id)}
    for row in document["photos"]:
        progress.check()
        if row["deleted_at"] is not None:
            row["file"] = None  # a removal travels (as a change of deleted_at), the photo does not
        else:
            _add_photo(source, writer, row, records[uuid.UUID(row["id"])], warnings)
        row["camera_model"] = ""  # the camera is nobody's business; the capture time is evidence and stays
        if not source.share_location:
            row["gps_lat"] = row["gps_lon"] = None
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    writer.add(f"assessments/{assessment_id}.json", text.encode(), compress=True)
    return len(document["photos"])


def _add_photo(source: Source, writer: _Writer, row: dict[str, Any], photo: PhotoRecord, warnings: list[str]) -> None:
    try:
        made = bundle_photo(source.photo_store, photo)
    except (OSError, PhotoError) as error:
        row["file"] = None
        warnings.append(f"photo {photo.filename} ({photo.id}) not in the bundle: {_reason(error)}")
        return
    name = f"photos/{hashlib.sha256(made.data).hexdigest()}.{made.extension}"
    writer.add(name, made.data, compress=False)
    row["file"], row["file_kind"] = name, made.kind


def _add_reviews(source: Source, writer: _Writer, assessment_id: uuid.UUID) -> bool:
    """The assessment's review (plan revisions, packets, reviews, responses, decisions); False when it has none."""
    return _add_document(writer, f"reviews/{assessment_id}.json", reviews_document(source.database, assessment_id))


def _add_drills(source: Source, writer: _Writer, campus_id: uuid.UUID) -> bool:
    """The campus's drills (removed ones too, so that a removal travels); False when it has none."""
    return _add_document(writer, f"drills/{campus_id}.json", drills_document(source.database, campus_id))


def _add_document(writer: _Writer, name: str, document: dict[str, Any] | None) -> bool:
    """A JSON document as a deflated entry; False (nothing written) for None."""
    if document is None:
        return False
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    writer.add(name, text.encode(), compress=True)
    return True


def _add_plans(source: Source, writer: _Writer, campus_id: uuid.UUID, result: ExportResult) -> bool:
    """The campus's site plans (removed ones too, so that a removal travels) with their images; False when it has
    none. A plan whose image cannot be read is left out, with what is drawn on it, and named in the warnings."""
    document = plans_document(source.database, campus_id)
    if document is None:
        return False
    for row in list(document["maps"]):
        try:
            data = source.photo_store.original(row["sha256"], row["extension"]).read_bytes()  # stored clean
        except OSError as error:
            result.warnings.append(f"plan {row['title']} ({row['id']}) not in the bundle: {_reason(error)}")
            _leave_out(document, row["id"])
            continue
        row["file"] = f"plan-images/{hashlib.sha256(data).hexdigest()}.{row['extension']}"
        writer.add(row["file"], data, compress=False)
        result.plans += 1
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    writer.add(f"site-plans/{campus_id}.json", text.encode(), compress=True)
    return True


def _leave_out(document: dict[str, Any], map_id: str) -> None:
    document["maps"] = [row for row in document["maps"] if row["id"] != map_id]
    for key in ("markers", "shapes"):
        document[key] = [row for row in document[key] if row["map_id"] != map_id]


def _reason(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return "its file is missing from the photo store"
    return str(getattr(error, "strerror", None) or error)


def export_changed(source: Source, out: Path, *, progress: Progress | None = None) -> ExportResult | None:
    """Export every assessment made here that changed since the last such export (all of them the first time), and
    the latest of each campus whose site plans changed; None, and nothing written, when nothing changed. The time
    is remembered only once the bundle is complete."""
    started = dt.datetime.now(dt.UTC)
    since = last_export(source.database)
    ids = _changed(source.database, since)
    drilled = _drilled_alone(source.database, since, ids)
    if not ids and not drilled:
        return None
    result = export_bundle(source, ids, out, clock=started, progress=progress, campuses=drilled)
    put(source.database, LAST_EXPORT, started.isoformat())
    return result


def changed_assessments(database: Database) -> tuple[list[uuid.UUID], dt.datetime | None]:
    """What ``export_changed`` would export now, and when the last such export was (None: never)."""
    since = last_export(database)
    return _changed(database, since), since


def changed_drill_logs(database: Database) -> list[uuid.UUID]:
    """The campuses whose drill logs ``export_changed`` would carry now with no assessment of theirs."""
    since = last_export(database)
    return _drilled_alone(database, since, _changed(database, since))


def _drilled_alone(database: Database, since: dt.datetime | None, ids: list[uuid.UUID]) -> list[uuid.UUID]:
    """The campuses whose drills changed after ``since`` that none of the assessments ``ids`` carries (a campus with
    no assessment made here: its drill log travels on its own)."""
    carried = set(campuses_of(database, ids))
    return sorted(c for c in campuses_with_drill_changes(database, since) if c not in carried)


def _changed(database: Database, since: dt.datetime | None) -> list[uuid.UUID]:
    """The assessments made here that changed after ``since``, and for each campus whose site plans or drills changed
    (which travel with its assessments) its latest one."""
    changed = changed_since(database, since)
    changed += [i for i in assessments_carrying_plan_changes(database, since) if i not in changed]
    drilled = campuses_with_drill_changes(database, since)
    changed += [i for i in latest_own_assessments(database, drilled) if i not in changed]
    return changed + [i for i in assessments_with_review_changes(database, since) if i not in changed]
