"""Returning team work names its pack: the second laptop keeps the pack's id with its assessment and its bundles name
it, so the lead's record of packs given says which pack came back, whatever the order or the device (two packs out
at once, a pack issued again after a reinstall). A bundle naming no pack is still matched by its device."""

from __future__ import annotations

import json
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.bundles.manifest import Manifest, ManifestError, parse_manifest
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.team import assignment, packs, team_pack
from safety_assess.services.workspace import Workspace
from safety_assess.storage.orm import TeamAssignmentRow
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_team_packs import lead_assessment


@pytest.fixture
def lead(workspace: Workspace) -> AssessmentSummary:
    return lead_assessment(workspace)


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[dict[str, Workspace]]:
    opened = {name: Workspace.open(DataDir(tmp_path / name)) for name in ("ben", "cara", "ben-again")}
    yield opened
    for workspace in opened.values():
        workspace.close()


def given_to(workspace: Workspace, lead: AssessmentSummary, laptop: Workspace, path: Path) -> uuid.UUID:
    team_pack(workspace, lead.id, path, ["entry"])
    import_bundle(laptop, path, always)
    found = assignment(laptop, lead.id)
    assert found is not None and found.pack_id is not None
    return found.pack_id


def work_back(workspace: Workspace, lead: AssessmentSummary, laptop: Workspace, path: Path, item: str) -> None:
    record_answer(laptop, lead.id, item, "yes")
    export_bundle(laptop, [lead.id], path, to_district=False)
    import_bundle(workspace, path, always)


def test_each_pack_records_the_work_that_names_it(
    workspace: Workspace, lead: AssessmentSummary, laptops: dict[str, Workspace], tmp_path: Path
) -> None:
    ben, cara, again = laptops["ben"], laptops["cara"], laptops["ben-again"]
    to_cara = given_to(workspace, lead, cara, tmp_path / "cara.sabundle")
    to_ben = given_to(workspace, lead, ben, tmp_path / "ben.sabundle")
    work_back(workspace, lead, ben, tmp_path / "ben-back.sabundle", "entry.single-entrance")  # Ben's comes first
    came = {p.id: p.received_from for p in packs(workspace, lead.id)}
    assert came == {to_cara: None, to_ben: ben.device_key.fingerprint}  # not the oldest pack waiting (Cara's)
    reissued = given_to(workspace, lead, again, tmp_path / "again.sabundle")  # Ben's laptop, reinstalled
    work_back(workspace, lead, again, tmp_path / "again-back.sabundle", "parking.supervision")
    work_back(workspace, lead, cara, tmp_path / "cara-back.sabundle", "parking.pedestrian-routes")
    came = {p.id: p.received_from for p in packs(workspace, lead.id)}
    assert came == {
        to_cara: cara.device_key.fingerprint,
        to_ben: ben.device_key.fingerprint,
        reissued: again.device_key.fingerprint,
    }


def test_work_naming_no_pack_is_matched_by_its_device(
    workspace: Workspace, lead: AssessmentSummary, laptops: dict[str, Workspace], tmp_path: Path
) -> None:
    ben = laptops["ben"]
    to_ben = given_to(workspace, lead, ben, tmp_path / "ben.sabundle")
    with ben.database.session() as session:  # as a pack made before pack ids left it
        row = session.get(TeamAssignmentRow, lead.id)
        assert row is not None
        row.pack_id = None
    back = tmp_path / "back.sabundle"
    work_back(workspace, lead, ben, back, "entry.single-entrance")
    assert manifest_of(back).team_work == {}
    [pack] = packs(workspace, lead.id)
    assert (pack.id, pack.received_from) == (to_ben, ben.device_key.fingerprint)


def test_a_bundle_naming_the_pack_of_an_assessment_it_does_not_hold_is_damaged(
    workspace: Workspace, lead: AssessmentSummary, laptops: dict[str, Workspace], tmp_path: Path
) -> None:
    ben = laptops["ben"]
    given_to(workspace, lead, ben, tmp_path / "ben.sabundle")
    back = tmp_path / "back.sabundle"
    work_back(workspace, lead, ben, back, "entry.single-entrance")
    manifest = manifest_of(back)
    assert manifest.team_work == {str(lead.id): str(assignment(ben, lead.id).pack_id)}  # type: ignore[union-attr]
    forged = manifest.model_dump(mode="json") | {"team_work": {str(uuid.uuid4()): str(uuid.uuid4())}}
    with pytest.raises(ManifestError, match="team pack of an assessment it does not hold"):
        parse_manifest(rewrite_manifest(forged))
    with pytest.raises(ManifestError, match="names no team packs"):
        parse_manifest(rewrite_manifest(manifest.model_dump(mode="json") | {"format_version": 4}))


def manifest_of(bundle: Path) -> Manifest:
    with zipfile.ZipFile(bundle) as archive:
        return parse_manifest(archive.read("manifest.json"))


def rewrite_manifest(data: dict[str, object]) -> bytes:
    return json.dumps(data).encode()
