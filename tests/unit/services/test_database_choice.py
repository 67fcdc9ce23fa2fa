"""Which database a data folder uses: --database-url, then $SAFETY_ASSESS_DATABASE_URL, then the settings, else
the data folder's own SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.base.settings import Settings, save_settings
from safety_assess.services.workspace import DATABASE_URL_VAR, Workspace, choose_database
from safety_assess.storage.urls import DatabaseUrlError

SERVER = "postgresql+psycopg://district@db.example.org/safety"


def test_the_data_folders_file_is_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATABASE_URL_VAR, raising=False)
    folder = DataDir(tmp_path)
    chosen = choose_database(folder, Settings())
    assert chosen.is_sqlite and chosen.path == folder.database


def test_the_option_wins_over_the_environment_which_wins_over_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = DataDir(tmp_path)
    settings = Settings(database_url=SERVER + "-from-settings")
    assert choose_database(folder, settings).shown.endswith("safety-from-settings")
    monkeypatch.setenv(DATABASE_URL_VAR, SERVER + "-from-env")
    assert choose_database(folder, settings).shown.endswith("safety-from-env")
    assert choose_database(folder, settings, SERVER).shown == SERVER
    elsewhere = f"sqlite:///{tmp_path}/elsewhere.sqlite3"
    assert choose_database(folder, settings, elsewhere).path == tmp_path / "elsewhere.sqlite3"


def test_a_bad_url_in_the_settings_is_refused_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATABASE_URL_VAR, raising=False)
    folder = DataDir(tmp_path)
    save_settings(folder.settings, Settings(database_url="mysql://district:s3cret@db/safety"))
    with pytest.raises(DatabaseUrlError, match="'mysql' is not supported") as refused:
        Workspace.open(folder)
    assert "s3cret" not in str(refused.value)
