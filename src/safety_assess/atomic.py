"""Files written whole or not at all: a temporary file beside the target, flushed to disk, renamed over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from safety_assess.domain.errors import SafetyAssessError


class WriteError(SafetyAssessError):
    """The file could not be written (folder missing, disk full, no permission)."""


@contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A temporary file beside ``out``, flushed to disk and renamed over it only when the body succeeds; an
    interrupted or failed write leaves ``out`` as it was and no partial file behind."""
    folder = out.resolve().parent
    if not folder.is_dir():
        raise WriteError(f"cannot write {out}: the folder {folder} does not exist")
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".partial")
    except OSError as error:
        raise WriteError(f"cannot write {out}: {error.strerror or error}") from None
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        partial.replace(out)
    except OSError as error:
        raise WriteError(f"cannot write {out}: {error.strerror or error}") from None
    finally:
        partial.unlink(missing_ok=True)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all; WriteError when it cannot be written."""
    with replacing(path) as partial:
        partial.write_text(text, encoding="utf-8")
