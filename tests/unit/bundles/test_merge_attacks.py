"""Bundles built to hurt the field-by-field merge: edit stamps and revisions of the wrong size or kind."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from safety_assess.base.datadir import DataDir
from safety_assess.domain.errors import ConflictError
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.identity import revoke_device
from safety_assess.services.merge_conflicts import conflicts, resolve
from safety_assess.services.team import team_pack
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import ImportRefused
from safety_assess.storage.orm import AppMetaRow
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_team_merge import CLOCK, answers, carry
from tests.unit.bundles.test_verify import Files, resign, rewrite

Record = dict[str, Any]


def given_a_pack(workspace: Workspace, assessment_id: uuid.UUID, folder: Path) -> Workspace:
    """Another laptop given the assessment by a team pack."""
    opened = Workspace.open(DataDir(folder))
    team_pack(workspace, assessment_id, folder.with_suffix(".sabundle"))
    import_bundle(opened, folder.with_suffix(".sabundle"), trust=always)
    return opened


@pytest.fixture
def second(tmp_path: Path, workspace: Workspace, reported: AssessmentSummary) -> Iterator[Workspace]:
    opened = given_a_pack(workspace, reported.id, tmp_path / "second")
    yield opened
    opened.close()


@pytest.fixture
def third(tmp_path: Path, workspace: Workspace, reported: AssessmentSummary) -> Iterator[Workspace]:
    opened = given_a_pack(workspace, reported.id, tmp_path / "third")
    yield opened
    opened.close()


def forged(source: Workspace, assessment_id: uuid.UUID, path: Path, change: Callable[[Record], None]) -> Path:
    """The source's bundle with each response record changed by ``change``, signed again by the source."""
    export_bundle(source, [assessment_id], path, clock=CLOCK)

    def edit(files: Files) -> Files:
        changed = dict(files)
        for name, data in files.items():
            if name.endswith(".json") and name != "manifest.json":
                document = json.loads(data)
                if isinstance(document, dict) and "responses" in document:
                    for record in document["responses"]:
                        change(record)
                    changed[name] = json.dumps(document).encode()
        return resign(changed, source.device_key)

    return rewrite(path, edit)


FORGED: dict[str, Callable[[Record], None]] = {
    "infinite seen": lambda r: r.update(edit_stamps={"seen": {"x": float("inf")}, "fields": {}}),
    "huge stamp": lambda r: r.update(edit_stamps={"seen": {}, "fields": {"value": ["x", 2**63]}}),
    "float stamp": lambda r: r.update(edit_stamps={"seen": {"x": 1.5}, "fields": {}}),
    "stamps of another shape": lambda r: r.update(edit_stamps={"seen": [1, 2], "fields": "value"}),
    "stamps not an object": lambda r: r.update(edit_stamps=[["x", 1]]),
    "revision near 2**63": lambda r: r.update(revision=2**63 - 1),
    "revision past 2**63": lambda r: r.update(revision=2**63),
    "revision past 32 bits": lambda r: r.update(revision=2**31),
    "negative revision": lambda r: r.update(revision=-1),
}


@pytest.mark.parametrize("change", FORGED.values(), ids=FORGED.keys())
def test_a_bundle_with_malformed_stamps_or_revisions_is_refused_whole_in_one_line(
    workspace: Workspace,
    second: Workspace,
    reported: AssessmentSummary,
    tmp_path: Path,
    change: Callable[[Record], None],
) -> None:
    before = answers(workspace, reported.id)
    record_answer(second, reported.id, "gate", "flag")
    record_answer(second, reported.id, "coverage", 90.0)
    bundle = forged(second, reported.id, tmp_path / "s.sabundle", change)
    with pytest.raises(
        ImportRefused, match=rf"^assessment {reported.id}: responses\.\w+ has a value of the wrong kind"
    ):
        import_bundle(workspace, bundle, trust=always)
    assert answers(workspace, reported.id) == before


def test_a_removal_claiming_to_have_seen_everything_is_refused(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(second, reported.id, "gate", "flag")
    export_bundle(second, [reported.id], tmp_path / "s.sabundle", clock=CLOCK)

    def edit(files: Files) -> Files:
        changed = dict(files)
        for name, data in files.items():
            document = json.loads(data) if name.endswith(".json") and name != "manifest.json" else None
            if isinstance(document, dict) and "responses" in document:
                gate = next(r for r in document["responses"] if r["item_id"] == "gate")
                tombstone = {
                    "id": gate["id"],
                    "assessment_id": str(reported.id),
                    "table_name": "responses",
                    "item_id": "gate",
                    "instance_id": None,
                    "installation": "x",
                    "revision": 99,
                    "seen": {"x": float("inf")},
                    "deleted_at": CLOCK.isoformat(),
                }
                document["deleted"] = [tombstone]
                changed[name] = json.dumps(document).encode()
        return resign(changed, second.device_key)

    before = answers(workspace, reported.id)
    with pytest.raises(ImportRefused, match=r"deleted_records\.seen has a value of the wrong kind"):
        import_bundle(workspace, rewrite(tmp_path / "s.sabundle", edit), trust=always)
    assert answers(workspace, reported.id) == before


def test_three_laptops_clashing_on_one_item_keep_every_value_to_choose_from(
    workspace: Workspace, second: Workspace, third: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(workspace, reported.id, "gate", "pass", note="lead")
    record_answer(second, reported.id, "gate", "pass", note="second")
    record_answer(third, reported.id, "gate", "pass", note="third")
    carry(second, reported.id, workspace, tmp_path / "b.sabundle")
    carry(third, reported.id, workspace, tmp_path / "c.sabundle")
    carry(second, reported.id, workspace, tmp_path / "b.sabundle")  # again: nothing new, nothing dropped
    b, c = second.device_key.fingerprint, third.device_key.fingerprint
    listed = {(c.their_device, c.theirs) for c in conflicts(workspace, reported.id)}
    assert listed == {(b, "second"), (c, "third")}
    with pytest.raises(ConflictError, match=f"no value from device 'SA-NOPE'.*{b}|no value from device 'SA-NOPE'.*{c}"):
        resolve(workspace, reported.id, "gate", take="SA-NOPE")
    resolve(workspace, reported.id, "gate", take=b)
    assert notes(workspace, reported.id)["gate"] == "second" and conflicts(workspace, reported.id) == []
    for laptop in (second, third):  # the choice reaches both, and neither clashes again
        carry(workspace, reported.id, laptop, tmp_path / "l.sabundle")
        assert notes(laptop, reported.id)["gate"] == "second" and conflicts(laptop, reported.id) == []
    carry(third, reported.id, workspace, tmp_path / "c2.sabundle")
    assert conflicts(workspace, reported.id) == []


def test_a_value_typed_in_settles_every_devices_clash_on_the_field(
    workspace: Workspace, second: Workspace, third: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    for laptop, value in ((workspace, "pass"), (second, "flag"), (third, "fail")):
        record_answer(laptop, reported.id, "coverage", {"pass": 10.0, "flag": 20.0, "fail": 30.0}[value])
    carry(second, reported.id, workspace, tmp_path / "b.sabundle")
    carry(third, reported.id, workspace, tmp_path / "c.sabundle")
    assert sorted(c.theirs for c in conflicts(workspace, reported.id)) == [20.0, 30.0]
    resolve(workspace, reported.id, "coverage", value="40")
    assert answers(workspace, reported.id)["coverage"] == 40.0 and conflicts(workspace, reported.id) == []


def notes(workspace: Workspace, assessment_id: uuid.UUID) -> dict[str, str | None]:
    return {r.item_id: r.note for r in workspace.assessments.detail(assessment_id).responses}


def test_a_revoked_device_claiming_a_new_installation_is_still_refused(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    """The laptop was lost: revoked on the lead's. Its key, sending under another installation id (its app_meta
    edited), is the same device and is refused, not offered to be trusted as a new one."""
    record_answer(second, reported.id, "gate", "flag")
    carry(second, reported.id, workspace, tmp_path / "s1.sabundle")
    revoke_device(workspace, second.device_key.fingerprint)
    before = answers(workspace, reported.id)
    record_answer(second, reported.id, "gate", "pass")
    with second.database.session() as session:
        session.execute(update(AppMetaRow).where(AppMetaRow.key == "installation_id").values(value=str(uuid.uuid4())))
    export_bundle(second, [reported.id], tmp_path / "s2.sabundle", clock=CLOCK)
    with pytest.raises(ImportRefused, match=rf"device {second.device_key.fingerprint} .*which was revoked"):
        import_bundle(workspace, tmp_path / "s2.sabundle", trust=always)
    assert answers(workspace, reported.id) == before


def test_a_clash_settled_at_the_district_is_not_brought_back_by_old_bundles(
    workspace: Workspace, second: Workspace, district: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(workspace, reported.id, "gate", "pass", note="lead")
    record_answer(second, reported.id, "gate", "pass", note="second")
    carry(second, reported.id, workspace, tmp_path / "s.sabundle")
    carry(workspace, reported.id, district, tmp_path / "l.sabundle")  # the lead's, holding the clash
    import_bundle(district, tmp_path / "s.sabundle", trust=always)  # the second laptop's own, sent to both
    assert [c.theirs for c in conflicts(district, reported.id)] == ["second"]
    resolve(district, reported.id, "gate", take=second.device_key.fingerprint)
    for replayed in ("l.sabundle", "s.sabundle"):
        import_bundle(district, tmp_path / replayed, trust=always)
        assert conflicts(district, reported.id) == [] and notes(district, reported.id)["gate"] == "second"
    record_answer(workspace, reported.id, "coverage", 12.0)  # the lead works on, not having seen the choice
    carry(workspace, reported.id, district, tmp_path / "l2.sabundle")
    assert conflicts(district, reported.id) == [] and notes(district, reported.id)["gate"] == "second"
    assert answers(district, reported.id)["coverage"] == 12.0
