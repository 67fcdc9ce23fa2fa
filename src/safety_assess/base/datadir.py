"""The data folder: database, user checklists, backups and settings, in one place per user.

Which folder: ``--data-dir``, else $SAFETY_ASSESS_DATA_DIR, else the folder chosen in Settings (remembered in a small
versioned file in the user's configuration folder, outside any data folder), else the platform's user data folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from safety_assess.base.atomic import WriteError, write_text
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.versions import version_problem

ENV_VAR = "SAFETY_ASSESS_DATA_DIR"
CONFIG_ENV_VAR = "SAFETY_ASSESS_CONFIG_DIR"
"""Where the chosen data folder is remembered; the platform's user configuration folder when unset (tests set it)."""
APP_NAME = "safety-assess"
LOCATION_VERSION = 1
Source = Literal["option", "environment", "remembered", "default"]


class DataDirError(SafetyAssessError):
    """The data folder cannot be created or written."""


@dataclass(frozen=True)
class DataDir:
    root: Path
    source: Source = field(default="option", compare=False)
    """How the folder was chosen."""

    @classmethod
    def resolve(cls, option: str | os.PathLike[str] | None = None) -> DataDir:
        """``--data-dir`` first, then $SAFETY_ASSESS_DATA_DIR, then the folder chosen in Settings, then the
        platform's user data folder."""
        if option:
            return cls(_absolute(option), "option")
        if os.environ.get(ENV_VAR):
            return cls(_absolute(os.environ[ENV_VAR]), "environment")
        remembered = remembered_data_folder()
        if remembered is not None:
            return cls(remembered, "remembered")
        return cls(default_data_folder(), "default")

    @property
    def missing(self) -> bool:
        """The folder chosen in Settings is not there (a drive not connected): never made anew in its place."""
        return self.source == "remembered" and not self.root.is_dir()

    @property
    def database(self) -> Path:
        return self.root / "safety-assess.sqlite3"

    @property
    def checklists(self) -> Path:
        return self.root / "checklists"

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def device_key(self) -> Path:
        """This installation's private signing key (see safety_assess.keys.device)."""
        return self.root / "device-key.pem"

    @property
    def district_staff_key(self) -> Path:
        """On a shared database, the secret the district's signing key is sealed with there; the same file on every
        staff computer (see safety_assess.keys.staff)."""
        return self.root / "district-staff.key"

    @property
    def district_key(self) -> Path:
        """The district's private encryption key, at the district's installation only (see keys.district_key)."""
        return self.root / "district-key.pem"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def pending_writes(self) -> Path:
        """The writes under way, so the next start tidies up after one cut off (see base.pending_writes)."""
        return self.root / "pending-writes"

    @property
    def photo_imports(self) -> Path:
        """The photo imports under way, so the next start tells of one cut off (see services.photo_journal)."""
        return self.root / "photo-imports"

    def prepare(self) -> DataDir:
        """Create the folder and its subfolders and prove it is writable; raise DataDirError if not."""
        if self.missing:
            raise DataDirError(
                f"the data folder chosen in Settings, {self.root}, is not there. If it is on a drive, connect it "
                f"and start again; to use the usual folder instead, delete {location_file()}"
            )
        try:
            for folder in (self.root, self.checklists, self.backups):
                folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.root, prefix=".write-test-"):
                pass
        except OSError as error:
            reason = error.strerror or str(error)
            raise DataDirError(f"data folder {self.root} cannot be written: {reason}") from None
        return self


def is_data_folder(folder: Path) -> bool:
    """The folder holds Safety Assess data (a database or settings)."""
    return (folder / "safety-assess.sqlite3").is_file() or (folder / "settings.json").is_file()


def default_data_folder() -> Path:
    import platformdirs  # only where no folder is named (--data-dir, $SAFETY_ASSESS_DATA_DIR): a faster start

    return _absolute(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def location_file() -> Path:
    """The file that remembers the data folder chosen in Settings."""
    import platformdirs

    config = os.environ.get(CONFIG_ENV_VAR) or platformdirs.user_config_dir(APP_NAME, appauthor=False)
    return _absolute(config) / "data-folder.json"


def remembered_data_folder() -> Path | None:
    """The data folder chosen in Settings; None when none was chosen. A damaged file is refused, never guessed
    around: starting on another folder would look as if the data were gone."""
    path = location_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except OSError as error:
        raise DataDirError(f"{path} (which says where your data folder is) cannot be read: {error.strerror}") from None
    except ValueError:
        raise DataDirError(f"{path} (which says where your data folder is) is damaged: it is not JSON") from None
    problem = version_problem(data.get("schema_version") if isinstance(data, dict) else None, LOCATION_VERSION)
    if problem is not None:
        raise DataDirError(f"{path} (which says where your data folder is): {problem}")
    folder = data.get("data_folder")
    if not isinstance(folder, str) or not folder:
        raise DataDirError(f"{path} (which says where your data folder is) names no folder")
    return _absolute(folder)


def remember_data_folder(folder: Path | None) -> None:
    """Start on ``folder`` from now on (None: the platform's usual folder again); written atomically."""
    path = location_file()
    if folder is None or _absolute(folder) == default_data_folder():
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise DataDirError(
                f"could not forget the data folder chosen in {path}: {error.strerror or error}"
            ) from None
        return
    text = json.dumps({"schema_version": LOCATION_VERSION, "data_folder": str(_absolute(folder))}, indent=2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, text)
    except (OSError, WriteError) as error:
        reason = error.strerror if isinstance(error, OSError) else error
        raise DataDirError(
            f"could not remember the data folder {folder} in {path}: {reason}; start Safety Assess with "
            f"--data-dir {folder} instead"
        ) from None


def _absolute(folder: str | os.PathLike[str]) -> Path:
    return Path(folder).expanduser().absolute()
