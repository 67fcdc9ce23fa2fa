"""Check a zip archive from an untrusted source before anything is extracted, then read chosen entries safely.

``opened`` opens the archive once with ``zipfile`` and, on top of it, refuses everything a crafted bundle could use
against the importer: unsafe or colliding names, links and special files, encryption, unknown compression, sizes
past the limits, zip bombs (a high ratio per entry, small entries included, or in all: what the entries would expand
to against the archive's own size; overlapping entries) and headers that disagree. The ``Archive`` it gives then
reads one entry at a time without ever giving out more bytes than it declares, and checks its CRC; the archive is
parsed once, so reading every entry takes time in proportion to their number. ``inspect``, ``read_entry`` and
``stream_entry`` do the same for one step each.
Every failure is a ``BundleError`` with a one-line message naming the file, the entry and what is wrong.
"""

from __future__ import annotations

import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, BinaryIO, Final, TypeVar

from safety_assess.bundles.ziplayout import (
    FLAG_ENCRYPTED,
    FLAG_UTF8,
    Directory,
    LayoutError,
    check_layout,
    read_directory,
)
from safety_assess.domain.errors import SafetyAssessError

T = TypeVar("T")

READ_ERRORS: Final = (
    LayoutError,
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    OSError,
    ValueError,
    EOFError,
    OverflowError,
    struct.error,
    UnicodeDecodeError,
)
NOT_A_ZIP: Final = "the file is not a readable zip archive: it is damaged, incomplete or of another kind"
BAD_DATA: Final = "its data is damaged or incomplete"
FLAG_PATCH_DATA, FLAG_STRONG_ENCRYPTION = 0x20, 0x40
UNIX: Final = 3
DOS_FOLDER: Final = 0x10
METHODS: Final = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
DRIVE_LETTER: Final = re.compile(r"^[A-Za-z]:")
# Names Windows cannot create or silently changes; a bundle made by the app never uses them.
WINDOWS_FORBIDDEN: Final = frozenset('<>:"|?*')
WINDOWS_DEVICES: Final = frozenset(
    ["CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))]
)


class BundleError(SafetyAssessError):
    """The bundle cannot be used; the message is one line naming the file, the entry and what is wrong."""


@dataclass(frozen=True)
class Limits:
    """How much an archive may hold before it is refused as too big or as a zip bomb."""

    max_entries: int = 20_000
    max_entry_size: int = 200 * 1024 * 1024  # uncompressed bytes per entry
    max_total_size: int = 8 * 1024**3  # uncompressed bytes, all entries
    max_ratio: float = 200.0  # uncompressed / compressed, per entry (entries above ratio_floor uncompressed)
    ratio_floor: int = 64 * 1024
    max_total_ratio: float = 100.0  # all entries uncompressed / the archive's size (past total_floor)
    total_floor: int = 16 * 1024 * 1024
    max_name_length: int = 255


@dataclass(frozen=True)
class Entry:
    """One checked entry of the archive, as its central directory declares it."""

    name: str  # the entry's path inside the archive, '/'-separated, checked
    size: int  # uncompressed size as declared
    compressed_size: int
    crc: int
    method: int  # zipfile.ZIP_STORED or zipfile.ZIP_DEFLATED only


def _show(text: str, limit: int = 80) -> str:
    """`text` fit for a one-line message: control and invisible characters escaped, long text shortened."""
    shown = "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char).startswith("C") else char for char in text[:limit]
    )
    return shown + ("..." if len(text) > limit else "")


def _fail(path: Path, reason: str, name: str | None = None) -> BundleError:
    """The error to raise: '<file>: entry '<name>': <reason>' (without the entry part when there is none)."""
    entry = "" if name is None else f"entry '{_show(name)}': "
    return BundleError(f"{_show(path.name)}: {entry}{reason}")


def _explain(error: Exception, damaged: str) -> str:
    """A plain-English reason for an error raised while reading the archive."""
    if isinstance(error, LayoutError):
        return str(error)
    if isinstance(error, UnicodeDecodeError):
        return "an entry name is marked as UTF-8 but is not valid UTF-8"
    if isinstance(error, OSError):
        return f"the file cannot be read ({error.strerror or type(error).__name__})"
    detail = " ".join(str(error).split()) or type(error).__name__
    return f"{damaged} ({_show(detail, 160)})"


def _guard(path: Path, action: Callable[[], T], damaged: str, name: str | None = None) -> T:
    """Run `action`, turning any error the archive can cause into a BundleError."""
    try:
        return action()
    except READ_ERRORS as error:
        if isinstance(error, LayoutError) and error.entry is not None:
            name = error.entry
        raise _fail(path, _explain(error, damaged), name) from error


def _open_file(path: Path) -> BinaryIO:
    """Open the bundle file for reading; it must exist and be a regular file (never a pipe or a folder)."""
    if not _guard(path, path.is_file, NOT_A_ZIP):
        raise _fail(path, "the file does not exist or is not a regular file")
    return _guard(path, lambda: path.open("rb"), NOT_A_ZIP)


def _component_problem(part: str) -> str | None:
    """What is wrong with one '/'-separated part of a name, or None."""
    if part == "..":
        return "the name leaves the bundle's folder"
    if part == ".":
        return "the name has a '.' component"
    if not part:
        return "the name has an empty component ('//')"
    if any(char in WINDOWS_FORBIDDEN for char in part):
        return 'the name contains a character Windows does not allow (< > : " | ? *)'
    if part.endswith((".", " ")):
        return "a part of the name ends with a dot or a space"
    if part.split(".")[0].rstrip(" ").upper() in WINDOWS_DEVICES:
        return "the name uses a Windows device name (CON, NUL, COM1...)"
    return None


def _name_problem(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """What is wrong with an entry's name, or None. Uses the name as stored, NUL bytes included."""
    name = info.orig_filename
    if not name:
        return "the name is empty"
    if len(name) > limits.max_name_length:
        return f"the name is longer than {limits.max_name_length} characters"
    if any(unicodedata.category(char) == "Cc" for char in name):
        return "the name contains a control character"
    if not info.flag_bits & FLAG_UTF8 and not name.isascii():
        return "the name is neither plain ASCII nor marked as UTF-8"
    if "\\" in name:
        return "the name contains a backslash"
    if name.startswith("/"):
        return "the name is an absolute path"
    if DRIVE_LETTER.match(name):
        return "the name starts with a drive letter"
    if name.endswith("/"):
        return "it is a folder entry; a bundle holds only files"
    return next(filter(None, map(_component_problem, name.split("/"))), None)


def _kind_problem(info: zipfile.ZipInfo) -> str | None:
    """What makes the entry something other than a plain, readable file, or None."""
    if info.flag_bits & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION):
        return "it is encrypted"
    if info.flag_bits & FLAG_PATCH_DATA:
        return "it is stored as patch data, which is not supported"
    if info.compress_type not in METHODS:
        return f"it uses compression method {info.compress_type}; only stored (0) and deflated (8) are allowed"
    mode = info.external_attr >> 16 if info.create_system == UNIX else 0
    if stat.S_ISLNK(mode):
        return "it is a symbolic link"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG) or info.external_attr & DOS_FOLDER:
        return "it is not a regular file (a folder, device or other special file)"
    return None


def _size_problem(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """What is wrong with the entry's declared sizes, or None."""
    size, packed = info.file_size, info.compress_size
    if size > limits.max_entry_size:
        return f"it is too big ({size} bytes; at most {limits.max_entry_size} are allowed)"
    if info.compress_type == zipfile.ZIP_STORED and packed != size:
        return f"it is stored uncompressed but declares {packed} bytes stored for {size} bytes of content"
    if size > limits.ratio_floor and size > limits.max_ratio * packed:
        return f"it would expand from {packed} to {size} bytes (over {limits.max_ratio:g} times): a zip bomb"
    return None


def _checked_entry(path: Path, info: zipfile.ZipInfo, limits: Limits) -> Entry:
    """The Entry for `info`, once its name, kind and sizes pass; BundleError otherwise."""
    problem = _name_problem(info, limits) or _kind_problem(info) or _size_problem(info, limits)
    if problem:
        raise _fail(path, problem, info.orig_filename)
    return Entry(info.orig_filename, info.file_size, info.compress_size, info.CRC, info.compress_type)


def _folded(name: str) -> str:
    """The name as a case-insensitive, normalising file system would see it."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def _check_unique(path: Path, entries: list[Entry]) -> None:
    """Refuse duplicate names, names equal but for case or Unicode form, and a file that is also another's folder."""
    seen: dict[str, str] = {}
    for entry in entries:
        key = _folded(entry.name)
        other = seen.get(key)
        if other == entry.name:
            raise _fail(path, "the name appears twice", entry.name)
        if other is not None:
            reason = f"the name collides with '{_show(other)}' (they differ only by letter case or Unicode form)"
            raise _fail(path, reason, entry.name)
        seen[key] = entry.name
    for entry in entries:
        parts = _folded(entry.name).split("/")
        for depth in range(1, len(parts)):
            folder = seen.get("/".join(parts[:depth]))
            if folder is not None:
                raise _fail(path, f"its folder '{_show(folder)}' is also a file in the bundle", entry.name)


def _check_totals(path: Path, entries: list[Entry], directory: Directory, limits: Limits, size: int) -> None:
    """Refuse a total size past the limit or out of proportion to the archive (many small entries that each pass
    the ratio check), and an end record that miscounts the entries."""
    total = sum(entry.size for entry in entries)
    if total > limits.max_total_size:
        raise _fail(path, f"the entries add up to {total} bytes; at most {limits.max_total_size} are allowed")
    if total > limits.total_floor + limits.max_total_ratio * size:
        raise _fail(
            path,
            f"its {len(entries)} entries would expand from {size} to {total} bytes "
            f"(over {limits.max_total_ratio:g} times the file's size): a zip bomb",
        )
    if directory.entries != len(entries):
        raise _fail(path, f"the end record counts {directory.entries} entries but there are {len(entries)}")


def _pump(path: Path, entry: Entry, stream: IO[bytes], sink: Callable[[bytes], None], chunk: int) -> int:
    """Give exactly entry.size bytes from `stream` to `sink`, never more; return their CRC-32."""
    crc, remaining = 0, entry.size
    while remaining > 0:
        data = _guard(path, partial(stream.read, min(chunk, remaining)), BAD_DATA, entry.name)
        if not data:
            raise _fail(path, f"its data ends after {entry.size - remaining} of its {entry.size} bytes", entry.name)
        if len(data) > remaining:
            raise _fail(path, f"it holds more than its declared {entry.size} bytes", entry.name)
        crc = zlib.crc32(data, crc)
        remaining -= len(data)
        sink(data)
    return crc


class Archive:
    """An archive that passed every check, held open: its entries are read without parsing it again."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, entries: list[Entry]) -> None:
        self.path, self._archive, self.entries = path, archive, entries
        self._infos = {info.orig_filename: info for info in archive.infolist()}

    def stream(self, entry: Entry, sink: Callable[[bytes], None], chunk: int = 1024 * 1024) -> None:
        """Feed the entry's bytes to `sink` chunk by chunk (memory does not grow with the entry), stopping with
        BundleError as soon as more than entry.size bytes come out, or fewer at the end, or the CRC fails."""
        if chunk < 1:
            raise ValueError("chunk must be at least one byte")
        path = self.path
        with self._open_entry(entry) as stream:
            crc = _pump(path, entry, stream, sink, chunk)
            if _guard(path, partial(stream.read, 1), BAD_DATA, entry.name):
                raise _fail(path, f"it holds more than its declared {entry.size} bytes", entry.name)
        if crc != entry.crc:
            raise _fail(path, "its data is damaged (the CRC-32 does not match)", entry.name)

    def read(self, entry: Entry, limit: int | None = None) -> bytes:
        """One (small) entry, whole, checked like ``stream``; `limit` (bytes) refuses entries bigger than that."""
        if limit is not None and entry.size > limit:
            reason = f"it is too big to read ({entry.size} bytes; at most {limit} are allowed)"
            raise _fail(self.path, reason, entry.name)
        content = bytearray()
        self.stream(entry, content.extend)
        return bytes(content)

    @contextmanager
    def _open_entry(self, entry: Entry) -> Iterator[IO[bytes]]:
        """The entry's decompressed stream; errors raised by the caller's code pass through unchanged."""
        path = self.path
        if entry.method not in METHODS:
            raise _fail(path, f"it uses compression method {entry.method}, which is not allowed", entry.name)
        info = self._infos.get(entry.name)
        if info is None:
            raise _fail(path, "it is not in the bundle", entry.name)
        declared = (info.file_size, info.compress_size, info.CRC, info.compress_type)
        if declared != (entry.size, entry.compressed_size, entry.crc, entry.method):
            raise _fail(path, "the bundle has changed since it was checked", entry.name)
        with _guard(path, partial(self._archive.open, info), BAD_DATA, entry.name) as stream:
            yield stream


def _check_count(path: Path, fh: BinaryIO, limits: Limits) -> None:
    """Too many entries refused from the end record alone, before zipfile reads (and holds) every one of them; an
    end record that cannot be read is told by zipfile's own reading next."""
    try:
        count = read_directory(fh).entries
    except READ_ERRORS:
        return
    if count > limits.max_entries:
        raise _fail(path, f"it has {count} entries; at most {limits.max_entries} are allowed")


@contextmanager
def opened(path: Path, limits: Limits = Limits()) -> Iterator[Archive]:
    """The archive at `path`, checked (BundleError otherwise) and held open while the block runs."""
    with _open_file(path) as fh:
        _check_count(path, fh, limits)
        archive = _guard(path, partial(zipfile.ZipFile, fh), NOT_A_ZIP)
        with archive:
            infos = archive.infolist()
            if len(infos) > limits.max_entries:
                raise _fail(path, f"it has {len(infos)} entries; at most {limits.max_entries} are allowed")
            directory = _guard(path, partial(read_directory, fh), NOT_A_ZIP)
            entries = [_checked_entry(path, info, limits) for info in infos]
            _check_unique(path, entries)
            size = _guard(path, lambda: fh.seek(0, 2), NOT_A_ZIP)
            _check_totals(path, entries, directory, limits, size)
            _guard(path, partial(check_layout, fh, infos, directory.start), NOT_A_ZIP)
            yield Archive(path, archive, entries)


def inspect(path: Path, limits: Limits = Limits()) -> list[Entry]:
    """Open and check the archive's structure; return its entries in archive order, or raise BundleError."""
    with opened(path, limits) as archive:
        return archive.entries


def stream_entry(path: Path, entry: Entry, sink: Callable[[bytes], None], chunk: int = 1024 * 1024) -> None:
    """``Archive.stream`` on an archive opened for this one entry."""
    with opened(path) as archive:
        archive.stream(entry, sink, chunk)


def read_entry(path: Path, entry: Entry, limit: int | None = None) -> bytes:
    """``Archive.read`` on an archive opened for this one entry."""
    with opened(path) as archive:
        return archive.read(entry, limit)
