"""Every photo file the tests import, made here with Pillow (and pillow-heif for the HEIC) in well under a second.

They are the cases a photo import meets in the real world: each EXIF orientation, WebP, TIFF and HEIC, CMYK, a
progressive JPEG with Photoshop segments, a damaged file, a corrupt EXIF block, an empty GPS block, 16 bits per
channel, and a phone's photo with its camera, serial number, time and location. The names are those of the Pillow
test images they stand in for. The same bytes are written on every run.

    folder()            the files, made once per test process (the ``photo_folder`` fixture returns the same)
    write_all(folder)   make them in a folder of your choosing
"""

from __future__ import annotations

import atexit
import functools
import io
import itertools
import random
import shutil
import struct
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

SIDE = 128
ORIENTATION, EXIF_IFD, GPS_IFD = 0x0112, 0x8769, 0x8825
MAKE, MODEL, SOFTWARE, DATETIME_ORIGINAL, BODY_SERIAL = 0x010F, 0x0110, 0x0131, 0x9003, 0xA431
SERIAL = "SERIAL-123456"
"""The camera serial number in the phone's photo: it must never leave the app."""
LOCATION = (37.775, -122.4194444)
"""Where the phone's photo says it was taken (37° 46' 30" N, 122° 25' 10" W)."""
UNDO = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}
"""How to store the upright picture so that a viewer honouring EXIF orientation N shows it upright again."""
QUADRANTS = ((30, 60, 200), (40, 170, 60), (210, 40, 40), (230, 200, 40))
"""Top left blue, top right green, bottom left red, bottom right yellow."""


def reference() -> Image.Image:
    """The upright picture: four coloured quadrants and a white corner mark, so any wrong turn or mirror shows."""
    image = Image.new("RGB", (SIDE, SIDE))
    draw = ImageDraw.Draw(image)
    half = SIDE // 2
    for (x, y), colour in zip(((0, 0), (half, 0), (0, half), (half, half)), QUADRANTS, strict=True):
        draw.rectangle((x, y, x + half - 1, y + half - 1), fill=colour)
    draw.rectangle((8, 8, 31, 23), fill="white")
    return image


def exif_bytes(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    return exif.tobytes()


def stored(orientation: int) -> Image.Image:
    """The pixels as a camera held at ``orientation`` stores them."""
    image = reference()
    return image.transpose(UNDO[orientation]) if orientation in UNDO else image


def _oriented(folder: Path) -> None:
    reference().save(folder / "hopper.jpg", quality=92)
    for orientation in range(2, 9):
        stored(orientation).save(folder / f"hopper_orientation_{orientation}.jpg", exif=exif_bytes(orientation))
    stored(6).save(folder / "hopper_orientation_6.webp", exif=exif_bytes(6), quality=90)
    reference().save(folder / "hopper.tif")
    stored(6).save(folder / "hopper_orientation_6.tif", exif=exif_bytes(6))
    Image.new("RGB", (2, 1), "navy").save(folder / "orientation_rectangle.jpg", exif=exif_bytes(8))


def _heic(folder: Path) -> None:
    """A phone's HEIC: the stored picture turned by orientation 6, written with that EXIF (pillow-heif turns it into
    the HEIF rotation). Encoding is slow for large pictures; this one takes a few hundredths of a second."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    stored(6).save(folder / "hopper_orientation_6.heic", exif=exif_bytes(6), quality=90)


def cmyk() -> Image.Image:
    """Red bars on black, in CMYK: inverted it would read cyan on white."""
    image = Image.new("CMYK", (100, 100), (0, 0, 0, 255))
    draw = ImageDraw.Draw(image)
    for top in (10, 40, 70):
        draw.rectangle((10, top, 90 if top != 40 else 50, top + 14), fill=(0, 255, 255, 0))
    return image


def _cmyk(folder: Path) -> None:
    """Pillow writes CMYK JPEGs the way Photoshop does: inverted, with an Adobe segment saying so."""
    cmyk().save(folder / "pil_sample_cmyk.jpg", quality=90)


def texture(size: tuple[int, int]) -> Image.Image:
    """A picture with detail everywhere (so it compresses like a photo and has many progressive scans)."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    for step in range(0, size[0], 16):
        draw.line((step, 0, size[0] - step, size[1]), fill=(step % 256, 90, 255 - step % 256), width=3)
    return image


def photoshop_segment(resource_id: int, data: bytes) -> bytes:
    """An APP13 segment holding one Photoshop image resource ("8BIM", id, empty name, size, data)."""
    padded = data + b"\x00" * (len(data) % 2)
    body = b"Photoshop 3.0\x00" + b"8BIM" + struct.pack(">H", resource_id) + b"\x00\x00"
    body += struct.pack(">I", len(data)) + padded
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def after_header(jpeg: bytes, segments: bytes) -> bytes:
    """``segments`` put after the JPEG's first segment (its JFIF header)."""
    (length,) = struct.unpack(">H", jpeg[4:6])
    return jpeg[: 4 + length] + segments + jpeg[4 + length :]


def _progressive(folder: Path) -> None:
    out = io.BytesIO()
    texture((256, 160)).save(out, "JPEG", progressive=True, quality=85)
    iptc = b"\x1c\x02\x78" + struct.pack(">H", 23) + b"Staff car park, gate 3."  # IPTC caption
    segments = photoshop_segment(0x0404, iptc) + photoshop_segment(0x0406, b"\x00\x07\x00\x06\x00\x00\x00\x01")
    (folder / "app13-multiple.jpg").write_bytes(after_header(out.getvalue(), segments))


def noise(size: tuple[int, int]) -> Image.Image:
    """Random colours, the same on every run (a noisy picture makes a large file with many progressive scans)."""
    return Image.frombytes("RGB", size, random.Random(16).randbytes(size[0] * size[1] * 3))


def _truncated(folder: Path) -> None:
    """A progressive JPEG cut off in the middle of its scans, as a copy interrupted half-way leaves it."""
    out = io.BytesIO()
    noise((100, 100)).save(out, "JPEG", progressive=True, quality=90)
    data = out.getvalue()
    (folder / "truncated_jpeg.jpg").write_bytes(data[: len(data) // 2])


def corrupt_exif() -> bytes:
    """An EXIF block whose first directory claims 32 entries but holds only 3: a reader runs off its end."""
    exif = Image.Exif()
    exif[MAKE], exif[ORIENTATION], exif[SOFTWARE] = "Scanner", 1, "scan 2.0"
    data = bytearray(exif.tobytes())
    data[14:16] = struct.pack(">H", 32)  # after "Exif\0\0", the byte order, 42 and the first directory's offset
    return bytes(data)


def _bad_exif(folder: Path) -> None:
    texture((300, 300)).convert("L").save(folder / "hopper_bad_exif.jpg", exif=corrupt_exif())


def _empty_gps(folder: Path) -> None:
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[ORIENTATION] = "Xiaomi", "Redmi Note 9S", 6
    exif[GPS_IFD] = {}  # the GPS block is there, with nothing in it
    Image.new("RGB", (10, 10), "teal").save(folder / "empty_gps_ifd.jpg", exif=exif.tobytes())


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_16_bit_rgb(image: Image.Image) -> bytes:
    """``image`` as a PNG with 16 bits per colour channel: Pillow reads those but writes only 16-bit grey.
    Each 8-bit value v becomes v * 257 (the byte twice); each row starts with filter 0 (none)."""
    width, height = image.size
    narrow = image.convert("RGB").tobytes()
    wide = bytes(itertools.chain.from_iterable(zip(narrow, narrow, strict=True)))
    stride = width * 6
    rows = b"".join(b"\x00" + wide[y * stride : (y + 1) * stride] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)  # 16 bits, colour type 2 (RGB)
    chunks = [(b"IHDR", header), (b"IDAT", zlib.compress(rows)), (b"IEND", b"")]
    return PNG_SIGNATURE + b"".join(png_chunk(kind, data) for kind, data in chunks)


def _sixteen_bit(folder: Path) -> None:
    (folder / "RGB_16__128x128.png").write_bytes(png_16_bit_rgb(reference()))
    grey = Image.linear_gradient("L").resize((SIDE, SIDE)).point(lambda value: value * 257, "I")
    grey.convert("I;16").save(folder / "grey_16.png")


def phone_photo(path: Path, lat: tuple[float, float, float] = (37.0, 46.0, 30.0), lat_ref: str = "N") -> Path:
    """A phone's JPEG: make, model, software, the time it was taken, its serial number and where it was taken."""
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[SOFTWARE] = "Acme", "PhoneCam 7", "firmware 1.2"
    exif[GPS_IFD] = {1: lat_ref, 2: lat, 3: "W", 4: (122.0, 25.0, 10.0)}
    exif[EXIF_IFD] = {DATETIME_ORIGINAL: "2026:11:20 09:41:07", BODY_SERIAL: SERIAL}
    Image.new("RGB", (64, 48), "orange").save(path, exif=exif.tobytes())
    return path


MAKERS: tuple[Callable[[Path], object], ...] = (
    _oriented,
    _heic,
    _cmyk,
    _progressive,
    _truncated,
    _bad_exif,
    _empty_gps,
    _sixteen_bit,
    lambda folder: phone_photo(folder / "phone.jpg"),
)


def write_all(folder: Path) -> Path:
    """Every test photo, written into ``folder`` (made if need be)."""
    folder.mkdir(parents=True, exist_ok=True)
    for make in MAKERS:
        make(folder)
    return folder


@functools.cache
def folder() -> Path:
    """The test photos, made once per process in a temporary folder removed when the process ends."""
    made = Path(tempfile.mkdtemp(prefix="safety-assess-photos-"))
    atexit.register(shutil.rmtree, made, ignore_errors=True)
    return write_all(made / "photos")
