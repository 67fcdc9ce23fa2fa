"""Photos: upright everywhere, metadata read and never exported, bad files refused, stored once."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from safety_assess.photos.decode import PhotoError, open_image, read_meta
from safety_assess.photos.ingest import ingest
from safety_assess.photos.render import renditions
from safety_assess.photos.store import ORPHAN_AGE_S, PhotoStore
from tests import photo_files
from tests.photo_files import phone_photo

PHOTOS = photo_files.folder()
ORIENTED = [f"hopper_orientation_{n}.jpg" for n in range(2, 9)] + [
    "hopper_orientation_6.webp",
    "hopper_orientation_6.tif",
]


def thumb(path: Path) -> Image.Image:
    return Image.open(io.BytesIO(renditions(path)["thumb"]))


def difference(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean) / 3


@pytest.mark.parametrize("name", ORIENTED)
def test_every_orientation_displays_like_the_reference(name: str) -> None:
    reference, shown = thumb(PHOTOS / "hopper.jpg"), thumb(PHOTOS / name)
    assert shown.size == reference.size
    wrong = [shown.transpose(t) for t in Image.Transpose]  # any other way round is much further off
    assert difference(shown, reference) < 8
    assert difference(shown, reference) < min(difference(w, reference) for w in wrong if w.tobytes() != shown.tobytes())


def test_a_rotated_rectangle_swaps_width_and_height() -> None:
    with open_image(PHOTOS / "orientation_rectangle.jpg") as image:
        meta = read_meta(image)
    assert (meta.width, meta.height, meta.orientation) == (1, 2, 8)
    assert thumb(PHOTOS / "orientation_rectangle.jpg").size == (1, 2)


@pytest.mark.parametrize("name", ["pil_sample_cmyk.jpg", "RGB_16__128x128.png", "grey_16.png", "app13-multiple.jpg"])
def test_cmyk_16_bit_and_progressive_become_plain_rgb(name: str) -> None:
    made = renditions(PHOTOS / name)
    for data in made.values():
        image = Image.open(io.BytesIO(data))
        assert image.mode == "RGB" and image.format == "JPEG"


def test_cmyk_colours_are_not_inverted() -> None:
    red, green, blue = ImageStat.Stat(thumb(PHOTOS / "pil_sample_cmyk.jpg")).mean
    assert red > 2 * green and red > 2 * blue  # red lettering on black; inverted it would be cyan on white
    assert red + green + blue < 3 * 128


def test_a_truncated_file_is_refused_naming_the_file() -> None:
    with pytest.raises(PhotoError, match=r"truncated_jpeg\.jpg: the file ends before its image data does"):
        renditions(PHOTOS / "truncated_jpeg.jpg")


def test_broken_exif_is_ignored_and_an_empty_gps_block_is_no_location() -> None:
    with open_image(PHOTOS / "hopper_bad_exif.jpg") as image:
        assert read_meta(image).gps is None
    with open_image(PHOTOS / "empty_gps_ifd.jpg") as image:
        meta = read_meta(image)
    assert meta.gps is None and meta.orientation == 6
    assert thumb(PHOTOS / "hopper_bad_exif.jpg").size == (256, 256)


def test_files_that_are_not_images_or_too_large_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("not a photo")
    with pytest.raises(PhotoError, match=r"notes\.jpg: not an image this app can read"):
        open_image(text)
    with pytest.raises(PhotoError, match="no such file"):
        open_image(tmp_path / "missing.jpg")
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png_header(30_000, 30_000))
    with pytest.raises(PhotoError, match=r"bomb\.png: .*larger than the 200 MP limit"):
        open_image(bomb)
    gif = tmp_path / "anim.gif"
    Image.new("RGB", (4, 4)).save(gif)
    with pytest.raises(PhotoError, match="GIF images are not supported"):
        open_image(gif)


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunks = [(b"IHDR", ihdr), (b"IDAT", zlib.compress(b"")), (b"IEND", b"")]
    return photo_files.PNG_SIGNATURE + b"".join(photo_files.png_chunk(kind, data) for kind, data in chunks)


def test_gps_camera_and_time_are_read(tmp_path: Path) -> None:
    with open_image(PHOTOS / "phone.jpg") as image:
        meta = read_meta(image)
    assert meta.gps == photo_files.LOCATION == (37.775, -122.4194444)
    assert meta.camera_model == "Acme PhoneCam 7"
    assert meta.captured_at is not None and meta.captured_at.isoformat() == "2026-11-20T09:41:07"
    with open_image(phone_photo(tmp_path / "zero.jpg", (0.0, 0.0, 0.0))) as image:
        assert read_meta(image).gps is not None  # longitude is not 0, so this is a real place
    with open_image(phone_photo(tmp_path / "bad.jpg", (95.0, 0.0, 0.0))) as image:
        assert read_meta(image).gps is None  # latitude 95 is impossible


def test_renditions_carry_no_metadata_at_all() -> None:
    for data in renditions(PHOTOS / "phone.jpg").values():
        image = Image.open(io.BytesIO(data))
        assert dict(image.getexif()) == {}
        assert b"SERIAL-123456" not in data and b"PhoneCam" not in data and b"Exif" not in data


def test_the_original_is_kept_byte_for_byte_and_stored_once(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path / "photos")
    first = ingest(store, PHOTOS / "hopper_orientation_6.jpg")
    again = ingest(store, PHOTOS / "hopper_orientation_6.jpg")
    assert first.sha256 == again.sha256
    stored = store.original(first.sha256, "jpg")
    assert stored.read_bytes() == (PHOTOS / "hopper_orientation_6.jpg").read_bytes()
    assert len(list(store.originals.glob("*/*"))) == 1
    assert sorted(p.name for p in store.renditions.iterdir()) == [
        f"{first.sha256}.report.jpg",
        f"{first.sha256}.thumb.jpg",
    ]
    assert not list(tmp_path.rglob(".tmp-*"))


def test_nothing_is_stored_for_a_refused_file(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path / "photos")
    with pytest.raises(PhotoError):
        ingest(store, PHOTOS / "truncated_jpeg.jpg")
    assert not (tmp_path / "photos").exists() or not list((tmp_path / "photos").rglob("*.*"))


def test_orphans_are_removed_only_when_old(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path / "photos")
    kept = ingest(store, PHOTOS / "hopper.jpg")
    orphan = ingest(store, PHOTOS / "hopper_orientation_2.jpg")
    assert store.remove_orphans({kept.sha256}) == []  # too recent: an import may still be recording it
    removed = store.remove_orphans({kept.sha256}, now=1e12 + ORPHAN_AGE_S)
    assert {p.name.split(".")[0] for p in removed} == {orphan.sha256}
    assert store.has(kept.sha256, "jpg") and not store.has(orphan.sha256, "jpg")


def test_a_heic_with_heif_rotation_and_exif_orientation_is_turned_exactly_once() -> None:
    """Phones write both; libheif applies the HEIF rotation and resets EXIF to 1, so nothing turns it again."""
    heic = PHOTOS / "hopper_orientation_6.heic"
    with open_image(heic) as image:
        meta = read_meta(image)
    assert (meta.format, meta.extension) == ("HEIF", "heic")
    reference, shown = thumb(PHOTOS / "hopper.jpg"), thumb(heic)
    others = [shown.transpose(t) for t in Image.Transpose]
    assert difference(shown, reference) < 8
    assert difference(shown, reference) < min(
        difference(o, reference) for o in others if o.tobytes() != shown.tobytes()
    )


def test_tiff_and_png_with_transparency_are_read(tmp_path: Path) -> None:
    tiff = PHOTOS / "hopper.tif"
    png = tmp_path / "overlay.png"
    Image.new("RGBA", (20, 10), (255, 0, 0, 0)).save(png)
    assert thumb(tiff).size == (128, 128)
    assert thumb(png).getpixel((5, 5)) == (255, 255, 255)  # transparent onto white, not black
