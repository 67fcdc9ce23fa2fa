"""Writing a file the user asked for: whole, or not at all (see safety_assess.base.atomic), and no leftover of a write
that was cut off once the app runs again (see safety_assess.base.leftovers and safety_assess.base.pending_writes)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from safety_assess.base.atomic import replacing
from safety_assess.base.datadir import DataDir
from safety_assess.base.leftovers import remove_leftovers
from safety_assess.base.pending_writes import PendingWrites


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
