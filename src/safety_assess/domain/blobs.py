"""What the photo store and the database say of a photo file kept on a shared server (see photos/blobs.py)."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("original", "thumb", "report")


@dataclass(frozen=True)
class BlobKey:
    sha256: str
    kind: str
    """"original", or a rendition's kind ("thumb", "report")."""


@dataclass(frozen=True)
class BlobState:
    extension: str
    size: int
    digest: str
    chunks: int
    stored: int
    """How many chunks are stored, counted from the first (all of them once complete)."""
    complete: bool
