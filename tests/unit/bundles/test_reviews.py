"""Reviews travel in bundles and campus packs (issue 20): the laptop's packets, reviews, responses and decisions
arrive whole at the district, the same bundle twice changes nothing, a response changed at the district comes back
in the campus pack, and a review document naming another assessment than its entry is refused."""

from __future__ import annotations

import datetime as dt
import json
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.bundles.manifest import FORMAT_VERSION
from safety_assess.bundles.safezip import BundleError
from safety_assess.bundles.verify import opened_bundle
from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.review.model import ActionView, FilledPacket, Role, Stance
from safety_assess.services import reviews as rv
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import (
    changed_assessments,
    export_bundle,
    export_campus_pack,
    export_changed,
    import_bundle,
)
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import ImportRefused, Result
from safety_assess.storage.bundle_reviews import reviews_document
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_verify import Files, resign, rewrite

CLOCK = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)


def review(workspace: Workspace, summary: AssessmentSummary) -> None:
    identity, actions = rv.issue_packet(workspace, summary.id, public=False)
    views = tuple(ActionView(action, Stance.CHANGE, "Cheaper") for action in actions)
    rv.record_packet(workspace, FilledPacket(identity, "Ana Diaz", Role.PARENT, "Good", True, views))
    rv.respond(workspace, actions[0], "accepted", by="Ana")
    rv.record_decision(workspace, summary.id, "ssag", dt.date(2026, 11, 20))


def reviewed_bundle(workspace: Workspace, summary: AssessmentSummary, folder: Path) -> Path:
    review(workspace, summary)
    bundle = folder / "lhs.sabundle"
    export_bundle(workspace, [summary.id], bundle, clock=CLOCK)
    return bundle


def test_reviews_arrive_whole_at_the_district_and_a_second_import_changes_nothing(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    bundle = reviewed_bundle(workspace, reported, tmp_path)
    with opened_bundle(bundle) as verified:
        assert verified.manifest.format_version == FORMAT_VERSION
        assert list(verified.reviews) == [reported.id]
    report = import_bundle(district, bundle, trust=always)
    assert [(r.added, r.updated) for r in report.reviews] == [(5, 0)]
    assert report.summary().endswith("; review records: 5 added")
    assert reviews_document(district.database, reported.id) == reviews_document(workspace.database, reported.id)
    assert rv.review_tallies(district, reported.id) == rv.review_tallies(workspace, reported.id)
    again = import_bundle(district, bundle)
    assert again.already_imported and [(r.added, r.updated) for r in again.reviews] == [(0, 0)]


def test_a_response_changed_at_the_district_comes_back_in_the_campus_pack(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    bundle = reviewed_bundle(workspace, reported, tmp_path)
    import_bundle(district, bundle, trust=always)
    action = rv.reviews(district, reported.id)[0].packet.views[0].action_id
    rv.respond(district, action, "declined", "No budget this year", by="District")
    pack = tmp_path / "pack.sabundle"
    export_campus_pack(district, "LHS", pack)
    report = import_bundle(workspace, pack, trust=always)
    assert [(r.added, r.updated) for r in report.reviews] == [(0, 1)]
    assert reviews_document(workspace.database, reported.id) == reviews_document(district.database, reported.id)


def test_a_review_of_an_assessment_merged_with_a_clash_lands_on_the_merged_assessment(
    workspace: Workspace,
    reported: AssessmentSummary,
    district: Workspace,
    tmp_path: Path,
    copy_data_folder: Callable[[Workspace, Path], DataDir],
) -> None:
    """Two laptops answered one item differently: the assessment merges (one clash listed, no copy) and the review
    made on the second laptop lands on it, its actions the same records."""
    export_bundle(workspace, [reported.id], tmp_path / "base.sabundle", clock=CLOCK)
    import_bundle(district, tmp_path / "base.sabundle", trust=always)
    laptop_b = copy_data_folder(workspace, tmp_path / "laptop-b")
    record_answer(workspace, reported.id, "gate", "pass")
    export_bundle(workspace, [reported.id], tmp_path / "a.sabundle", clock=CLOCK)
    import_bundle(district, tmp_path / "a.sabundle")
    other = Workspace.open(laptop_b)
    try:
        record_answer(other, reported.id, "gate", "flag")
        report = import_bundle(district, reviewed_bundle(other, reported, tmp_path))
        theirs = rv.review_tallies(other, reported.id)
        their_responses = reviews_document(other.database, reported.id)["responses"]  # type: ignore[index]
    finally:
        other.close()
    [outcome] = report.outcomes
    assert (outcome.result, outcome.copy_id, outcome.conflicts) == (Result.CONFLICT, None, 1)
    assert [(r.assessment_id, r.added) for r in report.reviews] == [(reported.id, 5)]
    tallies = rv.review_tallies(district, reported.id)
    assert {action: tally.counts for action, tally in tallies.items()} == {
        action: tally.counts for action, tally in theirs.items()
    }
    # the response stays on its action even where our answer (kept in the clash) resolved that action's finding
    assert reviews_document(district.database, reported.id)["responses"] == their_responses  # type: ignore[index]


def test_a_bundle_without_reviews_names_none(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> None:
    bundle = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [reported.id], bundle, clock=CLOCK)
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["reviews"] == [] and not [n for n in archive.namelist() if n.startswith("reviews/")]


def _tampered(bundle: Path, workspace: Workspace, summary: AssessmentSummary, change: Callable[[Any], None]) -> Path:
    name = f"reviews/{summary.id}.json"

    def changed(files: Files) -> Files:
        document = json.loads(files[name])
        change(document)
        return resign({**files, name: json.dumps(document).encode()}, workspace.device_key)

    return rewrite(bundle, changed)


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda d: d.update(assessment_id=str(uuid.uuid4())), BundleError, "the review of another assessment"),
        (lambda d: d["decisions"][0].update(assessment_id=str(uuid.uuid4())), ImportRefused, "is of another one"),
        (lambda d: d["responses"][0].update(action_id=str(uuid.uuid4())), ImportRefused, "not here"),
    ],
)
def test_a_review_that_does_not_fit_refuses_the_bundle_and_nothing_is_stored(
    workspace: Workspace,
    reported: AssessmentSummary,
    district: Workspace,
    tmp_path: Path,
    change: Callable[[Any], None],
    error: type[Exception],
    message: str,
) -> None:
    bundle = reviewed_bundle(workspace, reported, tmp_path)
    with pytest.raises(error, match=message):
        import_bundle(district, _tampered(bundle, workspace, reported, change), trust=always)
    assert district.assessments.list() == [] and reviews_document(district.database, reported.id) is None


def test_a_review_recorded_since_the_last_export_sends_its_assessment_again(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    assert export_changed(workspace, tmp_path / "first.sabundle") is not None
    assert changed_assessments(workspace)[0] == []
    review(workspace, reported)
    assert changed_assessments(workspace)[0] == [reported.id]
    result = export_changed(workspace, tmp_path / "second.sabundle")
    assert result is not None and result.assessments == [reported.id]
    with opened_bundle(tmp_path / "second.sabundle") as verified:
        assert list(verified.reviews) == [reported.id]
