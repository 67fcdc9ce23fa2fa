"""The folders the app is writing into, written down in the data folder until each write ends, so the next start can
remove what a write that was cut off (the app killed, the laptop dead) left there, wherever that was.

    DATA/pending-writes/HOST-PID-TOKEN.json
    {"schema_version": 1, "folder": "/media/usb/reports", "host": "3fa4c2d1", "pid": 4711}

One small file per write, written whole and removed when the write ends however it ends (done, failed,
cancelled): the app and a command line run writing at once never rewrite each other's record. What a record's
folder holds is judged by safety_assess.base.leftovers, so a write still running elsewhere is never disturbed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from safety_assess.base.atomic import WriteError, write_text
from safety_assess.base.leftovers import STALE_AGE_S, Owner, remove_leftovers

log = logging.getLogger(__name__)

VERSION = 1
FORGET_AFTER_S = 90 * 24 * 3600
"""A folder not seen for this long (a drive given away, a folder deleted) is no longer looked for."""


class PendingWrites:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @contextmanager
    def writing(self, target_folder: Path) -> Iterator[None]:
        """Remember ``target_folder`` while the body writes into it."""
        record = self.note(target_folder)
        try:
            yield
        finally:
            self.done(record)

    def note(self, target_folder: Path) -> Path | None:
        """Remember that this process writes into ``target_folder``; pass the record to ``done`` when it ends. None
        when the note cannot be written: the write goes on, and its folder is tidied when next written to."""
        owner = Owner.me()
        record = self.folder / f"{owner.host}-{owner.pid}-{secrets.token_hex(4)}.json"
        text = json.dumps(
            {"schema_version": VERSION, "folder": str(target_folder.absolute()), "host": owner.host, "pid": owner.pid}
        )
        try:
            self.folder.mkdir(exist_ok=True)
            write_text(record, text)
        except (OSError, WriteError) as error:
            log.warning("could not note the write into %s in %s: %s", target_folder, self.folder, error)
            return None
        return record

    @staticmethod
    def done(record: Path | None) -> None:
        if record is not None:
            _drop(record)

    def tidy(self, now: float | None = None) -> list[Path]:
        """Remove the leftovers of the writes that were cut off, in each folder that is there; a folder that is not
        (a drive not connected) is looked at again at the next start. Returns what was removed."""
        now = time.time() if now is None else now
        try:
            records = sorted(self.folder.glob("*.json"))
        except OSError:
            return []
        return [path for record in records for path in self._tidy(record, now)]

    def _tidy(self, record: Path, now: float) -> list[Path]:
        try:
            noted, age = _read(record), now - record.stat().st_mtime
        except _Unknown:
            return []  # written by a newer version of the app: left to it
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("pending write record %s is damaged and was dropped: %s", record, error)
            _drop(record)
            return []
        folder, owner = noted
        if not owner.gone() and age <= STALE_AGE_S:
            return []  # a write running right now (in another window, a command)
        if not _there(folder):
            if age > FORGET_AFTER_S:
                _drop(record)
            return []
        removed = remove_leftovers(folder, now)
        _drop(record)
        return removed


class _Unknown(Exception):
    """A record of a schema version this app does not know."""


def _read(record: Path) -> tuple[Path, Owner]:
    """The folder and writer a record names."""
    data = json.loads(record.read_text(encoding="utf-8"))
    if data["schema_version"] != VERSION:
        raise _Unknown(data["schema_version"])
    return Path(str(data["folder"])), Owner(str(data["host"]), int(data["pid"]))


def _there(folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError:
        return False


def _drop(record: Path) -> None:
    with contextlib.suppress(OSError):
        record.unlink(missing_ok=True)
