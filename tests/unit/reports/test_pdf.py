"""The action-plan PDF: its text, structure, rendering, public omissions, encryption and determinism."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from safety_assess.base.atomic import WriteError
from safety_assess.domain.records import AssessmentSummary
from safety_assess.reports.errors import ReportError
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace
from tests.lost_photos import lose
from tests.unit.reports.conftest import CLOCK, NOTES


def text_of(path: Path, password: str | None = None) -> str:
    args = ["pdftotext", "-layout", *(["-upw", password] if password else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def images_in(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return sum(len(page.get_images()) for page in pdf.pages)


def test_the_full_report(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    result = export_report(workspace, reported.id, out, clock=CLOCK)
    assert result.warnings == [] and result.pages >= 5
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout
    text = text_of(out)
    pages = text.split("\f")[: result.pages]
    assert all("Confidential - security-sensitive" in page for page in pages)
    assert all(f"Page {n} of {result.pages}" in page for n, page in enumerate(pages, start=1))
    for expected in (
        "Executive summary",
        "Roof hatch unlocked",
        "gym roof",
        "Lock the door.",
        "Keypad",
        "Is the main door locked",
        "Anvtang" if False else "Անվտանգություն",
        "安全出口",
        "Facilities",
        "Review by the School Safety Advisory Group",
        "Methodology",
    ):
        assert expected in text, expected
    assert images_in(out) == 3
    with pikepdf.open(out) as pdf, pdf.open_outline() as outline:
        chapters = [item.title for item in outline.root]
        assert chapters == [
            "Executive summary",
            "Risk and compliance",
            "Findings",
            "Action plan",
            "Commendations",
            "Appendix",
        ]
        assert str(pdf.docinfo["/Title"]) == "Campus safety action plan: Lincoln High"
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20261123093000")
    rendered = subprocess.run(["pdftoppm", "-r", "20", "-png", str(out), str(tmp_path / "page")], check=False)
    assert rendered.returncode == 0 and len(list(tmp_path.glob("page-*.png"))) == result.pages


def test_the_same_input_and_clock_give_the_same_bytes(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_report(workspace, reported.id, first, clock=CLOCK)
    export_report(workspace, reported.id, second, clock=CLOCK)
    assert first.read_bytes() == second.read_bytes()


def test_the_public_version_leaves_out_photos_locations_and_detail(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    out = tmp_path / "public.pdf"
    export_report(workspace, reported.id, out, public=True, clock=CLOCK)
    text = text_of(out)
    assert "Public version" in text and "Confidential - security-sensitive" not in text
    assert images_in(out) == 0
    for secret in (
        "Roof hatch unlocked",
        "gym roof",
        "1200 Main St",
        NOTES["gate"],
        "Is the main door locked",
        "Keypad",
        "Responses",
    ):
        assert secret not in text, secret
    assert "Action plan" in text and "Building perimeter" in text  # the plan stays, by layer


def test_a_password_protects_the_full_version(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    out = tmp_path / "locked.pdf"
    result = export_report(workspace, reported.id, out, password="correct horse", clock=CLOCK)
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)
    with pikepdf.open(out, password="correct horse") as pdf:
        assert (pdf.encryption.R, pdf.encryption.bits) == (6, 256)  # AES-256, the current revision
        assert "aesv3" in str(pdf.encryption.stream_method)
        assert result.pages == len(pdf.pages) >= 5  # counted, though the file cannot be opened without the password
    assert "Roof hatch unlocked" in text_of(out, "correct horse")
    failed = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True)
    assert failed.returncode != 0
    with pytest.raises(ReportError, match="at least 8 characters"):
        export_report(workspace, reported.id, tmp_path / "short.pdf", password="short")
    with pytest.raises(ReportError, match="takes no password"):
        export_report(workspace, reported.id, tmp_path / "p.pdf", public=True, password="correct horse")
    assert not (tmp_path / "short.pdf").exists() and list(tmp_path.glob("*.partial")) == []


def test_a_short_password_is_refused_before_the_report_is_laid_out(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*args: object) -> None:
        raise AssertionError("the report was laid out for a password that is refused")

    monkeypatch.setattr("safety_assess.reports.pdf.write_pdf", never)
    with pytest.raises(ReportError, match=r"^the password must be at least 8 characters long$"):
        export_report(workspace, reported.id, tmp_path / "short.pdf", password="short")
    assert not (tmp_path / "short.pdf").exists()


def test_missing_and_damaged_photos_leave_a_placeholder_and_a_warning(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    photos = [p for p in workspace.photos.list(reported.id) if p.item_id == "door-locked"]
    store = workspace.photo_store
    lose(workspace, store.rendition(photos[0].sha256, "report"))  # also the gate's photo: same file
    lose(workspace, store.original(photos[0].sha256, photos[0].extension))
    store.rendition(photos[1].sha256, "report").write_bytes(b"not a jpeg at all")
    out = tmp_path / "gaps.pdf"
    result = export_report(workspace, reported.id, out, clock=CLOCK)
    assert len(result.warnings) == 3 and "its file is missing" in result.warnings[0], result.warnings
    assert any("damaged" in w for w in result.warnings), result.warnings
    assert text_of(out).count("Photo not available") == 3 and images_in(out) == 0


def test_no_findings_long_notes_and_unknown_characters(workspace: Workspace, tmp_path: Path) -> None:
    workspace.campuses.add("Quiet School", "QS")
    summary = start_assessment(workspace, "QS", "every-type", ["Sam"], None)
    out = tmp_path / "empty.pdf"
    export_report(workspace, summary.id, out, clock=CLOCK)
    assert "No findings" in text_of(out) and "No corrective action is planned yet" in text_of(out)
    record_answer(workspace, summary.id, "door-locked", "no", note=("A very long note. " * 2000) + " ཀ end")
    result = export_report(workspace, summary.id, out, clock=CLOCK)
    assert any("no glyph" in w and "ཀ" in w for w in result.warnings)
    assert result.pages > 10 and "end" in text_of(out)


def test_an_unwritable_target_is_a_clear_error(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    with pytest.raises(WriteError, match="does not exist"):
        export_report(workspace, reported.id, tmp_path / "nope" / "plan.pdf", clock=CLOCK)


def test_a_lost_rendition_is_made_again_from_the_original(
    workspace: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    photo = next(p for p in workspace.photos.list(reported.id) if p.item_id == "door-locked")
    lose(workspace, workspace.photo_store.rendition(photo.sha256, "report"))
    result = export_report(workspace, reported.id, tmp_path / "plan.pdf", clock=CLOCK)
    assert result.warnings == [] and images_in(tmp_path / "plan.pdf") == 3
    assert workspace.photo_store.rendition(photo.sha256, "report").is_file()


def test_the_responses_can_be_left_out(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> None:
    out = tmp_path / "short.pdf"
    export_report(workspace, reported.id, out, clock=CLOCK, include_responses=False)
    text = text_of(out)
    assert "Responses" not in text and "Methodology" in text and NOTES["gate"] in text  # the note stays in findings


def test_a_checklist_without_scoring_and_an_observation(workspace: Workspace, tmp_path: Path) -> None:
    document = (Path(__file__).resolve().parents[2] / "data" / "checklists" / "format-2.yaml").read_text()
    (workspace.data_dir.checklists / "unscored.yaml").write_text(document + "scoring: none\n")
    workspace.campuses.add("Quiet School", "QS")
    summary = start_assessment(workspace, "QS", "format-two", ["Sam"], None)
    record_answer(workspace, summary.id, "neighbourhood-crime", "yes")
    record_answer(workspace, summary.id, "visitor-plan", "implemented")
    record_answer(workspace, summary.id, "next-to-highway", "yes")
    workspace.answers.save_follow_up(summary.id, "next-to-highway", None, "the I-95")
    record_answer(workspace, summary.id, "fence.anti-climb", "yes")
    workspace.answers.save_follow_up(summary.id, "fence.anti-climb", None, "kept, not shown")  # asks none
    record_answer(workspace, summary.id, "fence.height", "7 ft")  # in inches: shown as typed, then as stored
    out = tmp_path / "unscored.pdf"
    export_report(workspace, summary.id, out, clock=CLOCK)
    text = " ".join(text_of(out).split())
    assert "not scored (the checklist has no compliance figure)" in text
    assert "An observation: no corrective action is needed." in text
    assert "Yes: the I-95" in text and "kept, not shown" not in text
    assert "7 ft (84 in)" in text
    assert not re.search(r"\d%", text)  # no compliance percentage anywhere
