from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.postgres import FolderDatabases

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli(tmp_path: Path, database_url_for: FolderDatabases) -> Run:
    """Run the real program (``python -m safety_assess``) on a fresh data folder (and, on pytest --postgres,
    a fresh database of the test server for each folder, given by --database-url)."""
    data = tmp_path / "data"

    def run(
        *args: str, data_dir: Path | None = data, env: dict[str, str] | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, **(env or {})}
        full_env.pop("SAFETY_ASSESS_DEBUG", None)
        prefix = ["--data-dir", str(data_dir)] if data_dir is not None else []
        url = database_url_for(data_dir) if data_dir is not None else None
        prefix += ["--database-url", url] if url else []
        return subprocess.run(
            [sys.executable, "-m", "safety_assess", *prefix, *args],
            capture_output=True,
            text=True,
            env=full_env,
            timeout=timeout,
            check=False,
        )

    return run


def fingerprint(cli: Run, folder: Path) -> str:
    """The device fingerprint of the installation in ``folder`` (what ``bundle import --trust`` takes)."""
    return str(json.loads(cli("device", "show", "--json", data_dir=folder).stdout)["fingerprint"])


def fingerprints(cli: Run, *folders: Path) -> dict[Path, str]:
    """The fingerprint of each installation, by its folder."""
    return {folder: fingerprint(cli, folder) for folder in folders}
