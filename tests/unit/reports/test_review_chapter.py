"""The Review chapter of the action-plan PDF: tallies, comments, responses and decisions in the full version; in the
public version the tallies and decisions, and only the names and comments their reviewers allowed; read back with
pdftotext and rendered with pdftoppm."""

from __future__ import annotations

import datetime as dt
import subprocess
import uuid
from pathlib import Path

import pytest

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.review.model import ActionView, FilledPacket, Role, Stance
from safety_assess.services import reviews as rv
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace
from tests.unit.reports.conftest import CLOCK
from tests.unit.reports.test_pdf import text_of
from tests.unit.services import test_reviews

assessment = test_reviews.assessment  # the same campus, findings and suggested actions


@pytest.fixture
def reviewed(workspace: Workspace, assessment: AssessmentSummary) -> tuple[AssessmentSummary, uuid.UUID, uuid.UUID]:
    """Two parents and a student: Carla allows her name and comments in public, Bruno does not."""
    identity, (first, second) = rv.issue_packet(workspace, assessment.id, public=False)
    views = {
        "Carla Open": (
            Role.PARENT,
            True,
            [ActionView(first, Stance.SUPPORT, "Long overdue"), ActionView(second, Stance.OPPOSE)],
        ),
        "Bruno Private": (Role.PARENT, False, [ActionView(first, Stance.CHANGE, "Secret gripe")]),
        "Dee": (Role.STUDENT, False, [ActionView(first, Stance.SUPPORT), ActionView(second, Stance.DEFER)]),
    }
    packets = [FilledPacket(identity, name, role, "", ok, tuple(v)) for name, (role, ok, v) in views.items()]
    rv.import_packets(workspace, packets)
    rv.respond(workspace, first, "changed", "Cheaper closer chosen", by="Eve Office")
    rv.record_decision(workspace, assessment.id, "ssag", dt.date(2026, 11, 10), members_present={"parent": 2})
    rv.record_decision(
        workspace,
        assessment.id,
        "board",
        dt.date(2026, 11, 20),
        "adopted-with-changes",
        "open",
        minutes="M-42",
        note="Board-only note",
    )
    return assessment, first, second


def _chapter(text: str) -> str:
    start = text.index("Review\n")
    return " ".join(text[start : text.index("Commendations\n", start)].split())


def test_the_full_version_shows_tallies_comments_responses_and_decisions(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    out = tmp_path / "plan.pdf"
    export_report(workspace, reviewed[0].id, out, clock=CLOCK)
    chapter = _chapter(text_of(out))
    first, second = (workspace.findings.action(a).description for a in reviewed[1:])
    assert f"{first} 2 1 0 0 Changed:" in chapter and f"{second} 0 0 1 1 -" in chapter
    for expected in (
        "3 reviewers of the advisory group gave their views",
        "Support Change Defer Oppose Response",
        "Carla Open (Parent): Long overdue",
        "Bruno Private (Parent): Secret gripe",
        "Cheaper closer chosen",
        "Eve Office",
        "2026-11-10 Advisory group advised - 2 parent",
        "2026-11-20",
        "Adopted with",
        "M-42",
        "Board-only note",
    ):
        assert expected in chapter, expected
    rendered = subprocess.run(["pdftoppm", "-r", "20", "-png", str(out), str(tmp_path / "page")], check=False)
    assert rendered.returncode == 0


def test_the_public_version_shows_only_what_reviewers_allowed(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    out = tmp_path / "public.pdf"
    export_report(workspace, reviewed[0].id, out, public=True, clock=CLOCK)
    text = text_of(out)
    chapter = _chapter(text)
    for expected in ("3 reviewers", "Carla Open (Parent): Long overdue", "1 comment not shown", "Adopted with"):
        assert expected in chapter, expected
    for hidden in ("Bruno", "Secret gripe", "Dee", "Eve Office", "Cheaper closer", "Board-only note"):
        assert hidden not in text, hidden


def test_the_counts_per_action(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    from safety_assess.services.reports import review_content

    review = review_content(workspace, reviewed[0].id)
    _, first, second = reviewed
    assert review.tallies[first].counts == {Stance.SUPPORT: 2, Stance.CHANGE: 1}
    assert review.tallies[second].counts == {Stance.OPPOSE: 1, Stance.DEFER: 1}
    assert set(review.responses) == {first} and len(review.decisions) == 2


def test_a_plan_without_a_review_has_no_review_chapter(
    workspace: Workspace, assessment: AssessmentSummary, tmp_path: Path
) -> None:
    out = tmp_path / "plan.pdf"
    export_report(workspace, assessment.id, out, clock=CLOCK)
    assert "Review\n" not in text_of(out) and "advisory group" not in text_of(out)
