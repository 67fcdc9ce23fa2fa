"""The command line end to end: the real program in a subprocess, on a temporary data folder."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from safety_assess import __version__
from tests.e2e.conftest import Run

DATA = Path(__file__).resolve().parents[1] / "data" / "checklists"


def one_line_error(result, code: int = 1) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_version(cli: Run) -> None:
    result = cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"safety-assess {__version__}"


def test_a_whole_assessment_from_the_command_line(cli: Run) -> None:
    assert cli("campus", "add", "Lincoln High", "--code", "LHS", "--address", "1 Main St").returncode == 0
    campuses = json.loads(cli("campus", "list", "--json").stdout)
    assert [(c["code"], c["name"], c["address"]) for c in campuses] == [("LHS", "Lincoln High", "1 Main St")]

    new = cli(
        "assessment",
        "new",
        "--campus",
        "LHS",
        "--checklist",
        "cameras-technology",
        "--assessor",
        "Ana Diaz",
        "--assessor",
        "Sam Lee",
        "--date",
        "2026-11-20",
    )
    assert new.returncode == 0, new.stderr
    assessment_id = new.stdout.strip()
    answered = cli(
        "assessment",
        "answer",
        assessment_id,
        "camera.working",
        "no",
        "--instance",
        "Camera 1 - gym",
        "--note",
        "dark screen",
    )
    assert answered.returncode == 0, answered.stderr
    assert cli("assessment", "answer", assessment_id[:8], "video.retention-days", "14").returncode == 0

    shown = json.loads(cli("assessment", "show", assessment_id, "--json").stdout)
    assert shown["campus"]["code"] == "LHS"
    assert shown["checklist"] == {
        "id": "cameras-technology",
        "version": "1.0.0",
        "title": "Security cameras and technology",
    }
    assert shown["status"] == "in_progress" and shown["assessors"] == ["Ana Diaz", "Sam Lee"]
    assert shown["date"] == "2026-11-20"
    assert [(r["item"], r["instance"], r["value"], r["note"]) for r in shown["responses"]] == [
        ("camera.working", "Camera 1 - gym", "no", "dark screen"),
        ("video.retention-days", None, 14.0, ""),
    ]
    assert shown["scores"]["overall"] == {"percent": 0.0, "earned": 0.0, "possible": 2.0, "deficient": 2}
    assert [(f["item"], f["likelihood"], f["severity"], f["risk"], f["band"]) for f in shown["findings"]] == [
        ("camera.working", 4, 3, 12, "High"),
        ("video.retention-days", 3, 3, 9, "Moderate"),
    ]
    assert shown["findings_per_band"] == {"Low": 0, "Moderate": 1, "High": 1, "Critical": 0}
    assert shown["heat_map"][3][2] == 1 and shown["heat_map"][2][2] == 1
    listed = json.loads(cli("assessment", "list", "--json").stdout)
    assert [(a["id"], a["recorded"]) for a in listed] == [(assessment_id, 2)]
    text = cli("assessment", "show", assessment_id)
    assert "Lincoln High (LHS)" in text.stdout and "camera.working" in text.stdout
    assert "compliance: 0% of 2 answered items; " in text.stdout and "not answered yet; findings: 2" in text.stdout


def test_a_wrong_answer_is_one_line_naming_item_and_what_it_takes(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    assessment_id = cli("assessment", "new", "--campus", "LHS", "--checklist", "cameras-technology").stdout.strip()
    line = one_line_error(cli("assessment", "answer", assessment_id, "video.retention-days", "a month"))
    assert (
        line == "safety-assess: error: item 'video.retention-days': 'a month' is not a number: enter a number of days"
    )
    line = one_line_error(cli("assessment", "answer", assessment_id, "camera.working", "yes"))
    assert "name the instance" in line


WRONG_ANSWERS = [
    (
        "grounds.shrub-height",
        "5 min",
        "item 'grounds.shrub-height': this item is measured in inches (in), not minutes: enter a number of inches "
        "(in), or the number followed by in, ft, yd, mi, mm, cm, m or km",
    ),
    (
        "grounds.shrub-height",
        "4 kg",
        "item 'grounds.shrub-height': this item is measured in inches (in): 'kg' is not one of its units: enter a "
        "number of inches (in), or the number followed by in, ft, yd, mi, mm, cm, m or km",
    ),
    (
        "grounds.shrub-height",
        "1,200",
        "item 'grounds.shrub-height': 1,200 could be 1200 or 1.2: enter it without the comma",
    ),
    (
        "grounds.shrub-height",
        "n/a",
        "item 'grounds.shrub-height': this item cannot be answered N/A: it takes a number of inches (in)",
    ),
    (
        "comms.fire-alarm-inspected",
        "2026-02-30",
        "item 'comms.fire-alarm-inspected': 2026-02-30 is not a date: February 2026 has 28 days",
    ),
    (
        "comms.fire-alarm-inspected",
        "03/05/2026",
        "item 'comms.fire-alarm-inspected': 03/05/2026 could be 2026-03-05 or 2026-05-03: write it year first, as "
        "YYYY-MM-DD",
    ),
    (
        "grounds.gates-locked",
        "maybe",
        "item 'grounds.gates-locked': 'maybe' is not an answer here: answer yes, no or N/A",
    ),
]


def test_wrong_answers_say_what_to_enter_and_change_nothing(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility").stdout.strip()
    for item, value, message in WRONG_ANSWERS:
        assert one_line_error(cli("assessment", "answer", aid, item, value)) == f"safety-assess: error: {message}"
    assert json.loads(cli("assessment", "show", aid, "--json").stdout)["responses"] == []
    assert cli("assessment", "answer", aid, "grounds.shrub-height", "48 in").stdout == "grounds.shrub-height = 48.0\n"
    assert cli("assessment", "answer", aid, "comms.fire-alarm-inspected", "2026/3/5").returncode == 0
    shown = json.loads(cli("assessment", "show", aid, "--json").stdout)["responses"]
    assert [(r["item"], r["value"]) for r in shown] == [
        ("grounds.shrub-height", 48.0),
        ("comms.fire-alarm-inspected", "2026-03-05"),
    ]


def test_an_amount_in_another_unit_is_stored_in_the_items_and_shown_as_typed(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility").stdout.strip()
    answered = cli("assessment", "answer", aid, "grounds.shrub-height", "4 ft")
    assert answered.stdout == "grounds.shrub-height = 48.0 (typed 4 ft)\n"
    [shown] = json.loads(cli("assessment", "show", aid, "--json").stdout)["responses"]
    assert (shown["value"], shown["typed"]) == (48.0, "4 ft")
    cli("assessment", "answer", aid, "grounds.shrub-height", "30")
    [shown] = json.loads(cli("assessment", "show", aid, "--json").stdout)["responses"]
    assert (shown["value"], shown["typed"]) == (30.0, None)


def test_na_words_choose_a_scales_na_option(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "cameras-technology").stdout.strip()
    for word in ("N/A", "not applicable", "na"):
        answered = cli("assessment", "answer", aid, "video.viewing-policy", word)
        assert answered.returncode == 0 and answered.stdout == "video.viewing-policy = 'na'\n", answered.stderr


def test_a_date_option_that_is_no_date_says_why(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    wrong = cli("assessment", "new", "--campus", "LHS", "--checklist", "cameras-technology", "--date", "2026-02-30")
    line = one_line_error(wrong, code=2)
    assert "argument --date: 2026-02-30 is not a date: February 2026 has 28 days" in line
    assert "fromisoformat" not in line and cli("assessment", "list", "--json").stdout.strip() == "[]"


def test_checklist_list_and_show(cli: Run) -> None:
    listed = json.loads(cli("checklist", "list", "--json").stdout)
    counts = {c["id"]: c["items"] for c in listed}
    assert set(counts) == {"cameras-technology", "comprehensive-facility", "emergency-preparedness"}
    assert sum(counts.values()) >= 150
    shown = json.loads(cli("checklist", "show", "emergency-preparedness", "--json").stdout)
    first = shown["sections"][0]["items"][0]
    assert {"id", "prompt", "answer"} <= set(first) and "type" in first["answer"]
    assert "Plans and procedures" in cli("checklist", "show", "emergency-preparedness").stdout


def test_user_checklists_in_the_data_folder_are_found(cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "checklists"
    folder.mkdir(parents=True)
    shutil.copy(DATA / "every-type.yaml", folder)
    (folder / "broken.yaml").write_text("id: [\n")
    result = cli("checklist", "list")
    assert "every-type" in result.stdout
    assert f"warning: skipped {folder / 'broken.yaml'}:1:5: the '[' that starts here is never closed" in result.stderr


def test_validate_tells_yaml_mistakes_in_words_with_line_and_column(cli: Run, tmp_path: Path) -> None:
    good = (DATA / "every-type.yaml").read_text()
    tabbed = tmp_path / "tabbed.yaml"
    tabbed.write_text(good.replace("    title: Main", "\ttitle: Main"))
    unclosed = tmp_path / "unclosed.yaml"
    unclosed.write_text(good.replace("prompt: Is the main door locked?", 'prompt: "Is the main door locked?'))
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    picture = tmp_path / "picture.yaml"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = cli("checklist", "validate", str(tabbed), str(unclosed), str(empty), str(picture))
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    line = {Path(text.split(":")[0]).name: text for text in result.stdout.splitlines()}
    assert line["tabbed.yaml"] == f"{tabbed}:16:1: a tab character: indent with spaces, never tabs"
    assert line["unclosed.yaml"] == (
        f'{unclosed}:20:17: the quote " that starts here is not closed on its line, so the text runs on to line 22: '
        'add the closing " at the end of this line'
    )
    assert line["empty.yaml"].startswith(f"{empty}:1: the file is empty")
    assert line["picture.yaml"].startswith(f"{picture}: this is not a text file")
    assert len(result.stdout.splitlines()) == 4


def test_validate_reports_ok_and_each_error_with_file_and_line(cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((DATA / "every-type.yaml").read_text().replace("id: gate", "id: door-locked"))
    result = cli("checklist", "validate", str(DATA / "every-type.yaml"), str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"{DATA / 'every-type.yaml'}: OK"
    assert result.stdout.splitlines()[1].startswith(f"{bad}:")
    assert ": sections.0.items.2.id: duplicate item id 'door-locked'" in result.stdout


def test_validate_says_a_format_1_file_is_read_as_format_2(cli: Run, tmp_path: Path) -> None:
    older = tmp_path / "older.yaml"
    older.write_text((DATA / "every-type.yaml").read_text().replace("schema_version: 2", "schema_version: 1"))
    result = cli("checklist", "validate", str(older), str(DATA / "format-2.yaml"))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"{older}: OK (format 1, read as format 2)",
        f"{DATA / 'format-2.yaml'}: OK",
    ]


def test_validate_a_folder_and_a_missing_path(cli: Run) -> None:
    result = cli("checklist", "validate", str(DATA), "/nonexistent/x.yaml")
    assert result.returncode == 1
    assert "every-type.yaml: OK" in result.stdout
    assert "/nonexistent/x.yaml: no such file or folder" in result.stderr


def test_errors_are_one_line_without_traceback(cli: Run, tmp_path: Path) -> None:
    assert one_line_error(cli("assessment", "show", "deadbeef")) == (
        "safety-assess: error: no assessment with id 'deadbeef'"
    )
    assert "no campus with code 'NOPE'" in one_line_error(
        cli("assessment", "new", "--campus", "NOPE", "--checklist", "cameras-technology")
    )
    assert "unrecognized arguments" in one_line_error(cli("campus", "list", "--bogus"), code=2)
    assert "required" in one_line_error(cli("campus", "add", "X"), code=2)
    cli("campus", "add", "A", "--code", "A")
    assert "already exists" in one_line_error(cli("campus", "add", "B", "--code", "a"))


@pytest.mark.sqlite_only  # a damaged SQLite file
def test_a_damaged_database_is_one_line_and_untouched(cli: Run, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "safety-assess.sqlite3").write_bytes(b"garbage" * 1000)
    line = one_line_error(cli("campus", "list"))
    assert "damaged or not a Safety Assess database" in line
    assert (data / "safety-assess.sqlite3").read_bytes() == b"garbage" * 1000


def test_an_unwritable_data_folder_is_one_line(cli: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    line = one_line_error(cli("campus", "list", data_dir=blocker / "data"))
    assert line.startswith(f"safety-assess: error: data folder {blocker / 'data'} cannot be written")


def test_the_data_folder_comes_from_the_environment(cli: Run, tmp_path: Path) -> None:
    env_dir = tmp_path / "from-env"
    cli("campus", "add", "Env", "--code", "ENV", data_dir=None, env={"SAFETY_ASSESS_DATA_DIR": str(env_dir)})
    assert (env_dir / "safety-assess.sqlite3").exists()
    listed = cli("--data-dir", str(env_dir), "campus", "list", data_dir=None)
    assert "ENV" in listed.stdout


def test_the_data_dir_option_also_works_after_the_command(cli: Run, tmp_path: Path) -> None:
    other = tmp_path / "other"
    assert cli("campus", "add", "X", "--code", "X", "--data-dir", str(other), data_dir=None).returncode == 0
    assert (other / "safety-assess.sqlite3").exists()


def test_no_display_says_so_and_how_to_run_anyway(cli: Run) -> None:
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    line = one_line_error(cli(env=env), code=2)
    assert "no display found" in line and "xvfb-run" in line and "QT_QPA_PLATFORM=offscreen" in line


@pytest.mark.sqlite_only  # the data folder's SQLite file is made
def test_the_app_starts_and_quits_offscreen(cli: Run, tmp_path: Path) -> None:
    result = cli("--quit-after-show", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "safety-assess.sqlite3").exists()
    assert (tmp_path / "data" / "settings.json").exists()


@pytest.mark.sqlite_only  # SQLite's file lock
def test_a_locked_database_is_one_line(cli: Run, tmp_path: Path) -> None:
    cli("campus", "add", "A", "--code", "A")
    holder = sqlite3.connect(tmp_path / "data" / "safety-assess.sqlite3")
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        line = one_line_error(cli("campus", "list"))  # after the 5 s busy timeout
    finally:
        holder.rollback()
        holder.close()
    assert "is locked by another program" in line


def test_photo_add_and_list(cli: Run, photo_folder: Path) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    assessment_id = cli("assessment", "new", "--campus", "LHS", "--checklist", "cameras-technology").stdout.strip()
    added = cli(
        "photo",
        "add",
        assessment_id,
        "camera.working",
        str(photo_folder / "orientation_rectangle.jpg"),
        str(photo_folder / "truncated_jpeg.jpg"),
        "--instance",
        "Camera 1",
        "--caption",
        "Dark screen",
    )
    assert added.returncode == 1 and added.stdout.startswith("added ")
    assert "refused: " in added.stderr and "truncated_jpeg.jpg: the file ends before" in added.stderr
    [photo] = json.loads(cli("photo", "list", assessment_id, "--json").stdout)
    assert (photo["item"], photo["instance"], photo["width"], photo["height"], photo["has_location"]) == (
        "camera.working",
        "Camera 1",
        1,
        2,
        False,
    )
    assert len(photo["sha256"]) == 64 and photo["caption"] == "Dark screen"


def test_photo_export_writes_a_copy_without_metadata(cli: Run, tmp_path: Path, photo_folder: Path) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    assessment_id = cli("assessment", "new", "--campus", "LHS", "--checklist", "cameras-technology").stdout.strip()
    cli("photo", "add", assessment_id, "video.retention-days", str(photo_folder / "hopper_orientation_8.jpg"))
    [photo] = json.loads(cli("photo", "list", assessment_id, "--json").stdout)
    out = tmp_path / "shared.jpg"
    result = cli("photo", "export", photo["id"], "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:2] == b"\xff\xd8" and b"Exif" not in data
    assert "is not a photo id" in one_line_error(cli("photo", "export", "nope", "--out", str(out)), code=2)


def test_device_show_prints_a_stable_fingerprint(cli: Run) -> None:
    first = cli("device", "show").stdout.strip()
    data = json.loads(cli("device", "show", "--json").stdout)
    whose = " (the district's, on the shared database)" if data["district_identity"] else ""
    assert first == f"device fingerprint: {data['fingerprint']}{whose}" and len(bytes.fromhex(data["public_key"])) == 32


def test_bundle_export(cli: Run, tmp_path: Path) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility").stdout.strip()
    cli("assessment", "answer", aid, "grounds.gates-locked", "no")
    out = tmp_path / "lhs.sabundle"
    made = cli("bundle", "export", aid[:8], "--out", str(out))
    fingerprint = json.loads(cli("device", "show", "--json").stdout)["fingerprint"]
    assert made.returncode == 0 and made.stdout.strip().endswith(f"signed by {fingerprint}")
    assert out.read_bytes()[:2] == b"PK"
    missing = cli("bundle", "export", aid, "--out", str(tmp_path / "none" / "x.sabundle"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr


def test_bundle_import_from_the_command_line(cli: Run, tmp_path: Path) -> None:
    laptop, district = tmp_path / "laptop", tmp_path / "district"
    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=laptop)
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=laptop)
    aid_text = aid.stdout.strip()
    cli("assessment", "answer", aid_text, "grounds.gates-locked", "no", data_dir=laptop)
    bundle = tmp_path / "lhs.sabundle"
    cli("bundle", "export", aid_text, "--out", str(bundle), data_dir=laptop)
    fingerprint = json.loads(cli("device", "show", "--json", data_dir=laptop).stdout)["fingerprint"]
    refused = cli("bundle", "import", str(bundle), data_dir=district)
    assert refused.returncode == 1 and "not trusted yet" in refused.stderr and fingerprint in refused.stderr
    done = json.loads(cli("bundle", "import", str(bundle), "--trust", fingerprint, "--json", data_dir=district).stdout)
    assert done == [dict(done[0], file=str(bundle), result="added", reason="")]
    assert done[0]["assessments"][0]["result"] == "added"
    again = cli("bundle", "import", str(bundle), data_dir=district)
    assert again.returncode == 0 and again.stdout.strip() == "lhs.sabundle: already imported"
    junk = tmp_path / "junk.sabundle"
    junk.write_bytes(b"not a zip at all")
    bad = cli("bundle", "import", str(junk), data_dir=district)
    assert bad.returncode == 1 and "not a readable zip" in bad.stderr and "Traceback" not in bad.stderr
    second = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=laptop)
    later = tmp_path / "later.sabundle"
    cli("bundle", "export", second.stdout.strip(), "--out", str(later), data_dir=laptop)
    batch = cli("bundle", "import", str(bundle), str(junk), str(later), "--json", data_dir=district)
    results = json.loads(batch.stdout)
    assert batch.returncode == 1 and [(r["file"], r["result"]) for r in results] == [
        (str(bundle), "unchanged"),
        (str(junk), "refused"),
        (str(later), "added"),
    ]
    assert "not a readable zip" in results[1]["reason"] and batch.stderr == ""
    listed = json.loads(cli("assessment", "list", "--json", data_dir=district).stdout)
    assert second.stdout.strip() in {a["id"] for a in listed}


def test_bundle_export_since_last(cli: Run, tmp_path: Path) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility").stdout.strip()
    cli("assessment", "answer", aid, "grounds.gates-locked", "no")
    first = cli("bundle", "export", "--since-last", "--out", str(tmp_path / "a.sabundle"))
    assert first.returncode == 0 and "1 assessment," in first.stdout
    second = cli("bundle", "export", "--since-last", "--out", str(tmp_path / "b.sabundle"))
    assert second.stdout.strip() == "nothing changed since the last export; no bundle written"
    both = cli("bundle", "export", aid, "--since-last", "--out", str(tmp_path / "c.sabundle"))
    assert both.returncode == 2 and "or give --since-last" in both.stderr


def test_bundles_encrypted_to_the_district_key(cli: Run, tmp_path: Path) -> None:
    laptop, district = tmp_path / "laptop", tmp_path / "district"
    key_file = tmp_path / "district.sadistrictkey"
    made = cli("district-key", "export", "--out", str(key_file), data_dir=district)
    shown = json.loads(cli("district-key", "show", "--json", data_dir=district).stdout)
    fingerprint = shown["district_key"]["fingerprint"]
    assert made.returncode == 0 and fingerprint in made.stdout and shown["encrypt_to"] is None
    used = cli("district-key", "import", str(key_file), data_dir=laptop)
    assert used.stdout.strip() == f"bundles are now encrypted to the district key {fingerprint}"
    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=laptop)
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=laptop)
    bundle = tmp_path / "lhs.sabundle"
    exported = cli("bundle", "export", aid.stdout.strip(), "--out", str(bundle), data_dir=laptop)
    assert exported.stdout.strip().endswith(f"encrypted to the district key {fingerprint}")
    device = json.loads(cli("device", "show", "--json", data_dir=laptop).stdout)["fingerprint"]
    refused = cli("bundle", "import", str(bundle), "--trust", device, data_dir=laptop)
    assert refused.returncode == 1 and "encrypted to a district key, and this installation holds none" in refused.stderr
    done = cli("bundle", "import", str(bundle), "--trust", device, "--json", data_dir=district)
    assert json.loads(done.stdout)[0]["assessments"][0]["result"] == "added"
    forgot = cli("district-key", "forget", data_dir=laptop)
    assert forgot.stdout.strip() == "bundles are no longer encrypted"
    junk = tmp_path / "junk.sadistrictkey"
    junk.write_text("hello")
    bad = cli("district-key", "import", str(junk), data_dir=laptop)
    assert bad.returncode == 1 and "junk.sadistrictkey: not a district key file" in bad.stderr
    assert "Traceback" not in bad.stderr
