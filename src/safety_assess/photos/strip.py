"""Metadata taken out of a JPEG without decoding it: the picture stays bit for bit, the EXIF (GPS, camera serial,
times), XMP, IPTC and comments go. The orientation survives, in a new minimal EXIF block, so the photo still shows
upright."""

from __future__ import annotations

import struct

from PIL import Image

from safety_assess.photos.decode import PhotoError

SOI, EOI, SOS, APP0 = b"\xff\xd8", 0xD9, 0xDA, 0xE0
APP1, APP13, COM = 0xE1, 0xED, 0xFE
STANDALONE = {0x01, *range(0xD0, 0xD8)}  # markers without a length field (TEM, RST0-7)
METADATA = {APP1, APP13, COM}
"""EXIF and XMP (APP1), Photoshop/IPTC (APP13), comments; other APPn (JFIF, ICC colour, Adobe) stay."""
ORIENTATION_TAG = 0x0112


def strip_jpeg(data: bytes, orientation: int = 1) -> bytes:
    """``data`` without its metadata segments; ``orientation`` (1-8) is written back when it is not 1."""
    if not data.startswith(SOI):
        raise PhotoError("not a JPEG file")
    out, position = [SOI], 2
    inserted = False
    while True:
        marker, position = _marker(data, position)
        if marker == SOS:
            out.append(data[position - 2 :])  # the scan and everything after it, as it is
            return b"".join(out)
        if marker in STANDALONE:
            out.append(bytes((0xFF, marker)))
            continue
        segment, position = _segment(data, position, marker)
        if not inserted and marker != APP0:  # after a JFIF header, before anything else
            out.append(_orientation_segment(orientation))
            inserted = True
        if marker not in METADATA:
            out.append(segment)


def _marker(data: bytes, position: int) -> tuple[int, int]:
    while position < len(data) and data[position] == 0xFF and position + 1 < len(data) and data[position + 1] == 0xFF:
        position += 1  # fill bytes
    if position + 1 >= len(data) or data[position] != 0xFF:
        raise PhotoError("the JPEG structure is damaged")
    marker = data[position + 1]
    if marker == EOI:
        raise PhotoError("the JPEG has no image data")
    return marker, position + 2


def _segment(data: bytes, position: int, marker: int) -> tuple[bytes, int]:
    if position + 2 > len(data):
        raise PhotoError("the JPEG ends in the middle of a header")
    (length,) = struct.unpack(">H", data[position : position + 2])
    end = position + length
    if length < 2 or end > len(data):
        raise PhotoError("the JPEG structure is damaged")
    return bytes((0xFF, marker)) + data[position:end], end


def _orientation_segment(orientation: int) -> bytes:
    if orientation == 1:
        return b""
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = orientation
    payload = b"Exif\x00\x00" + exif.tobytes()
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
