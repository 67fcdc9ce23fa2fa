"""Fixtures for the backup tests: a quick passphrase key, and the district's installation holding its key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.services import backup_keys
from safety_assess.services.sealing import district_public_key
from safety_assess.services.workspace import Workspace

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lightest work factor a backup may carry: the same code, a fraction of the time."""
    monkeypatch.setattr(backup_keys, "SCRYPT_N", 2**14)


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Workspace]:
    """The district's installation, holding the district key; its key file is ``district.sadistrictkey``."""
    opened = Workspace.open(DataDir(tmp_path / "district"))
    key = district_public_key(opened, create=True)
    assert key is not None
    (tmp_path / "district.sadistrictkey").write_text(key.to_json(), encoding="utf-8")
    yield opened
    opened.close()
