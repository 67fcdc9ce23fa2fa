"""The photo store's clean-up on the shared server: blobs no photo and no site plan refers to any more are removed
from the server too (their chunks with them), once old enough; those the records refer to stay, and so does one an
import has just claimed (found there already, its record not yet committed). Runs with --postgres only."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select, update

from safety_assess.domain.blobs import BlobKey
from safety_assess.photos.blobs import CHUNK, BlobStore
from safety_assess.services import site_maps
from safety_assess.services.assessments import start_assessment
from safety_assess.services.photos import add_photos, remove_orphan_files
from safety_assess.services.workspace import Workspace
from safety_assess.storage.orm import PhotoBlobRow, PhotoChunkRow
from tests import plan_files
from tests.unit.services.test_photo_upload import on_server, staff  # noqa: F401  (a fixture)

HOURS_AGO = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)


def blob_hashes(workspace: Workspace, table: type[PhotoBlobRow] | type[PhotoChunkRow]) -> set[str]:
    with workspace.database.session() as session:
        return set(session.scalars(select(table.sha256).distinct()))


def stray(blobs: BlobStore, tmp_path: Path, name: str, kinds: tuple[str, ...] = ("original", "thumb")) -> str:
    """A file stored on the server under a hash no record has (as a deleted assessment's photos leave them)."""
    path = tmp_path / f"{name}.jpg"
    path.write_bytes(os.urandom(CHUNK + 100))
    sha256 = hashlib.sha256(name.encode()).hexdigest()
    for kind in kinds:
        assert blobs.upload(BlobKey(sha256, kind), "jpg", path)
    return sha256


@on_server
def test_the_clean_up_removes_the_servers_blobs_no_photo_or_plan_refers_to(
    staff: tuple[Workspace, Workspace],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    first, second = staff
    campus = first.campuses.add("Lincoln High", "LHS", "")
    summary = start_assessment(first, "LHS", "comprehensive-facility", ["Ana"], dt.date(2026, 11, 2))
    Image.new("RGB", (64, 48), "navy").save(tmp_path / "gate.jpg")
    [photo] = add_photos(first, summary.id, "grounds.gates-locked", [tmp_path / "gate.jpg"]).added
    plan = site_maps.add_map(first, campus.id, plan_files.png_with_metadata(tmp_path / "Site plan.png"))
    blobs: BlobStore = first.photo_store.blobs  # type: ignore[attr-defined]
    gone, claimed = stray(blobs, tmp_path, "gone"), stray(blobs, tmp_path, "claimed", ("original",))
    unfinished = hashlib.sha256(b"unfinished").hexdigest()  # an import cut off before its record was committed
    blobs.table.begin(BlobKey(unfinished, "original"), "jpg", 10, "0" * 64, 1)
    with first.database.session() as session:
        session.execute(update(PhotoBlobRow).values(created_at=HOURS_AGO))
    assert blobs.upload(BlobKey(claimed, "original"), "jpg", tmp_path / "claimed.jpg") is False  # found: claimed
    remove_orphan_files(second)  # another staff computer's start-up clean-up
    kept = {photo.sha256, plan.sha256, claimed}
    assert gone not in blob_hashes(first, PhotoBlobRow) and blob_hashes(first, PhotoBlobRow) == kept
    assert blob_hashes(first, PhotoChunkRow) == kept
    fetched = second.photo_store.original(photo.sha256, photo.extension)
    assert hashlib.sha256(fetched.read_bytes()).hexdigest() == photo.sha256
    assert site_maps.plan_image(second, site_maps.get_map(second, plan.id)).is_file()


@pytest.mark.sqlite_only
def test_a_data_folder_on_its_own_file_has_no_server_to_clean(workspace: Workspace) -> None:
    assert remove_orphan_files(workspace) == 0 and not hasattr(workspace.photo_store, "blobs")
