"""Background operations: the work runs on a worker thread, everything it tells the UI arrives on the UI thread."""

from __future__ import annotations

import gc
import logging
import sys
import threading
import uuid
import weakref
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from safety_assess.base.jobs import Changes, Progress
from safety_assess.domain.errors import NotFoundError
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.operations import Operations
from safety_assess.ui.progress_dialog import follow

WAIT = 5.0
"""Seconds a job waits for its gate before giving up, so a failing test cannot hang."""


@pytest.fixture
def channel(qapp: QApplication) -> ChangeChannel:
    return ChangeChannel()


@pytest.fixture
def operations(channel: ChangeChannel) -> Iterator[Operations]:
    ops = Operations(channel)
    yield ops
    ops.cancel_all()
    assert ops.wait_all(5000)


def gated(started: threading.Event, go: threading.Event, result: object = "done") -> Callable[[Progress], object]:
    """A job that says it started, then waits for the test to let it go, then looks for a cancel."""

    def work(progress: Progress) -> object:
        progress.report(0, 1, "waiting")
        started.set()
        assert go.wait(WAIT)
        progress.check()
        return result

    return work


def test_the_work_runs_on_a_worker_and_the_result_arrives_on_the_ui_thread(
    operations: Operations, qapp: QApplication, qtbot
) -> None:
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["work thread"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["on ui thread"] = QThread.currentThread() == qapp.thread()
        seen["done thread"] = threading.get_ident()

    operation = operations.run("Answer", work, on_done=done)
    assert operation.title == "Answer"
    assert operation.is_running()
    with qtbot.waitSignal(operation.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert seen["result"] == 42
    assert seen["on ui thread"] is True
    assert seen["done thread"] == threading.main_thread().ident != seen["work thread"]
    assert not operation.is_running()


def test_progress_is_throttled_but_the_last_report_arrives(operations: Operations, qtbot) -> None:
    reports: list[tuple[int, int, str]] = []

    def work(progress: Progress) -> None:
        for done in range(1, 10_001):
            progress.report(done, 10_000, f"step {done}")

    operation = operations.run("Count", work)
    operation.progressed.connect(lambda done, total, message: reports.append((done, total, message)))
    with qtbot.waitSignal(operation.finished, timeout=5000):
        pass
    assert 1 <= len(reports) < 100
    assert reports[-1] == (10_000, 10_000, "step 10000")


def test_a_report_held_back_is_delivered_when_the_job_ends(operations: Operations, qtbot) -> None:
    reports: list[tuple[int, int, str]] = []

    def work(progress: Progress) -> None:
        progress.report(1, 10, "first")
        progress.report(9, 10, "almost")

    operation = operations.run("Stop early", work)
    operation.progressed.connect(lambda *report: reports.append(report))
    with qtbot.waitSignal(operation.finished, timeout=5000):
        pass
    assert reports == [(1, 10, "first"), (9, 10, "almost")]


def test_progress_counts_may_be_bytes_beyond_32_bits(operations: Operations, qtbot) -> None:
    operation = operations.run("Copy", lambda progress: progress.report(2**33, 2**34, "copying"))
    with qtbot.waitSignal(operation.progressed, timeout=5000) as blocker:
        pass
    assert blocker.args == [2**33, 2**34, "copying"]


def test_a_progress_bar_follows_bytes_beyond_32_bits(operations: Operations, qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()

    def copy(progress: Progress) -> None:
        progress.report(2**33, 2**34, "copying")
        release.wait(30)

    operation = operations.run("Copy", copy)
    dialog = follow(parent, "Copy", "Copying…", operation)
    qtbot.waitUntil(lambda: dialog.maximum() > 1)
    assert dialog.value() * 2 == dialog.maximum() and dialog.labelText() == "copying"  # half, on a 32-bit bar
    release.set()
    with qtbot.waitSignal(operation.finished, timeout=30_000):
        pass


def test_a_cancelled_job_ends_with_cancelled_not_finished(operations: Operations, qtbot) -> None:
    started, go = threading.Event(), threading.Event()
    operation = operations.run("Long", gated(started, go))
    finished: list[object] = []
    operation.finished.connect(finished.append)
    qtbot.waitUntil(started.is_set, timeout=5000)
    with qtbot.waitSignal(operation.cancelled, timeout=5000):
        operation.cancel()
        go.set()
    assert finished == []
    assert not operation.is_running()


def test_a_job_cancelled_while_queued_never_runs(operations: Operations, qtbot) -> None:
    gates = [(threading.Event(), threading.Event()) for _ in range(2)]
    busy = [operations.run(f"Busy {n}", gated(*gate)) for n, gate in enumerate(gates)]
    ran = threading.Event()
    queued = operations.run("Queued", lambda progress: ran.set())
    queued.cancel()
    with qtbot.waitSignals([queued.cancelled, *(op.finished for op in busy)], timeout=5000):
        for _, go in gates:
            go.set()
    assert not ran.is_set()


def test_a_domain_error_fails_with_its_own_message(operations: Operations, qtbot) -> None:
    def work(progress: Progress) -> None:
        raise NotFoundError("no campus with code 'XYZ'")

    messages: list[str] = []
    operation = operations.run("Import", work, on_error=messages.append)
    with qtbot.waitSignal(operation.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["no campus with code 'XYZ'"]
    assert messages == ["no campus with code 'XYZ'"]


def test_an_unexpected_error_is_an_internal_error_and_its_traceback_is_logged(
    operations: Operations, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    def work(progress: Progress) -> None:
        raise ValueError("bad\nvalue")

    operation = operations.run("Export", work)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(operation.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["internal error (ValueError: bad value)"]
    [record] = [r for r in caplog.records if r.name == "safety_assess.ui.operations"]
    assert "Export" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is ValueError


def test_the_channel_carries_what_the_job_recorded_merged_with_what_its_result_says(
    operations: Operations, channel: ChangeChannel, qtbot
) -> None:
    assessment, photo = uuid.uuid4(), uuid.uuid4()

    def work(progress: Progress) -> uuid.UUID:
        progress.record(Changes(campuses=True))
        progress.record(Changes(photos=frozenset({photo})))
        return assessment

    events: list[tuple[str, object]] = []
    channel.subscribe(lambda changes, _origin: events.append(("changed", changes)))
    operation = operations.run("Import", work, changes=lambda made: Changes(assessments=frozenset({made})))
    operation.finished.connect(lambda result: events.append(("finished", result)))
    with qtbot.waitSignal(operation.finished, timeout=5000):
        pass
    merged = Changes(assessments=frozenset({assessment}), campuses=True, photos=frozenset({photo}))
    assert events == [("changed", merged), ("finished", assessment)]


def test_a_result_that_is_changes_counts_without_a_mapping(
    operations: Operations, channel: ChangeChannel, qtbot
) -> None:
    with qtbot.waitSignal(channel.published, timeout=5000) as blocker:
        operations.run("Reload", lambda progress: Changes(catalog=True))
    assert blocker.args == [Changes(catalog=True), None]  # as changed in the window owning the operations: none


def test_a_jobs_changes_come_from_the_window_that_ran_it(channel: ChangeChannel, qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    operations = Operations(channel, window)
    with qtbot.waitSignal(channel.published, timeout=5000) as blocker:
        operations.run("Import", lambda progress: Changes(campuses=True))
    assert blocker.args == [Changes(campuses=True), window]


def test_a_cancelled_job_still_reports_what_it_changed_before_it_stopped(
    operations: Operations, channel: ChangeChannel, qtbot
) -> None:
    def work(progress: Progress) -> None:
        progress.record(Changes(campuses=True))
        progress.cancel()
        progress.check()

    events: list[object] = []
    channel.subscribe(lambda changes, _origin: events.append(changes))
    operation = operations.run("Partial", work)
    operation.cancelled.connect(lambda: events.append("cancelled"))
    with qtbot.waitSignal(operation.cancelled, timeout=5000):
        pass
    assert events == [Changes(campuses=True), "cancelled"]


def test_nothing_changed_publishes_nothing(operations: Operations, channel: ChangeChannel, qtbot) -> None:
    operation = operations.run("Look", lambda progress: 7)
    with qtbot.assertNotEmitted(channel.published), qtbot.waitSignal(operation.finished, timeout=5000):
        pass


def test_busy_goes_true_with_the_first_job_and_false_after_the_last(operations: Operations, qtbot) -> None:
    states: list[bool] = []
    operations.busyChanged.connect(states.append)
    started, go = threading.Event(), threading.Event()
    first = operations.run("First", gated(started, go))
    second = operations.run("Second", lambda progress: None)
    assert operations.is_busy()
    with qtbot.waitSignal(second.finished, timeout=5000):
        pass
    assert states == [True]
    with qtbot.waitSignal(operations.busyChanged, timeout=5000) as blocker:
        go.set()
    assert blocker.args == [False]
    assert states == [True, False]
    assert not first.is_running() and not operations.is_busy()


def test_a_job_started_when_another_ends_keeps_the_app_busy(operations: Operations, qtbot) -> None:
    states: list[bool] = []
    operations.busyChanged.connect(states.append)
    results: list[object] = []

    def chain(result: object) -> None:
        results.append(result)
        operations.run("Next", lambda progress: 2, on_done=results.append)

    operations.run("First", lambda progress: 1, on_done=chain)
    qtbot.waitUntil(lambda: results == [1, 2], timeout=5000)
    assert states == [True, False]
    assert not operations.is_busy()


def test_signals_arrive_even_when_the_caller_drops_the_operation(operations: Operations, qtbot) -> None:
    started, go = threading.Event(), threading.Event()
    results: list[object] = []
    operations.run("Dropped", gated(started, go, result="kept"), on_done=results.append)
    gc.collect()
    go.set()
    qtbot.waitUntil(lambda: results == ["kept"], timeout=5000)


def test_wait_all_waits_for_the_jobs_and_delivers_how_they_ended(operations: Operations) -> None:
    started, go = threading.Event(), threading.Event()
    results: list[object] = []
    slow = operations.run("Slow", gated(started, go), on_done=results.append)
    assert not operations.wait_all(10)
    assert slow.is_running()
    go.set()
    assert operations.wait_all(5000)
    assert results == ["done"]
    assert not slow.is_running() and not operations.is_busy()
    assert operations.running() == []


def test_the_pinned_pyside_keeps_its_references_to_true(qapp: QApplication) -> None:
    """PySide6 6.12.0 lost a reference to True on every emit and aborted the process after a few hundred;
    this fails if an upgrade brings that back."""
    source = Operations(ChangeChannel())
    before = sys.getrefcount(True)
    for _ in range(2000):
        source.busyChanged.emit(False)
    assert abs(sys.getrefcount(True) - before) < 50


def test_an_owner_is_kept_while_its_job_runs_and_forgotten_once_it_ends(operations: Operations, qtbot) -> None:
    """An export or import is kept by its operation (Qt holds its bound methods weakly), and only that long."""
    results: list[object] = []

    class Export:
        def done(self, result: object) -> None:
            results.append(result)

    started, go = threading.Event(), threading.Event()
    export = Export()
    kept = weakref.ref(export)
    operations.run("Export", gated(started, go), on_done=export.done, owner=export)
    del export
    gc.collect()
    assert kept() is not None
    go.set()
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    gc.collect()
    assert kept() is None
