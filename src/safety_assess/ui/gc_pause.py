"""Pausing Python's cyclic garbage collector while a window builds many objects at once.

A full collection walks the whole heap (Qt wrappers, ORM state, the checklist): on a large plan it cost 100 to 200 ms
at random moments while a window opened (measured with bench/rescore.py). Objects are still freed by reference
counting meanwhile; the collector resumes right after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
