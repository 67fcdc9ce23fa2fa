"""The review packet: its form fields, its text in the full and public versions, filled and read back."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pikepdf
import pytest

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.review.model import Role, Stance
from safety_assess.reports import review_fields as names
from safety_assess.reports.content import ReportContent, ReportOptions
from safety_assess.reports.errors import ReportError
from safety_assess.reports.review_packet import value_text, write_review_packet
from safety_assess.reports.review_pdf import form_fields, form_values
from safety_assess.reports.review_read import read_packet
from safety_assess.services.plan import load_plan
from safety_assess.services.workspace import Workspace
from tests.unit.reports.conftest import CLOCK
from tests.unit.reports.review_packets import IDENTITY, fill, make_packet

HOUSE_METADATA = {
    "/Title",
    "/Author",
    "/Subject",
    "/Creator",
    "/Producer",
    "/Keywords",
    "/CreationDate",
    "/ModDate",
    "/Trapped",
}
"""What the action-plan report writes too."""


def field_names(path: Path) -> set[str]:
    with pikepdf.open(path) as pdf:
        return set(form_fields(pdf))


def states(pdf: pikepdf.Pdf, name: str) -> list[str]:
    """The on-states of a radio group's buttons."""
    field, _ = form_fields(pdf)[name]
    return sorted(str(state) for kid in field.Kids for state in kid.AP.N if state != "/Off")


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_packet_has_a_form_per_action(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    make_packet(workspace, reported.id, out)
    plan = load_plan(workspace, reported.id)
    with pikepdf.open(out) as pdf:
        fields, values, root = form_fields(pdf), form_values(pdf), pdf.Root
        expected = {names.action_field(a.id, part) for a in plan.actions if a.id for part in ("stance", "comment")}
        assert set(fields) == expected | names.OWN_FIELDS | {*names.IDENTITY, names.reviewer_field(IDENTITY)}
        stance = names.action_field(plan.actions[0].id, "stance")  # type: ignore[arg-type]
        assert states(pdf, stance) == sorted(f"/{s}" for s in [*Stance, names.NO_VIEW])
        assert states(pdf, names.ROLE) == sorted(f"/{r}" for r in Role)
        assert values[names.ASSESSMENT] == str(IDENTITY.assessment_id)
        assert bool(root.AcroForm.NeedAppearances)
        assert "/JavaScript" not in str(list(root.keys())) and "/OpenAction" not in root
        assert "/Metadata" not in root and set(pdf.trailer.Info.keys()) <= HOUSE_METADATA
    text = text_of(out)
    for words in (
        "Review packet",
        "Roof hatch unlocked",
        "Padlock the hatch",
        "Confidential - security-sensitive",
        "Review packet 2 · plan revision 3",
        str(IDENTITY.assessment_id),
        "Risk reduced per 1,000 spent",
    ):
        assert words in text, words
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    again = tmp_path / "again.pdf"
    make_packet(workspace, reported.id, again)
    assert again.read_bytes() == out.read_bytes()


def test_a_filled_packet_reads_back(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> None:
    blank = tmp_path / "packet.pdf"
    make_packet(workspace, reported.id, blank)
    actions = [a.id for a in load_plan(workspace, reported.id).actions]
    values = {
        names.REVIEWER: "Maria Lopez",
        names.ROLE: "/Parent",
        names.OVERALL: "Good plan.\nFund the locks first.",
        names.PUBLIC_OK: "/Yes",
        names.action_field(actions[0], "stance"): "/change",  # type: ignore[arg-type]
        names.action_field(actions[0], "comment"): "Use a keyed padlock.",  # type: ignore[arg-type]
        names.action_field(actions[1], "stance"): "/support",  # type: ignore[arg-type]
    }
    for appearances in (True, False):
        packet = read_packet(fill(blank, tmp_path / f"filled-{appearances}.pdf", values, appearances))
        assert packet.identity == IDENTITY
        assert (packet.reviewer, packet.role, packet.public_ok) == ("Maria Lopez", Role.PARENT, True)
        assert packet.overall_comment == "Good plan.\nFund the locks first."
        views = {view.action_id: (view.stance, view.comment) for view in packet.views}
        assert views == {actions[0]: (Stance.CHANGE, "Use a keyed padlock."), actions[1]: (Stance.SUPPORT, "")}


def test_the_public_packet_leaves_out_what_the_public_report_does(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    out = tmp_path / "public.pdf"
    make_packet(workspace, reported.id, out, public=True)
    text = text_of(out)
    assert "Public version" in text and "Padlock the hatch" in text and "Layer" in text
    for secret in ("Roof hatch unlocked", "gym roof", "Confidential", "1200 Main St"):
        assert secret not in text, secret
    assert len(field_names(out)) == 2 * len(load_plan(workspace, reported.id).actions) + 7


def test_an_action_not_yet_stored_cannot_be_reviewed(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    plan = load_plan(workspace, reported.id)
    content = ReportContent(plan, ReportOptions(generated_at=CLOCK))
    unsaved = dataclasses.replace(plan.actions[0], id=None)
    with pytest.raises(ReportError, match="not stored yet"):
        write_review_packet(tmp_path / "p.pdf", IDENTITY, content, [unsaved])
    assert not (tmp_path / "p.pdf").exists()


def test_the_value_of_an_action(workspace: Workspace, reported: AssessmentSummary) -> None:
    plan = load_plan(workspace, reported.id)
    action = plan.actions[0]
    finding = dataclasses.replace(plan.finding(action.finding_key), likelihood=4, severity=5)
    reduced = dataclasses.replace(finding, residual_likelihood=1, residual_severity=4)
    assert value_text(action, finding) == "n/a (no residual risk or cost set)"
    assert value_text(dataclasses.replace(action, cost_low=500, cost_high=1500), reduced) == (
        "16.00 points (16 for $500–$1,500)"
    )
    assert value_text(dataclasses.replace(action, cost_low=0, cost_high=0), reduced) == "free (16 points)"
    assert value_text(action, None) == "n/a"


def test_long_descriptions_and_no_actions_lay_out(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    plan = load_plan(workspace, reported.id)
    content = ReportContent(plan, ReportOptions(generated_at=CLOCK))
    long = [dataclasses.replace(a, description="Replace the lock " * 300) for a in plan.actions]
    assert write_review_packet(tmp_path / "long.pdf", IDENTITY, content, long) == []
    assert "Replace the lock Replace the lock" in text_of(tmp_path / "long.pdf")
    assert write_review_packet(tmp_path / "none.pdf", IDENTITY, content, []) == []
    assert field_names(tmp_path / "none.pdf") == names.OWN_FIELDS | {*names.IDENTITY, names.reviewer_field(IDENTITY)}
