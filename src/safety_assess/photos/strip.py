"""A JPEG reduced to what decoding it needs, without decoding it: the picture stays bit for bit.

Kept: the frame, the quantisation and Huffman tables, the restart interval and the scans of the primary image, a
plain JFIF header and Adobe's colour-transform flag (rewritten from scratch, so nothing else they may hold comes
along). Dropped: EXIF and XMP (GPS, camera serial, times), IPTC and Photoshop blocks, comments, the ICC colour profile,
every other APPn (MPF indexes, maker blocks, JUMBF), and everything after the primary image's end marker: the
secondary images of multi-picture files (gain maps, depth maps) and the video of motion photos. The orientation
survives in a new EXIF block holding that one tag, so the photo still shows upright. See docs/photo-privacy.md.
"""

from __future__ import annotations

import re
import struct

from PIL import Image

from safety_assess.photos.decode import PhotoError

SOI, EOI, SOS, APP0, APP14 = b"\xff\xd8", 0xD9, 0xDA, 0xE0, 0xEE
STANDALONE = {0x01, *range(0xD0, 0xD8)}  # markers without a length field (TEM, RST0-7)
FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
TABLES = {0xC4, 0xCC, 0xDB, 0xDD, 0xDC}  # DHT, DAC, DQT, DRI, DNL
ORIENTATION_TAG = 0x0112
JFIF = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
"""JFIF 1.01, no units, square pixels, no thumbnail."""
NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
"""The end of a scan's entropy-coded data: 0xFF followed by neither a stuffed zero, a restart nor a fill byte."""


def strip_jpeg(data: bytes, orientation: int = 1) -> bytes:
    """The primary image of ``data`` with nothing but what decoding needs; ``orientation`` (1-8) is written back
    when it is not 1. PhotoError when the file is not a whole JPEG."""
    if not data.startswith(SOI):
        raise PhotoError("not a JPEG file")
    prologue: list[bytes] = []
    body: list[bytes] = []
    jfif, adobe, position = False, b"", 2
    while True:
        marker, position = _marker(data, position)
        if marker == EOI:
            if not body:
                raise PhotoError("the JPEG has no image data")
            body.append(bytes((0xFF, EOI)))  # and nothing after it
            break
        if marker in STANDALONE:
            continue
        start = position - 2
        segment, position = _segment(data, position, marker)
        if marker == SOS:
            position = _scan_end(data, position)
            body.append(data[start:position])
        elif marker in FRAMES or marker in TABLES:
            (body if body else prologue).append(segment)
        elif marker == APP0 and segment[4:9] == b"JFIF\x00" and len(segment) >= 18:  # as short, decoders ignore it
            jfif = True
        elif marker == APP14 and segment[4:9] == b"Adobe" and len(segment) >= 16:
            adobe = _adobe(segment[15])
    head = [SOI, JFIF if jfif else b"", _orientation_segment(orientation), adobe]
    return b"".join(head + prologue + body)


def _marker(data: bytes, position: int) -> tuple[int, int]:
    while position + 1 < len(data) and data[position] == 0xFF and data[position + 1] == 0xFF:
        position += 1  # fill bytes
    if position + 1 >= len(data):
        raise PhotoError("the JPEG ends before its image data does: the file is incomplete")
    if data[position] != 0xFF:
        raise PhotoError("the JPEG structure is damaged")
    return data[position + 1], position + 2


def _segment(data: bytes, position: int, marker: int) -> tuple[bytes, int]:
    if position + 2 > len(data):
        raise PhotoError("the JPEG ends in the middle of a header: the file is incomplete")
    (length,) = struct.unpack(">H", data[position : position + 2])
    end = position + length
    if length < 2 or end > len(data):
        raise PhotoError("the JPEG structure is damaged")
    return bytes((0xFF, marker)) + data[position:end], end


def _scan_end(data: bytes, position: int) -> int:
    found = NEXT_MARKER.search(data, position)
    if found is None:
        raise PhotoError("the JPEG ends before its image data does: the file is incomplete")
    return found.start()


def _adobe(transform: int) -> bytes:
    """Adobe's APP14 block with only the colour transform (0 none, 1 YCbCr, 2 YCCK; decoders read other values
    their own way, so the byte is kept as it is), which decoders need."""
    payload = b"Adobe" + struct.pack(">HHHB", 100, 0, 0, transform)
    return b"\xff\xee" + struct.pack(">H", len(payload) + 2) + payload


def _orientation_segment(orientation: int) -> bytes:
    if orientation == 1:
        return b""
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = orientation
    payload = b"Exif\x00\x00" + exif.tobytes()
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
