"""A response from an app before follow-ups (migration 0020) has no ``follow_up``: it is read as an empty one."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from safety_assess.storage.bundle_rows import RowError, dump_row, load_row
from safety_assess.storage.orm import ResponseRow

WHEN = dt.datetime(2026, 11, 24, 8, tzinfo=dt.UTC)


def response() -> dict[str, object]:
    row = ResponseRow(
        id=uuid.UUID(int=1),
        assessment_id=uuid.UUID(int=2),
        item_id="gate",
        instance_id=None,
        value="pass",
        note="",
        follow_up="Room 12",
        answered_at=WHEN,
        created_at=WHEN,
        updated_at=WHEN,
        revision=1,
        edit_stamps=None,
    )
    return dump_row(row)


def test_a_follow_up_travels_and_an_older_record_without_one_reads_empty() -> None:
    data = response()
    assert load_row(ResponseRow, data).follow_up == "Room 12"  # type: ignore[attr-defined]
    del data["follow_up"]
    assert load_row(ResponseRow, data).follow_up == ""  # type: ignore[attr-defined]


def test_a_follow_up_of_the_wrong_type_is_refused() -> None:
    data = response()
    data["follow_up"] = 12
    with pytest.raises(RowError, match="follow_up"):
        load_row(ResponseRow, data)
