"""Settings: defaults, round trip, a damaged file set aside, a newer file not misread."""

from __future__ import annotations

from pathlib import Path

from safety_assess.settings import Settings, load_settings, save_settings


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


def test_a_newer_settings_file_is_kept_aside_not_misread(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 99, "assessor_name": "X"}')
    assert load_settings(path).assessor_name == ""
    assert len(list(tmp_path.glob("settings.json.unreadable-*"))) == 1


def test_a_field_of_the_wrong_type_is_refused_not_misread(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 1, "assessor_name": 42, "unknown": true}')
    assert load_settings(path) == Settings()
    assert len(list(tmp_path.glob("settings.json.unreadable-*"))) == 1


def test_unknown_fields_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 1, "assessor_name": "Ana", "later_feature": [1]}')
    assert load_settings(path) == Settings(assessor_name="Ana")
