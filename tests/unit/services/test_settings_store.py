"""The one settings object: read once, changed only by save(), which writes, applies and announces."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from safety_assess.base.atomic import WriteError
from safety_assess.base.settings import Settings, load_settings, save_settings
from safety_assess.domain.display import money
from safety_assess.domain.plan.actions import default_phases
from safety_assess.services.settings import SettingsStore


def test_the_file_is_read_once_and_its_display_preferences_applied(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(assessor_name="Alice", currency="€"))
    assert money(1200) == "$1,200"  # writing and reading the file apply nothing
    assert load_settings(path).currency == "€" and money(1200) == "$1,200"
    store = SettingsStore.open(path)
    assert money(1200) == "€1,200"
    save_settings(path, Settings(assessor_name="Someone else"))  # behind the app's back
    assert store.current.assessor_name == "Alice"


def test_save_writes_applies_and_announces_what_changed(tmp_path: Path) -> None:
    store = SettingsStore.open(tmp_path / "settings.json")
    heard: list[frozenset[str]] = []
    unsubscribe = store.subscribe(heard.append)
    chosen = dataclasses.replace(
        store.current, assessor_name="Bob", currency="CHF", phase_names={"immediate": "Right away"}
    )
    assert store.save(chosen) == {"assessor_name", "currency", "phase_names"}
    assert heard == [frozenset({"assessor_name", "currency", "phase_names"})]
    assert load_settings(tmp_path / "settings.json") == chosen == store.current
    assert money(1200) == "1,200 CHF" and default_phases()[0].name == "Right away"
    assert store.save(chosen) == frozenset() and len(heard) == 1  # nothing changed: nothing written or told
    unsubscribe()
    store.save(dataclasses.replace(chosen, assessor_name="Carol"))
    assert len(heard) == 1


def test_settings_that_cannot_be_written_change_nothing(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore.open(path)
    heard: list[frozenset[str]] = []
    store.subscribe(heard.append)
    path.mkdir()  # something in the way of the file
    with pytest.raises(WriteError):
        store.save(dataclasses.replace(store.current, currency="CHF"))
    assert store.current.currency == "$" and money(1200) == "$1,200" and heard == []


def test_a_settings_value_cannot_be_changed_behind_the_store(tmp_path: Path) -> None:
    store = SettingsStore.open(tmp_path / "settings.json")
    with pytest.raises(dataclasses.FrozenInstanceError):
        store.current.assessor_name = "Mallory"  # type: ignore[misc]
