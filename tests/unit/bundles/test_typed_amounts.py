"""An amount as typed ("2 m" of an answer stored as 6.56168 ft) travels in bundles beside the response records (so
an app before migration 0023 reads them as it always did), merges and clashes with the answer as one field, and is
chosen with it when a clash is resolved; a bundle from an older app brings none."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from safety_assess.domain.conflicts import Keep, clash_line
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.merge_conflicts import conflicts, resolve, resolve_conflict, resolve_conflict_value
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import ImportRefused, Result
from safety_assess.storage.bundle_rows import assessment_document
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_team_merge import CLOCK, carry
from tests.unit.bundles.test_verify import Files, resign, rewrite

FENCE = "fence-height"  # measured in feet


def fence(workspace: Workspace, assessment_id: uuid.UUID) -> tuple[object, str | None]:
    [found] = [r for r in workspace.assessments.detail(assessment_id).responses if r.item_id == FENCE]
    return found.value, found.typed


def test_what_was_typed_travels_beside_the_records_and_merges_with_the_answer(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(second, reported.id, FENCE, "2 m")
    document = assessment_document(second.database, reported.id)
    assert all("typed" not in record for record in document["responses"])  # records as an older app wrote them
    [fence_id] = [r["id"] for r in document["responses"] if r["item_id"] == FENCE]
    assert document["typed_amounts"] == {fence_id: "2 m"}
    assert carry(second, reported.id, workspace, tmp_path / "s1.sabundle") == [Result.UPDATED]
    assert fence(workspace, reported.id) == (6.56168, "2 m") and conflicts(workspace, reported.id) == []
    record_answer(workspace, reported.id, FENCE, "6.56168")  # the same amount, typed without a unit: newer
    assert carry(workspace, reported.id, second, tmp_path / "lead.sabundle") == [Result.UPDATED]
    assert fence(second, reported.id) == (6.56168, None)
    assert "typed_amounts" not in assessment_document(workspace.database, reported.id)


def test_a_clash_shows_both_as_typed_and_taking_theirs_takes_what_they_typed(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(workspace, reported.id, FENCE, "84 in")
    record_answer(second, reported.id, FENCE, "2 m")
    assert carry(second, reported.id, workspace, tmp_path / "s1.sabundle") == [Result.CONFLICT]
    [clash] = conflicts(workspace, reported.id)
    assert (clash.field, clash.ours, clash.ours_typed, clash.theirs, clash.theirs_typed) == (
        "value",
        7.0,
        "84 in",
        6.56168,
        "2 m",
    )
    assert "'84 in (7)' here" in clash_line(clash) and "'2 m (6.56168)' from" in clash_line(clash)
    assert carry(second, reported.id, workspace, tmp_path / "s1.sabundle") == [Result.UNCHANGED]
    resolve_conflict(workspace, clash.id, Keep.THEIRS)
    assert fence(workspace, reported.id) == (6.56168, "2 m") and conflicts(workspace, reported.id) == []
    carry(workspace, reported.id, second, tmp_path / "lead.sabundle")
    assert fence(second, reported.id) == (6.56168, "2 m") and conflicts(second, reported.id) == []


def test_keeping_ours_keeps_what_we_typed_and_a_value_typed_in_is_kept_as_typed(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(workspace, reported.id, FENCE, "84 in")
    record_answer(second, reported.id, FENCE, "2 m")
    carry(second, reported.id, workspace, tmp_path / "s1.sabundle")
    [clash] = conflicts(workspace, reported.id)
    resolve_conflict(workspace, clash.id, Keep.OURS)
    assert fence(workspace, reported.id) == (7.0, "84 in")
    record_answer(workspace, reported.id, FENCE, "7 ft")  # ours again, now as the plain amount
    record_answer(second, reported.id, FENCE, "1.9 m")
    carry(second, reported.id, workspace, tmp_path / "s2.sabundle")
    [clash] = conflicts(workspace, reported.id)
    resolve_conflict_value(workspace, clash.id, "80 in")
    assert fence(workspace, reported.id) == (6.666667, "80 in")
    record_answer(second, reported.id, FENCE, "2.1 m")
    carry(second, reported.id, workspace, tmp_path / "s3.sabundle")
    resolve(workspace, reported.id, FENCE, value="7")
    assert fence(workspace, reported.id) == (7.0, None) and conflicts(workspace, reported.id) == []


def typed_amounts(change: Any) -> Any:
    def edit(files: Files, key: Any) -> Files:
        changed = dict(files)
        for name, data in files.items():
            if name.startswith("assessments/"):
                document = json.loads(data)
                change(document)
                changed[name] = json.dumps(document).encode()
        return resign(changed, key)

    return edit


def test_a_bundle_from_an_older_app_brings_nothing_typed(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(second, reported.id, FENCE, "2 m")
    path = tmp_path / "older.sabundle"
    export_bundle(second, [reported.id], path, clock=CLOCK)
    path = rewrite(path, lambda files: typed_amounts(lambda d: d.pop("typed_amounts"))(files, second.device_key))
    assert [o.result for o in import_bundle(workspace, path, trust=always).outcomes] == [Result.UPDATED]
    assert fence(workspace, reported.id) == (6.56168, None)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(typed_amounts=["2 m"]), "'typed_amounts' must give each answer's amount as text"),
        (lambda d: d["typed_amounts"].update({"x": 2}), "'typed_amounts' must give each answer's amount as text"),
        (lambda d: d.update(typed_amounts={str(uuid.UUID(int=7)): "2 m"}), "'typed_amounts' names answer '0000"),
    ],
)
def test_a_list_of_typed_amounts_that_does_not_fit_refuses_the_bundle_whole(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path, change: Any, message: str
) -> None:
    before = fence(workspace, reported.id)
    record_answer(second, reported.id, FENCE, "2 m")
    path = tmp_path / "bad.sabundle"
    export_bundle(second, [reported.id], path, clock=CLOCK)
    path = rewrite(path, lambda files: typed_amounts(change)(files, second.device_key))
    with pytest.raises(ImportRefused, match=rf"^assessment {reported.id}: {message}"):
        import_bundle(workspace, path, trust=always)
    assert fence(workspace, reported.id) == before
