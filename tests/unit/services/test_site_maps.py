"""Site plans through the service: importing a plan clean, and every change to it and to what is drawn on it."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.records import Campus
from safety_assess.domain.sitemap.model import CameraSpec, MapError, MarkerKind, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from safety_assess.storage.orm_maps import MapMarkerRow, SiteMapRow
from tests import plan_files
from tests.plan_files import SECRET


@pytest.fixture
def campus(workspace: Workspace) -> Campus:
    return workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")


@pytest.fixture
def plan(workspace: Workspace, campus: Campus, tmp_path: Path) -> SiteMap:
    """A 400 x 300 plan."""
    return site_maps.add_map(workspace, campus.id, plan_files.png_with_metadata(tmp_path / "Site plan.png"))


def stored_files(workspace: Workspace) -> list[Path]:
    return sorted(p for p in workspace.photo_store.root.rglob("*") if p.is_file())


def revision(workspace: Workspace, map_id: uuid.UUID) -> int:
    with workspace.database.session() as session:
        return int(session.scalar(select(SiteMapRow.revision).where(SiteMapRow.id == map_id)) or 0)


def test_a_png_plan_is_stored_by_content_without_its_metadata(workspace: Workspace, plan: SiteMap) -> None:
    assert (plan.title, plan.extension, plan.width, plan.height, plan.rotation, plan.scale) == (
        "Site plan",
        "png",
        400,
        300,
        0,
        None,
    )
    data = site_maps.plan_image(workspace, plan).read_bytes()
    assert plan_files.png_chunks(data) == ["IHDR", "IDAT", "IEND"]
    assert SECRET.encode() not in data and b"trailing" not in data
    with Image.open(site_maps.plan_image(workspace, plan)) as stored:
        assert stored.getpixel((5, 5)) == (255, 0, 0) and not stored.info
    assert site_maps.list_maps(workspace, plan.campus_id) == [plan]


def test_a_turned_jpeg_is_stored_upright_without_exif_gps_icc_or_comment(
    workspace: Workspace, campus: Campus, tmp_path: Path
) -> None:
    plan = site_maps.add_map(workspace, campus.id, plan_files.jpeg_with_metadata(tmp_path / "floor.jpg"), title="1st")
    assert (plan.title, plan.extension, plan.width, plan.height) == ("1st", "jpg", 300, 400)
    data = site_maps.plan_image(workspace, plan).read_bytes()
    assert SECRET.encode() not in data and b"trailing" not in data and data.endswith(b"\xff\xd9")
    assert not {0xE1, 0xE2, 0xFE} & set(plan_files.jpeg_markers(data))  # no EXIF/XMP, ICC or comment
    with Image.open(site_maps.plan_image(workspace, plan)) as stored:
        assert stored.size == (300, 400)
        red = stored.convert("RGB").getpixel((290, 5))  # the red corner, turned a quarter clockwise
        assert red[0] > 200 and red[1] < 60


def test_the_same_plan_twice_is_stored_once(
    workspace: Workspace, campus: Campus, plan: SiteMap, tmp_path: Path
) -> None:
    again = site_maps.add_map(workspace, campus.id, plan_files.png_with_metadata(tmp_path / "copy.png"))
    assert again.sha256 == plan.sha256 and again.id != plan.id and again.position == plan.position + 1
    assert len(stored_files(workspace)) == 1


def test_a_pdf_page_is_rendered_through_the_page_renderer(workspace: Workspace, campus: Campus, tmp_path: Path) -> None:
    asked: list[tuple[Path, int, int]] = []

    def render(path: Path, page: int, max_pixels: int) -> bytes:
        asked.append((path, page, max_pixels))
        return plan_files.png_bytes((500, 250))

    file = plan_files.pdf(tmp_path / "campus.pdf")
    plan = site_maps.add_map(workspace, campus.id, file, page=2, render_page=render)
    assert asked == [(file, 2, site_maps.PDF_MAX_PIXELS)]
    assert (plan.title, plan.extension, plan.width, plan.height) == ("campus, page 2", "png", 500, 250)


@pytest.mark.parametrize(
    ("make", "page", "message"),
    [
        (lambda p: p.write_text("not a plan") and p, None, "not an image or PDF this app can read"),
        (plan_files.huge_png, None, "larger than the 200 MP limit"),
        (lambda p: plan_files.pdf(p.with_suffix(".pdf")), 5, "page 5 of plan.pdf does not exist: it has 2 pages"),
        (lambda p: plan_files.pdf(p.with_suffix(".pdf")), 0, "page 0 of plan.pdf does not exist"),
        (lambda p: plan_files.png_with_metadata(p), 2, "a page number is for PDF plans"),
        (lambda p: p, None, "no such file"),
    ],
    ids=["not-an-image", "over-the-pixel-limit", "missing-page", "page-zero", "page-of-an-image", "missing-file"],
)
def test_a_plan_that_cannot_be_read_is_refused_and_nothing_is_stored(
    workspace: Workspace, campus: Campus, tmp_path: Path, make, page: int | None, message: str
) -> None:
    def render(path: Path, number: int, max_pixels: int) -> bytes:
        raise MapError(f"page {number} of {path.name} does not exist: it has 2 pages")

    file = make(tmp_path / "plan.png")
    with pytest.raises(MapError, match=message):
        site_maps.add_map(workspace, campus.id, file, page=page, render_page=render)
    assert site_maps.list_maps(workspace, campus.id) == [] and stored_files(workspace) == []


def test_a_plan_too_large_to_decode_whole_is_refused(workspace: Workspace, campus: Campus, tmp_path: Path) -> None:
    with pytest.raises(MapError, match=r"plans up to 42 MP"):
        site_maps.add_map(workspace, campus.id, plan_files.huge_png(tmp_path / "big.png", 7000, 7000))
    assert site_maps.list_maps(workspace, campus.id) == []


def test_plan_images_are_kept_by_the_orphan_clean_up(workspace: Workspace, plan: SiteMap, tmp_path: Path) -> None:
    import os

    from safety_assess.services.photos import remove_orphan_files

    stray = workspace.photo_store.original("f" * 64, "png")
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"no record refers to it")
    for path in stored_files(workspace):
        os.utime(path, (1_000_000, 1_000_000))  # old enough to be removed when nothing refers to it
    site_maps.remove_map(workspace, plan.id)  # a removed plan can be restored: its image stays too
    assert remove_orphan_files(workspace) == 1
    assert site_maps.plan_image(workspace, plan).is_file() and not stray.exists()


def test_title_rotation_and_north(workspace: Workspace, plan: SiteMap) -> None:
    before = revision(workspace, plan.id)
    changed = site_maps.update_map(workspace, plan.id, title="  Site   (2024) ", rotation=-90, north=370)
    assert (changed.title, changed.rotation, changed.north) == ("Site (2024)", 270, 10)
    assert revision(workspace, plan.id) == before + 1
    assert site_maps.update_map(workspace, plan.id, clear_north=True).north is None
    with pytest.raises(MapError, match="quarter turns"):
        site_maps.update_map(workspace, plan.id, rotation=45)
    with pytest.raises(MapError, match="needs a title"):
        site_maps.update_map(workspace, plan.id, title="  ")
    assert site_maps.get_map(workspace, plan.id).title == "Site (2024)"


def test_the_scale_from_two_points_and_a_distance(workspace: Workspace, plan: SiteMap) -> None:
    scaled = site_maps.set_scale(workspace, plan.id, (10, 10), (110, 10), 25.0)
    assert scaled.pixels_per_metre == 4.0
    assert site_maps.get_map(workspace, plan.id).scale == scaled.scale
    for first, second, metres, message in [
        ((10, 10), (10, 10), 5.0, "two different points"),
        ((10, 10), (50, 10), 0.0, "more than 0 metres"),
        ((10, 10), (500, 10), 5.0, "outside the plan"),
    ]:
        with pytest.raises(MapError, match=message):
            site_maps.set_scale(workspace, plan.id, first, second, metres)
    assert site_maps.get_map(workspace, plan.id).scale == scaled.scale


def test_the_scale_is_cleared_unless_a_camera_has_a_range_in_metres(workspace: Workspace, plan: SiteMap) -> None:
    site_maps.set_scale(workspace, plan.id, (10, 10), (110, 10), 25.0)
    before = revision(workspace, plan.id)
    assert site_maps.clear_scale(workspace, plan.id).scale is None
    assert site_maps.get_map(workspace, plan.id).scale is None and revision(workspace, plan.id) == before + 1
    assert site_maps.clear_scale(workspace, plan.id).scale is None  # no scale: nothing to do
    site_maps.set_scale(workspace, plan.id, (10, 10), (110, 10), 25.0)
    camera = MarkerFields(label="Gym", camera=CameraSpec(range_m=20.0))
    _, camera_id = site_maps.add_marker(workspace, plan.id, MarkerKind.CAMERA, (100, 100), camera)
    with pytest.raises(MapError, match=r"keeps its scale: 1 camera \(Gym\) has a range in metres"):
        site_maps.clear_scale(workspace, plan.id)
    assert site_maps.get_map(workspace, plan.id).scale is not None
    site_maps.edit_marker(workspace, camera_id, MarkerFields(camera=CameraSpec()))
    assert site_maps.clear_scale(workspace, plan.id).scale is None


def test_a_zone_is_renamed_and_a_wall_has_no_name(workspace: Workspace, plan: SiteMap) -> None:
    _, zone_id = site_maps.add_zone(workspace, plan.id, "Yard", [(10, 10), (50, 10), (50, 50)])
    _, wall_id = site_maps.add_wall(workspace, plan.id, [(0, 0), (100, 0)])
    assert [z.name for z in site_maps.rename_zone(workspace, zone_id, "  Bus   loop ").zones] == ["Bus loop"]
    for shape_id, name, message in [(zone_id, "  ", "a zone needs a name"), (wall_id, "Hall", "only a zone")]:
        with pytest.raises(MapError, match=message):
            site_maps.rename_zone(workspace, shape_id, name)
    assert [z.name for z in site_maps.get_map(workspace, plan.id).zones] == ["Bus loop"]


def test_exterior_doors_take_the_next_number(workspace: Workspace, plan: SiteMap) -> None:
    ids = [site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (50 * n, 40))[1] for n in (1, 2, 3)]
    site_maps.add_marker(workspace, plan.id, MarkerKind.DOOR, (60, 60))
    assert [site_maps.get_map(workspace, plan.id).marker(i).number for i in ids] == [1, 2, 3]  # type: ignore[union-attr]
    site_maps.remove_marker(workspace, ids[2])
    later = site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (200, 250))[1]
    restored = site_maps.restore_marker(workspace, ids[2])  # its number went to the later door meanwhile
    numbers = {m.id: m.number for m in restored.of_kind(MarkerKind.EXTERIOR_DOOR)}
    assert numbers == {ids[0]: 1, ids[1]: 2, later: 3, ids[2]: 4}
    assert [m.number for m in restored.of_kind(MarkerKind.DOOR)] == [None]
    site_maps.remove_marker(workspace, ids[0])
    assert site_maps.restore_marker(workspace, ids[0]).marker(ids[0]).number == 1  # type: ignore[union-attr]


def test_doors_are_renumbered_clockwise_from_the_main_entrance(workspace: Workspace, plan: SiteMap) -> None:
    """Four doors around the middle of the plan, placed in no order: top, bottom, right, left."""
    at = {"top": (200, 50), "bottom": (200, 250), "right": (350, 150), "left": (50, 150)}
    ids = {name: site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, xy)[1] for name, xy in at.items()}
    before = revision(workspace, plan.id)
    renumbered = site_maps.renumber_doors(workspace, plan.id)  # from door 1, the top one
    assert {name: renumbered.marker(i).number for name, i in ids.items()} == {  # type: ignore[union-attr]
        "top": 1,
        "right": 2,
        "bottom": 3,
        "left": 4,
    }
    assert revision(workspace, plan.id) == before + 1
    from_left = site_maps.renumber_doors(workspace, plan.id, ids["left"])
    assert [from_left.marker(ids[n]).number for n in ("left", "top", "right", "bottom")] == [1, 2, 3, 4]  # type: ignore[union-attr]
    _, camera = site_maps.add_marker(workspace, plan.id, MarkerKind.CAMERA, (10, 10))
    with pytest.raises(MapError, match="the main entrance must be an exterior door"):
        site_maps.renumber_doors(workspace, plan.id, camera)


def test_a_camera_is_checked_against_the_plan(workspace: Workspace, plan: SiteMap) -> None:
    camera = MarkerFields(label="Gym", camera=CameraSpec(heading=-45, fov=80, resolution=(1920, 1080)))
    placed, camera_id = site_maps.add_marker(workspace, plan.id, MarkerKind.CAMERA, (100, 100), camera)
    assert placed.marker(camera_id).camera == CameraSpec(315, 80, None, (1920, 1080))  # type: ignore[union-attr]
    bad = [
        (MarkerKind.CAMERA, (100, 100), MarkerFields(camera=CameraSpec(fov=360)), "field of view"),
        (MarkerKind.CAMERA, (100, 100), MarkerFields(camera=CameraSpec(range_m=30)), "has no scale"),
        (MarkerKind.DOOR, (100, 100), MarkerFields(camera=CameraSpec()), "for cameras, not for markers of kind"),
        (MarkerKind.AED, (401, 100), None, "the aed 401,100 is outside the plan"),
        (MarkerKind.AED, (10, 10), MarkerFields(number=3), "only exterior doors are numbered"),
        (MarkerKind.FINDING, (10, 10), None, "a finding pin needs the finding"),
    ]
    for kind, at, fields, message in bad:
        with pytest.raises(MapError, match=message):
            site_maps.add_marker(workspace, plan.id, kind, at, fields)
    with pytest.raises(NotFoundError):
        site_maps.add_marker(workspace, plan.id, MarkerKind.FINDING, (10, 10), MarkerFields(finding_id=uuid.uuid4()))
    assert [m.id for m in site_maps.get_map(workspace, plan.id).markers] == [camera_id]
    site_maps.set_scale(workspace, plan.id, (0, 0), (100, 0), 10)
    ranged = site_maps.edit_marker(workspace, camera_id, MarkerFields(camera=CameraSpec(90, 60, 30.0)))
    assert ranged.marker(camera_id).camera == CameraSpec(90, 60, 30.0)  # type: ignore[union-attr]


def test_markers_move_are_edited_removed_and_restored(workspace: Workspace, plan: SiteMap) -> None:
    _, marker_id = site_maps.add_marker(workspace, plan.id, MarkerKind.KNOX_BOX, (10, 20), MarkerFields(label="Box"))
    before = revision(workspace, plan.id)
    moved = site_maps.move_marker(workspace, marker_id, (30, 40))
    assert moved.marker(marker_id).position == (30, 40)  # type: ignore[union-attr]
    assert revision(workspace, plan.id) == before + 1
    with pytest.raises(MapError, match="outside the plan"):
        site_maps.move_marker(workspace, marker_id, (-1, 40))
    edited = site_maps.edit_marker(workspace, marker_id, MarkerFields(label=" Knox  box ", camera_instance="x"))
    assert (edited.marker(marker_id).label, edited.marker(marker_id).camera_instance) == ("Knox box", "x")  # type: ignore[union-attr]
    assert site_maps.remove_marker(workspace, marker_id).markers == ()
    with pytest.raises(NotFoundError):
        site_maps.move_marker(workspace, marker_id, (1, 1))
    back = site_maps.restore_marker(workspace, marker_id).marker(marker_id)
    assert back is not None and (back.position, back.label) == ((30, 40), "Knox box")
    with workspace.database.session() as session:
        row = session.get(MapMarkerRow, marker_id)
        assert row is not None and row.revision == 5  # added, moved, edited, removed, restored


def test_walls_and_zones(workspace: Workspace, plan: SiteMap) -> None:
    _, wall_id = site_maps.add_wall(workspace, plan.id, [(0, 0), (100, 0), (100, 100)])
    with_zone, zone_id = site_maps.add_zone(workspace, plan.id, " Bus  loop ", [(10, 10), (50, 10), (50, 50)])
    assert [w.points for w in with_zone.walls] == [((0, 0), (100, 0), (100, 100))]
    assert [(z.id, z.name) for z in with_zone.zones] == [(zone_id, "Bus loop")]
    for call, message in [
        (lambda: site_maps.add_wall(workspace, plan.id, [(1, 1)]), "at least two points"),
        (lambda: site_maps.add_zone(workspace, plan.id, "Yard", [(1, 1), (5, 5)]), "at least three points; 2 given"),
        (lambda: site_maps.add_wall(workspace, plan.id, [(1, 1), (999, 1)]), "wall point 2 999,1 is outside"),
        (lambda: site_maps.move_shape(workspace, zone_id, [(1, 1), (2, 2)]), "zone 'Bus loop' needs at least three"),
    ]:
        with pytest.raises(MapError, match=message):
            call()
    moved = site_maps.move_shape(workspace, wall_id, [(5, 5), (6, 6)])
    assert [w.points for w in moved.walls] == [((5, 5), (6, 6))]
    assert site_maps.remove_shape(workspace, zone_id).zones == ()
    assert [z.id for z in site_maps.restore_shape(workspace, zone_id).zones] == [zone_id]


def test_a_removed_plan_comes_back_with_everything_on_it(workspace: Workspace, plan: SiteMap) -> None:
    site_maps.add_marker(workspace, plan.id, MarkerKind.AED, (10, 10))
    site_maps.remove_map(workspace, plan.id)
    assert site_maps.list_maps(workspace, plan.campus_id) == []
    with pytest.raises(NotFoundError):
        site_maps.get_map(workspace, plan.id)
    with pytest.raises(NotFoundError):
        site_maps.add_marker(workspace, plan.id, MarkerKind.AED, (10, 10))
    back = site_maps.restore_map(workspace, plan.id)
    assert [m.kind for m in back.markers] == [MarkerKind.AED]
    assert site_maps.list_maps(workspace, plan.campus_id) == [back]


def test_plans_of_a_campus_in_order(workspace: Workspace, campus: Campus, plan: SiteMap, tmp_path: Path) -> None:
    second = site_maps.add_map(workspace, campus.id, plan_files.jpeg_with_metadata(tmp_path / "Floor 1.jpg"))
    other = workspace.campuses.add("District Office", "DO")
    site_maps.add_map(workspace, other.id, plan_files.png_with_metadata(tmp_path / "Office.png"))
    assert [p.title for p in site_maps.list_maps(workspace, campus.id)] == ["Site plan", "Floor 1"]
    assert second.position == 1
    assert site_maps.find_campus(workspace, "lhs") == campus
    assert site_maps.find_campus(workspace, str(campus.id)) == campus
    with pytest.raises(NotFoundError, match="no campus with code or id 'XYZ'"):
        site_maps.find_campus(workspace, "XYZ")
    with pytest.raises(NotFoundError):
        site_maps.add_map(workspace, uuid.uuid4(), tmp_path / "Office.png")


@pytest.mark.sqlite_only  # a shared database is backed up with pg_dump
@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "passphrase"])
@pytest.mark.usefixtures("quick_scrypt")
def test_a_backup_carries_plans_and_their_images(
    workspace: Workspace, plan: SiteMap, tmp_path: Path, encrypted: bool
) -> None:
    from safety_assess.base.datadir import DataDir
    from safety_assess.base.settings import Settings
    from safety_assess.services.backup import back_up
    from safety_assess.services.backup_keys import UNENCRYPTED, protection_for, set_passphrase
    from safety_assess.services.restore import RestoreKeys, restore
    from tests.unit.services.conftest import PASSPHRASE

    site_maps.set_scale(workspace, plan.id, (0, 0), (100, 0), 10)
    _, door = site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (20, 20))
    site_maps.add_zone(workspace, plan.id, "Yard", [(10, 10), (50, 10), (50, 50)])
    protection = UNENCRYPTED
    if encrypted:
        set_passphrase(workspace.data_dir, PASSPHRASE)
        protection = protection_for(workspace, Settings(backup_encryption="passphrase"))
    backup = back_up(workspace, tmp_path / "usb", protection=protection)
    assert backup.photos == 1 and backup.missing == []
    result = restore(backup.folder, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE if encrypted else None))
    assert (result.photos, result.missing) == (1, [])
    copy = Workspace.open(DataDir(result.folder))
    try:
        restored = site_maps.get_map(copy, plan.id)
        assert restored == site_maps.get_map(workspace, plan.id) and restored.marker(door) is not None
        image = site_maps.plan_image(copy, restored)
        assert image.read_bytes() == site_maps.plan_image(workspace, plan).read_bytes()
    finally:
        copy.close()


def test_an_image_whose_text_holds_the_pdf_signature_is_an_image(
    workspace: Workspace, campus: Campus, tmp_path: Path
) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "%PDF-1.7 exported from the plan room")
    path = tmp_path / "odd.png"
    plan_files.drawing().save(path, "PNG", pnginfo=info)
    assert site_maps.add_map(workspace, campus.id, path).extension == "png"


def test_a_backup_from_before_plans_lists_its_photos(tmp_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    from safety_assess.services.backup_format import photo_hashes

    with closing(sqlite3.connect(tmp_path / "old.sqlite3")) as old:
        old.execute("CREATE TABLE photos (sha256 TEXT)")
        old.executemany("INSERT INTO photos VALUES (?)", [("b" * 64,), ("a" * 64,), ("b" * 64,)])
        old.commit()
    assert photo_hashes(tmp_path / "old.sqlite3") == ["a" * 64, "b" * 64]


def test_findings_and_photos_are_pinned(workspace: Workspace, tmp_path: Path) -> None:
    from safety_assess.services.demo import make_sample

    sample = make_sample(workspace)
    campus = workspace.campuses.by_code(sample.campus_code)
    plan = site_maps.add_map(workspace, campus.id, plan_files.png_with_metadata(tmp_path / "Site.png"))
    finding = workspace.findings.of_assessment(sample.assessment_id)[0]
    photo = workspace.photos.list(sample.assessment_id)[0]
    _, pin = site_maps.add_marker(workspace, plan.id, MarkerKind.FINDING, (5, 5), MarkerFields(finding_id=finding.id))
    pinned, photo_pin = site_maps.add_marker(
        workspace, plan.id, MarkerKind.PHOTO, (9, 9), MarkerFields(photo_id=photo.id)
    )
    assert pinned.marker(pin).finding_id == finding.id  # type: ignore[union-attr]
    assert pinned.marker(photo_pin).photo_id == photo.id  # type: ignore[union-attr]
    with pytest.raises(MapError, match="a photo pin needs the photo"):
        site_maps.add_marker(workspace, plan.id, MarkerKind.PHOTO, (9, 9))


def test_a_corrupt_exif_block_does_not_refuse_the_plan(workspace: Workspace, campus: Campus, tmp_path: Path) -> None:
    import io
    import struct

    out = io.BytesIO()
    plan_files.drawing().save(out, "JPEG")
    junk = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xff" + b"\x01" * 40  # an IFD claiming 65535 entries
    segment = b"\xff\xe1" + struct.pack(">H", len(junk) + 2) + junk
    path = tmp_path / "odd.jpg"
    path.write_bytes(out.getvalue()[:2] + segment + out.getvalue()[2:])
    plan = site_maps.add_map(workspace, campus.id, path)
    assert (plan.width, plan.height) == (400, 300)
    assert b"Exif" not in site_maps.plan_image(workspace, plan).read_bytes()
