"""Annotations and redactions: stored as vectors, burned into every export, redactions over everything."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image, ImageStat

from safety_assess.photos.annotations import Annotation, Shape, burn_in, parse_annotations
from safety_assess.photos.decode import PhotoError
from safety_assess.services.assessments import start_assessment
from safety_assess.services.photos import add_photos, annotate_photo, export_photo
from safety_assess.services.workspace import Workspace
from tests import photo_files
from tests.settings import change_settings

PHOTOS = photo_files.folder()


def noisy(size: tuple[int, int] = (200, 100)) -> Image.Image:
    return Image.effect_noise(size, 80).convert("RGB")


def test_a_redaction_box_is_solid_black_and_nothing_drawn_survives_in_it() -> None:
    image = noisy()
    notes = [
        Annotation(Shape.REDACT_BOX, 0.0, 0.0, 0.5, 1.0),
        Annotation(Shape.TEXT, 0.05, 0.1, 0.4, 0.3, text="CODE 1234", color="#ffffff"),
    ]
    done = burn_in(image, notes)
    assert ImageStat.Stat(done.crop((0, 0, 100, 100))).extrema == [(0, 0)] * 3
    assert done.crop((100, 0, 200, 100)).tobytes() == image.crop((100, 0, 200, 100)).tobytes()


def test_pixelation_leaves_only_a_dozen_blocks() -> None:
    done = burn_in(noisy((240, 240)), [Annotation(Shape.REDACT_PIXELATE, 0, 0, 1, 1)])
    assert len(set(done.get_flattened_data())) <= 12 * 12


@pytest.mark.parametrize("shape", [Shape.ARROW, Shape.RECTANGLE, Shape.ELLIPSE])
def test_shapes_are_drawn(shape: Shape) -> None:
    image = Image.new("RGB", (200, 100), "white")
    done = burn_in(image, [Annotation(shape, 0.1, 0.1, 0.9, 0.9)])
    assert done.tobytes() != image.tobytes() and image.getpixel((0, 0)) == (255, 255, 255)


def test_annotations_are_checked_when_read() -> None:
    assert parse_annotations([{"shape": "rectangle", "x1": 0, "y1": 0, "x2": 1, "y2": 1}])[0].shape == Shape.RECTANGLE
    with pytest.raises(PhotoError, match="annotation 1: coordinates must be fractions"):
        parse_annotations([{"shape": "rectangle", "x1": 0, "y1": 0, "x2": 2, "y2": 1}])
    with pytest.raises(PhotoError, match="annotation 1: a text label needs text"):
        parse_annotations([{"shape": "text", "x1": 0, "y1": 0, "x2": 1, "y2": 1}])
    with pytest.raises(PhotoError, match="annotation 1"):
        parse_annotations([{"shape": "scribble", "x1": 0, "y1": 0, "x2": 1, "y2": 1}])


def test_an_exported_photo_is_redacted_upright_and_without_metadata(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    assessment = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 23))
    [photo] = add_photos(workspace, assessment.id, "gate", [PHOTOS / "hopper_orientation_6.jpg"]).added
    original = workspace.photo_store.original(photo.sha256, "jpg").read_bytes()
    annotate_photo(workspace, photo.id, [Annotation(Shape.REDACT_BOX, 0.0, 0.0, 1.0, 0.5)])
    exported = Image.open(io.BytesIO(export_photo(workspace, photo.id)))
    assert exported.size == (128, 128) and dict(exported.getexif()) == {}
    assert ImageStat.Stat(exported.crop((0, 0, 128, 60))).extrema == [(0, 0)] * 3  # JPEG keeps black black
    assert ImageStat.Stat(exported.crop((0, 70, 128, 128))).mean[0] > 20
    assert workspace.photo_store.original(photo.sha256, "jpg").read_bytes() == original
    assert len(workspace.photos.get(photo.id).annotations) == 1


def test_gps_leaves_only_when_the_district_shares_locations_and_serials_never(workspace: Workspace, tmp_path) -> None:
    from safety_assess.photos.decode import open_image, read_meta

    workspace.campuses.add("Lincoln High", "LHS")
    assessment = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 23))
    [photo] = add_photos(workspace, assessment.id, "gate", [PHOTOS / "phone.jpg"]).added
    assert photo.gps == (37.775, -122.4194444)

    private = export_photo(workspace, photo.id)
    assert b"Exif" not in private and b"SERIAL" not in private
    change_settings(workspace, share_photo_location=True)
    shared = export_photo(workspace, photo.id)
    assert b"SERIAL" not in shared
    exported = tmp_path / "shared.jpg"
    exported.write_bytes(shared)
    with open_image(exported) as image:
        location = read_meta(image).gps
    assert location is not None and abs(location[0] - 37.775) < 1e-4 and abs(location[1] + 122.4194444) < 1e-4
