"""The app's own temporary files and folders, and removing those a write that was cut off left behind.

Whatever the app writes beside its final place (a report, a bundle, a backup, a moved data folder) is first made
under a name no person gives a file, which says who is writing it:

    .NAME.safety-assess-HOST-PID-TOKEN.partial        (and SQLite's -journal, -wal, -shm beside a database copy)

HOST is a short hash of this computer's name, PID the writing process, TOKEN random. Only names of that form are
ever removed (a user's own ``.notes.partial`` never is), and only once stale:

- made on this computer by a process that no longer runs (killed, crashed, the laptop died), or
- unchanged for a day: made on another computer (a shared drive), or by a process whose number the system has since
  given to another program, which cannot be told apart from the writer itself.

So a write still running in another window or a command line run is never removed under it. Why the process id in
the name rather than an OS lock: the files are written by libraries that open them by name themselves (ReportLab,
zipfile, qpdf), so a lock of ours would not follow the file, and a name can be judged from a folder's listing alone
(also on file systems without locks, such as a FAT USB stick).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import platform
import re
import secrets
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

MARK = "safety-assess"
SUFFIX = ".partial"
STALE_AGE_S = 24 * 3600
"""A leftover unchanged for this long is stale even when its process number is in use (see the module's text)."""
NAME_BYTES = 150
"""How much of the final name the temporary name keeps (a file name holds at most 255 bytes)."""
_OWN = re.compile(
    rf"^\..*\.{MARK}-(?P<host>[0-9a-f]{{8}})-(?P<pid>[0-9]{{1,10}})-[0-9a-f]{{8}}\.partial(-journal|-wal|-shm)?$",
    re.DOTALL,
)


@dataclass(frozen=True)
class Owner:
    """The process that made a temporary file: which computer (hashed) and which process on it."""

    host: str
    pid: int

    @classmethod
    def me(cls) -> Owner:
        return cls(this_host(), os.getpid())

    def gone(self) -> bool:
        """Known to have ended: a process of this computer that no longer runs."""
        return self.host == this_host() and not pid_alive(self.pid)


@functools.cache
def this_host() -> str:
    """This computer, as temporary names carry it: a hash of its name and, where the system has one, its machine id
    (two laptops imaged alike share a name, never a machine id), so a name on a shared drive does not tell which."""
    return hashlib.sha256(platform.node().encode() + _machine_id()).hexdigest()[:8]


def _machine_id() -> bytes:
    for path in (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id")):
        try:
            return path.read_bytes().strip()
        except OSError:
            continue
    return b""


def pid_alive(pid: int) -> bool:
    """A process with this number runs on this computer (maybe another program that was given the number)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: nothing is sent, only whether the process exists
    except (ProcessLookupError, OverflowError, ValueError):  # gone, or a number no process can have
        return False
    except OSError:  # another user's process
        return True
    return True


if sys.platform == "win32":  # pragma: no cover (os.kill would end the process there)
    import ctypes

    def _windows_alive(pid: int) -> bool:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000 | 0x100000, False, pid)  # query limited information, synchronize
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it runs, as someone else
        try:
            return bool(kernel32.WaitForSingleObject(handle, 0) == 0x102)  # still running (timeout)
        finally:
            kernel32.CloseHandle(handle)


def temp_path(target: Path, owner: Owner | None = None) -> Path:
    """A new temporary name of this process beside ``target`` (not created)."""
    owner = owner or Owner.me()
    name = target.name.encode()[:NAME_BYTES].decode(errors="ignore")
    return target.parent / f".{name}.{MARK}-{owner.host}-{owner.pid}-{secrets.token_hex(4)}{SUFFIX}"


def owner_of(name: str) -> Owner | None:
    """Who made the file or folder named so; None when the name is not one of the app's temporary names."""
    match = _OWN.match(name)
    return Owner(match["host"], int(match["pid"])) if match else None


def is_own_temp(name: str) -> bool:
    return owner_of(name) is not None


def is_stale(path: Path, owner: Owner, now: float | None = None) -> bool:
    """Whether what ``owner`` made at ``path`` was left by a write that no longer runs (see the module's text)."""
    if owner.gone():
        return True
    try:
        changed = path.lstat().st_mtime
    except OSError:
        return False
    return (time.time() if now is None else now) - changed > STALE_AGE_S


def remove_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the app's stale temporary files and folders directly in ``folder``; return what was removed.

    A folder that is not there (a drive not connected) or cannot be read is passed over quietly.
    """
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    removed = []
    for path in entries:
        owner = owner_of(path.name)
        if owner is not None and is_stale(path, owner, now) and _remove(path):
            removed.append(path)
    if removed:
        log.info("removed %d file(s) left by writes that were cut off in %s", len(removed), folder)
    return removed


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:  # another copy of the app removed it first
        return False
    except OSError as error:
        log.warning("could not remove %s, left by a write that was cut off: %s", path, error)
        return False
    return True
