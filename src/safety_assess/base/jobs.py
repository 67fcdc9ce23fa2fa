"""What a slow job sees of whoever runs it: report progress, notice a cancel, note what it changed. No Qt.

A job is a plain callable ``work(progress: Progress) -> R``. The UI runs it on a worker thread
(``safety_assess.ui.operations``); a test or the CLI can call it directly with ``Progress()``.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

REPORT_INTERVAL = 0.05
"""Seconds between two progress reports passed on; the ones in between are dropped, except the last."""

ReportFn = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The job stopped because it was asked to; not an error, so nothing is shown to the user."""


@dataclass(frozen=True)
class Changes:
    """What a write changed, so each window refreshes only what it shows. Empty (false) when nothing changed.

    The assessment sets say which part changed: a window showing answers need not follow an action's status, and
    a plan need not follow a caption. Merged with ``merge()`` (everything changed in either).
    """

    assessments: frozenset[uuid.UUID] = frozenset()
    """Assessments changed as a whole: started, completed, reopened, brought in by a bundle."""
    answers: frozenset[uuid.UUID] = frozenset()
    """Assessments whose answers, notes or group instances changed (and so may their raised findings and scores)."""
    photos: frozenset[uuid.UUID] = frozenset()
    """Assessments whose photos changed: added, captioned, moved, annotated, deleted."""
    plans: frozenset[uuid.UUID] = frozenset()
    """Assessments whose findings or corrective actions changed (a status followed up too)."""
    maps: frozenset[uuid.UUID] = frozenset()
    """Campuses whose site or floor plans changed: a plan, its scale, markers, walls or zones."""
    campuses: bool = False
    catalog: bool = False
    settings: frozenset[str] = frozenset()
    """Names of the settings that changed (``Settings`` fields)."""
    data_folder: bool = False
    """The app moves to another data folder (it restarts there)."""

    def merge(self, other: Changes) -> Changes:
        """Everything changed in either."""
        return Changes(
            assessments=self.assessments | other.assessments,
            answers=self.answers | other.answers,
            photos=self.photos | other.photos,
            plans=self.plans | other.plans,
            maps=self.maps | other.maps,
            campuses=self.campuses or other.campuses,
            catalog=self.catalog or other.catalog,
            settings=self.settings | other.settings,
            data_folder=self.data_folder or other.data_folder,
        )

    @property
    def touched(self) -> frozenset[uuid.UUID]:
        """Every assessment changed in any part."""
        return self.assessments | self.answers | self.photos | self.plans

    def __bool__(self) -> bool:
        return bool(self.touched or self.maps or self.campuses or self.catalog or self.settings or self.data_folder)


class Progress:
    """Handed to a job: ``report()`` how far it is, ``check()`` for a cancel, ``record()`` what it changed.

    Reports are throttled: the first, every one at least ``interval`` seconds after the last one passed on,
    and the final one (``done >= total``) reach ``on_report``; ``flush()`` passes on one held back.
    A ``total`` of 0 means the amount of work is not known. Safe to use from several threads.
    """

    def __init__(
        self,
        on_report: ReportFn | None = None,
        *,
        interval: float = REPORT_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._on_report = on_report
        self._interval = interval
        self._clock = clock
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._last_sent: float | None = None
        self._held: tuple[int, int, str] | None = None
        self._changes = Changes()

    @property
    def cancelled(self) -> bool:
        """True once someone asked the job to stop."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop; it notices at its next ``check()`` (or look at ``cancelled``)."""
        self._cancel.set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the job was asked to stop."""
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int, message: str = "") -> None:
        """The job has done ``done`` of ``total`` steps; ``message`` says what it is doing."""
        with self._lock:
            now = self._clock()
            final = 0 < total <= done
            if not final and self._last_sent is not None and now - self._last_sent < self._interval:
                self._held = (done, total, message)
                return
            self._send(now, (done, total, message))

    def flush(self) -> None:
        """Pass on the last report if it was held back."""
        with self._lock:
            if self._held is not None:
                self._send(self._clock(), self._held)

    def _send(self, now: float, report: tuple[int, int, str]) -> None:
        self._held = None
        self._last_sent = now
        if self._on_report is not None:
            self._on_report(*report)

    def record(self, changes: Changes) -> None:
        """Note what the job changed so far; kept even if the job is later cancelled or fails."""
        with self._lock:
            self._changes = self._changes.merge(changes)

    @property
    def changes(self) -> Changes:
        """Everything ``record()``-ed so far."""
        with self._lock:
            return self._changes
