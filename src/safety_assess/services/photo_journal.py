"""Photo imports under way, written down in the data folder before the first photo is added and removed when the
batch ends (done, failed or cancelled), so that an import a crash cut off is told at the next start, naming the
files that were not added.

    DATA/photo-imports/HOST-PID-TOKEN.json
    {"schema_version": 1, "host": "3fa4c2d1", "pid": 4711, "assessment_id": "…", "item_id": "door-locked",
     "files": [{"path": "/home/ana/DCIM/IMG_0001.jpg", "photo_id": "…"}, …]}

Each file's photo record is given its id before the import starts, so which files were added is read from the
database afterwards: exact, whatever the moment of the crash. An import still running in another window or command
(its process alive) is never taken for a cut-off one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from safety_assess.base.atomic import WriteError, write_text
from safety_assess.base.datadir import DataDir
from safety_assess.base.files import tidy_up
from safety_assess.base.leftovers import Owner, is_stale
from safety_assess.domain.errors import NotFoundError
from safety_assess.services.workspace import Workspace

log = logging.getLogger(__name__)

VERSION = 1


@dataclass(frozen=True)
class CutOffImport:
    """A photo import a crash cut off: the files of it that were not added."""

    journal: Path
    assessment_id: uuid.UUID
    item_id: str | None
    total: int
    not_added: tuple[Path, ...]


@contextmanager
def importing(
    data_dir: DataDir, assessment_id: uuid.UUID, item_id: str | None, files: Sequence[Path]
) -> Iterator[list[uuid.UUID]]:
    """The ids the photo records of ``files`` are to have, written down with the files until the body ends."""
    ids = [uuid.uuid4() for _ in files]
    owner = Owner.me()
    journal = data_dir.photo_imports / f"{owner.host}-{owner.pid}-{secrets.token_hex(4)}.json"
    entry = {
        "schema_version": VERSION,
        "host": owner.host,
        "pid": owner.pid,
        "assessment_id": str(assessment_id),
        "item_id": item_id,
        "files": [{"path": str(path.absolute()), "photo_id": str(i)} for path, i in zip(files, ids, strict=True)],
    }
    try:
        journal.parent.mkdir(exist_ok=True)
        write_text(journal, json.dumps(entry, ensure_ascii=False))
    except (OSError, WriteError) as error:  # the import goes on; only a crash during it would go untold
        log.warning("could not write down the photo import in %s: %s", journal, error)
    try:
        yield ids
    finally:
        with contextlib.suppress(OSError):
            journal.unlink(missing_ok=True)


def cut_off_imports(workspace: Workspace) -> list[CutOffImport]:
    """The imports whose process ended before they did, with the files not added. Reading the database only when
    there is one: a start after no crash costs a look at an empty folder."""
    found = []
    for journal in _journals(workspace.data_dir):
        entry = _read(journal)
        if entry is None or not is_stale(journal, entry.owner):
            continue
        known = workspace.photos.known([photo_id for _, photo_id in entry.files])
        missing = tuple(path for path, photo_id in entry.files if photo_id not in known)
        cut = CutOffImport(journal, entry.assessment_id, entry.item_id, len(entry.files), missing)
        if missing:
            found.append(cut)
        else:
            forget([cut])  # cut off after its last photo: nothing to tell
    return found


def describe(workspace: Workspace, cut: CutOffImport) -> str:
    """For the user: how many files to add again, and where; the files (``cut.not_added``) are to follow."""
    try:
        summary = workspace.assessments.summary(cut.assessment_id)
        where = f"the assessment of {summary.campus.name} on {summary.assessed_on.isoformat()}"
    except NotFoundError:
        where = f"assessment {cut.assessment_id}, no longer here"
    what = f"item {cut.item_id}" if cut.item_id else "a finding added by hand"
    were = "was" if len(cut.not_added) == 1 else "were"
    return (
        f"{len(cut.not_added)} of {cut.total} photos {were} not added to {where} ({what}): the import was "
        "interrupted; add them again:"
    )


def after_a_crash(workspace: Workspace) -> list[tuple[CutOffImport, list[str]]]:
    """At start (the app in the background, a command before it runs): remove what writes cut off by a crash left,
    and each photo import a crash cut off with the lines that tell of it (what to add again, then the files). The
    caller tells them, then ``forget``s them."""
    tidy_up(workspace.data_dir)
    return [(cut, [describe(workspace, cut), *map(str, cut.not_added)]) for cut in cut_off_imports(workspace)]


def forget(cuts: Sequence[CutOffImport]) -> None:
    """Told: not told again."""
    for cut in cuts:
        with contextlib.suppress(OSError):
            cut.journal.unlink(missing_ok=True)


def _journals(data_dir: DataDir) -> list[Path]:
    try:
        return sorted(data_dir.photo_imports.glob("*.json"))
    except OSError:
        return []


@dataclass(frozen=True)
class _Entry:
    owner: Owner
    assessment_id: uuid.UUID
    item_id: str | None
    files: list[tuple[Path, uuid.UUID]]


def _read(journal: Path) -> _Entry | None:
    """The journal's entry; None for one of a newer version (left to it) or a damaged one (dropped, logged)."""
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        if data["schema_version"] != VERSION:
            return None
        return _Entry(
            Owner(str(data["host"]), int(data["pid"])),
            uuid.UUID(data["assessment_id"]),
            None if data["item_id"] is None else str(data["item_id"]),
            [(Path(str(f["path"])), uuid.UUID(f["photo_id"])) for f in data["files"]],
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.warning("photo import journal %s is damaged and was dropped: %s", journal, error)
        with contextlib.suppress(OSError):
            journal.unlink(missing_ok=True)
        return None
