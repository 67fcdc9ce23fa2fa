"""Files written whole or not at all: a temporary file beside the target, flushed to disk, renamed over it.

The temporary file has the app's own name (safety_assess.base.leftovers), so one left by a write that was cut off is
removed by the next write into that folder, or at the next start (see services.files).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from safety_assess.domain.errors import SafetyAssessError


class WriteError(SafetyAssessError):
    """The file could not be written (folder missing, disk full, no permission)."""


@contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A temporary file beside ``out``, flushed to disk and renamed over it only when the body succeeds; a failed
    or cancelled write leaves ``out`` as it was and no partial file behind. The stale leftovers of writes cut off
    earlier in that folder are removed first."""
    # imported on the first write, not while the app starts (it loads hashlib and secrets)
    from safety_assess.base.leftovers import remove_leftovers

    folder = out.resolve().parent
    if not folder.is_dir():
        raise WriteError(f"cannot write {out}: the folder {folder} does not exist")
    remove_leftovers(folder)
    partial = _create(folder / out.name, out)
    try:
        yield partial
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        partial.replace(out)
    except OSError as error:
        raise WriteError(f"cannot write {out}: {error.strerror or error}") from None
    finally:
        partial.unlink(missing_ok=True)


def _create(target: Path, out: Path) -> Path:
    """A new, empty temporary file for ``target``, readable by this user only."""
    from safety_assess.base.leftovers import temp_path

    for _ in range(10):
        partial = temp_path(target)
        try:
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return partial
        except FileExistsError:
            continue
        except OSError as error:
            raise WriteError(f"cannot write {out}: {error.strerror or error}") from None
    raise WriteError(f"cannot write {out}: no free temporary name beside it")


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all; WriteError when it cannot be written."""
    with replacing(path) as partial:
        partial.write_text(text, encoding="utf-8")
