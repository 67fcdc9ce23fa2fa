"""Plan files the site-plan tests import: images carrying metadata that must not be kept, PDFs, and bad files."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw, PngImagePlugin

SECRET = "Drawn by J. Smith, Facilities"
"""Text each metadata-laden file carries; a stored plan must not hold it anywhere."""
GPS_IFD, ORIENTATION = 0x8825, 0x0112


def drawing(size: tuple[int, int] = (400, 300)) -> Image.Image:
    """A plan-like picture: a white sheet with a building's outline and a mark at its top left."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, size[0] - 40, size[1] - 40), outline="black", width=4)
    draw.rectangle((0, 0, 20, 20), fill="red")
    return image


def png_with_metadata(path: Path, size: tuple[int, int] = (400, 300)) -> Path:
    """A PNG with text chunks, an ICC profile, EXIF and data after its end."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SECRET)
    info.add_itxt("Description", SECRET)
    exif = Image.Exif()
    exif[0x013B] = SECRET  # Artist
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    drawing(size).save(path, "PNG", pnginfo=info, exif=exif.tobytes(), icc_profile=profile)
    with path.open("ab") as handle:
        handle.write(b"trailing " + SECRET.encode())
    return path


def jpeg_with_metadata(path: Path, size: tuple[int, int] = (400, 300), orientation: int = 6) -> Path:
    """A JPEG stored turned (EXIF orientation 6: shown a quarter turn clockwise), with GPS, an artist, a comment,
    an ICC profile and data after its end."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x013B] = SECRET
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (45.0, 30.0, 0.0), 3: "W", 4: (122.0, 40.0, 0.0)})
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    drawing(size).save(path, "JPEG", exif=exif.tobytes(), icc_profile=profile, comment=SECRET.encode())
    with path.open("ab") as handle:
        handle.write(b"trailing " + SECRET.encode())
    return path


def pdf(path: Path, pages: int = 2, size: tuple[int, int] = (400, 300)) -> Path:
    """A PDF of ``pages`` pages, each a drawing (Pillow writes it)."""
    first, *rest = [drawing(size) for _ in range(pages)]
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=72.0)
    return path


def png_bytes(size: tuple[int, int] = (400, 300)) -> bytes:
    out = io.BytesIO()
    drawing(size).save(out, "PNG")
    return out.getvalue()


def huge_png(path: Path, width: int = 15_000, height: int = 15_000) -> Path:
    """A PNG whose header claims ``width`` x ``height`` pixels (225 MP by default), with almost no data: it is
    refused from its header, before anything is decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\x00" * 64)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path


def png_chunks(data: bytes) -> list[str]:
    """The chunk types of a PNG, in order."""
    kinds, position = [], 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kinds.append(data[position + 4 : position + 8].decode("ascii"))
        position += 12 + length
    return kinds


def jpeg_markers(data: bytes) -> list[int]:
    """The markers of a JPEG's segments before its first scan."""
    markers, position = [], 2
    while position < len(data):
        marker = data[position + 1]
        markers.append(marker)
        if marker == 0xDA:
            break
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        position += 2 + length
    return markers
