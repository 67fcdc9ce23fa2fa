"""Attaching photos to items: each file checked, stored and recorded, or refused with a one-line reason."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from safety_assess.base.jobs import Changes, Progress
from safety_assess.domain.errors import AnswerError, NotFoundError
from safety_assess.domain.records import PhotoRecord
from safety_assess.photos.annotations import Annotation, export_jpeg, parse_annotations
from safety_assess.photos.decode import PhotoError, open_image, read_meta
from safety_assess.photos.ingest import ingest, rendition_of
from safety_assess.services.photo_journal import importing
from safety_assess.services.workspace import Workspace


@dataclass
class PhotoImport:
    added: list[PhotoRecord] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    """One line per file that was not added, naming the file and the reason."""


def add_photos(
    workspace: Workspace,
    assessment_id: uuid.UUID,
    item_id: str | None,
    files: Sequence[Path],
    *,
    instance_label: str | None = None,
    instance_id: uuid.UUID | None = None,
    finding_id: uuid.UUID | None = None,
    caption: str = "",
    progress: Progress | None = None,
) -> PhotoImport:
    """Import ``files`` for an item (of an instance, for items of a repeatable group), or for a finding the
    assessor added (``item_id`` None and ``finding_id``), one by one.

    Meant to run through the background-operation helper: reports progress and stops when cancelled, keeping
    the photos already added. The batch is written down in the data folder while it runs, so a crash during it is
    told at the next start (see services.photo_journal).
    """
    progress = progress or Progress()
    if item_id is None and finding_id is None:
        raise NotFoundError("a photo belongs to an item or a finding; neither was given")
    if instance_id is None and item_id is not None:
        instance_id = _instance_for(workspace, assessment_id, item_id, instance_label)
    result = PhotoImport()
    with importing(workspace.data_dir, assessment_id, item_id, files) as photo_ids:
        for done, (path, photo_id) in enumerate(zip(files, photo_ids, strict=True)):
            progress.check()
            progress.report(done, len(files), path.name)
            try:
                stored = ingest(workspace.photo_store, path)
            except PhotoError as error:
                result.refused.append(str(error))
                continue
            added = workspace.photos.add(assessment_id, item_id, instance_id, stored, caption, finding_id, photo_id)
            result.added.append(added)
            progress.record(Changes(photos=frozenset({assessment_id})))
    progress.report(len(files), len(files))
    return result


def _instance_for(
    workspace: Workspace, assessment_id: uuid.UUID, item_id: str, instance_label: str | None
) -> uuid.UUID | None:
    summary = workspace.assessments.summary(assessment_id)
    found = workspace.snapshots.checklist(summary.checklist.id).find_item(item_id)
    if found is None:
        raise NotFoundError(f"item '{item_id}' is not in checklist {summary.checklist.checklist_id}")
    group = found[1]
    if group is None:
        if instance_label:
            raise AnswerError(f"item '{item_id}' is not in a repeatable group; it takes no instance")
        return None
    if not instance_label:
        raise AnswerError(f"item '{item_id}' is in repeatable group '{group.group}'; name the instance")
    return workspace.answers.instance(assessment_id, group.group, instance_label, create=True).id


def remove_orphan_files(workspace: Workspace) -> int:
    """Delete stored photo files no record refers to (only old ones, an import may be running); at start."""
    referenced = workspace.photos.referenced_hashes() | workspace.site_maps.referenced_hashes()  # plans' images too
    return len(workspace.photo_store.remove_orphans(referenced))


def correct_photo_sizes(workspace: Workspace) -> int:
    """Put right the size recorded for TIFF photos turned by their orientation (earlier versions recorded it
    unturned, so reports laid them out as strips); at start. Returns how many files were corrected."""
    corrected = 0
    for (sha256, extension), recorded in workspace.photos.stored_sizes(["tif", "tiff"]).items():
        path = workspace.photo_store.local_original(sha256)  # on a server, not fetched: the computer holding it does it
        if path is None or path.suffix != f".{extension}":
            continue
        try:
            with open_image(path) as image:
                meta = read_meta(image)
        except PhotoError:
            continue
        if (meta.width, meta.height) != recorded:
            workspace.photos.correct_size(sha256, meta.width, meta.height)
            corrected += 1
    return corrected


def annotate_photo(workspace: Workspace, photo_id: uuid.UUID, annotations: list[Annotation]) -> PhotoRecord:
    """Replace the photo's annotations and redactions (the original file is never touched)."""
    return workspace.photos.set_annotations(photo_id, [a.as_dict() for a in annotations])


def export_photo(workspace: Workspace, photo_id: uuid.UUID) -> bytes:
    """The only form in which a photo leaves the laptop: upright, annotations and redactions burned in, and no
    metadata: no camera serial ever, and no GPS unless the district turned ``share_photo_location`` on."""
    photo = workspace.photos.get(photo_id)
    try:
        data = rendition_of(workspace.photo_store, photo.sha256, "report").read_bytes()
    except OSError as error:
        raise PhotoError(f"photo {photo.filename}: its rendition cannot be read ({error.strerror})") from None
    location = photo.gps if workspace.settings.share_photo_location else None
    return export_jpeg(data, parse_annotations(list(photo.annotations)), location)
