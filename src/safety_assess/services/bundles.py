"""Bundles for a workspace: what the bundle layer needs of it (the database, photos, the signing key, the
settings' choices, the district key), handed over narrowly, and the district figures refreshed after an import."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from safety_assess.base.jobs import Progress
from safety_assess.bundles import export, importer
from safety_assess.bundles.export import ExportResult, Source
from safety_assess.bundles.importer import BundleOutcome, Destination, ImportReport, Trust, never
from safety_assess.domain.district.overview import current_assessments
from safety_assess.domain.errors import NotFoundError
from safety_assess.services.district import assessment_figures
from safety_assess.services.sealing import sealing_key, unsealed
from safety_assess.services.workspace import Workspace
from safety_assess.storage.readiness import set_here

log = logging.getLogger(__name__)


def source(workspace: Workspace, *, exporter: str = "", to_district: bool = True) -> Source:
    """An export from this workspace: by ``exporter`` (else the assessor named in the settings), sealed to the
    district's key when one was imported and the bundle goes ``to_district``."""
    settings = workspace.settings
    return Source(
        data_dir=workspace.data_dir,
        database=workspace.database,
        photos=workspace.photos,
        photo_store=workspace.photo_store,
        device_key=workspace.device_key,
        exporter=exporter or settings.assessor_name,
        share_location=settings.share_photo_location,
        sealed_to=sealing_key(workspace) if to_district else None,
    )


def destination(workspace: Workspace) -> Destination:
    """Imports into this workspace: sealed bundles opened with its district key, and the district figures of what
    came in computed at once, so the district view opens without doing it (they are a cache)."""
    return Destination(
        database=workspace.database,
        photo_store=workspace.photo_store,
        unseal=lambda sealed, folder: unsealed(workspace, sealed, folder),
        applied=lambda changed: assessment_figures(workspace, changed),
    )


def export_bundle(
    workspace: Workspace,
    assessment_ids: Iterable[uuid.UUID],
    out: Path,
    *,
    exporter: str = "",
    clock: dt.datetime | None = None,
    progress: Progress | None = None,
    to_district: bool = True,
    readiness: bool = False,
) -> ExportResult:
    """See bundles.export.export_bundle."""
    made = source(workspace, exporter=exporter, to_district=to_district)
    return export.export_bundle(made, assessment_ids, out, clock=clock, progress=progress, readiness=readiness)


def export_changed(
    workspace: Workspace, out: Path, *, exporter: str = "", progress: Progress | None = None
) -> ExportResult | None:
    """See bundles.export.export_changed."""
    return export.export_changed(source(workspace, exporter=exporter), out, progress=progress)


def changed_assessments(workspace: Workspace) -> tuple[list[uuid.UUID], dt.datetime | None]:
    """What ``export_changed`` would export now, and when the last such export was (None: never)."""
    return export.changed_assessments(workspace.database)


def changed_drill_logs(workspace: Workspace) -> list[uuid.UUID]:
    """The campuses whose drill logs ``export_changed`` would carry on their own (no assessment of theirs)."""
    return export.changed_drill_logs(workspace.database)


def export_campus_pack(
    workspace: Workspace, campus_code: str, out: Path, *, progress: Progress | None = None
) -> ExportResult:
    """Back to the field: the campus's latest assessment with its actions' current status, in a bundle the
    assessor imports before the next walk (which then starts from these findings and sees what was fixed), with the
    district's readiness settings (drill rules, terms, targets) when they were set on this installation."""
    campus = workspace.campuses.by_code(campus_code)
    ours = [s for s in current_assessments(workspace.assessments.list(campus.id)) if s.conflict_of is None]
    if not ours:
        raise NotFoundError(f"campus {campus.code} has no assessment to send back")
    latest = max(ours, key=lambda s: (s.assessed_on, s.started_at))
    settings = set_here(workspace.database)  # only settings set here: a laptop passes on none it was given
    return export_bundle(workspace, [latest.id], out, progress=progress, to_district=False, readiness=settings)


def import_bundle(
    workspace: Workspace, path: Path, trust: Trust = never, progress: Progress | None = None
) -> ImportReport:
    """See bundles.importer.import_bundle."""
    return importer.import_bundle(destination(workspace), path, trust, progress)


def import_one(workspace: Workspace, path: Path, trust: Trust, progress: Progress | None = None) -> BundleOutcome:
    """See bundles.importer.import_one."""
    return importer.import_one(destination(workspace), path, trust, progress)


def import_bundles(
    workspace: Workspace,
    paths: Sequence[Path],
    trusted: Collection[str] = (),
    progress: Progress | None = None,
    into: list[BundleOutcome] | None = None,
) -> list[BundleOutcome]:
    """See bundles.importer.import_bundles."""
    return importer.import_bundles(destination(workspace), paths, trusted, progress, into)
