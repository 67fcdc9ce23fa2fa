"""Recurring spot checks through the real program: a schedule set up, a run started, answered with the assessment
commands and signed off, the due and overdue checks of every campus, a schedule stopped; every refusal one plain
line, exit 1, nothing stored."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from tests.e2e.conftest import Run

TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())
STARTS = MONDAY - dt.timedelta(days=14)
"""A Monday two weeks back: the schedule's weeks are that one, the last one and this one."""


def _ok(cli: Run, *args: str) -> str:
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _json(cli: Run, *args: str) -> Any:
    return json.loads(_ok(cli, *args, "--json"))


def _refused(cli: Run, *args: str) -> str:
    done = cli(*args)
    assert done.returncode == 1, (done.stdout, done.stderr)
    [line] = done.stderr.splitlines()
    return line


@pytest.fixture
def campus(cli: Run) -> str:
    _ok(cli, "campus", "add", "Lincoln High", "--code", "LHS", "--opened", "2001-08-01")
    return "LHS"


def test_a_weekly_check_is_run_answered_signed_off_and_counted(cli: Run, campus: str) -> None:
    schedule = _ok(
        cli, "check", "schedule", campus, "emergency-preparedness", "--every", "week", "--sections", "kit,medical",
        "--from", STARTS.isoformat(), "--by", "Ana Ruiz",
    )  # fmt: skip
    run = _ok(cli, "check", "run", schedule[:8], "--date", STARTS.isoformat(), "--by", "Ana Ruiz")
    _ok(cli, "assessment", "answer", run, "kit.classroom-present", "no")
    shown = _json(cli, "assessment", "show", run)
    assert shown["checklist"]["id"] == "emergency-preparedness" and shown["date"] == STARTS.isoformat()
    said = _ok(cli, "check", "done", run[:8], "--by", "Ana Ruiz")
    assert said.startswith(f"spot check {run} signed off: failed (1 deficient answer, ")  # and the rest unanswered
    assert said.endswith(" not answered)")
    assert _json(cli, "assessment", "show", run)["status"] == "completed"
    [check] = _json(cli, "check", "due")
    assert (check["id"], check["campus"], check["sections"], check["every"]) == (
        schedule,
        "LHS",
        ["kit", "medical"],
        "week",
    )
    assert (check["done"], check["due"], check["set_up_by"]) == (False, True, "Ana Ruiz")
    assert check["period"] == {"start": MONDAY.isoformat(), "end": (MONDAY + dt.timedelta(days=6)).isoformat()}
    last_week = (MONDAY - dt.timedelta(days=7)).isoformat()
    assert (check["overdue"], check["overdue_since"], check["missed"]) == (1, last_week, [last_week])
    this_week = _ok(cli, "check", "run", schedule)
    assert _json(cli, "check", "list", campus)[0]["started"] == this_week
    _ok(cli, "check", "done", this_week, "--by", "Ana Ruiz")
    [listed] = _json(cli, "check", "list", campus)
    assert (listed["done"], listed["due"], listed["overdue"]) == (True, False, 1)
    text = _ok(cli, "check", "due")
    assert "LHS" in text and f"1 since {last_week}" in text and "kit,medical" in text


def test_a_stopped_check_is_no_longer_due_and_takes_no_run(cli: Run, campus: str) -> None:
    schedule = _ok(cli, "check", "schedule", campus, "emergency-preparedness", "--every", "month")
    assert [c["id"] for c in _json(cli, "check", "due", "--campus", campus)] == [schedule]
    assert _ok(cli, "check", "stop", schedule) == f"spot check {schedule} stopped"
    assert _json(cli, "check", "due") == [] and _ok(cli, "check", "due") == "no spot check is due"
    assert _refused(cli, "check", "run", schedule).endswith(f"no spot check with id '{schedule}'")


def test_a_run_signed_off_must_be_a_spot_checks(cli: Run, campus: str) -> None:
    assessment = _ok(cli, "assessment", "new", "--campus", campus, "--checklist", "emergency-preparedness")
    line = _refused(cli, "check", "done", assessment, "--by", "Ana")
    assert line.endswith(f"assessment {assessment} is no spot check: sign it off in its walkthrough")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["LHS", "nope"], "no checklist 'nope'"),
        (["LHS", "emergency-preparedness", "--sections", "kit,attic"], "no section 'attic' in the checklist"),
        (["LHS", "emergency-preparedness", "--every", "daily"], "unknown --every 'daily': use week, month or term"),
        (["LHS", "emergency-preparedness", "--from", (TODAY + dt.timedelta(days=1)).isoformat()], "in the future"),
        (["LHS", "emergency-preparedness", "--from", "2001-07-31"], "before the campus opened (2001-08-01)"),
        (["LHS", "emergency-preparedness", "--from", "yesterday-ish"], "--from:"),
        (["XYZ", "emergency-preparedness"], "no campus with code 'XYZ'"),
    ],
)
def test_a_bad_schedule_is_refused_in_one_line_and_nothing_is_stored(
    cli: Run, campus: str, args: list[str], said: str
) -> None:
    every = [] if "--every" in args else ["--every", "week"]
    assert said in _refused(cli, "check", "schedule", *args, *every)
    assert _json(cli, "check", "list", campus) == []


def test_a_bad_run_is_refused_in_one_line_and_nothing_is_stored(cli: Run, campus: str) -> None:
    schedule = _ok(cli, "check", "schedule", campus, "emergency-preparedness", "--every", "term")
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert "is in the future" in _refused(cli, "check", "run", schedule, "--date", tomorrow)
    assert "before the campus opened" in _refused(cli, "check", "run", schedule, "--date", "2000-01-01")
    assert "no spot check with id 'feedbeef'" in _refused(cli, "check", "run", "feedbeef")
    assert "no spot check with id 'feedbeef'" in _refused(cli, "check", "stop", "feedbeef")
    assert "no campus with code 'XYZ'" in _refused(cli, "check", "due", "--campus", "XYZ")
    assert _json(cli, "assessment", "list") == []
