"""Reading filled review packets: filled by pikepdf and qpdf's object tools, a packet whose hidden identity fields a
reader dropped, taking a view back, and every kind of bad file refused plainly."""

from __future__ import annotations

import uuid
from pathlib import Path

import pikepdf
import pytest

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.review.model import ReviewError, Role, Stance
from safety_assess.reports import review_fields as names
from safety_assess.reports import review_pdf, review_read
from safety_assess.reports.review_read import read_packet
from safety_assess.services.plan import load_plan
from safety_assess.services.workspace import Workspace
from tests.unit.reports.review_packets import (
    IDENTITY,
    fill,
    fill_objects,
    fill_with_pikepdf,
    fill_with_qpdf,
    make_packet,
)


@pytest.fixture
def blank(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> Path:
    out = tmp_path / "packet.pdf"
    make_packet(workspace, reported.id, out)
    return out


@pytest.fixture
def first(workspace: Workspace, reported: AssessmentSummary) -> uuid.UUID:
    action_id = load_plan(workspace, reported.id).actions[0].id
    assert action_id is not None
    return action_id


def signed(**more: str) -> dict[str, str]:
    return {names.REVIEWER: "Sam Lee", names.ROLE: "/student", **more}


def refused(path: Path) -> str:
    with pytest.raises(ReviewError) as raised:
        read_packet(path)
    message = str(raised.value)
    assert message.startswith(f"{path.name}: ") and "\n" not in message
    return message


@pytest.mark.parametrize("states_only", [False, True])
def test_a_packet_filled_with_qpdf_reads_back(blank: Path, first: uuid.UUID, states_only: bool) -> None:
    stance, comment = names.action_field(first, "stance"), names.action_field(first, "comment")
    values = signed(**{stance: "/defer", comment: "Après l'été. 来年", names.PUBLIC_OK: "/Yes"})
    packet = read_packet(fill_with_qpdf(blank, blank.with_name("qpdf.pdf"), values, states_only))
    assert (packet.reviewer, packet.role, packet.public_ok) == ("Sam Lee", Role.STUDENT, not states_only)
    assert [(v.action_id, v.stance, v.comment) for v in packet.views] == [(first, Stance.DEFER, "Après l'été. 来年")]


@pytest.mark.parametrize("states_only", [False, True])
def test_a_packet_filled_in_its_objects_without_appearances_reads_back(
    blank: Path, first: uuid.UUID, states_only: bool
) -> None:
    stance, comment = names.action_field(first, "stance"), names.action_field(first, "comment")
    values = signed(**{stance: "/change", comment: "Keyed, not coded.", names.PUBLIC_OK: "/Yes"})
    filled = fill_objects(blank, blank.with_name("objects.pdf"), values, states_only)
    with pikepdf.open(filled) as pdf:
        assert not any("/AP" in annot for page in pdf.pages for annot in page.get("/Annots", []))
    packet = read_packet(filled)
    assert (packet.identity, packet.reviewer, packet.role, packet.public_ok) == (
        IDENTITY,
        "Sam Lee",
        Role.STUDENT,
        not states_only,  # the checkbox's own value stays off: it wins over its state
    )
    assert [(v.action_id, v.stance, v.comment) for v in packet.views] == [(first, Stance.CHANGE, "Keyed, not coded.")]


def without_identity_fields(source: Path, out: Path, plain_reviewer: bool = False) -> Path:
    """The packet as a reader that drops hidden read-only fields saves it: the identity fields gone from the form
    and the pages; ``plain_reviewer`` also names the reviewer's field as packets before the identity rode there."""
    with pikepdf.open(source) as pdf:
        form = pdf.Root.AcroForm
        hidden = {f.objgen for f in form.Fields if str(f.T) in names.IDENTITY}
        assert len(hidden) == 3
        form.Fields = pikepdf.Array([f for f in form.Fields if f.objgen not in hidden])
        for page in pdf.pages:
            page.Annots = pikepdf.Array([a for a in page.get("/Annots", []) if a.objgen not in hidden])
        for field in form.Fields:
            if plain_reviewer and names.is_reviewer_field(str(field.T)):
                field.T = pikepdf.String(names.REVIEWER)
        pdf.save(out)
    return out


def test_a_packet_whose_identity_fields_were_dropped_imports_by_its_field_names(blank: Path, first: uuid.UUID) -> None:
    stripped = without_identity_fields(blank, blank.with_name("preview.pdf"))
    filled = fill(stripped, blank.with_name("filled.pdf"), signed(**{names.action_field(first, "stance"): "/support"}))
    packet = read_packet(filled)
    assert packet.identity == IDENTITY
    assert [(v.action_id, v.stance) for v in packet.views] == [(first, Stance.SUPPORT)]


def test_a_packet_whose_identity_is_wholly_gone_is_refused(blank: Path) -> None:
    stripped = without_identity_fields(blank, blank.with_name("preview.pdf"), plain_reviewer=True)
    message = refused(fill(stripped, blank.with_name("filled.pdf"), signed()))
    assert "the packet's identity (assessment, plan revision, number) is missing" in message


def test_a_packet_made_before_the_identity_rode_in_a_field_name_still_imports(blank: Path) -> None:
    old = blank.with_name("old.pdf")
    with pikepdf.open(blank) as pdf:
        for field in pdf.Root.AcroForm.Fields:
            if names.is_reviewer_field(str(field.T)):
                field.T = pikepdf.String(names.REVIEWER)
        pdf.save(old)
    assert read_packet(fill_with_qpdf(old, blank.with_name("f.pdf"), signed())).identity == IDENTITY


def test_hidden_fields_that_disagree_with_the_field_names_are_refused(blank: Path) -> None:
    filled = fill_with_qpdf(blank, blank.with_name("f.pdf"), {**signed(), names.NUMBER: "7"})
    assert "identity (assessment, plan revision, number) was altered" in refused(filled)


@pytest.mark.parametrize("comment", ["", "Not sure yet."])
def test_no_view_takes_a_choice_back(blank: Path, first: uuid.UUID, comment: str) -> None:
    stance = names.action_field(first, "stance")
    chosen = fill(blank, blank.with_name("chosen.pdf"), signed(**{stance: "/oppose"}))
    values = {stance: f"/{names.NO_VIEW}", names.action_field(first, "comment"): comment}
    taken_back = read_packet(fill(chosen, blank.with_name("back.pdf"), values))
    assert [(v.action_id, v.stance, v.comment) for v in taken_back.views] == (
        [(first, None, comment)] if comment else []
    )


def test_a_packet_filled_with_qpdfs_form_helpers_reads_back(blank: Path, first: uuid.UUID) -> None:
    values = signed(**{names.action_field(first, "stance"): "/oppose", names.PUBLIC_OK: "/Yes"})
    packet = read_packet(
        fill_with_pikepdf(blank, blank.with_name("filled.pdf"), {**values, names.OVERALL: "Zu teuer."})
    )
    assert (packet.reviewer, packet.role, packet.public_ok, packet.overall_comment) == (
        "Sam Lee",
        Role.STUDENT,
        True,
        "Zu teuer.",
    )
    assert [(v.action_id, v.stance, v.comment) for v in packet.views] == [(first, Stance.OPPOSE, "")]


def test_an_unfilled_packet_is_refused(blank: Path) -> None:
    assert "was not filled in" in refused(blank)


def test_a_packet_without_a_role_is_refused(blank: Path) -> None:
    assert "no role was chosen" in refused(fill(blank, blank.with_name("f.pdf"), {names.REVIEWER: "Sam Lee"}))


def test_a_view_without_a_name_is_refused(blank: Path, first: uuid.UUID) -> None:
    filled = fill(blank, blank.with_name("f.pdf"), {names.action_field(first, "stance"): "/oppose"})
    assert "name is missing" in refused(filled)


@pytest.mark.parametrize("field", ["stance", "role", "public"])
def test_a_value_that_is_not_a_choice_is_refused(blank: Path, first: uuid.UUID, field: str) -> None:
    name = {"stance": names.action_field(first, "stance"), "role": names.ROLE, "public": names.PUBLIC_OK}[field]
    values = {**signed(), name: "/maybe"}
    assert "'maybe' is not a" in refused(fill_with_qpdf(blank, blank.with_name("f.pdf"), values))


@pytest.mark.parametrize("field", [names.NUMBER, names.REVIEWER, "action"])
def test_a_renamed_field_is_refused(blank: Path, first: uuid.UUID, field: str) -> None:
    old = names.action_field(first, "stance") if field == "action" else field
    filled = fill_with_qpdf(blank, blank.with_name("f.pdf"), {**signed(), f"rename:{old}": old + "x"})
    assert "renamed" in refused(filled) or "does not have" in refused(filled)


def test_an_altered_identity_is_refused(blank: Path) -> None:
    filled = fill_with_qpdf(blank, blank.with_name("f.pdf"), {**signed(), names.REVISION: "three"})
    assert "identity" in refused(filled)


def test_a_comment_too_long_is_refused(blank: Path, first: uuid.UUID) -> None:
    values = {**signed(), names.action_field(first, "comment"): "x" * (names.COMMENT_MAX + 1)}
    assert "more than 5,000" in refused(fill_with_qpdf(blank, blank.with_name("f.pdf"), values))


def test_a_pdf_without_the_form_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(plain)
    assert "no form" in refused(plain)


def test_an_encrypted_packet_is_refused(blank: Path) -> None:
    locked = blank.with_name("locked.pdf")
    with pikepdf.open(blank) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    assert "encrypted" in refused(locked)


def test_a_damaged_packet_is_refused(blank: Path) -> None:
    damaged = blank.with_name("damaged.pdf")
    data = blank.read_bytes()
    damaged.write_bytes(data[:9] + bytes(range(256)) * 40 + data[len(data) // 2 : len(data) // 2 + 500])
    assert "damaged" in refused(damaged) or "no form" in refused(damaged)


def test_a_field_that_is_its_own_kid_is_refused_not_looped_over(blank: Path) -> None:
    hostile = blank.with_name("hostile.pdf")
    with pikepdf.open(blank) as pdf:
        field = pdf.Root.AcroForm.Fields[0]
        field.Kids = pikepdf.Array([field])
        pdf.save(hostile)
    refused(hostile)


def test_a_form_with_too_many_fields_is_refused_unread_to_the_end(blank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review_pdf, "FIELDS_MAX", 4)
    assert "its form has at least 4 fields, more than a review packet has" in refused(blank)


def test_a_field_tree_nested_too_deep_is_refused(blank: Path) -> None:
    deep = blank.with_name("deep.pdf")
    with pikepdf.open(blank) as pdf:
        parent = pdf.Root.AcroForm.Fields[0]
        for level in range(review_pdf.DEPTH_MAX + 2):
            child = pdf.make_indirect(pikepdf.Dictionary(T=pikepdf.String(f"level{level}"), Parent=parent))
            parent.Kids = pikepdf.Array([child])
            parent = child
        pdf.save(deep)
    assert "damaged" in refused(deep)


def test_a_file_that_is_not_a_pdf_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.pdf"
    text.write_text("Dear group, I support the plan.")
    assert "not a PDF" in refused(text)


def test_a_huge_file_is_refused_unread(blank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review_read, "SIZE_MAX", 1000)
    assert "more than a review packet ever has" in refused(blank)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    assert "cannot be read" in refused(tmp_path / "gone.pdf")
