"""The district view's stamps in two plain queries (``every_stamp``), the same as the ORM's, and listings that convert
again only the rows that changed since the last (``remembered``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.district import district_overview
from safety_assess.services.workspace import Workspace
from safety_assess.storage import listing
from safety_assess.storage.figures import every_stamp, kept_stamps, stamps
from safety_assess.storage.orm import CampusRow


def test_every_stamp_is_the_orms_and_follows_each_write(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    first = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 3, 1))
    second = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 4, 1))
    assert every_stamp(workspace.database) == (stamps(workspace.database), {})
    district_overview(workspace)
    current, kept = every_stamp(workspace.database)
    assert current == stamps(workspace.database) and kept == kept_stamps(workspace.database)
    assert all(kept[key].startswith(current[key]) for key in (first.id, second.id))  # stamp:phases

    record_answer(workspace, second.id, "door-locked", "no")
    moved, still = every_stamp(workspace.database)
    assert moved == stamps(workspace.database) and still == kept
    assert moved[first.id] == current[first.id] and moved[second.id] != current[second.id]
    assert district_overview(workspace).computed == 1
    assert every_stamp(workspace.database)[1] == kept_stamps(workspace.database)


def test_remembered_converts_only_rows_not_seen_in_the_last_listing() -> None:
    memo: list[dict[object, str]] = [{}]
    converted: list[tuple[object, ...]] = []

    def convert(row: tuple[object, ...]) -> str:
        converted.append(row)
        return f"<{row[0]}>"

    assert listing.remembered(memo, [(1, "a"), (2, "b")], convert) == ["<1>", "<2>"]
    assert listing.remembered(memo, [(2, "b"), (1, "a"), (3, "c")], convert) == ["<2>", "<1>", "<3>"]
    assert listing.remembered(memo, [(1, "changed")], convert) == ["<1>"]
    assert converted == [(1, "a"), (2, "b"), (3, "c"), (1, "changed")]
    assert list(memo[0]) == [(1, "changed")]  # only the last listing's rows are kept
    unhashable = [(4, ["a list, as a server gives JSON"])]
    assert listing.remembered(memo, unhashable, convert) == ["<4>"]
    assert listing.remembered(memo, unhashable, convert) == ["<4>"] and len(converted) == 6


def test_the_listing_of_a_changed_campus_is_read_again(workspace: Workspace) -> None:
    campus = workspace.campuses.add("Lincoln High", "LHS")
    start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 3, 1))
    assert [s.campus.name for s in workspace.overview()[1]] == ["Lincoln High"]
    with workspace.database.session() as session:
        session.execute(update(CampusRow).where(CampusRow.id == campus.id).values(name="Lincoln Senior High"))
    assert [s.campus.name for s in workspace.overview()[1]] == ["Lincoln Senior High"]
