"""Photos to pin on a plan: those of the campus's newest assessment, each named by its item (and the group's
instance), its caption and its file, with its thumbnail to show in the chooser."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from textwrap import shorten

from safety_assess.domain.records import PhotoRecord
from safety_assess.photos.ingest import shown_rendition
from safety_assess.services.workspace import Workspace

LABEL_LENGTH = 60
"""A photo pin's label: the caption, or the item, cut to this."""
ITEM_LENGTH = 70
"""An item's prompt is shortened to this in the chooser."""


@dataclass(frozen=True)
class PhotoChoice:
    photo: PhotoRecord
    text: str
    """'Exterior doors locked (Gym) · propped open with a chair · IMG_0042.jpg'."""
    thumbnail: Path
    """The thumbnail rendition (missing when it cannot be made: shown empty)."""
    label: str


def photo_choices(workspace: Workspace, campus_id: uuid.UUID) -> list[PhotoChoice]:
    """The photos of the campus's newest assessment, item by item (none when it has no assessment)."""
    newest = workspace.assessments.list(campus_id)[:1]
    if not newest:
        return []
    summary = newest[0]
    checklist = workspace.snapshots.checklist(summary.checklist.id)
    instances = {i.id: i.label for i in workspace.answers.instances(summary.id)}
    choices: list[PhotoChoice] = []
    for photo in workspace.photos.list(summary.id):
        found = checklist.find_item(photo.item_id) if photo.item_id else None
        item = shorten(found[2].prompt, ITEM_LENGTH, placeholder="…") if found else "Finding photo"
        where = f"{item} ({instances[photo.instance_id]})" if photo.instance_id in instances else item
        parts = [where, photo.caption, photo.filename]
        text = " · ".join(part for part in parts if part)
        label = (photo.caption or where)[:LABEL_LENGTH]
        thumbnail = shown_rendition(workspace.photo_store, photo.sha256, "thumb")
        choices.append(PhotoChoice(photo, text, thumbnail, label))
    return choices
