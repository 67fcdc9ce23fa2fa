"""Progress passes on few reports but always the last one, carries the cancel flag, and collects changes."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from safety_assess.base.jobs import Cancelled, Changes, Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sent() -> list[tuple[int, int, str]]:
    return []


@pytest.fixture
def progress(clock: Clock, sent: list[tuple[int, int, str]]) -> Progress:
    return Progress(lambda done, total, message: sent.append((done, total, message)), interval=0.05, clock=clock)


def test_the_first_report_goes_out_and_the_next_ones_wait_for_the_interval(
    progress: Progress, clock: Clock, sent: list[tuple[int, int, str]]
) -> None:
    progress.report(0, 10, "start")
    clock.now += 0.01
    progress.report(1, 10)
    progress.report(2, 10)
    clock.now += 0.05
    progress.report(3, 10, "later")
    assert sent == [(0, 10, "start"), (3, 10, "later")]


def test_the_final_report_always_goes_out(progress: Progress, sent: list[tuple[int, int, str]]) -> None:
    for done in range(10_001):
        progress.report(done, 10_000)
    assert sent == [(0, 10_000, ""), (10_000, 10_000, "")]


def test_flush_sends_a_held_back_report_once(progress: Progress, sent: list[tuple[int, int, str]]) -> None:
    progress.report(1, 10)
    progress.report(7, 10, "seven")
    progress.flush()
    progress.flush()
    assert sent == [(1, 10, ""), (7, 10, "seven")]


def test_an_unknown_total_is_never_final(progress: Progress, sent: list[tuple[int, int, str]]) -> None:
    progress.report(1, 0)
    progress.report(2, 0)
    assert sent == [(1, 0, "")]


def test_a_progress_without_listener_just_counts() -> None:
    progress = Progress()
    progress.report(1, 2)
    progress.flush()
    progress.check()
    assert not progress.cancelled


def test_cancel_is_seen_by_the_flag_and_by_check() -> None:
    progress = Progress()
    progress.check()
    progress.cancel()
    assert progress.cancelled
    with pytest.raises(Cancelled):
        progress.check()


def test_recorded_changes_are_merged() -> None:
    first, second = uuid.uuid4(), uuid.uuid4()
    progress = Progress()
    assert progress.changes == Changes()
    progress.record(Changes(assessments=frozenset({first})))
    progress.record(Changes(assessments=frozenset({second}), catalog=True))
    assert progress.changes == Changes(assessments=frozenset({first, second}), catalog=True)


def test_changes_merge_unites_sets_and_ors_flags() -> None:
    a, b, photo = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    left = Changes(assessments=frozenset({a}), campuses=True)
    right = Changes(assessments=frozenset({b}), photos=frozenset({photo}))
    assert left.merge(right) == Changes(assessments=frozenset({a, b}), campuses=True, photos=frozenset({photo}))
    assert left.merge(Changes()) == left == Changes().merge(left)


def test_empty_changes_are_false() -> None:
    assert not Changes()
    assert not Changes().merge(Changes())


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(Changes)])
def test_every_field_counts_and_survives_a_merge(name: str) -> None:
    value = True if isinstance(getattr(Changes(), name), bool) else frozenset({uuid.uuid4()})
    only = Changes(**{name: value})
    assert only
    assert getattr(only.merge(Changes()), name) == value
    assert getattr(Changes().merge(only), name) == value


def test_touched_is_every_assessment_changed_in_any_part() -> None:
    whole, answered, photographed, planned = (uuid.uuid4() for _ in range(4))
    changes = Changes(
        assessments=frozenset({whole}),
        answers=frozenset({answered}),
        photos=frozenset({photographed}),
        plans=frozenset({planned}),
        settings=frozenset({"currency"}),
    )
    assert changes.touched == {whole, answered, photographed, planned}
    assert Changes(settings=frozenset({"currency"})).touched == frozenset()
