"""Writing a file the user asked for: whole, or not at all (see safety_assess.atomic), and no leftover of a write
that was cut off once the app runs again (see safety_assess.leftovers and safety_assess.pending_writes)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from safety_assess.atomic import WriteError, replacing
from safety_assess.datadir import DataDir
from safety_assess.leftovers import remove_leftovers
from safety_assess.pending_writes import PendingWrites

__all__ = ["WriteError", "replacing", "tidy_up", "writing"]


@contextmanager
def writing(data_dir: DataDir, out: Path) -> Iterator[Path]:
    """The temporary file to write ``out`` into (see atomic.replacing); its folder is noted in the data folder
    until the write ends, so a write cut off there is tidied up after at the next start."""
    with PendingWrites(data_dir.pending_writes).writing(out.absolute().parent), replacing(out) as partial:
        yield partial


def tidy_up(data_dir: DataDir) -> list[Path]:
    """At start: remove what writes that were cut off left, in the folders noted and in the data folder's own
    (settings, backups before an upgrade, working folders of exports and imports, the notes themselves); never
    raises, never waits for a missing drive."""
    own = [data_dir.root, data_dir.backups, data_dir.photos, data_dir.pending_writes, data_dir.photo_imports]
    return PendingWrites(data_dir.pending_writes).tidy() + [path for f in own for path in remove_leftovers(f)]
