"""Metadata stripped from JPEGs losslessly: no GPS, serial or camera left, the same pixels, the orientation kept."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageOps

from safety_assess.photos.decode import PhotoError
from safety_assess.photos.strip import strip_jpeg
from tests import photo_files

PHOTOS = photo_files.folder()


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return (ImageOps.exif_transpose(image) or image).convert("RGB").tobytes()


def test_gps_serial_and_camera_go_and_the_pixels_stay() -> None:
    original = (PHOTOS / "phone.jpg").read_bytes()
    stripped = strip_jpeg(original)
    assert b"SERIAL-123456" in original and b"SERIAL-123456" not in stripped
    assert b"PhoneCam" not in stripped and b"Exif" not in stripped
    with Image.open(io.BytesIO(stripped)) as image:
        assert not image.getexif()
    assert pixels(stripped) == pixels(original)


@pytest.mark.parametrize("name", ["hopper_orientation_6.jpg", "orientation_rectangle.jpg", "app13-multiple.jpg"])
def test_the_orientation_survives(name: str) -> None:
    original = (PHOTOS / name).read_bytes()
    with Image.open(io.BytesIO(original)) as image:
        orientation = image.getexif().get(0x0112, 1)
    stripped = strip_jpeg(original, orientation)
    with Image.open(io.BytesIO(stripped)) as image:
        assert dict(image.getexif()) == ({0x0112: orientation} if orientation != 1 else {})
    assert pixels(stripped) == pixels(original)
    assert b"Photoshop" not in stripped


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"\x89PNG\r\n", "not a JPEG"), (b"\xff\xd8\xff\xe1\x00", "ends in the middle"), (b"\xff\xd8\x00\x00", "damaged")],
)
def test_damaged_input_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(PhotoError, match=message):
        strip_jpeg(data)
