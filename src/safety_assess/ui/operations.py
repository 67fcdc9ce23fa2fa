"""The one way to run slow work: off the UI thread, with progress and cancel, handing back what changed.

A job is a plain, Qt-free callable ``work(progress) -> result`` (see ``safety_assess.base.jobs``).
``Operations.run()`` starts it on a small thread pool and returns an ``Operation`` whose signals arrive
on the UI thread: ``progressed`` (throttled), then exactly one of ``finished``, ``failed`` or ``cancelled``.
What the job changed is published into the app's change channel (``safety_assess.ui.changes``) just before.

Threads: the worker only ever touches the job, its ``Progress`` and a private relay object that belongs
to ``Operations``; every ``Operation`` is created, used and dropped on the UI thread.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, Signal, Slot

from safety_assess.base.jobs import Cancelled, Changes, Progress
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.ui.changes import ChangeChannel

logger = logging.getLogger(__name__)

R = TypeVar("R")
MAX_THREADS = 2
INT64: Any = "qlonglong"
"""Signal argument type for counts that may be bytes: ``Signal(int)`` carries only 32 bits (the stubs want a type)."""


class _End(Enum):
    FINISHED = "finished"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class _Outcome:
    end: _End
    result: object = None
    message: str = ""
    changes: Changes = field(default_factory=Changes)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _execute(
    title: str, work: Callable[[Progress], Any], progress: Progress, changes: Callable[[Any], Changes] | None
) -> _Outcome:
    """Run the job on the worker thread and turn however it ended into an outcome; never raises."""
    try:
        progress.check()
        result = work(progress)
        progress.flush()
        made = changes(result) if changes is not None else result if isinstance(result, Changes) else Changes()
        return _Outcome(_End.FINISHED, result=result, changes=progress.changes.merge(made))
    except Cancelled:
        return _Outcome(_End.CANCELLED, changes=progress.changes)
    except SafetyAssessError as error:
        return _Outcome(_End.FAILED, message=_one_line(str(error)), changes=progress.changes)
    except Exception as error:
        logger.exception("operation %r failed", title)
        message = _one_line(f"internal error ({type(error).__name__}: {error})")
        return _Outcome(_End.FAILED, message=message, changes=progress.changes)


class Operation(QObject):
    """One running job, as the UI sees it. Every signal arrives on the UI thread."""

    progressed = Signal(INT64, INT64, str)
    """done, total (0: unknown; 64-bit, so bytes fit), message; throttled, the last report always arrives."""
    finished = Signal(object)
    """The job's return value."""
    failed = Signal(str)
    """A one-line message fit to show the user."""
    cancelled = Signal()

    def __init__(self, title: str, progress: Progress, owner: object = None) -> None:
        super().__init__()
        self._title = title
        self._progress = progress
        self._running = True
        self._owner = owner
        """Kept alive while the job runs (Qt holds a bound method's object weakly), let go when it ends."""

    @property
    def title(self) -> str:
        return self._title

    def cancel(self) -> None:
        """Ask the job to stop; it ends with ``cancelled`` once it notices (or ``finished`` if it never looks)."""
        self._progress.cancel()

    def is_running(self) -> bool:
        """True until one of ``finished``, ``failed`` or ``cancelled`` has been emitted."""
        return self._running

    def _end(self, outcome: _Outcome) -> None:
        self._running = False
        if outcome.end is _End.FINISHED:
            self.finished.emit(outcome.result)
        elif outcome.end is _End.FAILED:
            self.failed.emit(outcome.message)
        else:
            self.cancelled.emit()
        self._owner = None


class _Relay(QObject):
    """Carries news from the worker threads; a child of ``Operations``, so no worker ever deletes it."""

    reported = Signal(int, INT64, INT64, str)
    """job id, done, total, message"""
    ended = Signal(int, object)
    """job id, _Outcome"""


class Operations(QObject):
    """Runs jobs in the background for one app window (its ``parent``) and tells the UI how they went; what a job
    changed is published into ``channel`` as changed in that window, however the job ended, before its own end
    signal."""

    started = Signal(Operation)
    """A job was queued; connect to its signals to show its progress."""
    busyChanged = Signal(bool)
    """True when the first job starts, False when the last one ends."""

    def __init__(self, channel: ChangeChannel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._channel = channel
        # Created before the relay, so it is destroyed first: its destructor waits for the jobs still running.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(MAX_THREADS)
        self._relay = _Relay(self)
        self._relay.reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)
        self._relay.ended.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)
        self._ids = itertools.count(1)
        self._running: dict[int, Operation] = {}
        self._busy = False

    def run(
        self,
        title: str,
        work: Callable[[Progress], R],
        *,
        on_done: Callable[[R], object] | None = None,
        on_error: Callable[[str], object] | None = None,
        changes: Callable[[R], Changes] | None = None,
        owner: object = None,
    ) -> Operation:
        """Start ``work`` on a worker thread; ``changes`` maps its result to what it changed.

        Without ``changes``, a result that is itself a ``Changes`` counts; whatever the job ``record()``-ed
        counts too. The returned operation is kept alive until it ends, whether the caller keeps it or not, and
        so is ``owner`` (an export or import whose handlers are its bound methods): forgotten once it ends.
        """
        job_id = next(self._ids)
        progress = Progress(functools.partial(self._relay.reported.emit, job_id))
        operation = Operation(title, progress, owner)
        if on_done is not None:
            operation.finished.connect(on_done)
        if on_error is not None:
            operation.failed.connect(on_error)
        self._running[job_id] = operation
        self._set_busy(True)
        self.started.emit(operation)
        relay = self._relay
        self._pool.start(lambda: relay.ended.emit(job_id, _execute(title, work, progress, changes)))
        return operation

    def is_busy(self) -> bool:
        return self._busy

    def running(self) -> list[Operation]:
        """The operations that have not ended yet, oldest first."""
        return list(self._running.values())

    def cancel_all(self) -> None:
        for operation in self.running():
            operation.cancel()

    def wait_all(self, timeout_ms: int) -> bool:
        """Wait for every job (for closing the app) and deliver how they ended; False if some still run."""
        done = self._pool.waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        return done and not self._running

    @Slot(int, INT64, INT64, str)
    def _on_reported(self, job_id: int, done: int, total: int, message: str) -> None:
        operation = self._running.get(job_id)
        if operation is not None:
            operation.progressed.emit(done, total, message)

    @Slot(int, object)
    def _on_ended(self, job_id: int, outcome: _Outcome) -> None:
        operation = self._running.pop(job_id)
        self._channel.publish(outcome.changes, self.parent())
        operation._end(outcome)
        self._set_busy(bool(self._running))

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
