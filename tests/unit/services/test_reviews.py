"""The advisory group's review through the services: packets and plan revisions, recording filled packets (the
same reviewer replacing, another assessment's and unlisted actions refused, an earlier revision's views of removed
actions reported), responses, decisions with the board's adoption freezing the plan, and the review's state."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.review.model import (
    ActionView,
    Body,
    FilledPacket,
    Outcome,
    PacketIdentity,
    Reply,
    ReviewError,
    Role,
    Stance,
)
from safety_assess.services import reviews as rv
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace


@pytest.fixture
def assessment(workspace: Workspace) -> AssessmentSummary:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    record_answer(workspace, summary.id, "gate", "fail")
    PlanEditor(workspace, summary.id, by="Ana").plan_suggested(load_plan(workspace, summary.id))
    return summary


def filled(identity: PacketIdentity, reviewer: str, views: list[ActionView], role: Role = Role.PARENT) -> FilledPacket:
    return FilledPacket(identity, reviewer, role, "Good plan", False, tuple(views))


def test_packets_are_numbered_and_the_revision_rises_only_when_the_actions_change(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    first, listed = rv.issue_packet(workspace, assessment.id, public=False)
    assert (first.plan_revision, first.packet_no, len(listed)) == (1, 1, 2)
    second, _ = rv.issue_packet(workspace, assessment.id, public=True)
    assert (second.plan_revision, second.packet_no) == (1, 2)
    action = workspace.findings.action(listed[0])
    workspace.findings.update_action(dataclasses.replace(action, description="Fit a closer"))
    third, _ = rv.issue_packet(workspace, assessment.id, public=False)
    assert (third.plan_revision, third.packet_no) == (2, 3)


def test_a_plan_without_actions_has_no_packet(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    with pytest.raises(ReviewError, match="no actions"):
        rv.issue_packet(workspace, summary.id, public=False)


def test_recorded_packets_are_tallied_and_the_same_reviewer_replaces_the_first(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    identity, (door, gate) = rv.issue_packet(workspace, assessment.id, public=False)
    result = rv.record_packet(
        workspace, filled(identity, "Ana Diaz", [ActionView(door, Stance.SUPPORT), ActionView(gate, Stance.OPPOSE)])
    )
    assert (result.replaced, result.dropped) == (False, ())
    rv.record_packet(workspace, filled(identity, "Bo", [ActionView(door, Stance.CHANGE, "Cheaper closer")]))
    again = rv.record_packet(workspace, filled(identity, "  ana   DIAZ ", [ActionView(door, Stance.DEFER)]))
    assert again.replaced and again.review.packet.reviewer == "ana DIAZ"
    assert len(rv.reviews(workspace, assessment.id)) == 2
    counts = rv.review_tallies(workspace, assessment.id)
    assert counts[door].counts == {Stance.DEFER: 1, Stance.CHANGE: 1}
    assert counts[door].comments == (("Bo", Role.PARENT, "Cheaper closer", False),)
    assert counts[door].wants_change and gate not in counts


def test_a_packet_of_an_assessment_not_held_here_is_refused(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    identity, (door, _) = rv.issue_packet(workspace, assessment.id, public=False)
    elsewhere = dataclasses.replace(identity, assessment_id=uuid.uuid4())
    with pytest.raises(ReviewError, match="which this data folder does not hold"):
        rv.record_packet(workspace, filled(elsewhere, "Ana", [ActionView(door, Stance.SUPPORT)]))
    unissued = dataclasses.replace(identity, packet_no=9)
    with pytest.raises(ReviewError, match=r"packet 9 \(plan revision 1\) of assessment \w+ was not issued"):
        rv.record_packet(workspace, filled(unissued, "Ana", [ActionView(door, Stance.SUPPORT)]))
    assert rv.reviews(workspace, assessment.id) == []


def test_views_of_actions_the_packet_did_not_list_are_refused_and_nothing_stored(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    identity, (door, _) = rv.issue_packet(workspace, assessment.id, public=False)
    for views, message in (
        ([ActionView(door, Stance.SUPPORT), ActionView(uuid.uuid4(), Stance.OPPOSE)], "did not list"),
        ([ActionView(door, Stance.SUPPORT), ActionView(door, Stance.OPPOSE)], "two views"),
    ):
        with pytest.raises(ReviewError, match=message):
            rv.record_packet(workspace, filled(identity, "Ana", views))
    with pytest.raises(ReviewError, match="no reviewer's name"):
        rv.record_packet(workspace, filled(identity, "  ", [ActionView(door, Stance.SUPPORT)]))
    assert rv.reviews(workspace, assessment.id) == []


def test_an_earlier_revisions_packet_keeps_the_views_of_actions_that_still_exist(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    old, (door, gate) = rv.issue_packet(workspace, assessment.id, public=False)
    workspace.findings.delete_action(gate)
    newer, listed = rv.issue_packet(workspace, assessment.id, public=False)
    assert (newer.plan_revision, listed) == (2, [door])
    result = rv.record_packet(
        workspace, filled(old, "Ana", [ActionView(door, Stance.SUPPORT), ActionView(gate, Stance.OPPOSE, "No")])
    )
    assert result.dropped == (gate,)
    assert [v.action_id for v in result.review.packet.views] == [door]
    assert rv.reviews(workspace, assessment.id)[0].packet.identity == old


def test_responses_are_recorded_per_action_and_a_later_one_replaces(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    _, (door, gate) = rv.issue_packet(workspace, assessment.id, public=False)
    with pytest.raises(ReviewError, match="saying what was changed"):
        rv.respond(workspace, door, "changed")
    with pytest.raises(ReviewError, match="saying why it was declined"):
        rv.respond(workspace, door, Reply.DECLINED, "  ")
    with pytest.raises(ReviewError, match="'maybe' is not a reply"):
        rv.respond(workspace, door, "maybe")
    with pytest.raises(NotFoundError):
        rv.respond(workspace, uuid.uuid4(), "accepted")
    rv.respond(workspace, door, "accepted", by="Principal")
    rv.respond(workspace, gate, "declined", "No budget this year", "Principal")
    rv.respond(workspace, door, "changed", "Closer instead of a lock", "Principal")
    answered = {r.action_id: r for r in rv.responses(workspace, assessment.id)}
    assert (answered[door].reply, answered[door].text) == (Reply.CHANGED, "Closer instead of a lock")
    assert (answered[gate].reply, answered[gate].by) == (Reply.DECLINED, "Principal")
    assert answered[door].at is not None


def test_decisions_are_checked_and_nothing_stored_when_refused(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    day = dt.date(2026, 12, 1)
    refusals = (
        (dict(body="council", date=day), "'council' is not a body"),
        (dict(body="board", date=day, outcome="approved"), "'approved' is not a outcome"),
        (dict(body="board", date=day), "needs an outcome"),
        (dict(body="ssag", date=dt.date(2026, 11, 1)), "before the assessment"),
        (dict(body="ssag", date=day, session="secret"), "not a session"),
        (dict(body="ssag", date=day, members_present={"teacher": 2}), "not a role"),
        (dict(body="ssag", date=day, members_present={"parent": -1}), "not a count"),
    )
    for given, message in refusals:
        with pytest.raises(ReviewError, match=message):
            rv.record_decision(workspace, assessment.id, **given)  # type: ignore[arg-type]
    with pytest.raises(ReviewError, match="no assessment"):
        rv.record_decision(workspace, uuid.uuid4(), "ssag", day)
    assert rv.decisions(workspace, assessment.id) == []


def test_the_boards_adoption_freezes_the_plan_and_the_state_follows_the_review(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    assert rv.review_state(workspace, assessment.id).stage == "not reviewed"
    identity, (door, _) = rv.issue_packet(workspace, assessment.id, public=False)
    assert rv.review_state(workspace, assessment.id).stage == "packet out"
    rv.record_packet(workspace, filled(identity, "Ana", [ActionView(door, Stance.SUPPORT)]))
    assert rv.review_state(workspace, assessment.id).stage == "responses in"
    meeting = rv.record_decision(
        workspace, assessment.id, "SSAG", dt.date(2026, 11, 20), members_present={"parent": 2, "Student": 1}
    )
    assert (meeting.body, meeting.outcome, meeting.members_present) == (Body.SSAG, None, {"parent": 2, "student": 1})
    assert rv.review_state(workspace, assessment.id).stage == "decided"
    assert rv.adopted_version(workspace, assessment.id) is None
    before = workspace.findings.action(door).description
    board = rv.record_decision(
        workspace, assessment.id, "board", dt.date(2026, 12, 1), "adopted-with-changes", "open", minutes="Item 7.2"
    )
    assert (board.outcome, board.session.value if board.session else None) == (Outcome.ADOPTED_WITH_CHANGES, "open")
    workspace.findings.update_action(dataclasses.replace(workspace.findings.action(door), description="Changed"))
    frozen = rv.adopted_version(workspace, assessment.id)
    assert frozen is not None and {a["id"]: a["description"] for a in frozen}[str(door)] == before
    state = rv.review_state(workspace, assessment.id)
    assert (state.stage, state.packets, state.reviews) == ("adopted on 2026-12-01", 1, 1)
    assert [d.body for d in rv.decisions(workspace, assessment.id)] == [Body.SSAG, Body.BOARD]


def test_not_adopted_freezes_nothing(workspace: Workspace, assessment: AssessmentSummary) -> None:
    rv.record_decision(workspace, assessment.id, Body.BOARD, dt.date(2026, 12, 1), Outcome.NOT_ADOPTED)
    assert rv.adopted_version(workspace, assessment.id) is None
    assert rv.review_state(workspace, assessment.id).stage == "decided"


def test_importing_packets_checks_every_one_before_storing_any(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    identity, (door, _) = rv.issue_packet(workspace, assessment.id, public=False)
    good = filled(identity, "Ana", [ActionView(door, Stance.SUPPORT)])
    stray = filled(dataclasses.replace(identity, packet_no=7), "Bo", [ActionView(door, Stance.OPPOSE)])
    with pytest.raises(ReviewError, match="packet 7"):
        rv.import_packets(workspace, [good, stray])
    assert rv.reviews(workspace, assessment.id) == []
    results = rv.import_packets(workspace, [good, filled(identity, "ANA", [ActionView(door, Stance.DEFER)])])
    assert [r.replaced for r in results] == [False, True]
    assert [r.packet.reviewer for r in rv.reviews(workspace, assessment.id)] == ["ANA"]
