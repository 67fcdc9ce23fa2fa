"""Settings: defaults, round trip, a damaged file set aside, a newer file not misread."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safety_assess.base.settings import Settings, load_settings, save_settings
from safety_assess.domain.display import money
from safety_assess.services.settings import SettingsStore
from safety_assess.services.workspace import Workspace


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == Settings()


def test_saved_settings_load_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(assessor_name="Ana Diaz", main_window_geometry="AAAA"))
    assert load_settings(path) == Settings(assessor_name="Ana Diaz", main_window_geometry="AAAA")
    assert list(tmp_path.iterdir()) == [path]


def test_a_damaged_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert load_settings(path) == Settings()
    [aside] = tmp_path.glob("settings.json.unreadable-*")
    assert aside.read_text() == "{not json"


def test_a_newer_settings_file_is_kept_aside_not_misread(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 99, "assessor_name": "X"}')
    assert load_settings(path).assessor_name == ""
    assert len(list(tmp_path.glob("settings.json.unreadable-*"))) == 1
    assert "written by a newer Safety Assess (format 99; this one reads up to" in caplog.text
    path.write_text('{"schema_version": 0, "assessor_name": "X"}')  # no app ever wrote 0: damage, not "update"
    assert load_settings(path).assessor_name == ""
    assert "damaged (its format number 0 was never written by any Safety Assess)" in caplog.text


def test_a_field_of_the_wrong_type_is_refused_not_misread(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 1, "assessor_name": 42, "unknown": true}')
    assert load_settings(path) == Settings()
    assert len(list(tmp_path.glob("settings.json.unreadable-*"))) == 1


def test_unknown_fields_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 1, "assessor_name": "Ana", "later_feature": [1]}')
    assert load_settings(path) == Settings(assessor_name="Ana")


def test_the_districts_phases_and_currency_apply_when_the_store_opens(tmp_path: Path, workspace: Workspace) -> None:
    path = tmp_path / "settings.json"
    save_settings(
        path,
        Settings(currency="€", phase_names={"immediate": "Before the next term"}, phase_days={"long_term": 1500}),
    )
    SettingsStore.open(path)
    phases = workspace.catalog.get("every-type").plan_phases()
    assert [(p.id, p.name, p.days) for p in phases] == [
        ("immediate", "Before the next term", 30),
        ("short_term", "Short term (this school year)", 365),
        ("long_term", "Long term (1 to 3 years)", 1500),
    ]
    assert money(2500) == "€2,500"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"phase_days": {"immediate": 0}}, "phase_days.immediate' must be days"),
        ({"phase_names": {"x": 3}}, "text"),
        ({"backups_kept": 0}, "'backups_kept' must be from 1 to 1000, got 0"),
        ({"backup_every_hours": -1}, "'backup_every_hours' must be from 0 to 8784"),
        ({"backup_every_hours": True}, "'backup_every_hours' must be int, got True"),
    ],
)
def test_bad_entries_are_set_aside(tmp_path: Path, entry: dict, message: str, caplog) -> None:  # type: ignore[no-untyped-def,type-arg]
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 1, **entry}), encoding="utf-8")
    assert load_settings(path) == Settings()
    assert message in caplog.text and list(tmp_path.glob("settings.json.unreadable-*"))


def test_settings_from_before_encrypted_backups_leave_the_choice_open(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 1, "assessor_name": "Ana", "backup_folder": "/media/usb"}')
    loaded = load_settings(path)
    assert (loaded.schema_version, loaded.backup_encryption, loaded.backup_folder) == (2, "", "/media/usb")
    save_settings(path, loaded)
    assert json.loads(path.read_text())["schema_version"] == 2


def test_an_unknown_way_of_protecting_backups_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 2, "assessor_name": "Ana", "backup_encryption": "rot13"}')
    assert load_settings(path) == Settings()
    assert len(list(tmp_path.glob("settings.json.unreadable-*"))) == 1


def test_site_plans_stay_out_of_public_reports_unless_the_district_says(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 2, "public_report_omits": ["photos"]}')  # from before site plans
    assert load_settings(path).public_report_plans is False
    save_settings(path, Settings(public_report_plans=True))
    assert load_settings(path).public_report_plans is True
    path.write_text('{"schema_version": 2, "public_report_plans": "yes"}')
    assert load_settings(path) == Settings()  # not a yes or no: set aside, not read as one
