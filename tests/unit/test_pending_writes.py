"""Folders written into, noted until each write ends, so the next start tidies up after a write cut off there."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from safety_assess.base.leftovers import Owner, temp_path, this_host
from safety_assess.base.pending_writes import FORGET_AFTER_S, PendingWrites
from tests.crash import dead_pid


def noted_by_a_killed_writer(records: Path, folder: Path, age_s: float = 0) -> Path:
    """The note a process killed while writing into ``folder`` left (its process no longer runs)."""
    records.mkdir(exist_ok=True)
    pid = dead_pid()
    record = records / f"{this_host()}-{pid}-0123abcd.json"
    record.write_text(json.dumps({"schema_version": 1, "folder": str(folder), "host": this_host(), "pid": pid}))
    if age_s:
        then = time.time() - age_s
        os.utime(record, (then, then))
    return record


def test_a_write_is_noted_while_it_runs_however_it_ends(tmp_path: Path) -> None:
    pending = PendingWrites(tmp_path / "pending-writes")
    with pending.writing(tmp_path / "reports"):
        [record] = (tmp_path / "pending-writes").iterdir()
        noted = json.loads(record.read_text())
        assert noted == {
            "schema_version": 1,
            "folder": str(tmp_path / "reports"),
            "host": this_host(),
            "pid": os.getpid(),
        }
        assert pending.tidy() == []  # a write running now is left alone
    with pytest.raises(RuntimeError), pending.writing(tmp_path / "reports"):
        raise RuntimeError("disk full")
    assert list((tmp_path / "pending-writes").iterdir()) == []


def test_the_next_start_removes_the_leftovers_of_a_killed_write_and_only_those(tmp_path: Path) -> None:
    reports, records = tmp_path / "reports", tmp_path / "pending-writes"
    reports.mkdir()
    killed = temp_path(reports / "plan.pdf", Owner(this_host(), dead_pid()))
    killed.write_bytes(b"")
    running = temp_path(reports / "other.pdf")
    running.write_bytes(b"%PDF")
    (reports / ".notes.partial").write_text("the user's own")
    (reports / "plan-2025.pdf").write_text("the user's own")
    noted_by_a_killed_writer(records, reports)
    assert PendingWrites(records).tidy() == [killed]
    assert sorted(p.name for p in reports.iterdir()) == sorted([running.name, ".notes.partial", "plan-2025.pdf"])
    assert list(records.iterdir()) == []


def test_a_folder_on_a_drive_not_connected_is_kept_for_later(tmp_path: Path) -> None:
    usb, records = tmp_path / "usb" / "reports", tmp_path / "pending-writes"
    record = noted_by_a_killed_writer(records, usb)
    assert PendingWrites(records).tidy() == [] and record.exists()
    usb.mkdir(parents=True)
    killed = temp_path(usb / "plan.pdf", Owner(this_host(), dead_pid()))
    killed.write_bytes(b"%PDF half")
    assert PendingWrites(records).tidy() == [killed] and not record.exists()
    gone = noted_by_a_killed_writer(records, tmp_path / "given away", age_s=FORGET_AFTER_S + 60)
    assert PendingWrites(records).tidy() == [] and not gone.exists()


def test_a_damaged_note_is_dropped_and_one_of_a_newer_version_left_alone(tmp_path: Path) -> None:
    records = tmp_path / "pending-writes"
    records.mkdir()
    (records / "damaged.json").write_text('{"schema_version": 1, "fold')
    (records / "list.json").write_text("[1, 2]")
    (records / "newer.json").write_text(json.dumps({"schema_version": 2, "folders": []}))
    assert PendingWrites(records).tidy() == []
    assert [p.name for p in records.iterdir()] == ["newer.json"]


def test_a_data_folder_that_cannot_be_noted_in_does_not_stop_the_write(tmp_path: Path) -> None:
    (tmp_path / "pending-writes").write_text("a file where the folder should be")
    with PendingWrites(tmp_path / "pending-writes").writing(tmp_path):
        pass
    assert (tmp_path / "pending-writes").read_text() == "a file where the folder should be"
