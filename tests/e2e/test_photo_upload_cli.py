"""``safety-assess photos upload``: a data folder's photos the shared server lacks are sent, and then a second staff
computer (another data folder on the same database) has them; on the folder's own database file, a plain refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tests.e2e.conftest import Run
from tests.postgres import FolderDatabases


def test_a_folder_on_its_own_database_file_has_nothing_to_send(cli: Run, database_url_for: FolderDatabases) -> None:
    if database_url_for.server is not None:
        pytest.skip("about the SQLite file")
    result = cli("photos", "upload")
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "uses its own database file" in result.stderr


@pytest.mark.postgres_only
def test_photos_sent_by_one_computer_are_exported_by_another(
    cli: Run, tmp_path: Path, photo_folder: Path, database_url_for: FolderDatabases
) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    assessment = cli("assessment", "new", "--campus", "LHS", "--checklist", "cameras-technology").stdout.strip()
    cli("photo", "add", assessment, "video.retention-days", str(photo_folder / "hopper_orientation_8.jpg"))
    url = database_url_for(tmp_path / "data") or ""
    engine = create_engine(url)
    with engine.begin() as connection:  # as an earlier version left it: the file only in the data folder
        connection.exec_driver_sql("DELETE FROM photo_blobs")
    engine.dispose()
    sent = cli("photos", "upload", "--json")
    assert sent.returncode == 0, sent.stderr
    assert json.loads(sent.stdout) == {
        "sent": 3,
        "bytes": json.loads(sent.stdout)["bytes"],
        "on_server": 0,
        "nowhere": [],
    }
    again = json.loads(cli("photos", "upload", "--json").stdout)
    assert (again["sent"], again["on_server"]) == (0, 3)
    [photo] = json.loads(cli("photo", "list", assessment, "--json").stdout)
    other = ["--data-dir", str(tmp_path / "second"), "--database-url", url]
    result = cli(*other, "photo", "export", photo["id"], "--out", str(tmp_path / "shared.jpg"), data_dir=None)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "shared.jpg").read_bytes()[:2] == b"\xff\xd8"
