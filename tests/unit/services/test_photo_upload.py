"""Photos on the shared server: two staff computers (two data folders on one database) see each other's photos and
site plans, and a data folder's photos stored before the server kept them are sent to it, resumably."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from safety_assess.base.datadir import DataDir
from safety_assess.base.jobs import Cancelled, Progress
from safety_assess.domain.blobs import BlobKey
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.records import AssessmentSummary
from safety_assess.photos.blobs import CHUNK
from safety_assess.photos.store import PhotoStore
from safety_assess.services import site_maps
from safety_assess.services.assessments import start_assessment
from safety_assess.services.bundles import export_bundle, export_campus_pack, import_bundle
from safety_assess.services.photo_upload import pending_uploads, upload_photos
from safety_assess.services.photos import add_photos
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace
from safety_assess.storage.database import DatabaseError
from safety_assess.storage.photo_blobs import DatabaseChunks
from tests import plan_files
from tests.unit.bundles.conftest import always
from tests.unit.reports.conftest import reported  # noqa: F401  (a fixture)

CLOCK = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)
on_server = pytest.mark.postgres_only


@pytest.fixture
def staff(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    """Two staff computers: their own data folders, one database (on --postgres, the test server's)."""
    first = Workspace.open(DataDir(tmp_path / "staff-a"))
    second = Workspace.open(DataDir(tmp_path / "staff-b"), first.target.url)
    yield first, second
    second.close()
    first.close()


def big_photo(path: Path) -> Path:
    """A JPEG of noise, larger than a chunk."""
    noise = random.Random(7).randbytes(1400 * 1400 * 3)
    Image.frombytes("RGB", (1400, 1400), noise).save(path, quality=95)
    assert path.stat().st_size > CHUNK
    return path


def local_files(workspace: Workspace) -> set[Path]:
    return {p for p in workspace.data_dir.photos.rglob("*") if p.is_file()}


@on_server
def test_one_computer_imports_a_bundle_with_photos_and_another_prints_them(
    workspace: Workspace,
    reported: AssessmentSummary,  # noqa: F811  (the fixture imported above)
    staff: tuple[Workspace, Workspace],
    tmp_path: Path,
) -> None:
    first, second = staff
    import_bundle(first, export_bundle(workspace, [reported.id], tmp_path / "lhs.sabundle", clock=CLOCK).path, always)
    assert local_files(second) == set()
    result = export_report(second, reported.id, tmp_path / "report.pdf", clock=CLOCK)
    assert result.warnings == [] and result.pages >= 4
    for photo in second.photos.list(reported.id):
        original = second.photo_store.original(photo.sha256, photo.extension)
        assert original.is_relative_to(second.data_dir.photos)
        assert hashlib.sha256(original.read_bytes()).hexdigest() == photo.sha256
    for photo in first.photos.list(reported.id):  # the report rendition the second made reached the first
        assert first.photo_store.blobs.has(BlobKey(photo.sha256, "report"))  # type: ignore[attr-defined]
    pack = export_campus_pack(second, "LHS", tmp_path / "pack.sabundle")
    assert pack.path.is_file() and pack.photos > 0


@on_server
def test_a_site_plan_added_on_one_computer_shows_on_another(staff: tuple[Workspace, Workspace], tmp_path: Path) -> None:
    first, second = staff
    campus = first.campuses.add("Lincoln High", "LHS", "")
    plan = site_maps.add_map(first, campus.id, plan_files.png_with_metadata(tmp_path / "Site plan.png"))
    image = site_maps.plan_image(second, site_maps.get_map(second, plan.id))
    assert image.is_file() and image.read_bytes() == site_maps.plan_image(first, plan).read_bytes()


@pytest.fixture
def photos_before(staff: tuple[Workspace, Workspace], tmp_path: Path) -> tuple[Workspace, Workspace, list[str]]:
    """The first computer's photos as an earlier version kept them: recorded on the server, files in its folder."""
    first, second = staff
    first.__dict__["photo_store"] = PhotoStore(first.data_dir.photos)
    first.campuses.add("Lincoln High", "LHS", "")
    summary = start_assessment(first, "LHS", "every-type", ["Ana Díaz"], dt.date(2026, 11, 2))
    added = add_photos(first, summary.id, "door-locked", [big_photo(tmp_path / "big.jpg")]).added
    del first.__dict__["photo_store"]
    return first, second, [photo.sha256 for photo in added]


@pytest.fixture
def every_type(staff: tuple[Workspace, Workspace], every_type_path: Path) -> None:
    for workspace in staff:
        (workspace.data_dir.checklists / "every-type.yaml").write_bytes(every_type_path.read_bytes())


@on_server
@pytest.mark.usefixtures("every_type")
def test_photos_kept_in_the_folder_are_sent_and_a_cut_off_upload_resumes(
    photos_before: tuple[Workspace, Workspace, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, (sha,) = photos_before
    assert second.photo_store.find_original(sha) is None
    pending = pending_uploads(first)
    assert {file.key.kind for file in pending.files} == {"original", "thumb", "report"} and pending.nowhere == []
    kept, put = local_files(first), DatabaseChunks.put_chunk
    sent: list[tuple[str, int]] = []
    gone = [True]

    def going_away(self: DatabaseChunks, key: BlobKey, digest: str, position: int, data: bytes) -> None:
        if gone[0] and key.kind == "original" and position == 1:
            raise DatabaseError("the database server closed the connection")
        sent.append((key.kind, position))
        put(self, key, digest, position, data)

    monkeypatch.setattr(DatabaseChunks, "put_chunk", going_away)
    with pytest.raises(DatabaseError):
        upload_photos(first)
    assert sent == [("original", 0)]
    assert second.photo_store.find_original(sha) is None  # nothing half-stored is seen
    assert local_files(first) == kept  # nothing removed here
    gone[0] = False
    assert upload_photos(first).sent == len(pending.files)
    assert sent.count(("original", 0)) == 1 and ("original", 1) in sent  # carried on from the chunk stored
    original = second.photo_store.find_original(sha)
    assert original is not None and hashlib.sha256(original.read_bytes()).hexdigest() == sha
    assert pending_uploads(first).files == [] and upload_photos(first).sent == 0


@on_server
@pytest.mark.usefixtures("every_type")
def test_a_cancelled_upload_keeps_everything_and_carries_on_later(
    photos_before: tuple[Workspace, Workspace, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, (sha,) = photos_before
    progress, put = Progress(), DatabaseChunks.put_chunk
    positions: list[int] = []

    def cancel_after_first(self: DatabaseChunks, key: BlobKey, digest: str, position: int, data: bytes) -> None:
        positions.append(position)
        put(self, key, digest, position, data)
        progress.cancel()

    monkeypatch.setattr(DatabaseChunks, "put_chunk", cancel_after_first)
    with pytest.raises(Cancelled):
        upload_photos(first, progress)
    assert positions == [0]
    assert second.photo_store.find_original(sha) is None
    upload_photos(first)
    assert positions[1] == 1  # the second run began where the first stopped
    assert second.photo_store.find_original(sha) is not None


@pytest.mark.sqlite_only
def test_a_data_folder_on_its_own_file_keeps_its_photos(workspace: Workspace) -> None:
    assert type(workspace.photo_store) is PhotoStore
    with pytest.raises(SafetyAssessError, match="uses its own database file"):
        upload_photos(workspace)
