"""Photos as phones make them, built here, with a marker string planted in every place metadata can hide.

Each builder writes a file and returns the markers it planted; a privacy test then looks for every marker in every
byte that leaves the laptop. The picture itself is a plain gradient with no text, so a marker can only come from
metadata.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms, PngImagePlugin, TiffImagePlugin

GPS = {1: "N", 2: (40.0, 42.0, 46.08), 3: "W", 4: (74.0, 0.0, 21.6)}


def picture(size: tuple[int, int] = (96, 64)) -> Image.Image:
    """A gradient with an asymmetric corner, no text."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste((200, 30, 30), (0, 0, size[0] // 4, size[1] // 4))
    return image


def exif_block(tag: str) -> Image.Exif:
    """EXIF with camera, serial, maker note, times, description, artist and a GPS position, each marked."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = f"MARK-{tag}-MAKE", f"MARK-{tag}-MODEL"
    exif[0x010E], exif[0x013B] = f"MARK-{tag}-DESCRIPTION", f"MARK-{tag}-ARTIST"
    exif[0x0131] = f"MARK-{tag}-SOFTWARE"
    exif[0x8769] = {
        0x9003: "2026:11:20 09:41:07",
        0xA431: f"MARK-{tag}-SERIAL",
        0x927C: f"MARK-{tag}-MAKERNOTE".encode(),
        0x9286: f"MARK-{tag}-USERCOMMENT",
    }
    exif[0x8825] = {**GPS, 0x1B: f"MARK-{tag}-GPSMETHOD"}
    return exif


def xmp_packet(tag: str) -> bytes:
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="40,42.768N" '
        f'exif:GPSLongitude="74,0.36W" exif:BodySerialNumber="MARK-{tag}-XMP"/></rdf:RDF></x:xmpmeta>'
    ).encode()


def segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _jpeg(image: Image.Image, tag: str, **extra: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif_block(tag).tobytes(), comment=f"MARK-{tag}-COM", **extra)
    return out.getvalue()


def phone_jpeg(path: Path, *, progressive: bool = False, orientation: int = 1) -> list[str]:
    """A JPEG carrying: EXIF (GPS, serial, maker note...), XMP with GPS, a comment, a JFIF thumbnail, an ICC
    profile, MPF, Photoshop/IPTC, every other APPn; then, after the image, a second picture (an MPF depth or gain
    map with its own EXIF) and a motion-photo video with a location atom."""
    image = picture()
    exif = exif_block("EXIF")
    if orientation != 1:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(
        out,
        "JPEG",
        quality=90,
        exif=exif.tobytes(),
        comment="MARK-COM",
        xmp=xmp_packet("XMPAPP1"),
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        progressive=progressive,
    )
    data = out.getvalue()
    planted = [
        segment(0xE0, b"JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x03\x01MARK-JFIF"),  # a 3 x 1 thumbnail of 9 bytes
        segment(0xE2, b"ICC_PROFILE\x00\x01\x01MARK-ICC"),
        segment(0xE2, b"MPF\x00MARK-MPF"),
        segment(0xED, b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0c\x1c\x02\x78\x00\x08MARK-IPTC"),
        *(segment(0xE0 + n, f"MARK-APP{n}".encode()) for n in range(3, 16) if n != 13),
        segment(0xFE, b"MARK-COM2"),
    ]
    second = _jpeg(picture((32, 24)), "SECOND")
    video = _box(b"ftyp", b"mp42\x00\x00\x00\x00isom") + _box(
        b"moov", _box(b"udta", _box(b"\xa9xyz", b"\x00\x11\x15\xc7+40.7128-074.0060/MARK-VIDEO"))
    )
    path.write_bytes(data[:2] + b"".join(planted) + data[2:] + second + video)
    return [
        *(f"MARK-EXIF-{k}" for k in ("MAKE", "MODEL", "DESCRIPTION", "ARTIST", "SOFTWARE", "SERIAL")),
        *(f"MARK-EXIF-{k}" for k in ("MAKERNOTE", "USERCOMMENT", "GPSMETHOD")),
        "MARK-COM",
        "MARK-COM2",
        "MARK-XMPAPP1-XMP",
        "MARK-JFIF",
        "MARK-ICC",
        "MARK-MPF",
        "MARK-IPTC",
        *(f"MARK-APP{n}" for n in range(3, 16) if n != 13),
        "MARK-SECOND",
        "MARK-VIDEO",
        "+40.7128-074.0060",
        "adobe:ns:meta",
    ]


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload) + 8) + kind + payload


def phone_png(path: Path) -> list[str]:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "MARK-PNG-TEXT")
    info.add_text("Author", "MARK-PNG-ZTXT", zip=True)
    info.add_itxt("XML:com.adobe.xmp", xmp_packet("PNGITXT").decode(), zip=False)
    picture().save(path, "PNG", pnginfo=info, exif=exif_block("PNG").tobytes())
    return ["MARK-PNG-TEXT", "MARK-PNG-ZTXT", "MARK-PNGITXT-XMP", "MARK-PNG-SERIAL", "MARK-PNG-MODEL"]


def phone_webp(path: Path) -> list[str]:
    picture().save(path, "WEBP", exif=exif_block("WEBP").tobytes(), xmp=xmp_packet("WEBPXMP"), quality=90)
    return ["MARK-WEBP-SERIAL", "MARK-WEBP-MODEL", "MARK-WEBPXMP-XMP"]


def phone_tiff(path: Path, orientation: int = 1) -> list[str]:
    tags = TiffImagePlugin.ImageFileDirectory_v2()
    tags[0x010E], tags[0x013B], tags[0x010F] = "MARK-TIFF-DESCRIPTION", "MARK-TIFF-ARTIST", "MARK-TIFF-MAKE"
    tags[0x0112] = orientation
    picture().save(path, "TIFF", tiffinfo=tags, compression="tiff_lzw")
    return ["MARK-TIFF-DESCRIPTION", "MARK-TIFF-ARTIST", "MARK-TIFF-MAKE"]


def phone_heic(path: Path) -> list[str]:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    picture((64, 48)).save(path, "HEIF", quality=50, exif=exif_block("HEIC").tobytes(), xmp=xmp_packet("HEICXMP"))
    return ["MARK-HEIC-SERIAL", "MARK-HEIC-MODEL", "MARK-HEICXMP-XMP"]


def found_markers(data: bytes, markers: list[str]) -> list[str]:
    """The markers present in ``data``, as they are or inside zlib streams (PNG text, PDF streams)."""
    found = [m for m in markers if m.encode() in data]
    return found or [m for m in markers for text in _inflated(data) if m.encode() in text]


def _inflated(data: bytes) -> list[bytes]:
    out = []
    for start in range(len(data) - 1):
        if data[start] == 0x78 and data[start + 1] in (0x01, 0x5E, 0x9C, 0xDA):
            try:
                out.append(zlib.decompressobj().decompress(data[start : start + 4_000_000]))
            except zlib.error:
                continue
    return out
