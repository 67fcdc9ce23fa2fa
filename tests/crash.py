"""What a process killed mid-way leaves behind, made on purpose: a process number that no longer runs, and a photo
import that stopped at a chosen file."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

import pytest

from safety_assess.services import photos as photos_service
from safety_assess.services.workspace import Workspace


def dead_pid() -> int:
    """The number of a process that has just ended (and been waited for)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


class Crash(Exception):
    """Stands for the process dying."""


def import_cut_off(
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    assessment_id: uuid.UUID,
    item_id: str,
    files: Sequence[Path],
    at: int,
) -> None:
    """Import ``files`` as a process that dies on reaching ``files[at]``: its journal is left as it was at that
    moment, naming a process that no longer runs, and the photos before are in the database."""
    ingest, left = photos_service.ingest, {}

    def dying(store: object, path: Path) -> object:
        if path == files[at]:
            for journal in workspace.data_dir.photo_imports.glob("*.json"):
                left[journal] = {**json.loads(journal.read_text(encoding="utf-8")), "pid": dead_pid()}
            raise Crash
        return ingest(store, path)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.setattr(photos_service, "ingest", dying)
        with pytest.raises(Crash):
            photos_service.add_photos(workspace, assessment_id, item_id, files)
    for journal, entry in left.items():
        journal.write_text(json.dumps(entry), encoding="utf-8")


def make_photos(folder: Path, count: int) -> list[Path]:
    """``count`` small, different JPEG files."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"IMG_{number + 1:04}.jpg"
        Image.new("RGB", (64, 48), (40 * number % 256, 90, 160)).save(path, "JPEG")
        paths.append(path)
    return paths
