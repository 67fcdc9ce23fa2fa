"""A photo file lost from the photo store, for the tests of what a report, bundle or map does without it: removed
from the data folder and, on a shared server (pytest --postgres), from the server too, which would send it back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete

from safety_assess.services.workspace import Workspace
from safety_assess.storage.orm import PhotoBlobRow


def lose(workspace: Workspace, path: Path) -> None:
    """Remove the store's file at ``path`` (an original, or a rendition named ``SHA.KIND.jpg``)."""
    path.unlink()
    if not workspace.shared:
        return
    sha256, *rest = path.name.split(".")
    kind = rest[0] if path.parent.name == "renditions" else "original"
    with workspace.database.session() as session:
        session.execute(delete(PhotoBlobRow).where(PhotoBlobRow.sha256 == sha256, PhotoBlobRow.kind == kind))
