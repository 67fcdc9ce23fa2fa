"""Shared fixtures. Qt runs offscreen: set before anything imports Qt, or Qt aborts without a display."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SAFETY_ASSESS_DATA_DIR", None)
os.environ.pop("SAFETY_ASSESS_DATABASE_URL", None)
# Where a data folder chosen in Settings is remembered: never the developer's own configuration.
os.environ["SAFETY_ASSESS_CONFIG_DIR"] = tempfile.mkdtemp(prefix="safety-assess-config-")

from collections.abc import Callable

import pytest

from safety_assess.base.datadir import DataDir, location_file
from safety_assess.base.settings import Settings
from safety_assess.domain.display import use_currency
from safety_assess.domain.plan.actions import use_phases
from safety_assess.services import workspace as workspace_module
from safety_assess.services.workspace import Workspace
from safety_assess.storage.urls import DatabaseTarget, parse_database_url
from tests import photo_files
from tests.postgres import SERVER_VAR, FolderDatabases, ServerDatabases, server_url

pytest_plugins = ("pytester",)  # tests/gui/test_blocking_dialogs.py runs a test run of its own

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--postgres",
        action="store_true",
        help=f"open every data folder's database on a fresh database of the PostgreSQL server named by ${SERVER_VAR}",
    )


def on_postgres(config: pytest.Config) -> bool:
    return bool(config.getoption("--postgres"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On --postgres, the tests of the SQLite file itself are left out; without it, the tests that need a server."""
    skip = "sqlite_only" if on_postgres(config) else "postgres_only"
    reason = "about the SQLite file" if on_postgres(config) else "needs a PostgreSQL server (pytest --postgres)"
    for item in items:
        if item.get_closest_marker(skip):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def pg_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerDatabases | None]:
    if not on_postgres(request.config):
        yield None
        return
    if not server_url():
        raise pytest.UsageError(f"--postgres needs ${SERVER_VAR}, the URL of a server (scripts/test.sh starts one)")
    server = ServerDatabases(server_url())
    server.prepare_template(tmp_path_factory.mktemp("template-backups"))
    yield server
    server.close()


@pytest.fixture
def database_url_for(pg_server: ServerDatabases | None) -> Iterator[FolderDatabases]:
    """The database URL a data folder uses in this test: None for its own SQLite file; on --postgres, a fresh
    database of the test server for each folder."""
    yield FolderDatabases(pg_server)
    if pg_server is not None:
        pg_server.drop_made()


@pytest.fixture
def copy_data_folder(database_url_for: FolderDatabases) -> Callable[[Workspace, Path], DataDir]:
    """A copy of a workspace's data folder, with its database, as if taken to a second laptop."""

    def copy(source: Workspace, to: Path) -> DataDir:
        shutil.copytree(source.data_dir.root, to)
        source.database.engine.dispose()  # a server database is copied only while nobody is connected
        database_url_for.copy(source.data_dir.root, to)
        return DataDir(to)

    return copy


@pytest.fixture(autouse=True)
def _database_backend(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, database_url_for: FolderDatabases
) -> None:
    """On --postgres, every data folder a test opens on its own SQLite file gets a server database instead."""
    if not on_postgres(request.config):
        return
    choose = workspace_module.choose_database

    def on_server(data_dir: DataDir, settings: Settings, option: str | None = None) -> DatabaseTarget:
        chosen = choose(data_dir, settings, option)
        if chosen.path != data_dir.database:
            return chosen
        return parse_database_url(database_url_for(data_dir.root) or "")

    monkeypatch.setattr(workspace_module, "choose_database", on_server)


@pytest.fixture(autouse=True)
def _as_shipped() -> Iterator[None]:
    """Dollars, the shipped phases and the usual data folder in every test, whatever an earlier test chose."""
    yield
    use_currency("$")
    use_phases({}, {})
    location_file().unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def _no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wherever Qt's widgets are loaded, a real modal dialog fails the test at once instead of hanging the run
    (tests/blocking_dialogs.py). Tests without Qt never load it."""
    if "PySide6.QtWidgets" in sys.modules:
        from tests.blocking_dialogs import forbid_blocking_dialogs

        forbid_blocking_dialogs(monkeypatch)


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


@pytest.fixture
def workspace(data_dir: DataDir) -> Iterator[Workspace]:
    opened = Workspace.open(data_dir)
    shutil.copy(DATA / "checklists" / "every-type.yaml", data_dir.checklists / "every-type.yaml")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def photo_folder() -> Path:
    """The photo files the tests import, made by tests/photo_files.py once per run (see there for what each is)."""
    return photo_files.folder()


@pytest.fixture
def every_type_path() -> Path:
    return DATA / "checklists" / "every-type.yaml"


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ["SAFETY_ASSESS_CONFIG_DIR"], ignore_errors=True)
