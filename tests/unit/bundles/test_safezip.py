"""safezip refuses hostile archives before extraction and reads entries without trusting their declared sizes.

Every hostile archive is built here by hand: with zipfile where it will write it, else by patching the bytes.
"""

from __future__ import annotations

import os
import random
import stat
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from safety_assess.bundles.safezip import BundleError, Entry, Limits, inspect, read_entry, stream_entry

MANIFEST = b'{"format":"safety-assess-bundle","format_version":1}' * 20
PHOTO_A = bytes(random.Random(1).randrange(256) for _ in range(3000))
PHOTO_B = bytes(random.Random(2).randrange(256) for _ in range(5000))
GOOD = [
    ("manifest.json", MANIFEST, zipfile.ZIP_DEFLATED),
    ("photos/a.jpg", PHOTO_A, zipfile.ZIP_STORED),
    ("photos/b.jpg", PHOTO_B, zipfile.ZIP_STORED),
]
CENTRAL, LOCAL, END = b"PK\x01\x02", b"PK\x03\x04", b"PK\x05\x06"
# Field offsets inside a central directory record, a local file header and the end record.
C_FLAGS, C_METHOD, C_CRC, C_PACKED, C_SIZE, C_OFFSET = 8, 10, 16, 20, 24, 42
L_METHOD = 8
E_ENTRIES = 8  # entries on this disk, then entries in all, in the end record

MIB = 1024 * 1024
Item = tuple[str, bytes, int]


def make_zip(path: Path, items: list[Item], tweak: Callable[[zipfile.ZipInfo], None] | None = None) -> Path:
    """Write `items` (name, content, method) with zipfile; `tweak` may change each ZipInfo before it is written."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names
        with zipfile.ZipFile(path, "w") as archive:
            for name, content, method in items:
                info = zipfile.ZipInfo(name, date_time=(2024, 5, 1, 12, 0, 0))
                info.compress_type = method
                if tweak:
                    tweak(info)
                archive.writestr(info, content)
    return path


def good(tmp_path: Path) -> Path:
    return make_zip(tmp_path / "bundle.sabundle", GOOD)


def record_at(data: bytes, signature: bytes, index: int) -> int:
    """Offset of the index-th record starting with `signature`."""
    position = -1
    for _ in range(index + 1):
        position = data.index(signature, position + 1)
    return position


def patch(path: Path, signature: bytes, index: int, field: int, fmt: str, *values: int) -> Path:
    """Overwrite fields of the index-th record with that signature, from offset `field` on."""
    data = bytearray(path.read_bytes())
    struct.pack_into(fmt, data, record_at(bytes(data), signature, index) + field, *values)
    path.write_bytes(bytes(data))
    return path


def replace_bytes(path: Path, old: bytes, new: bytes, count: int = -1) -> Path:
    data = path.read_bytes()
    assert old in data and len(old) == len(new)
    path.write_bytes(data.replace(old, new, count))
    return path


def refused(path: Path, *parts: str, limits: Limits | None = None) -> str:
    """Assert inspect refuses the archive with a message naming the file and holding every part."""
    with pytest.raises(BundleError) as caught:
        inspect(path, limits or Limits())
    message = str(caught.value)
    assert message.startswith(path.name + ": "), message
    assert "\n" not in message
    for part in parts:
        assert part in message, message
    return message


# --- the good archive ---


def test_good_archive_passes_and_reads_back_exactly(tmp_path: Path) -> None:
    path = good(tmp_path)
    entries = inspect(path)
    assert [(e.name, e.size, e.method) for e in entries] == [(n, len(c), m) for n, c, m in GOOD]
    assert entries[1].crc == zlib.crc32(PHOTO_A)
    for entry, (_, content, _) in zip(entries, GOOD, strict=True):
        assert read_entry(path, entry) == content
        chunks: list[bytes] = []
        stream_entry(path, entry, chunks.append, chunk=1000)
        assert b"".join(chunks) == content
        assert max(len(chunk) for chunk in chunks) <= 1000


def test_read_entry_limit_refuses_big_entries(tmp_path: Path) -> None:
    path = good(tmp_path)
    photo = inspect(path)[2]
    with pytest.raises(BundleError, match=r"entry 'photos/b\.jpg': it is too big to read"):
        read_entry(path, photo, limit=100)


def test_empty_entry_and_small_compressible_entry_pass(tmp_path: Path) -> None:
    zeros = bytes(64 * 1024)  # exactly 64 KiB: the ratio rule starts above it
    path = make_zip(tmp_path / "b.sabundle", [("empty.txt", b"", 8), ("zeros.bin", zeros, 8)])
    empty, big = inspect(path)
    assert read_entry(path, empty) == b""
    assert len(read_entry(path, big)) == 64 * 1024


def test_a_small_entry_of_zeros_past_the_floor_is_a_zip_bomb(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "b.sabundle", [("zeros.bin", bytes(MIB), 8)])  # 1 MiB from about 1 KB
    with pytest.raises(BundleError, match=r"entry 'zeros\.bin': it would expand from \d+ to 1048576 bytes"):
        inspect(path)


def test_many_small_entries_that_each_pass_are_refused_together(tmp_path: Path) -> None:
    """Each entry is under the per-entry floor; together they would expand far past the file's own size."""
    items = [(f"photos/{n:05d}.jpg", bytes(60 * 1024), 8) for n in range(400)]  # 23 MiB from about 100 KB
    path = make_zip(tmp_path / "b.sabundle", items)
    with pytest.raises(BundleError, match=r"b\.sabundle: its 400 entries would expand from \d+ to 24576000 bytes"):
        inspect(path)
    assert inspect(path, Limits(total_floor=32 * MIB))  # the same entries within a looser limit


def test_sink_errors_pass_through_unchanged(tmp_path: Path) -> None:
    path = good(tmp_path)

    def full_disk(_: bytes) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        stream_entry(path, inspect(path)[1], full_disk)


# --- not a zip, truncated, corrupt ---


@pytest.mark.parametrize(
    "content",
    [b"", os.urandom(2000), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" * 10, END + bytes(10)],
    ids=["empty", "random", "pdf", "half-end-record"],
)
def test_not_a_zip_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bundle.sabundle"
    path.write_bytes(content)
    refused(path, "not a readable zip archive")


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    refused(tmp_path / "missing.sabundle", "does not exist")
    (tmp_path / "folder.sabundle").mkdir()
    refused(tmp_path / "folder.sabundle", "not a regular file")


@pytest.mark.parametrize("keep", [10, 100, 3000, -1, -10, -22, -40])
def test_truncated_archive_is_refused(tmp_path: Path, keep: int) -> None:
    path = good(tmp_path)
    path.write_bytes(path.read_bytes()[:keep])
    refused(path, "not a readable zip archive")


def test_corrupt_central_directory_is_refused(tmp_path: Path) -> None:
    path = replace_bytes(good(tmp_path), CENTRAL, b"PK\x01\x09", count=2)
    refused(path, "not a readable zip archive", "central directory")


def test_trailing_data_is_refused(tmp_path: Path) -> None:
    path = good(tmp_path)
    path.write_bytes(path.read_bytes() + b"tail")
    refused(path, "unexpected data after the end")


def test_prepended_data_is_refused(tmp_path: Path) -> None:
    path = good(tmp_path)
    path.write_bytes(b"MZ" + bytes(100) + path.read_bytes())  # zipfile accepts this; a bundle never has it
    refused(path, "central directory is not where the end record says")


def test_entry_count_disagreeing_with_end_record_is_refused(tmp_path: Path) -> None:
    path = patch(good(tmp_path), END, 0, E_ENTRIES, "<HH", 2, 2)
    refused(path, "end record counts 2 entries but there are 3")


def to_zip64(path: Path, disks: int = 1, count: int | None = None) -> Path:
    """Rewrite the end of a small archive the zip64 way: zip64 end record and locator, then an end record of 0xFF."""
    data = path.read_bytes()
    end = data.rindex(END)
    entries, size, offset = struct.unpack_from("<HLL", data, end + 10)
    entries = entries if count is None else count
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, size, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, disks)
    tail = struct.pack("<4s4H2LH", END, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    path.write_bytes(data[:end] + record + locator + tail)
    return path


def test_zip64_end_records_are_read(tmp_path: Path) -> None:
    path = to_zip64(good(tmp_path))
    entries = inspect(path)
    assert [read_entry(path, entry) for entry in entries] == [content for _, content, _ in GOOD]


@pytest.mark.parametrize(
    ("disks", "count", "reason"),
    [(2, None, "multiple disks"), (1, 5, "end record counts 5 entries but there are 3")],
)
def test_bad_zip64_end_records_are_refused(tmp_path: Path, disks: int, count: int | None, reason: str) -> None:
    refused(to_zip64(good(tmp_path), disks, count), reason)


def test_archive_with_data_descriptors_passes(tmp_path: Path) -> None:
    """zipfile writing to a pipe puts the sizes after the data (flag bit 3): still a valid bundle."""

    class Pipe:
        def __init__(self) -> None:
            self.data = bytearray()

        def write(self, chunk: bytes) -> int:
            self.data += chunk
            return len(chunk)

        def flush(self) -> None:
            pass

    pipe = Pipe()
    with zipfile.ZipFile(pipe, "w") as archive:  # type: ignore[call-overload]
        for name, content, method in GOOD:
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=method)
    path = tmp_path / "bundle.sabundle"
    path.write_bytes(bytes(pipe.data))
    entries = inspect(path)
    with zipfile.ZipFile(path) as written:
        assert all(info.flag_bits & 0x08 for info in written.infolist())
    assert [read_entry(path, entry) for entry in entries] == [content for _, content, _ in GOOD]


# --- names ---


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.txt", "the name leaves the bundle's folder"),
        ("photos/../../evil.txt", "the name leaves the bundle's folder"),
        ("/etc/passwd", "absolute path"),
        ("C:\\evil.txt", "backslash"),
        ("c:evil.txt", "drive letter"),
        ("photos\\a.jpg", "backslash"),
        ("./a.txt", "'.' component"),
        ("photos//a.jpg", "empty component"),
        ("photos/", "folder entry"),
        ("tab\there.txt", "control character"),
        ("bell\x7f.txt", "control character"),
        ("x" * 256, "longer than 255 characters"),
        ("photos/a.jpg:stream", "Windows does not allow"),
        ("photos/CON.jpg", "Windows device name"),
        ("photos/trailing.", "ends with a dot or a space"),
    ],
)
def test_unsafe_names_are_refused(tmp_path: Path, name: str, reason: str) -> None:
    path = make_zip(tmp_path / "bundle.sabundle", [("manifest.json", b"{}", 8), (name, b"x", 0)])
    message = refused(path, reason)
    assert "entry '" in message


def test_exact_message_for_a_name_leaving_the_folder(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "bundle.sabundle", [("../evil.txt", b"x", 0)])
    assert refused(path) == "bundle.sabundle: entry '../evil.txt': the name leaves the bundle's folder"


def test_nul_byte_in_name_is_refused(tmp_path: Path) -> None:
    path = replace_bytes(make_zip(tmp_path / "bundle.sabundle", [("evil.txtX.jpg", b"x", 0)]), b"X.jpg", b"\0.jpg")
    refused(path, "entry 'evil.txt\\u0000.jpg'", "control character")


def test_non_ascii_name_without_utf8_flag_is_refused(tmp_path: Path) -> None:
    path = replace_bytes(make_zip(tmp_path / "bundle.sabundle", [("cafe.txt", b"x", 0)]), b"cafe", b"caf\x82")
    refused(path, "neither plain ASCII nor marked as UTF-8")


def test_invalid_utf8_name_with_utf8_flag_is_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "bundle.sabundle", [("caf\u00e9.txt", b"x", 0)])
    refused(replace_bytes(path, "\u00e9".encode(), b"\xff\xfe"), "not valid UTF-8")


def test_utf8_flagged_name_is_accepted(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "bundle.sabundle", [("photos/caf\u00e9.jpg", b"x", 0)])
    assert [entry.name for entry in inspect(path)] == ["photos/caf\u00e9.jpg"]


@pytest.mark.parametrize(
    ("first", "second", "reason"),
    [
        ("photos/a.jpg", "photos/a.jpg", "the name appears twice"),
        ("photos/A.jpg", "photos/a.jpg", "collides with 'photos/A.jpg'"),
        ("caf\u00e9.txt", "cafe\u0301.txt", "collides with"),
        ("photos", "photos/a.jpg", "its folder 'photos' is also a file"),
    ],
)
def test_colliding_names_are_refused(tmp_path: Path, first: str, second: str, reason: str) -> None:
    path = make_zip(tmp_path / "bundle.sabundle", [(first, b"1", 0), (second, b"2", 0)])
    refused(path, reason)


# --- kinds of entry ---


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        (stat.S_IFLNK | 0o777, "symbolic link"),
        (stat.S_IFDIR | 0o755, "not a regular file"),
        (stat.S_IFIFO | 0o644, "not a regular file"),
        (stat.S_IFCHR | 0o644, "not a regular file"),
    ],
)
def test_links_and_special_files_are_refused(tmp_path: Path, mode: int, reason: str) -> None:
    def unix_mode(info: zipfile.ZipInfo) -> None:
        info.create_system = 3
        info.external_attr = mode << 16

    path = make_zip(tmp_path / "bundle.sabundle", [("link.jpg", b"/etc/passwd", 0)], tweak=unix_mode)
    refused(path, "entry 'link.jpg'", reason)


def test_regular_unix_file_is_accepted(tmp_path: Path) -> None:
    def unix_mode(info: zipfile.ZipInfo) -> None:
        info.create_system = 3
        info.external_attr = (stat.S_IFREG | 0o644) << 16

    assert inspect(make_zip(tmp_path / "bundle.sabundle", [("a.jpg", b"x", 0)], tweak=unix_mode))


def test_dos_folder_attribute_is_refused(tmp_path: Path) -> None:
    def dos_folder(info: zipfile.ZipInfo) -> None:
        info.create_system = 0
        info.external_attr = 0x10

    refused(make_zip(tmp_path / "bundle.sabundle", [("a.jpg", b"x", 0)], tweak=dos_folder), "not a regular file")


def test_encrypted_entry_is_refused(tmp_path: Path) -> None:
    path = patch(good(tmp_path), CENTRAL, 1, C_FLAGS, "<H", 0x01)
    refused(path, "entry 'photos/a.jpg'", "it is encrypted")


@pytest.mark.parametrize("method", [12, 14, 99, 1])
def test_unknown_compression_method_is_refused(tmp_path: Path, method: int) -> None:
    path = patch(good(tmp_path), CENTRAL, 0, C_METHOD, "<H", method)
    refused(path, "entry 'manifest.json'", f"compression method {method}")


# --- sizes and zip bombs ---


def test_too_many_entries_is_refused(tmp_path: Path) -> None:
    refused(good(tmp_path), "3 entries; at most 2", limits=Limits(max_entries=2))


def test_entry_too_big_is_refused(tmp_path: Path) -> None:
    refused(good(tmp_path), "entry 'photos/a.jpg'", "too big (3000 bytes", limits=Limits(max_entry_size=2000))


def test_total_too_big_is_refused(tmp_path: Path) -> None:
    refused(good(tmp_path), "add up to", limits=Limits(max_total_size=7000))


def test_high_ratio_bomb_is_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "bundle.sabundle", [("bomb.json", bytes(8 * 1024 * 1024), 8)])
    refused(path, "entry 'bomb.json'", "zip bomb")


def test_ratio_limit_is_configurable(tmp_path: Path) -> None:
    noise = random.Random(3).randbytes(1024 * 1024)
    path = make_zip(tmp_path / "bundle.sabundle", [("half.bin", noise + bytes(1024 * 1024), 8)])
    assert inspect(path)
    refused(path, "zip bomb", limits=Limits(max_ratio=1.5))


def test_stored_entry_with_two_different_sizes_is_refused(tmp_path: Path) -> None:
    path = patch(good(tmp_path), CENTRAL, 1, C_PACKED, "<L", 2000)
    refused(path, "entry 'photos/a.jpg'", "stored uncompressed but declares 2000 bytes stored for 3000")


# --- layout: overlaps and local headers ---


def test_overlapping_entries_are_refused(tmp_path: Path) -> None:
    """The overlap zip bomb: two central directory records share one local header and its data."""
    path = make_zip(tmp_path / "bundle.sabundle", [("a.bin", bytes(1000), 8), ("b.bin", bytes(1000), 8)])
    patch(path, CENTRAL, 1, C_OFFSET, "<L", 0)
    refused(path, "entry 'a.bin'", "overlaps the next entry")


def test_data_running_into_central_directory_is_refused(tmp_path: Path) -> None:
    path = patch(good(tmp_path), CENTRAL, 2, C_PACKED, "<L", len(PHOTO_B) + 50)
    patch(path, CENTRAL, 2, C_SIZE, "<L", len(PHOTO_B) + 50)
    refused(path, "entry 'photos/b.jpg'", "overlaps the next entry or the central directory")


def test_wrong_local_header_signature_is_refused(tmp_path: Path) -> None:
    path = replace_bytes(good(tmp_path), LOCAL, b"PK\x03\x05", count=1)
    refused(path, "entry 'manifest.json'", "local header has a wrong signature")


def test_local_header_naming_another_file_is_refused(tmp_path: Path) -> None:
    path = replace_bytes(good(tmp_path), b"photos/a.jpg", b"photos/x.jpg", count=1)  # the local header comes first
    refused(path, "entry 'photos/a.jpg'", "local header names a different file")


def test_local_header_with_another_method_is_refused(tmp_path: Path) -> None:
    path = patch(good(tmp_path), LOCAL, 1, L_METHOD, "<H", 8)
    refused(path, "entry 'photos/a.jpg'", "local header disagrees")


def test_local_header_offset_past_the_file_is_refused(tmp_path: Path) -> None:
    path = patch(good(tmp_path), CENTRAL, 2, C_OFFSET, "<L", 0xFFFFFFF0)
    refused(path, "entry 'photos/b.jpg'")


# --- reading: sizes that lie, CRC, truncated data ---


def lying_size(tmp_path: Path, declared: int) -> tuple[Path, Entry]:
    """A deflated 100 000-byte entry whose central directory declares `declared` bytes."""
    content = random.Random(5).randbytes(100_000)  # does not compress: no ratio rule applies
    path = make_zip(tmp_path / "bundle.sabundle", [("data.json", content, 8)])
    patch(path, CENTRAL, 0, C_SIZE, "<L", declared)
    (entry,) = inspect(path)
    assert entry.size == declared
    return path, entry


@pytest.mark.parametrize("declared", [0, 1, 50_000, 99_999])
def test_stream_never_gives_more_than_the_declared_size(tmp_path: Path, declared: int) -> None:
    path, entry = lying_size(tmp_path, declared)
    given: list[bytes] = []
    with pytest.raises(BundleError, match=r"entry 'data\.json': .*(CRC|more than)"):
        stream_entry(path, entry, given.append, chunk=4096)
    assert sum(map(len, given)) <= declared


def test_entry_inflating_to_fewer_bytes_than_declared_is_refused(tmp_path: Path) -> None:
    path, entry = lying_size(tmp_path, 150_000)
    with pytest.raises(BundleError, match=r"entry 'data\.json': its data ends after 100000 of its 150000 bytes"):
        read_entry(path, entry)


def test_crc_mismatch_is_refused(tmp_path: Path) -> None:
    path = patch(good(tmp_path), CENTRAL, 1, C_CRC, "<L", zlib.crc32(PHOTO_A) ^ 1)
    entry = inspect(path)[1]
    with pytest.raises(BundleError, match=r"entry 'photos/a\.jpg': .*CRC"):
        read_entry(path, entry)


@pytest.mark.parametrize("index", [0, 1])
def test_damaged_data_is_refused(tmp_path: Path, index: int) -> None:
    path = good(tmp_path)
    entry = inspect(path)[index]
    data = bytearray(path.read_bytes())
    data[record_at(bytes(data), LOCAL, index) + 30 + len(entry.name) + 5] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(BundleError, match=f"entry '{entry.name}': "):
        read_entry(path, entry)


def test_entry_from_another_archive_is_refused(tmp_path: Path) -> None:
    path = good(tmp_path)
    entry = inspect(path)[1]
    with pytest.raises(BundleError, match="not in the bundle"):
        read_entry(path, Entry("photos/z.jpg", entry.size, entry.compressed_size, entry.crc, entry.method))
    with pytest.raises(BundleError, match="changed since it was checked"):
        read_entry(path, Entry(entry.name, entry.size + 1, entry.compressed_size, entry.crc, entry.method))
    with pytest.raises(BundleError, match="compression method 12"):
        read_entry(path, Entry(entry.name, entry.size, entry.compressed_size, entry.crc, 12))


def test_archive_removed_after_inspection_is_refused(tmp_path: Path) -> None:
    path = good(tmp_path)
    entry = inspect(path)[0]
    path.unlink()
    with pytest.raises(BundleError, match="does not exist"):
        read_entry(path, entry)


def test_random_damage_only_ever_raises_bundle_error(tmp_path: Path) -> None:
    """Flip bytes anywhere in a good archive: inspect and reading either succeed or raise BundleError, nothing else."""
    original = good(tmp_path).read_bytes()
    rng = random.Random(7)
    path = tmp_path / "damaged.sabundle"
    for _ in range(300):
        data = bytearray(original)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
        try:
            for entry in inspect(path):
                given: list[bytes] = []
                stream_entry(path, entry, given.append)
                assert sum(map(len, given)) == entry.size
        except BundleError as error:
            assert str(error).startswith("damaged.sabundle: ") and "\n" not in str(error)
