"""Only pixels leave the laptop: phone-like photos with a marker in every metadata slot, imported, then every form a
photo can leave in (renditions, photo export, full PDF, bundle, campus pack) searched for every marker."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from safety_assess.domain.records import AssessmentSummary, PhotoRecord
from safety_assess.photos.strip import strip_jpeg
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.bundles import export_bundle, export_campus_pack
from safety_assess.services.photos import add_photos, export_photo
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace
from tests.phone_photos import found_markers, phone_heic, phone_jpeg, phone_png, phone_tiff, phone_webp

Builder = Callable[[Path], list[str]]
BUILDERS: dict[str, Builder] = {
    "phone.jpg": phone_jpeg,
    "progressive.jpg": lambda path: phone_jpeg(path, progressive=True, orientation=6),
    "phone.png": phone_png,
    "phone.webp": phone_webp,
    "phone.tif": phone_tiff,
    "phone.heic": phone_heic,
}


@pytest.fixture
def imported(workspace: Workspace, tmp_path: Path) -> tuple[AssessmentSummary, list[PhotoRecord], list[str]]:
    workspace.campuses.add("Lincoln High", "LHS", "1200 Main St")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    markers: list[str] = []
    files = []
    for name, build in BUILDERS.items():
        planted = build(tmp_path / name)
        assert found_markers((tmp_path / name).read_bytes(), planted), f"{name}: the markers were not planted"
        markers += planted
        files.append(tmp_path / name)
    result = add_photos(workspace, summary.id, "door-locked", files)
    assert not result.refused and len(result.added) == len(files)
    return summary, result.added, markers


def test_the_builders_plant_every_marker_in_the_input(tmp_path: Path) -> None:
    planted = phone_jpeg(tmp_path / "phone.jpg")
    assert found_markers((tmp_path / "phone.jpg").read_bytes(), planted) == planted


def test_originals_stay_byte_for_byte_and_renditions_carry_nothing(
    workspace: Workspace, imported: tuple[AssessmentSummary, list[PhotoRecord], list[str]], tmp_path: Path
) -> None:
    _, photos, markers = imported
    store = workspace.photo_store
    for photo in photos:
        assert store.original(photo.sha256, photo.extension).read_bytes() == (tmp_path / photo.filename).read_bytes()
        for kind in ("thumb", "report"):
            data = store.rendition(photo.sha256, kind).read_bytes()
            assert found_markers(data, markers) == [], f"{photo.filename} {kind}"
            assert _only_pixels(data), f"{photo.filename} {kind}"


def test_photo_export_carries_no_marker_and_no_gps(
    workspace: Workspace, imported: tuple[AssessmentSummary, list[PhotoRecord], list[str]]
) -> None:
    _, photos, markers = imported
    for photo in photos:
        data = export_photo(workspace, photo.id)
        assert found_markers(data, markers) == [], photo.filename
        assert _only_pixels(data), photo.filename


def test_the_full_pdf_carries_no_marker(
    workspace: Workspace, imported: tuple[AssessmentSummary, list[PhotoRecord], list[str]], tmp_path: Path
) -> None:
    summary, _, markers = imported
    out = tmp_path / "report.pdf"
    export_report(workspace, summary.id, out)
    assert found_markers(out.read_bytes(), markers) == []


def test_bundles_and_campus_packs_carry_no_marker(
    workspace: Workspace, imported: tuple[AssessmentSummary, list[PhotoRecord], list[str]], tmp_path: Path
) -> None:
    summary, _, markers = imported
    bundle = export_bundle(workspace, [summary.id], tmp_path / "out.sabundle").path
    pack = export_campus_pack(workspace, "LHS", tmp_path / "pack.sabundle").path
    for archive in (bundle, pack):
        assert found_markers(archive.read_bytes(), markers) == []
        with zipfile.ZipFile(archive) as opened:
            for name in opened.namelist():
                data = opened.read(name)
                assert found_markers(data, markers) == [], f"{archive.name}: {name}"
                if name.startswith("photos/"):
                    assert _only_pixels(data), name
                else:
                    assert b"MARK-EXIF-MODEL" not in data and b"40.7128" not in data


def test_stripping_keeps_the_pixels_and_the_orientation_and_ends_at_the_primary_image(tmp_path: Path) -> None:
    for progressive in (False, True):
        phone_jpeg(tmp_path / "in.jpg", progressive=progressive, orientation=6)
        original = (tmp_path / "in.jpg").read_bytes()
        stripped = strip_jpeg(original, 6)
        assert stripped.endswith(b"\xff\xd9") and stripped.count(b"\xff\xd8") == 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow on the planted MPF segment: "malformed MPO", read as a JPEG
            before = Image.open(io.BytesIO(original))
        with before, Image.open(io.BytesIO(stripped)) as after:
            assert after.tobytes() == before.tobytes()
            assert dict(after.getexif()) == {0x0112: 6}
            assert not {"comment", "icc_profile", "xmp", "mp", "photoshop"} & set(after.info)


def _only_pixels(jpeg: bytes) -> bool:
    """A JPEG whose only segments are those decoding needs (and a bare JFIF header, and one orientation tag at
    most), ending at its end-of-image marker."""
    with Image.open(io.BytesIO(jpeg)) as image:
        kinds = {name for name, _ in image.applist}
        exif = dict(image.getexif())
    return kinds <= {"APP0", "APP1", "APP14"} and set(exif) <= {0x0112} and jpeg.endswith(b"\xff\xd9")


def test_a_turned_tiff_is_recorded_at_the_size_it_shows_and_old_records_are_corrected(
    workspace: Workspace, tmp_path: Path
) -> None:
    from safety_assess.services.photos import correct_photo_sizes

    workspace.campuses.add("Lincoln High", "LHS", "1200 Main St")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    phone_tiff(tmp_path / "turned.tif", orientation=6)  # stored 96 x 64, shown 64 x 96
    photo = add_photos(workspace, summary.id, "door-locked", [tmp_path / "turned.tif"]).added[0]
    assert (photo.width, photo.height) == (64, 96)
    with Image.open(workspace.photo_store.rendition(photo.sha256, "report")) as rendition:
        assert rendition.size == (64, 96)
    workspace.photos.correct_size(photo.sha256, 96, 64)  # as earlier versions recorded it
    assert correct_photo_sizes(workspace) == 1
    assert (workspace.photos.get(photo.id).width, workspace.photos.get(photo.id).height) == (64, 96)
    assert correct_photo_sizes(workspace) == 0
