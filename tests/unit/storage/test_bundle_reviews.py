"""An assessment's review as a bundle carries it: dumped whole, applied back record by record (newer wins, ours
when newer stays, the same reviewer's packet made apart replaced by the later one), and refused when it does not
fit (another assessment's record, a response to an action not here, a field of the wrong type)."""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from typing import Any

import pytest
from sqlalchemy import delete

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.review.model import ActionView, FilledPacket, Role, Stance
from safety_assess.services import reviews as rv
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_reviews import (
    REVIEW_LISTS,
    ReviewsRefused,
    apply_reviews,
    prepared_reviews,
    reviews_document,
)

LATER = "2030-01-01T00:00:00+00:00"


@pytest.fixture
def reviewed(workspace: Workspace) -> tuple[AssessmentSummary, list[uuid.UUID]]:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    record_answer(workspace, summary.id, "gate", "fail")
    PlanEditor(workspace, summary.id, by="Ana").plan_suggested(load_plan(workspace, summary.id))
    identity, (door, gate) = rv.issue_packet(workspace, summary.id, public=False)
    views = (ActionView(door, Stance.SUPPORT), ActionView(gate, Stance.OPPOSE, "Too dear"))
    rv.record_packet(workspace, FilledPacket(identity, "Ana Diaz", Role.PARENT, "Good", True, views))
    rv.respond(workspace, gate, "declined", "No budget", by="Ana")
    rv.record_decision(workspace, summary.id, "board", dt.date(2026, 12, 1), "adopted", "open")
    return summary, [door, gate]


def _document(workspace: Workspace, assessment_id: uuid.UUID) -> dict[str, Any]:
    document = reviews_document(workspace.database, assessment_id)
    assert document is not None
    return document


def _apply(workspace: Workspace, document: dict[str, Any]) -> tuple[int, int]:
    prepared = prepared_reviews(document)
    with workspace.database.session() as session:
        outcome = apply_reviews(session, prepared)
    return outcome.added, outcome.updated


def _forget(workspace: Workspace) -> None:
    with workspace.database.session() as session:
        for _, table, _ in reversed(REVIEW_LISTS):
            session.execute(delete(table))


def test_a_review_dumped_and_applied_to_a_database_without_it_comes_back_whole(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, list[uuid.UUID]]
) -> None:
    summary, (door, gate) = reviewed
    document = _document(workspace, summary.id)
    counts = {key: len(document[key]) for key, _, _ in REVIEW_LISTS}
    assert counts == {"plan_revisions": 1, "packets": 1, "reviews": 1, "responses": 1, "decisions": 1}
    _forget(workspace)
    assert reviews_document(workspace.database, summary.id) is None
    assert _apply(workspace, document) == (5, 0)
    assert reviews_document(workspace.database, summary.id) == document
    tallies = rv.review_tallies(workspace, summary.id)
    assert tallies[gate].counts == {Stance.OPPOSE: 1} and tallies[door].counts == {Stance.SUPPORT: 1}
    assert _apply(workspace, document) == (0, 0)


def test_a_newer_record_replaces_ours_and_an_older_one_leaves_ours(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, list[uuid.UUID]]
) -> None:
    summary, _ = reviewed
    document = _document(workspace, summary.id)
    newer = copy.deepcopy(document)
    newer["responses"][0] |= {"revision": 2, "updated_at": LATER, "text": "Next year's budget"}
    assert _apply(workspace, newer) == (0, 1)
    older = copy.deepcopy(document)
    older["responses"][0]["text"] = "Stale"
    assert _apply(workspace, older) == (0, 0)
    assert _document(workspace, summary.id)["responses"][0]["text"] == "Next year's budget"


def test_the_same_reviewers_packet_recorded_apart_is_replaced_by_the_later(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, list[uuid.UUID]]
) -> None:
    summary, _ = reviewed
    document = _document(workspace, summary.id)
    apart = copy.deepcopy(document)
    apart["reviews"][0] |= {"id": str(uuid.uuid4()), "updated_at": LATER, "overall_comment": "Changed my mind"}
    assert _apply(workspace, apart) == (0, 1)
    assert [r["overall_comment"] for r in _document(workspace, summary.id)["reviews"]] == ["Changed my mind"]
    earlier = copy.deepcopy(document)
    earlier["reviews"][0] |= {"id": str(uuid.uuid4()), "updated_at": "2020-01-01T00:00:00+00:00"}
    assert _apply(workspace, earlier) == (0, 0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["decisions"][0].update(assessment_id=str(uuid.uuid4())), "decisions .* is of another one"),
        (lambda d: d["reviews"][0].update(views="x", role=7), "reviews.role"),
        (lambda d: d["packets"].append("x"), "'packets' must be a list of records"),
        (lambda d: d.update(document_version=9), "document version 9"),
        (lambda d: d["responses"][0].update(action_id=str(uuid.uuid4())), "answers action .*, not here"),
        (lambda d: d.update(assessment_id=str(uuid.uuid4())), "of another one|not here"),
    ],
)
def test_a_review_that_does_not_fit_is_refused_and_nothing_changes(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, list[uuid.UUID]], change: Any, message: str
) -> None:
    summary, _ = reviewed
    document = _document(workspace, summary.id)
    bad = copy.deepcopy(document)
    change(bad)
    bad["reviews"][0]["overall_comment"] = "Should not land"
    bad["reviews"][0] |= {"revision": 5, "updated_at": LATER}
    with pytest.raises(ReviewsRefused, match=message):
        _apply(workspace, bad)
    assert reviews_document(workspace.database, summary.id) == document


def _two_packets(workspace: Workspace, summary: AssessmentSummary) -> dict[str, Any]:
    rv.issue_packet(workspace, summary.id, public=True)
    document = _document(workspace, summary.id)
    assert sorted(p["packet_no"] for p in document["packets"]) == [1, 2]
    return document


def test_packets_whose_numbers_were_swapped_elsewhere_take_their_new_numbers(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, list[uuid.UUID]]
) -> None:
    summary, _ = reviewed
    swapped = copy.deepcopy(_two_packets(workspace, summary))
    for packet in swapped["packets"]:
        packet |= {"packet_no": 3 - packet["packet_no"], "revision": 2, "updated_at": LATER}
    _apply(workspace, swapped)
    numbers = {p["id"]: p["packet_no"] for p in _document(workspace, summary.id)["packets"]}
    assert numbers == {p["id"]: p["packet_no"] for p in swapped["packets"]}


def test_a_packet_taking_a_number_a_newer_one_of_ours_holds_is_left_out(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, list[uuid.UUID]]
) -> None:
    summary, _ = reviewed
    document = _two_packets(workspace, summary)
    moved = copy.deepcopy(document)
    first = next(p for p in moved["packets"] if p["packet_no"] == 1)
    first |= {"packet_no": 2, "revision": 2, "updated_at": "2026-01-01T00:00:00+00:00"}
    moved["packets"] = [first]
    assert _apply(workspace, moved) == (0, 0)
    assert _document(workspace, summary.id) == document


def test_a_clash_the_matching_misses_is_refused_by_name_and_nothing_changes(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, list[uuid.UUID]], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary, _ = reviewed
    document = _two_packets(workspace, summary)
    clashing = copy.deepcopy(document)
    clashing["packets"][0] |= {"id": str(uuid.uuid4()), "updated_at": LATER}
    clashing["reviews"][0] |= {"overall_comment": "Should not land", "revision": 5, "updated_at": LATER}
    monkeypatch.setattr("safety_assess.storage.bundle_reviews._twin", lambda *_: None)
    with pytest.raises(ReviewsRefused, match=f"assessment {summary.id}: packets record .* clashes with ours"):
        _apply(workspace, clashing)
    assert _document(workspace, summary.id) == document
