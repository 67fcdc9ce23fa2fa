"""Team packs: a signed bundle giving a second laptop the lead's assessment (same ids) and the sections it does;
imported there as a team assessment to work on, whose bundles go back as work on the lead's own. Every refusal
leaves both laptops as they were."""

from __future__ import annotations

import datetime as dt
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from safety_assess.bundles.manifest import ManifestError, parse_manifest
from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.records import AssessmentSummary
from safety_assess.keys.device import load_or_create
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.team import assignment, team_pack
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import ImportRefused
from safety_assess.storage.orm import AssessmentRow, TeamAssignmentRow
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_verify import Files, resign, rewrite


def lead_assessment(workspace: Workspace) -> AssessmentSummary:
    """The lead's assessment of Lincoln High, with one answer in the grounds."""
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "grounds.gates-locked", "no")
    return summary


@pytest.fixture
def lead(workspace: Workspace) -> AssessmentSummary:
    return lead_assessment(workspace)


@pytest.fixture
def pack(workspace: Workspace, lead: AssessmentSummary, tmp_path: Path) -> Path:
    out = tmp_path / "team.sabundle"
    team_pack(workspace, lead.id, out, ["entry", "comms"])
    return out


def count(workspace: Workspace, table: object) -> int:
    with workspace.database.session() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)  # type: ignore[arg-type]


def test_the_pack_names_its_assessment_and_sections_in_the_signed_manifest(pack: Path) -> None:
    with zipfile.ZipFile(pack) as archive:
        manifest = parse_manifest(archive.read("manifest.json"))
    assert manifest.format_version == 6 and manifest.team is not None and manifest.team.pack is not None
    assert manifest.team.sections == ["entry", "comms"] and manifest.team.assessment in manifest.assessments


def test_the_second_laptop_gets_the_same_assessment_to_work_on_with_its_sections(
    workspace: Workspace, district: Workspace, lead: AssessmentSummary, pack: Path, tmp_path: Path
) -> None:
    second = district
    report = import_bundle(second, pack, trust=always)
    assert report.team is not None and report.team.sections == ("entry", "comms")
    assert "your sections: entry, comms" in report.summary()
    here = second.assessments.summary(lead.id)
    assert here.source_device is None and not here.read_only  # its to work on, not a read-only import
    kept = assignment(second, lead.id)
    assert kept is not None and kept.lead_fingerprint == workspace.device_key.fingerprint
    walk = WalkSession(second, lead.id)
    assert [s.id for s in walk.checklist.sections][:3] == ["entry", "comms", "grounds"]
    assert walk.others == {"grounds", "parking", "visitor", "interior", "utilities"}
    record_answer(second, lead.id, "entry.single-entrance", "yes")
    back = tmp_path / "back.sabundle"
    export_bundle(second, [lead.id], back)
    returned = import_bundle(workspace, back, trust=always)
    assert returned.team is None
    ours = workspace.assessments.summary(lead.id)
    assert ours.source_device is None and ours.conflict_of is None  # the lead's own still, updated
    values = {r.item_id: r.value for r in workspace.assessments.detail(lead.id).responses}
    assert values == {"grounds.gates-locked": "no", "entry.single-entrance": "yes"}


def test_a_pack_imported_on_the_laptop_that_made_it_is_refused(
    workspace: Workspace, lead: AssessmentSummary, pack: Path
) -> None:
    with pytest.raises(ImportRefused, match="made on this laptop"):
        import_bundle(workspace, pack, trust=always)
    assert count(workspace, TeamAssignmentRow) == 0 and workspace.assessments.summary(lead.id).answered == 1


def test_a_pack_of_an_assessment_the_laptop_already_has_is_refused(
    district: Workspace, lead: AssessmentSummary, pack: Path, tmp_path: Path
) -> None:
    import_bundle(district, pack, trust=always)
    record_answer(district, lead.id, "entry.single-entrance", "no")
    with pytest.raises(ImportRefused, match="already has the assessment"):
        import_bundle(district, pack, trust=always)
    assert count(district, TeamAssignmentRow) == 1 and district.assessments.summary(lead.id).answered == 2


def test_a_pack_whose_sections_are_not_in_its_checklist_is_refused_as_damaged(
    district: Workspace, pack: Path, tmp_path: Path
) -> None:
    stranger = load_or_create(tmp_path / "stranger.pem")

    def other_sections(files: Files) -> Files:
        raw = json.loads(files["manifest.json"])
        raw["team"]["sections"] = ["entry", "roof"]
        return resign({**files, "manifest.json": json.dumps(raw).encode()}, stranger)

    with pytest.raises(ImportRefused, match=r"sections its checklist does not have \(roof\)"):
        import_bundle(district, rewrite(pack, other_sections), trust=always)
    assert count(district, AssessmentRow) == 0 and count(district, TeamAssignmentRow) == 0


def test_a_team_on_a_bundle_of_format_3_or_of_an_assessment_not_inside_is_damage(pack: Path) -> None:
    with zipfile.ZipFile(pack) as archive:
        raw = json.loads(archive.read("manifest.json"))
    with pytest.raises(ManifestError, match="a bundle of format 3 is no team pack"):
        parse_manifest(json.dumps({**raw, "format_version": 3}).encode())
    elsewhere = {**raw, "team": {**raw["team"], "assessment": str(uuid.uuid4())}}
    with pytest.raises(ManifestError, match="team pack of an assessment it does not hold"):
        parse_manifest(json.dumps(elsewhere).encode())


def test_what_cannot_be_packed_is_refused_before_anything_is_written(
    workspace: Workspace, district: Workspace, lead: AssessmentSummary, pack: Path, tmp_path: Path
) -> None:
    out = tmp_path / "again.sabundle"
    with pytest.raises(NotFoundError, match=r"no section 'roof'.*its sections are: grounds, parking"):
        team_pack(workspace, lead.id, out, ["roof"])
    with pytest.raises(NotFoundError, match="no assessment"):
        team_pack(workspace, uuid.uuid4(), out)
    import_bundle(district, pack, trust=always)
    with pytest.raises(ConflictError, match="only the lead's laptop packs it"):
        team_pack(district, lead.id, out)
    workspace.assessments.complete(lead.id, ["Ana"])
    with pytest.raises(ConflictError, match="is completed; reopen it"):
        team_pack(workspace, lead.id, out)
    assert not out.exists()


def test_a_reopened_team_assessment_stays_a_team_assessment_and_its_work_goes_back_as_the_leads(
    workspace: Workspace, district: Workspace, lead: AssessmentSummary, pack: Path, tmp_path: Path
) -> None:
    second = district
    import_bundle(second, pack, trust=always)
    record_answer(second, lead.id, "entry.single-entrance", "yes")
    second.assessments.complete(lead.id, ["Ben"])
    reopened = second.assessments.reopen(lead.id, "a door was missed")
    kept, carried = assignment(second, lead.id), assignment(second, reopened)
    assert kept is not None and carried is not None and carried.sections == ("entry", "comms")
    assert (carried.lead_installation, carried.lead_fingerprint) == (kept.lead_installation, kept.lead_fingerprint)
    assert [s.id for s in WalkSession(second, reopened).checklist.sections][:2] == ["entry", "comms"]
    record_answer(second, reopened, "comms.radios", "yes")
    back = tmp_path / "back.sabundle"
    export_bundle(second, [reopened], back)
    import_bundle(workspace, back, trust=always)
    ours = workspace.assessments.summary(reopened)
    assert ours.source_device is None and not ours.read_only  # the lead's own new revision, not an imported copy
    assert count(second, TeamAssignmentRow) == 2 and count(workspace, TeamAssignmentRow) == 0
