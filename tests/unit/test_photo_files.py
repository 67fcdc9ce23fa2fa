"""The generated test photos are what their names say, so the photo tests exercise what they claim to."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat

from tests import photo_files

JPEG_ORIENTED = [f"hopper_orientation_{n}.jpg" for n in range(2, 9)]


def difference(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean) / 3


def test_the_same_bytes_are_written_every_time(tmp_path: Path, photo_folder: Path) -> None:
    again = photo_files.write_all(tmp_path / "again")
    assert sorted(p.name for p in again.iterdir()) == sorted(p.name for p in photo_folder.iterdir())
    assert all((again / p.name).read_bytes() == p.read_bytes() for p in photo_folder.iterdir())


def test_the_reference_picture_shows_any_wrong_turn_or_mirror() -> None:
    reference = photo_files.reference()
    turned = {reference.transpose(t).tobytes() for t in Image.Transpose}
    assert len(turned | {reference.tobytes()}) == 8  # 8 different pictures: the upright one and 7 wrong ones


@pytest.mark.parametrize("name", [*JPEG_ORIENTED, "hopper_orientation_6.webp"])
def test_each_orientation_is_stored_turned_and_tagged(photo_folder: Path, name: str) -> None:
    orientation = int(name.split("_")[-1].split(".")[0])
    with Image.open(photo_folder / name) as image:
        assert image.getexif()[photo_files.ORIENTATION] == orientation
        assert difference(image, photo_files.reference()) > 40  # stored turned: wrong unless the tag is honoured
        assert difference(ImageOps.exif_transpose(image), photo_files.reference()) < 3


def test_the_tiff_is_stored_turned_and_tagged(photo_folder: Path) -> None:
    """Pillow turns a TIFF upright itself when it decodes one, so the stored pixels are read by hand."""
    data = (photo_folder / "hopper_orientation_6.tif").read_bytes()
    with Image.open(io.BytesIO(data)) as image:
        assert image.tag_v2[photo_files.ORIENTATION] == 6
        offset, size = image.tag_v2[273][0], image.tag_v2[279][0]  # the one strip of uncompressed pixels
        assert difference(image, photo_files.reference()) < 1
    stored = Image.frombytes("RGB", (128, 128), data[offset : offset + size])
    assert stored.tobytes() == photo_files.stored(6).tobytes()


def test_the_heic_carries_its_turn_in_the_heif_rotation(photo_folder: Path) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    with Image.open(photo_folder / "hopper_orientation_6.heic") as image:
        assert image.format == "HEIF" and image.getexif().get(photo_files.ORIENTATION, 1) == 1
        assert difference(image, photo_files.reference()) < 8


def test_the_rectangle_is_stored_wide_and_tagged_to_stand(photo_folder: Path) -> None:
    with Image.open(photo_folder / "orientation_rectangle.jpg") as image:
        assert image.size == (2, 1) and image.getexif()[photo_files.ORIENTATION] == 8


def test_cmyk_is_an_inverted_adobe_jpeg(photo_folder: Path) -> None:
    with Image.open(photo_folder / "pil_sample_cmyk.jpg") as image:
        assert image.mode == "CMYK" and "adobe" in image.info
        assert image.getpixel((0, 0)) == (0, 0, 0, 255) and image.getpixel((50, 15)) == (0, 255, 255, 0)


def test_the_progressive_jpeg_has_two_photoshop_segments(photo_folder: Path) -> None:
    with Image.open(photo_folder / "app13-multiple.jpg") as image:
        assert image.info["progressive"]
        assert [marker for marker, _ in image.applist].count("APP13") == 2
        assert set(image.info["photoshop"]) == {0x0404, 0x0406}


def test_the_truncated_jpeg_cannot_be_decoded(photo_folder: Path) -> None:
    with Image.open(photo_folder / "truncated_jpeg.jpg") as image:
        assert image.info["progressive"]
        with pytest.raises(OSError, match="truncated"):
            image.load()


def test_the_bad_exif_is_corrupt_and_the_empty_gps_block_is_there_but_empty(photo_folder: Path) -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        Image.open(photo_folder / "hopper_bad_exif.jpg").close()
    assert any("Corrupt EXIF" in str(w.message) for w in seen)
    with Image.open(photo_folder / "empty_gps_ifd.jpg") as image:
        exif = image.getexif()
        assert photo_files.GPS_IFD in exif and exif.get_ifd(photo_files.GPS_IFD) == {}
        assert exif[photo_files.ORIENTATION] == 6


def test_the_pngs_have_16_bits_per_channel(photo_folder: Path) -> None:
    header = (photo_folder / "RGB_16__128x128.png").read_bytes()[16:26]  # width, height, bit depth, colour type
    assert header == b"\x00\x00\x00\x80\x00\x00\x00\x80\x10\x02"
    with Image.open(photo_folder / "RGB_16__128x128.png") as image:
        assert difference(image, photo_files.reference()) == 0
    with Image.open(photo_folder / "grey_16.png") as image:
        assert image.mode == "I;16" and image.getextrema()[1] > 255


def test_the_phone_photo_says_where_when_and_with_what_it_was_taken(photo_folder: Path) -> None:
    data = (photo_folder / "phone.jpg").read_bytes()
    assert photo_files.SERIAL.encode() in data
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
    assert exif.get_ifd(photo_files.GPS_IFD)[2] == (37.0, 46.0, 30.0)
    assert exif.get_ifd(photo_files.EXIF_IFD)[photo_files.DATETIME_ORIGINAL] == "2026:11:20 09:41:07"
    assert (exif[photo_files.MAKE], exif[photo_files.MODEL]) == ("Acme", "PhoneCam 7")
