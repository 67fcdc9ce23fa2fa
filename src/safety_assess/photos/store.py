"""The photo store: originals kept byte for byte under their SHA-256, and the renditions made from them.

    photos/originals/ab/abcdef....jpg      the file as imported (the same photo twice is stored once)
    photos/renditions/abcdef....thumb.jpg  256 px, upright, no metadata
    photos/renditions/abcdef....report.jpg 1600 px, upright, no metadata

Every file is written to a temporary name in the same folder, flushed to disk, then renamed: a crash leaves
either the whole file or nothing under the final name.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from safety_assess.base.leftovers import temp_path
from safety_assess.photos.decode import PhotoError

CHUNK = 1 << 20
RENDITIONS = {"thumb": 256, "report": 1600}
SCRATCH_PREFIX = ".scratch-"
"""How private working folders were named before they had the app's own temporary name (removed at start when old)."""
ORPHAN_AGE_S = 3600
"""Files no photo record refers to are removed at start only when older than this (an import may be under way)."""


class PhotoStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.originals = root / "originals"
        self.renditions = root / "renditions"

    def original(self, sha256: str, extension: str) -> Path:
        """The original's file, to read (a shared store fetches it from the server first when only it has it)."""
        return self._original_at(sha256, extension)

    def rendition(self, sha256: str, kind: str) -> Path:
        """The rendition's file, to read (fetched first, like ``original``)."""
        return self._rendition_at(sha256, kind)

    def _original_at(self, sha256: str, extension: str) -> Path:
        return self.originals / sha256[:2] / f"{sha256}.{extension}"

    def _rendition_at(self, sha256: str, kind: str) -> Path:
        return self.renditions / f"{sha256}.{kind}.jpg"

    def has(self, sha256: str, extension: str) -> bool:
        """The original and both renditions are stored."""
        paths = [self._original_at(sha256, extension), *(self._rendition_at(sha256, kind) for kind in RENDITIONS)]
        return all(p.is_file() for p in paths)

    def put(self, source: Path, extension: str) -> tuple[str, Path]:
        """Copy ``source`` into the store (once, whatever how many times it is imported); return its hash and path."""
        self.originals.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        try:
            with source.open("rb") as src, _AtomicFile(self.originals) as (tmp, handle):
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
                target = self._original_at(digest.hexdigest(), extension)
                if target.exists():
                    return digest.hexdigest(), target
                target.parent.mkdir(parents=True, exist_ok=True)
                Path(tmp).replace(target)
        except OSError as error:
            raise PhotoError(f"{source}: could not be stored ({error.strerror or error})") from None
        return digest.hexdigest(), target

    def find_original(self, sha256: str) -> Path | None:
        """The stored original with this hash, whatever its extension; None when there is none."""
        return self.local_original(sha256)

    def local_original(self, sha256: str) -> Path | None:
        """The original with this hash in the data folder, whatever its extension; None when there is none."""
        return next((p for p in (self.originals / sha256[:2]).glob(f"{sha256}.*") if p.is_file()), None)

    def local_rendition(self, sha256: str, kind: str) -> Path | None:
        """The rendition in the data folder; None when there is none."""
        path = self._rendition_at(sha256, kind)
        return path if path.is_file() else None

    def scratch(self) -> Path:
        """A new private folder beside the originals (same file system, so verified files move in by renaming),
        under the app's own temporary name; the caller removes it (else the next start does: services.files)."""
        self.root.mkdir(parents=True, exist_ok=True)
        folder = temp_path(self.root / "scratch")
        folder.mkdir(mode=0o700)
        return folder

    def adopt(self, source: Path, sha256: str, extension: str, *, flush: bool = True) -> Path:
        """Move ``source``, a private file whose hash the caller has checked, into the store (renamed, not copied,
        when on the same file system); it is flushed to disk first, unless ``flush`` is False: then the caller
        makes a batch of them durable at once with ``sync``, before anything refers to them."""
        target = self._original_at(sha256, extension)
        if target.is_file():
            return target
        try:
            if flush or _syncfs is None:
                with source.open("rb+") as handle:
                    os.fsync(handle.fileno())
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)
        except OSError:
            stored, target = self.put(source, extension)
            if stored != sha256:
                raise PhotoError(f"{source}: changed while it was being stored") from None
        return target

    def sync(self) -> None:
        """Every file adopted with ``flush=False`` (and the renames) on disk: one flush of the photo store's file
        system (Linux's syncfs) instead of one per photo, which made importing thousands of small photos slow. Other
        drives are not waited for. Where there is no syncfs, ``adopt`` flushed each file itself."""
        if _syncfs is None or not self.root.is_dir():
            return
        descriptor = os.open(self.root, os.O_RDONLY)
        try:
            if _syncfs(descriptor) != 0:
                raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
        finally:
            os.close(descriptor)

    def write_rendition(self, sha256: str, kind: str, data: bytes) -> Path:
        self.renditions.mkdir(parents=True, exist_ok=True)
        target = self._rendition_at(sha256, kind)
        with _AtomicFile(self.renditions) as (tmp, handle):
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            Path(tmp).replace(target)
        return target

    def remove_orphans(self, referenced: Iterable[str], now: float | None = None) -> list[Path]:
        """Delete stored files whose hash no photo record has, if old enough; return what was removed."""
        keep, cutoff = set(referenced), (now if now is not None else time.time()) - ORPHAN_AGE_S
        removed = []
        for path in [*self.originals.glob("*/*"), *self.renditions.glob("*")]:
            sha = path.name.split(".", 1)[0]
            stale = path.name.startswith(".tmp-") or sha not in keep
            if stale and path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed.append(path)
        for folder in self.root.glob(SCRATCH_PREFIX + "*"):
            if folder.is_dir() and folder.stat().st_mtime < cutoff:  # left by an import or export that was cut off
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        return removed


def _find_syncfs() -> Any:
    """Linux's syncfs(2), which flushes one file system; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


_syncfs = _find_syncfs()


class _AtomicFile:
    """A temporary file in ``folder``, removed on exit unless it was renamed away."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __enter__(self) -> tuple[str, IO[bytes]]:
        self.handle = tempfile.NamedTemporaryFile(dir=self.folder, prefix=".tmp-", delete=False)
        return self.handle.name, self.handle

    def __exit__(self, *exc: object) -> None:
        self.handle.close()
        Path(self.handle.name).unlink(missing_ok=True)
