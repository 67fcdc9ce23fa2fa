"""The conflicts told per item, for the walkthrough's marks: one line per clash naming both values and devices."""

from __future__ import annotations

import datetime as dt
import uuid

from safety_assess.domain.conflicts import Conflict, clash_line, item_clashes

AT = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)


def clash(table: str, field: str, ours: object, theirs: object, item: str | None, label: str | None = None) -> Conflict:
    record = uuid.uuid4()
    return Conflict(uuid.uuid4(), uuid.uuid4(), table, record, field, ours, theirs, "SA-OURS", "", AT, item, label)


def test_each_item_and_instance_gets_its_clashes_in_one_line_apiece() -> None:
    answer = clash("responses", "value", "no", "yes", "grounds.hiding")
    note = clash("responses", "note", "", "Gate open", "grounds.hiding")
    camera = clash("responses", "value", 2, None, "cams.working", "Camera 2")
    action = clash("actions", "status", "open", "done", None)
    found = item_clashes([answer, note, camera, action])
    assert set(found) == {("grounds.hiding", None), ("cams.working", "Camera 2")}
    assert found[("grounds.hiding", None)] == (
        "Conflict on the answer: 'no' here (SA-OURS) and 'yes' from a device not known here",
        "Conflict on the note: '(none)' here (SA-OURS) and 'Gate open' from a device not known here",
    )
    assert clash_line(camera) == "Conflict on the answer: '2' here (SA-OURS) and '(none)' from a device not known here"
