"""Bundles built to hurt the field-by-field merge: edit stamps and revisions of the wrong size or kind."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.team import team_pack
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import ImportRefused
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_team_merge import CLOCK, answers
from tests.unit.bundles.test_verify import Files, resign, rewrite

Record = dict[str, Any]


@pytest.fixture
def second(tmp_path: Path, workspace: Workspace, reported: AssessmentSummary) -> Iterator[Workspace]:
    """A second laptop given the assessment by a team pack."""
    opened = Workspace.open(DataDir(tmp_path / "second"))
    team_pack(workspace, reported.id, tmp_path / "team.sabundle")
    import_bundle(opened, tmp_path / "team.sabundle", trust=always)
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
