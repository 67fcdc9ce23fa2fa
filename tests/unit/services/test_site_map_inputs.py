"""Site plans through the service, given what a careless or hostile caller gives: a finding or photo of another
campus pinned, control characters in names, plan files that are not plans; refused in one line, nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_assess.domain.sitemap.model import MapError, MarkerKind
from safety_assess.services import site_maps
from safety_assess.services.demo import make_sample
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from tests import plan_files
from tests.lost_photos import lose


def test_a_finding_or_photo_of_another_campus_is_not_pinned(workspace: Workspace, tmp_path: Path) -> None:
    sample = make_sample(workspace)
    other = workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")
    plan = site_maps.add_map(workspace, other.id, plan_files.png_with_metadata(tmp_path / "Site.png"))
    finding = workspace.findings.of_assessment(sample.assessment_id)[0]
    photo = workspace.photos.list(sample.assessment_id)[0]
    door = site_maps.add_marker(workspace, plan.id, MarkerKind.DOOR, (9, 9))[1]
    for kind, fields in (
        (MarkerKind.FINDING, MarkerFields(finding_id=finding.id)),
        (MarkerKind.PHOTO, MarkerFields(photo_id=photo.id)),
    ):
        with pytest.raises(MapError, match=f"is of another campus \\({sample.campus_code}\\), not of Lincoln High"):
            site_maps.add_marker(workspace, plan.id, kind, (5, 5), fields)
        with pytest.raises(MapError, match="is of another campus"):
            site_maps.edit_marker(workspace, door, fields)
    assert [m.kind for m in site_maps.get_map(workspace, plan.id).markers] == [MarkerKind.DOOR]
    assert site_maps.get_map(workspace, plan.id).marker(door).finding_id is None  # type: ignore[union-attr]


def test_control_characters_are_left_out_of_titles_labels_and_names(workspace: Workspace, tmp_path: Path) -> None:
    """A NUL (which PostgreSQL refuses), an escape sequence, a bell: none is stored, none reaches a PDF."""
    campus = workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")
    png = plan_files.png_with_metadata(tmp_path / "Site.png")
    plan = site_maps.add_map(workspace, campus.id, png, title="Site\x00 plan\x07")
    _, door = site_maps.add_marker(workspace, plan.id, MarkerKind.DOOR, (9, 9), MarkerFields(label="Gym\x1b[31m door"))
    site_maps.add_zone(workspace, plan.id, "Bus\x7f loop\x85", [(0, 0), (50, 0), (50, 50)])
    site_maps.edit_marker(workspace, door, MarkerFields(camera_instance="Entry\x00 3"))
    stored = site_maps.get_map(workspace, plan.id)
    assert stored.title == "Site plan"
    assert (stored.markers[0].label, stored.markers[0].camera_instance) == ("Gym[31m door", "Entry 3")
    assert [z.name for z in stored.zones] == ["Bus loop"]
    with pytest.raises(MapError, match="a plan needs a title"):
        site_maps.update_map(workspace, plan.id, title="\x00\x01")


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("folder.png", lambda path: path.mkdir(), "folder.png: is a folder, not a plan; choose the plan's file in it"),
        (
            "plan.gif",
            lambda path: plan_files.drawing().save(path, "GIF"),
            "plan.gif: GIF images are not supported (PNG, JPEG, WebP, TIFF, HEIC or PDF)",
        ),
        ("huge.png", lambda path: plan_files.huge_png(path, 9000, 9000), "this PNG needs more memory to open than"),
    ],
)
def test_a_file_that_is_no_plan_is_named_as_a_plan_not_a_photo(
    workspace: Workspace, tmp_path: Path, name: str, make: object, message: str
) -> None:
    campus = workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")
    make(tmp_path / name)  # type: ignore[operator]
    with pytest.raises(MapError, match=message.replace("(", r"\(").replace(")", r"\)")) as refused:
        site_maps.add_map(workspace, campus.id, tmp_path / name)
    assert "photo" not in str(refused.value)
    assert site_maps.list_maps(workspace, campus.id) == []


def test_a_responder_map_of_a_plan_whose_image_is_missing_names_the_plan(workspace: Workspace, tmp_path: Path) -> None:
    from safety_assess.services.responder_maps import write_responder_map

    campus = workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")
    plan = site_maps.add_map(workspace, campus.id, plan_files.png_with_metadata(tmp_path / "Site.png"))
    lose(workspace, site_maps.plan_image(workspace, plan))
    out = tmp_path / "responder.pdf"
    with pytest.raises(MapError, match="the image of plan 'Site' is missing from the data folder") as refused:
        write_responder_map(workspace, plan.id, out)
    assert "\n" not in str(refused.value) and not out.exists()


@pytest.mark.parametrize("number", [0, -1, 10_000, 2**31, 10**20])
def test_a_door_number_no_door_has_is_refused(workspace: Workspace, tmp_path: Path, number: int) -> None:
    """Numbers past 2^31 do not fit PostgreSQL's integers, past 2^63 SQLite's (it was an internal error)."""
    campus = workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")
    plan = site_maps.add_map(workspace, campus.id, plan_files.png_with_metadata(tmp_path / "Site.png"))
    _, door = site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (9, 9))
    with pytest.raises(MapError, match=f"a door number is from 1 to 9999, not {number}"):
        site_maps.edit_marker(workspace, door, MarkerFields(number=number))
    with pytest.raises(MapError, match=f"a door number is from 1 to 9999, not {number}"):
        site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (5, 5), MarkerFields(number=number))
    assert [m.number for m in site_maps.get_map(workspace, plan.id).markers] == [1]
