"""Photos refused before they cost memory, and every refusal in plain words naming the file."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from safety_assess.photos.decode import DECODE_BUDGET, MAX_PIXELS, PhotoError, decode_bytes_per_pixel, open_image
from safety_assess.photos.render import renditions


def png_header(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims ``width`` x ``height`` (the pixel data is a token: only the header is read)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))  # noqa: E731
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    )
    return path


def test_a_png_too_large_to_decode_within_the_budget_is_refused_from_its_header(tmp_path: Path) -> None:
    with pytest.raises(
        PhotoError, match=r"big\.png: at 100 MP, this PNG needs more memory to open than the app allows"
    ):
        open_image(png_header(tmp_path / "big.png", 10_000, 10_000))
    with pytest.raises(PhotoError, match=r"huge\.png: 30000 x 10000 pixels is larger than the 200 MP limit"):
        open_image(png_header(tmp_path / "huge.png", 30_000, 10_000))
    with open_image(png_header(tmp_path / "fits.png", 6_000, 4_000)) as image:
        assert image.size == (6_000, 4_000)


def test_the_budget_per_pixel_follows_how_each_format_decodes(tmp_path: Path) -> None:
    picture = Image.new("RGB", (64, 64), "grey")
    picture.save(tmp_path / "base.jpg", quality=80)
    picture.save(tmp_path / "prog.jpg", quality=80, progressive=True)
    picture.save(tmp_path / "prog444.jpg", quality=80, progressive=True, subsampling=0)
    costs = {}
    for name in ("base.jpg", "prog.jpg", "prog444.jpg"):
        with Image.open(tmp_path / name) as image:
            costs[name] = decode_bytes_per_pixel(image)
    assert costs["base.jpg"] < 1 < costs["prog.jpg"] < costs["prog444.jpg"]
    assert DECODE_BUDGET / costs["base.jpg"] >= MAX_PIXELS  # baseline JPEGs are decoded reduced: up to the limit


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"just some words", "not an image this app can read"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "the file ends before its image data does|the image data is damaged"),
    ],
)
def test_bad_files_are_refused_in_plain_words(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(content)
    with pytest.raises(PhotoError, match=rf"photo\.jpg: ({message})") as raised:
        renditions(path)
    assert "Errno" not in str(raised.value) and "PIL" not in str(raised.value)


def test_a_folder_and_a_png_with_huge_text_are_refused_in_plain_words(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    with pytest.raises(PhotoError, match=r"photos: is a folder, not a photo"):
        open_image(tmp_path / "photos")
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "x" * (PngImagePlugin.MAX_TEXT_CHUNK + 10), zip=True)
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG", pnginfo=info)
    (tmp_path / "notes.png").write_bytes(out.getvalue())
    with pytest.raises(PhotoError, match=r"notes\.png: it carries more text metadata than the app reads") as raised:
        open_image(tmp_path / "notes.png")
    assert "MAX_TEXT_CHUNK" not in str(raised.value)


def test_photos_adopted_in_a_batch_are_made_durable_with_one_flush(tmp_path: Path) -> None:
    import hashlib
    import sys

    from safety_assess.photos import store as store_module
    from safety_assess.photos.store import PhotoStore

    store = PhotoStore(tmp_path / "photos")
    sources = []
    for n in range(3):
        source = tmp_path / f"in-{n}.jpg"
        source.write_bytes(b"photo %d" % n)
        sources.append((source, hashlib.sha256(source.read_bytes()).hexdigest()))
    adopted = [store.adopt(source, sha, "jpg", flush=False) for source, sha in sources]
    store.sync()
    assert [path.read_bytes() for path in adopted] == [b"photo 0", b"photo 1", b"photo 2"]
    assert (store_module._syncfs is not None) == sys.platform.startswith("linux")


def baseline_jpeg(width: int, height: int, *, one_scan: bool) -> bytes:
    """A valid baseline JPEG of flat grey, its colours in one scan or in three (one per component)."""

    def segment(marker: int, payload: bytes) -> bytes:
        return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload

    code = bytes([1] + [0] * 15) + b"\x00"  # one code of one bit: symbol 0 (DC: no change; AC: end of block)
    head = segment(0xDB, b"\x00" + bytes([1] * 64))
    head += segment(0xC0, struct.pack(">BHHB", 8, height, width, 3) + b"".join(bytes([c, 0x11, 0]) for c in (1, 2, 3)))
    head += segment(0xC4, b"\x00" + code) + segment(0xC4, b"\x10" + code)
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    scans = [(1, 2, 3)] if one_scan else [(1,), (2,), (3,)]
    body = b""
    for components in scans:
        header = bytes([len(components)]) + b"".join(bytes([c, 0]) for c in components) + b"\x00\x3f\x00"
        bits = blocks * len(components) * 2  # a 0 bit for DC, a 0 bit for the end of block, per block
        body += (
            segment(0xDA, header) + b"\x00" * (bits // 8) + (bytes([(1 << (8 - bits % 8)) - 1]) if bits % 8 else b"")
        )
    return b"\xff\xd8" + head + body + b"\xff\xd9"


def test_a_baseline_jpeg_with_a_scan_per_colour_is_budgeted_like_a_progressive_one(tmp_path: Path) -> None:
    costs = {}
    for one_scan in (True, False):
        path = tmp_path / f"{one_scan}.jpg"
        path.write_bytes(baseline_jpeg(64, 48, one_scan=one_scan))
        with open_image(path) as image:
            assert image.convert("RGB").getpixel((10, 10)) == (128, 128, 128)  # a real picture either way
            costs[one_scan] = decode_bytes_per_pixel(image)
    assert costs[True] < 1 < costs[False]
