"""The sample campus: made once, half answered with deficiencies, photos and a phased plan; its files readable."""

from __future__ import annotations

from pathlib import Path

from safety_assess.base.datadir import DataDir
from safety_assess.services.bundles import import_bundle
from safety_assess.services.demo import ANSWERS, CODE, PHOTOGRAPHED, make_sample, write_demo
from safety_assess.services.plan import load_plan
from safety_assess.services.workspace import Workspace
from tests.unit.bundles.conftest import always


def test_the_sample_is_a_half_finished_assessment_made_only_once(workspace: Workspace) -> None:
    sample = make_sample(workspace, "Ana Diaz")
    summary = workspace.assessments.summary(sample.assessment_id)
    assert sample.made and summary.campus.code == CODE and summary.assessors == ("Ana Diaz",)
    detail = workspace.assessments.detail(sample.assessment_id)
    assert len(detail.responses) == len(ANSWERS) and summary.status.value == "in_progress"
    assert sorted(p.item_id for p in workspace.photos.list(sample.assessment_id)) == sorted(PHOTOGRAPHED)
    plan = load_plan(workspace, sample.assessment_id)
    assert len(plan.findings) >= 4 and {a.finding_key for a in plan.actions} == {f.key for f in plan.findings}
    assert sum(a.cost_high for a in plan.actions) > 0 and len({a.phase for a in plan.actions}) >= 2
    again = make_sample(workspace)
    assert (again.made, again.assessment_id) == (False, sample.assessment_id)
    assert [c.code for c in workspace.campuses.list()].count(CODE) == 1


def test_the_demo_files_are_a_report_and_a_bundle_the_district_imports(workspace: Workspace, tmp_path: Path) -> None:
    files = write_demo(workspace, tmp_path / "out")
    assert files.report.read_bytes().startswith(b"%PDF-") and files.pages >= 2
    district = Workspace.open(DataDir(tmp_path / "district"))
    try:
        report = import_bundle(district, files.bundle, trust=always)
        assert [o.result.value for o in report.outcomes] == ["added"]
        assert len(district.photos.list(files.sample.assessment_id)) == len(PHOTOGRAPHED)
    finally:
        district.close()
