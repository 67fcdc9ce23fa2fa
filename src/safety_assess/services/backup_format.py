"""What a backup folder holds and says about itself: its header (``backup.json``, how it is protected) and, when
it is encrypted, its manifest (``manifest.sealed``, every file it holds with its size and SHA-256).

See docs/backup-format.md for the layout and why.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Final, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from safety_assess.base.jobs import Progress
from safety_assess.base.json_guard import JsonProblem, parse_json
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.versions import version_problem
from safety_assess.services.workspace import Workspace

FORMAT: Final = "safety-assess-backup"
MANIFEST_FORMAT: Final = "safety-assess-backup-manifest"
FORMAT_VERSION: Final = 1
HEADER_FILE: Final = "backup.json"
MANIFEST_FILE: Final = "manifest.sealed"
DATABASE: Final = "safety-assess.sqlite3"
SETTINGS: Final = "settings.json"
HEADER_LIMIT: Final = 64 * 1024
MANIFEST_LIMIT: Final = 64 * 1024 * 1024
SCRYPT_N_RANGE: Final = (2**14, 2**18)
"""Passphrase work factors a backup may ask for: below is too weak to have been made here, above would take the
memory of the machine restoring it."""

Encryption = Literal["district", "passphrase", "none"]
PLAIN_PATH = re.compile(
    r"^(safety-assess\.sqlite3|settings\.json|checklists/.+|photos/originals/[0-9a-f]{2}/[0-9a-f]{64}\.\w+)$"
)
STORED_PATH = re.compile(r"^(data/[0-9]+|photos/[0-9a-f]{64})\.sealed$")


class BackupError(SafetyAssessError):
    """The backup cannot be made, read or restored."""


@dataclass
class BackupResult:
    folder: Path
    photos: int = 0
    linked: int = 0
    """Of ``photos``, how many were hard-linked from the previous backup rather than copied."""
    size: int = 0
    missing: list[str] = field(default_factory=list)
    """Photo files the database refers to that were not in the photo store (already missing before the backup)."""
    removed: list[Path] = field(default_factory=list)
    """Older backups removed to keep the number the settings ask for."""
    protection: str = ""
    """How the backup is protected, for a person."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScryptParameters(Strict):
    """How a passphrase becomes the key (scrypt): the salt (hex) and the work factors."""

    salt: str = Field(pattern=r"^[0-9a-f]{32}$")
    n: int = Field(ge=SCRYPT_N_RANGE[0], le=SCRYPT_N_RANGE[1])
    r: int = Field(ge=1, le=8)
    p: int = Field(ge=1, le=1)
    """At most 128 * n * r bytes (256 MiB at the highest n) and one pass: a backup.json altered to cost gigabytes or
    minutes is refused as damaged."""

    @field_validator("n")
    @classmethod
    def _power_of_two(cls, value: int) -> int:
        if value & (value - 1):
            raise ValueError("must be a power of two")
        return value


class Header(Strict):
    """``backup.json``: how the backup is protected, so a restore knows what to ask for. Not secret."""

    format: Literal["safety-assess-backup"] = FORMAT
    format_version: int = Field(default=FORMAT_VERSION, ge=1)
    encryption: Encryption
    key_id: str = Field(default="", pattern=r"^([0-9a-f]{32})?$")
    """The district key's id (first 16 bytes of the SHA-256 of its public key), or the passphrase key's id."""
    district: str = Field(default="", max_length=200)
    fingerprint: str = Field(default="", max_length=80)
    """The district key's fingerprint (SD-...), as the district sees it in its own installation."""
    scrypt: ScryptParameters | None = None


class Entry(Strict):
    path: str = Field(description="Where the file goes in the restored data folder.")
    stored: str = Field(description="The sealed file in the backup folder.")
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")

    @field_validator("path")
    @classmethod
    def _safe_path(cls, value: str) -> str:
        parts = PurePosixPath(value).parts
        if not PLAIN_PATH.match(value) or any(part in ("", ".", "..") for part in parts) or "\\" in value:
            raise ValueError(f"'{value}' is not a file a data folder holds")
        return value

    @field_validator("stored")
    @classmethod
    def _stored_path(cls, value: str) -> str:
        if not STORED_PATH.match(value):
            raise ValueError(f"'{value}' is not a file a backup holds")
        return value


class Manifest(Strict):
    """``manifest.sealed`` once opened: every file of the backup."""

    format: Literal["safety-assess-backup-manifest"] = MANIFEST_FORMAT
    format_version: int = Field(default=FORMAT_VERSION, ge=1)
    app_version: str = Field(max_length=40)
    taken: dt.datetime
    entries: list[Entry]
    missing: list[str] = Field(default_factory=list, description="Photos already missing when it was made.")


def header_bytes(header: Header) -> bytes:
    return (json.dumps(header.model_dump(mode="json"), indent=2) + "\n").encode()


def manifest_bytes(manifest: Manifest) -> bytes:
    return json.dumps(manifest.model_dump(mode="json"), sort_keys=True, separators=(",", ":")).encode()


def read_header(folder: Path) -> Header:
    """How the backup in ``folder`` is protected; a backup made before backups were encrypted has no header and
    reads as not encrypted. BackupError naming the folder when it is not a backup or cannot be read."""
    path = folder / HEADER_FILE
    if not folder.is_dir():
        raise BackupError(f"{folder}: {'not there' if not folder.exists() else 'not a folder'}")
    try:
        with path.open("rb") as handle:
            data = handle.read(HEADER_LIMIT + 1)
    except FileNotFoundError:
        if (folder / DATABASE).is_file():
            return Header(encryption="none")
        raise BackupError(f"{folder}: not a Safety Assess backup (it has no {HEADER_FILE} and no database)") from None
    except OSError as error:
        raise BackupError(f"{path}: cannot be read ({error.strerror or error})") from None
    return _parse(Header, data, FORMAT, f"{path}")


def parse_manifest(data: bytes, where: str) -> Manifest:
    return _parse(Manifest, data, MANIFEST_FORMAT, where)


Model = TypeVar("Model", bound=Strict)


def _parse(model: type[Model], data: bytes, kind: str, where: str) -> Model:
    """``data`` as a ``model`` document of format ``kind``; BackupError naming ``where`` and what is wrong."""
    try:
        raw: Any = parse_json(data)
    except JsonProblem:
        raise BackupError(f"{where}: damaged (it is not JSON)") from None
    if not isinstance(raw, dict) or raw.get("format") != kind:
        raise BackupError(f"{where}: not a Safety Assess backup")
    newer_or_damaged = version_problem(raw.get("format_version"), FORMAT_VERSION, "restore it")
    if newer_or_damaged is not None:
        raise BackupError(f"{where}: {newer_or_damaged}")
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        at = ".".join(str(part) for part in first["loc"])
        raise BackupError(f"{where}: damaged or altered ({at}: {first['msg']})") from None


def database_file(workspace: Workspace) -> Path:
    """The data folder's own database file, which a backup copies; BackupError for a shared database."""
    path = workspace.target.path
    if path is None:
        raise BackupError(
            f"the shared database {workspace.target} is backed up on its server (pg_dump); this command backs up "
            "a data folder's own database"
        )
    return path


PHOTOS = "SELECT sha256 FROM photos"


def photo_hashes(database: Path) -> list[str]:
    """The SHA-256 of every photo and plan image the database refers to (a backup from before plans has none)."""
    with closing(sqlite3.connect(database)) as connection:  # a copy, so its WAL files go when it closes
        has_plans = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'site_maps'")
        query = "SELECT sha256 FROM photos UNION SELECT sha256 FROM site_maps" if has_plans.fetchone() else PHOTOS
        return [row[0] for row in connection.execute(f"SELECT DISTINCT sha256 FROM ({query}) ORDER BY sha256")]


def link_same(existing: Path, destination: Path, size: int) -> bool:
    """Hard-link ``existing`` (the same photo file in the previous backup) as ``destination``; False when it is not
    there or not of ``size`` bytes, or links are not possible (another drive, a file system without them): then
    the caller copies or seals the photo again."""
    try:
        if existing.stat().st_size != size:
            return False
        os.link(existing, destination)
    except OSError:
        return False
    return True


def photo_files(
    workspace: Workspace, hashes: list[str], result: BackupResult, progress: Progress, doing: str
) -> Iterator[tuple[str, Path]]:
    """Each photo the database refers to with its file, reporting progress (``doing``: "Copying photos") and
    stopping on a cancel; those not in the photo store are noted in ``result.missing``."""
    store = workspace.photo_store
    for done, sha256 in enumerate(hashes):
        progress.check()
        progress.report(done, len(hashes), f"{doing} ({done} of {len(hashes)})")
        source = store.find_original(sha256)
        if source is None:
            result.missing.append(sha256)
        else:
            yield sha256, source
    progress.report(len(hashes), len(hashes))
