"""Raw reading of a zip archive's layout: the end records and the local file headers, straight from the bytes.

``zipfile`` reads the central directory; this module checks what it trusts: that the central directory is where the
end record says, with nothing before the archive or after its end, and that each entry's local header is sound,
agrees with the central directory and leaves room for the entry's data without overlapping the next entry.
``safezip`` turns the LayoutError raised here into its user-facing BundleError. Standard library only.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from typing import BinaryIO, Final

END_SIGNATURE: Final = b"PK\x05\x06"
ZIP64_LOCATOR_SIGNATURE: Final = b"PK\x06\x07"
ZIP64_END_SIGNATURE: Final = b"PK\x06\x06"
LOCAL_SIGNATURE: Final = b"PK\x03\x04"

# signature, disk, disk with directory, entries on disk, entries, directory size, directory offset, comment length
END_RECORD: Final = struct.Struct("<4s4H2LH")
# signature, disk with the zip64 end record, its offset, number of disks
ZIP64_LOCATOR: Final = struct.Struct("<4sLQL")
# signature, record size, made by, needed, disk, disk with directory, entries on disk, entries, size, offset
ZIP64_END_RECORD: Final = struct.Struct("<4sQ2H2L4Q")
# signature, needed, flags, method, time, date, crc, compressed size, size, name length, extra length
LOCAL_HEADER: Final = struct.Struct("<4s5H3L2H")
MAX_COMMENT: Final = 0xFFFF
FLAG_ENCRYPTED: Final = 0x01
FLAG_UTF8: Final = 0x800


class LayoutError(Exception):
    """The raw bytes of the archive do not have the expected shape; the message says what, in plain English."""

    def __init__(self, reason: str, entry: str | None = None) -> None:
        super().__init__(reason)
        self.entry = entry  # the name of the entry at fault, when there is one


@dataclass(frozen=True)
class Directory:
    """Where the central directory is (checked against where it really ends), its size and its number of entries."""

    start: int  # offset in the file where the central directory begins
    size: int
    entries: int


@dataclass(frozen=True)
class LocalHeader:
    """One local file header, as found at the offset the central directory gives."""

    offset: int
    length: int  # 30 bytes plus the name and extra field lengths
    name: bytes
    flags: int
    method: int


def _read_exactly(fh: BinaryIO, offset: int, count: int, what: str) -> bytes:
    """Read `count` bytes at `offset`, or raise LayoutError saying `what` is cut short."""
    fh.seek(offset)
    data = fh.read(count)
    if len(data) != count:
        raise LayoutError(f"{what} is cut short")
    return data


def _find_end_record(fh: BinaryIO, file_size: int) -> int:
    """Offset of the end-of-central-directory record, which must end the file exactly (with its comment)."""
    tail_start = max(0, file_size - END_RECORD.size - MAX_COMMENT)
    tail = _read_exactly(fh, tail_start, file_size - tail_start, "the archive")
    position = tail.rfind(END_SIGNATURE)
    if position < 0 or len(tail) - position < END_RECORD.size:
        raise LayoutError("the end of the archive is missing")
    comment_length = END_RECORD.unpack_from(tail, position)[-1]
    if position + END_RECORD.size + comment_length != len(tail):
        raise LayoutError("there is unexpected data after the end of the archive")
    return tail_start + position


def _located(end: int, size: int, offset: int, entries: int) -> Directory:
    """The directory that ends where its end record starts; LayoutError if it is not where the record says."""
    if end - size < 0:
        raise LayoutError("the central directory is bigger than the archive")
    if end - size != offset:
        raise LayoutError("the central directory is not where the end record says: data was added or removed")
    return Directory(start=offset, size=size, entries=entries)


def _zip64_directory(fh: BinaryIO, end_offset: int) -> Directory | None:
    """The directory as the zip64 end record describes it, or None when the archive has no zip64 locator."""
    locator_offset = end_offset - ZIP64_LOCATOR.size
    if locator_offset < 0:
        return None
    locator = ZIP64_LOCATOR.unpack(_read_exactly(fh, locator_offset, ZIP64_LOCATOR.size, "the zip64 locator"))
    if locator[0] != ZIP64_LOCATOR_SIGNATURE:
        return None
    if locator[1] != 0 or locator[3] > 1:
        raise LayoutError("the archive spans several disks")
    record_offset = locator_offset - ZIP64_END_RECORD.size
    if record_offset < 0:
        raise LayoutError("the zip64 end record is missing")
    record = ZIP64_END_RECORD.unpack(_read_exactly(fh, record_offset, ZIP64_END_RECORD.size, "the zip64 end record"))
    if record[0] != ZIP64_END_SIGNATURE:
        raise LayoutError("the zip64 end record has a wrong signature")
    if record[4] != 0 or record[5] != 0 or record[6] != record[7]:
        raise LayoutError("the archive spans several disks")
    return _located(record_offset, record[8], record[9], record[7])


def read_directory(fh: BinaryIO) -> Directory:
    """Locate the central directory from the end records; LayoutError if they are missing, damaged, multi-disk, or
    if anything comes before the archive or after its end."""
    end_offset = _find_end_record(fh, fh.seek(0, 2))
    zip64 = _zip64_directory(fh, end_offset)
    if zip64 is not None:
        return zip64
    record = END_RECORD.unpack(_read_exactly(fh, end_offset, END_RECORD.size, "the end record"))
    if record[1] != 0 or record[2] != 0 or record[3] != record[4]:
        raise LayoutError("the archive spans several disks")
    return _located(end_offset, record[5], record[6], record[4])


def read_local_header(fh: BinaryIO, offset: int) -> LocalHeader:
    """The local file header at `offset`; LayoutError if it is cut short or its signature is wrong."""
    if offset < 0:
        raise LayoutError("its local header lies before the start of the archive")
    fields = LOCAL_HEADER.unpack(_read_exactly(fh, offset, LOCAL_HEADER.size, "its local header"))
    if fields[0] != LOCAL_SIGNATURE:
        raise LayoutError("its local header has a wrong signature")
    name_length, extra_length = fields[9], fields[10]
    name = _read_exactly(fh, offset + LOCAL_HEADER.size, name_length, "its local header")
    length = LOCAL_HEADER.size + name_length + extra_length
    return LocalHeader(offset=offset, length=length, name=name, flags=fields[2], method=fields[3])


def _check_header(info: zipfile.ZipInfo, header: LocalHeader) -> None:
    """Refuse a local header whose name, method or encryption differ from the central directory's."""
    encoding = "utf-8" if info.flag_bits & FLAG_UTF8 else "cp437"
    if header.name != info.orig_filename.encode(encoding):
        raise LayoutError("its local header names a different file", info.orig_filename)
    if header.method != info.compress_type or (header.flags ^ info.flag_bits) & FLAG_ENCRYPTED:
        raise LayoutError("its local header disagrees with the central directory", info.orig_filename)


def check_layout(fh: BinaryIO, infos: list[zipfile.ZipInfo], directory_start: int) -> None:
    """Refuse entries whose data runs into the next entry or into the central directory (overlap zip bombs), and
    local headers that are missing, damaged or disagree with the central directory. Names must be checked first."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for index, info in enumerate(ordered):
        try:
            header = read_local_header(fh, info.header_offset)
        except LayoutError as error:
            raise LayoutError(str(error), info.orig_filename) from None
        limit = ordered[index + 1].header_offset if index + 1 < len(ordered) else directory_start
        if info.header_offset + header.length + info.compress_size > limit:
            raise LayoutError("its data overlaps the next entry or the central directory", info.orig_filename)
        _check_header(info, header)
