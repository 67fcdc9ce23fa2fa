"""The app's own temporary names, and removing only the stale ones: never a user's file, never a live write's."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from safety_assess.base.atomic import WriteError, replacing
from safety_assess.base.leftovers import STALE_AGE_S, Owner, owner_of, remove_leftovers, temp_path, this_host
from tests.crash import dead_pid

DAY = 24 * 3600


def made(path: Path, data: bytes = b"half a bundle", *, folder: bool = False, age_s: float = 0) -> Path:
    if folder:
        path.mkdir()
        (path / "safety-assess.sqlite3").write_bytes(data)
    else:
        path.write_bytes(data)
    if age_s:
        then = time.time() - age_s
        os.utime(path, (then, then))
    return path


def test_a_temporary_name_says_it_is_ours_and_who_writes_it(tmp_path: Path) -> None:
    name = temp_path(tmp_path / "action-plan LHS.pdf").name
    assert name.startswith(".action-plan LHS.pdf.safety-assess-") and name.endswith(".partial")
    assert owner_of(name) == Owner(this_host(), os.getpid())
    assert temp_path(tmp_path / "a.pdf") != temp_path(tmp_path / "a.pdf")
    assert owner_of(f"{name[:-8]}.partial-journal") == Owner(this_host(), os.getpid())  # SQLite's beside a copy
    long = temp_path(tmp_path / ("é" * 120 + ".pdf")).name
    assert len(long.encode()) <= 255 and owner_of(long) is not None
    for theirs in (
        ".notes.partial",
        ".report.pdf.k3j4h5g6.partial",  # as a temporary file of another program (or of old versions) is named
        ".a.safety-assess-xyz.partial",
        f".a.safety-assess-{this_host()}-12-abcdef01.partial.bak",
        f"a.safety-assess-{this_host()}-12-abcdef01.partial",
    ):
        assert owner_of(theirs) is None, theirs


def test_only_stale_leftovers_of_ours_are_removed(tmp_path: Path) -> None:
    dead, other_host = Owner(this_host(), dead_pid()), Owner("0badc0de" if this_host() != "0badc0de" else "0badc0df", 7)
    users = [
        made(tmp_path / ".notes.partial", age_s=30 * DAY),
        made(tmp_path / ".report.pdf.k3j4h5g6.partial", age_s=30 * DAY),
        made(tmp_path / "report.pdf", b"%PDF the user's own"),
    ]
    stale = [
        made(temp_path(tmp_path / "lhs.sabundle", dead)),
        made(temp_path(tmp_path / "safety-assess-backup-20261123T120000Z", dead), folder=True),
        made(temp_path(tmp_path / "plan.pdf", other_host), age_s=STALE_AGE_S + 60),
        made(temp_path(tmp_path / "old.pdf", Owner(this_host(), os.getpid())), age_s=STALE_AGE_S + 60),
    ]
    running = [
        made(temp_path(tmp_path / "mine.pdf")),  # this process: a write running right now
        made(temp_path(tmp_path / "theirs.pdf", other_host)),  # another laptop on a shared drive, maybe still writing
    ]
    assert sorted(remove_leftovers(tmp_path)) == sorted(stale)
    assert sorted(tmp_path.iterdir()) == sorted(users + running)


def test_a_folder_that_is_not_there_is_passed_over(tmp_path: Path) -> None:
    assert remove_leftovers(tmp_path / "usb stick not connected") == []
    (tmp_path / "a file").write_text("not a folder")
    assert remove_leftovers(tmp_path / "a file") == []


def test_a_failed_write_leaves_the_file_as_it_was_and_nothing_beside_it(tmp_path: Path) -> None:
    out = made(tmp_path / "plan.pdf", b"the earlier plan")
    with pytest.raises(RuntimeError, match="layout failed"), replacing(out) as partial:
        partial.write_bytes(b"%PDF half")
        raise RuntimeError("layout failed")
    assert sorted(tmp_path.iterdir()) == [out] and out.read_bytes() == b"the earlier plan"


def test_the_next_write_into_a_folder_removes_what_a_killed_write_left_there(tmp_path: Path) -> None:
    killed = made(temp_path(tmp_path / "plan.pdf", Owner(this_host(), dead_pid())), b"")
    running = made(temp_path(tmp_path / "other.pdf"))
    mine = made(tmp_path / ".plan.pdf.partial", b"the user's own")
    with replacing(tmp_path / "plan.pdf") as partial:
        assert partial.parent == tmp_path and partial.stat().st_mode & 0o777 == 0o600
        partial.write_bytes(b"%PDF whole")
    assert sorted(tmp_path.iterdir()) == sorted([tmp_path / "plan.pdf", running, mine]) and not killed.exists()


def test_a_write_into_a_missing_folder_is_one_plain_line(tmp_path: Path) -> None:
    with (
        pytest.raises(WriteError, match=r"cannot write .*plan\.pdf: the folder .* does not exist"),
        replacing(tmp_path / "gone" / "plan.pdf"),
    ):
        pass
