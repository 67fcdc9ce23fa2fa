"""Restoring a backup into a new data folder: checked before anything is written, written whole or not at all.

The key is checked first (the passphrase, or this installation's district key), then the sealed manifest is opened
and every file it lists is found; only then is anything written, into a hidden folder beside the target. Each file
is opened (every chunk authenticated), and its size and SHA-256 compared with the manifest's; a photo's with its
name too. The hidden folder takes the target's name only when whole; on any problem it is removed, and the target
is as it was. An unencrypted backup (or one made before backups were encrypted) is restored the same way, its
database checked by SQLite and each photo against its SHA-256.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from safety_assess.base.datadir import DataDir
from safety_assess.base.jobs import Progress
from safety_assess.base.leftovers import remove_leftovers, temp_path
from safety_assess.base.pending_writes import PendingWrites
from safety_assess.keys.district_key import load_private
from safety_assess.keys.key_files import KeyFileError
from safety_assess.keys.sealed import Opener, SealError, SecretKey, key_id, open_stream, public_bytes
from safety_assess.services.backup_format import (
    DATABASE,
    MANIFEST_FILE,
    MANIFEST_LIMIT,
    SETTINGS,
    BackupError,
    Entry,
    Header,
    Manifest,
    parse_manifest,
    photo_hashes,
    read_header,
)
from safety_assess.services.backup_keys import KeyFile, derive, save_key_file
from safety_assess.services.relocate import holds_files
from safety_assess.storage.backup import copy_database
from safety_assess.storage.dbfile import DatabaseError


@dataclass(frozen=True)
class RestoreKeys:
    """What may open an encrypted backup: its passphrase, or the district's private key (a data folder's
    ``district-key.pem``)."""

    passphrase: str | None = None
    district_key: Path | None = None


@dataclass
class RestoreResult:
    folder: Path
    files: int = 0
    photos: int = 0
    size: int = 0
    encryption: str = "none"
    missing: list[str] = field(default_factory=list)
    """Photos that were already missing when the backup was made."""
    damaged: list[str] = field(default_factory=list)
    """Photos damaged in the backup itself (a bad sector, a flipped bit): left out, so the database and every other
    photo are still restored. Damage to the database, settings or a checklist refuses the whole restore."""

    def what(self) -> str:
        """What was restored, for a person: "the database, 3 photos and 2 other files"."""
        others = self.files - self.photos - 1
        return f"the database, {_count(self.photos, 'photo')} and {_count(others, 'other file')}"


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def restore(
    backup: Path,
    into: Path,
    keys: RestoreKeys,
    progress: Progress | None = None,
    pending: PendingWrites | None = None,
) -> RestoreResult:
    """Restore ``backup`` into ``into`` (a new or empty folder); BackupError naming what is wrong, and then
    nothing is written. With ``pending`` (the data folder's record of writes under way), a restore cut off is
    tidied at the app's next start, not only at the next restore there."""
    progress = progress or Progress()
    header = read_header(backup)
    target = _check_target(into, backup)
    with pending.writing(target if target.is_dir() else target.parent) if pending else contextlib.nullcontext():
        return _restore(backup, target, keys, header, progress)


def _restore(backup: Path, target: Path, keys: RestoreKeys, header: Header, progress: Progress) -> RestoreResult:
    if header.encryption == "none":
        return _restore_plain(backup, target, progress)
    opener = _opener(backup, header, keys)
    manifest = _open_manifest(backup, opener)
    with _staging(target) as staging:
        result = _write_entries(backup, manifest, opener, staging, progress)
        if isinstance(opener, SecretKey) and header.scrypt is not None:  # the restored folder backs up as it did
            keys_kept = KeyFile(names_key=os.urandom(32).hex(), scrypt=header.scrypt, passphrase_key=opener.key.hex())
            save_key_file(DataDir(staging), keys_kept)
    result.folder, result.encryption, result.missing = target, header.encryption, manifest.missing
    return result


def _check_target(into: Path, backup: Path) -> Path:
    target = into.expanduser().absolute()
    if target.exists() and not target.is_dir():
        raise BackupError(f"{into}: a file, not a folder; choose a new or empty folder to restore into")
    if target.is_dir():
        remove_leftovers(target)  # of a restore into it that was cut off
        if holds_files(target):
            raise BackupError(f"{into}: already holds files; choose a new or empty folder to restore into")
    if not target.parent.is_dir():
        raise BackupError(f"{into}: {target.parent} is not there (is its drive connected?)")
    if target.resolve().is_relative_to(backup.resolve()):
        raise BackupError(f"{into}: inside the backup itself; choose a folder apart from it")
    return target


def _opener(backup: Path, header: Header, keys: RestoreKeys) -> Opener:
    """The key that opens the backup; BackupError when it is not at hand or not the right one."""
    if header.encryption == "passphrase":
        if header.scrypt is None:
            raise BackupError(f"{backup}: its backup.json is damaged (no passphrase parameters)")
        if not keys.passphrase:
            raise BackupError(f"{backup}: it is encrypted with a passphrase, and none was given")
        secret = derive(keys.passphrase, header.scrypt)
        if secret.id.hex() != header.key_id:
            raise BackupError(f"{backup}: wrong passphrase (it was encrypted with another one); nothing was restored")
        return secret
    try:
        private = load_private(keys.district_key) if keys.district_key is not None else None
    except KeyFileError as error:
        raise BackupError(f"{backup}: it is encrypted to the district key, and {error}") from None
    which = f"the district key {header.fingerprint}" + (f" ({header.district})" if header.district else "")
    if private is None:
        raise BackupError(
            f"{backup}: encrypted to {which}; only the district's installation, which holds it, can open it"
        )
    if key_id(public_bytes(private.public_key())).hex() != header.key_id:
        raise BackupError(f"{backup}: encrypted to {which}, not to this installation's district key")
    return private


def _open_manifest(backup: Path, opener: Opener) -> Manifest:
    path = backup / MANIFEST_FILE
    data = io.BytesIO()
    try:
        if path.stat().st_size > MANIFEST_LIMIT:
            raise BackupError(f"{path}: too large to be a backup's manifest")
        with path.open("rb") as src:
            open_stream(src, data, opener)
    except SealError as error:
        raise BackupError(f"{path}: {error}; nothing was restored") from None
    except OSError as error:
        raise BackupError(f"{path}: cannot be read ({error.strerror or error})") from None
    manifest = parse_manifest(data.getvalue(), str(path))
    if DATABASE not in {entry.path for entry in manifest.entries}:
        raise BackupError(f"{path}: lists no database; nothing was restored")
    absent = [
        entry.stored
        for entry in manifest.entries
        if not entry.path.startswith("photos/") and not (backup / entry.stored).is_file()
    ]  # a photo missing is left out like a damaged one; the database and the rest are still restored
    if absent:
        raise BackupError(f"{backup}: {len(absent)} of its files are missing ({absent[0]}); nothing was restored")
    return manifest


class _Hashing:
    """Written through this, a file is hashed and counted on the way."""

    def __init__(self, handle: io.BufferedWriter) -> None:
        self.handle, self.sha256, self.size = handle, hashlib.sha256(), 0

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        return self.handle.write(data)


def _write_entries(
    backup: Path, manifest: Manifest, opener: Opener, staging: Path, progress: Progress
) -> RestoreResult:
    result = RestoreResult(staging)
    total = len(manifest.entries)
    for done, entry in enumerate(manifest.entries):
        progress.check()
        progress.report(done, total, f"Restoring ({done} of {total} files)")
        if not _write_entry(backup, entry, opener, staging):
            result.damaged.append(entry.path)
            continue
        result.files += 1
        result.photos += entry.path.startswith("photos/")
        result.size += entry.size
    progress.report(total, total)
    return result


def _write_entry(backup: Path, entry: Entry, opener: Opener, staging: Path) -> bool:
    """The entry opened into the staging folder; False (and nothing kept of it) for a photo damaged in the backup,
    BackupError for anything else that is damaged or altered."""
    source, target = backup / entry.stored, staging / entry.path
    target.parent.mkdir(parents=True, exist_ok=True)
    is_photo = entry.path.startswith("photos/")
    try:
        with source.open("rb") as src, target.open("wb") as out:
            written = _Hashing(out)
            open_stream(src, written, opener)
    except SealError as error:
        target.unlink(missing_ok=True)
        if is_photo:
            return False
        raise BackupError(f"{source}: {error}; nothing was restored") from None
    except FileNotFoundError:
        target.unlink(missing_ok=True)
        if is_photo:
            return False
        raise BackupError(f"{source}: missing from the backup; nothing was restored") from None
    except OSError as error:
        raise BackupError(f"could not restore {entry.path} from {source}: {error.strerror or error}") from None
    named = not is_photo or PurePosixPath(entry.path).stem == entry.sha256
    if (written.size, written.sha256.hexdigest()) == (entry.size, entry.sha256) and named:
        return True
    target.unlink(missing_ok=True)
    if is_photo:
        return False
    raise BackupError(f"{source}: it is not the file the backup's manifest lists (altered); nothing was restored")


@contextmanager
def _staging(target: Path) -> Iterator[Path]:
    """A hidden folder to restore into, given the target's name only when the body finished; removed otherwise.
    An existing (empty) target is filled from inside, so it may be a drive's own top folder."""
    inside = target.is_dir()
    try:
        remove_leftovers(target if inside else target.parent)  # of a restore that was killed there before
        staging = temp_path((target if inside else target.parent) / f"{target.name}.restoring")
        staging.mkdir(mode=0o700)  # the app's own temporary name: a later start or write there removes it if cut off
    except OSError as error:
        raise BackupError(f"could not restore into {target}: {error.strerror or error}") from None
    moved: list[Path] = []
    try:
        yield staging
        if not inside:
            staging.rename(target)
            return
        for entry in sorted(staging.iterdir()):
            moved.append(entry.rename(target / entry.name))
        staging.rmdir()
        with contextlib.suppress(OSError):  # an existing folder keeps its modes: as private as a data folder
            target.chmod(0o700)
    except BaseException as error:
        for path in moved:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise BackupError(f"could not restore into {target}: {error.strerror or error}") from None
        raise


def _restore_plain(backup: Path, target: Path, progress: Progress) -> RestoreResult:
    """An unencrypted backup: its database checked by SQLite, each photo against its SHA-256, copied whole."""
    with _staging(target) as staging:
        try:
            copy_database(backup / DATABASE, staging / DATABASE)
        except DatabaseError:
            raise BackupError(f"{backup / DATABASE}: damaged, or not a database; nothing was restored") from None
        files, damaged = _plain_files(backup), []
        for done, source in enumerate(files):
            progress.check()
            progress.report(done, len(files), f"Restoring ({done} of {len(files)} files)")
            if not _copy_checked(source, staging / source.relative_to(backup)):
                damaged.append(source.relative_to(backup).as_posix())
        progress.report(len(files), len(files))
        missing = sorted(set(photo_hashes(staging / DATABASE)) - {p.name.split(".")[0] for p in files})
    kept = [path for path in files if path.relative_to(backup).as_posix() not in damaged]
    photos = sum(1 for path in kept if path.relative_to(backup).parts[0] == "photos")
    size = sum(path.stat().st_size for path in kept) + (target / DATABASE).stat().st_size
    return RestoreResult(target, files=len(kept) + 1, photos=photos, size=size, missing=missing, damaged=damaged)


def _plain_files(backup: Path) -> list[Path]:
    found = [backup / SETTINGS] if (backup / SETTINGS).is_file() else []
    for folder in (backup / "checklists", backup / "photos" / "originals"):
        found += sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) if folder.is_dir() else []
    return found


def _copy_checked(source: Path, target: Path) -> bool:
    """Copy ``source``; False (and nothing kept of it) for a photo that is no longer the photo its name (its SHA-256)
    says, damaged in the backup: left out as the encrypted restore leaves it out, so one bad sector does not cost
    the database and every other photo."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with source.open("rb") as src, target.open("wb") as out:
            written = _Hashing(out)
            shutil.copyfileobj(src, written)
    except OSError as error:
        raise BackupError(f"could not restore {source}: {error.strerror or error}") from None
    if "originals" in source.parts and written.sha256.hexdigest() != source.name.split(".")[0]:
        target.unlink()
        return False
    return True
