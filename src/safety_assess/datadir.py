"""The data folder: database, user checklists, backups and settings, in one place per user."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from safety_assess.domain.errors import SafetyAssessError

ENV_VAR = "SAFETY_ASSESS_DATA_DIR"
APP_NAME = "safety-assess"


class DataDirError(SafetyAssessError):
    """The data folder cannot be created or written."""


@dataclass(frozen=True)
class DataDir:
    root: Path

    @classmethod
    def resolve(cls, option: str | os.PathLike[str] | None = None) -> DataDir:
        """``--data-dir`` first, then $SAFETY_ASSESS_DATA_DIR, then the platform's user data folder."""
        chosen = option or os.environ.get(ENV_VAR) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
        return cls(Path(chosen).expanduser().absolute())

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
        """This installation's private signing key (see safety_assess.sync.device)."""
        return self.root / "device-key.pem"

    @property
    def district_key(self) -> Path:
        """The district's private encryption key, at the district's installation only (see sync.district_key)."""
        return self.root / "district-key.pem"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    def prepare(self) -> DataDir:
        """Create the folder and its subfolders and prove it is writable; raise DataDirError if not."""
        try:
            for folder in (self.root, self.checklists, self.backups):
                folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.root, prefix=".write-test-"):
                pass
        except OSError as error:
            reason = error.strerror or str(error)
            raise DataDirError(f"data folder {self.root} cannot be written: {reason}") from None
        return self
