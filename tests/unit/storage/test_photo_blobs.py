"""Photo files in the database's chunk tables (migration 0013): stored and read a chunk at a time, seen only once
whole, resumed after the server went away, and never held whole in memory. Runs on the SQLite file too (the tables
are there, unused by the app) and, with --postgres, on the test server."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import func, select

from safety_assess.domain.blobs import BlobKey
from safety_assess.photos.blobs import CHUNK, BlobStore, file_facts
from safety_assess.services.workspace import Workspace
from safety_assess.storage.database import DatabaseError
from safety_assess.storage.orm import PhotoBlobRow, PhotoChunkRow
from safety_assess.storage.photo_blobs import DatabaseChunks

KEY = BlobKey("ef" * 32, "original")


def random_file(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        for start in range(0, size, CHUNK):
            handle.write(os.urandom(min(CHUNK, size - start)))
    return path


def original_of(source: Path) -> BlobKey:
    """The blob of the photo ``source`` is (an original is named by its bytes' hash)."""
    return BlobKey(file_facts(source).digest, "original")


def chunk_sizes(workspace: Workspace) -> list[int]:
    with workspace.database.session() as session:
        return list(session.scalars(select(func.length(PhotoChunkRow.data)).order_by(PhotoChunkRow.position)))


def test_a_photo_larger_than_a_chunk_is_stored_in_chunks_and_read_back(workspace: Workspace, tmp_path: Path) -> None:
    source = random_file(tmp_path / "big.jpg", 2 * CHUNK + 4321)
    key = original_of(source)
    blobs = BlobStore(DatabaseChunks(workspace.database))
    assert blobs.upload(key, "jpg", source)
    assert chunk_sizes(workspace) == [CHUNK, CHUNK, 4321]
    assert blobs.has(key) and blobs.original_extension(key.sha256) == "jpg"
    assert blobs.download(key, tmp_path / "copy" / "big.jpg")
    assert (tmp_path / "copy" / "big.jpg").read_bytes() == source.read_bytes()
    assert not blobs.upload(key, "jpg", source)  # stored once


def test_an_upload_the_server_broke_off_is_unseen_then_resumed(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = random_file(tmp_path / "big.jpg", 3 * CHUNK + 1)
    key = original_of(source)
    table = DatabaseChunks(workspace.database)
    sent: list[int] = []
    put = DatabaseChunks.put_chunk

    def going_away(self: DatabaseChunks, key: BlobKey, digest: str, position: int, data: bytes) -> None:
        if len(sent) == 2:
            raise DatabaseError("the database server closed the connection")
        sent.append(position)
        put(self, key, digest, position, data)

    monkeypatch.setattr(DatabaseChunks, "put_chunk", going_away)
    with pytest.raises(DatabaseError):
        BlobStore(table).upload(key, "jpg", source)
    other = BlobStore(DatabaseChunks(workspace.database))  # as another computer sees it
    assert not other.has(key) and other.original_extension(key.sha256) is None
    assert not other.download(key, tmp_path / "seen.jpg") and not (tmp_path / "seen.jpg").exists()
    monkeypatch.setattr(DatabaseChunks, "put_chunk", put)
    state = table.state(key)
    assert state is not None and (state.stored, state.chunks, state.complete) == (2, 4, False)
    assert BlobStore(table).upload(key, "jpg", source)
    assert other.download(key, tmp_path / "seen.jpg")
    assert (tmp_path / "seen.jpg").read_bytes() == source.read_bytes()
    with workspace.database.session() as session:
        assert session.scalar(select(PhotoBlobRow.complete)) is True


def test_reading_a_large_photo_never_holds_it_whole(workspace: Workspace, tmp_path: Path) -> None:
    size = 24 * CHUNK
    source = random_file(tmp_path / "large.tif", size)
    key = original_of(source)
    blobs = BlobStore(DatabaseChunks(workspace.database))
    tracemalloc.start()
    try:
        blobs.upload(key, "tif", source)
        _, sent_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        blobs.download(key, tmp_path / "back.tif")
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (tmp_path / "back.tif").stat().st_size == size
    print(f"peak sending {sent_peak / CHUNK:.2f} MiB, reading {read_peak / CHUNK:.2f} MiB, of {size / CHUNK:.0f}")
    assert sent_peak < 5 * CHUNK and read_peak < 5 * CHUNK, (sent_peak, read_peak)


def test_other_bytes_sent_at_once_under_one_name_are_never_mixed(workspace: Workspace, tmp_path: Path) -> None:
    """Two computers send a rendition made by two versions of the app: the last to begin is kept, whole."""
    mine, theirs = random_file(tmp_path / "mine.jpg", CHUNK + 10), random_file(tmp_path / "theirs.jpg", CHUNK + 20)
    first, second = BlobStore(DatabaseChunks(workspace.database)), BlobStore(DatabaseChunks(workspace.database))
    calls: list[int] = []

    def theirs_meanwhile() -> None:
        calls.append(1)
        if len(calls) == 2:
            assert second.upload(BlobKey(KEY.sha256, "report"), "jpg", theirs)

    assert not first.upload(BlobKey(KEY.sha256, "report"), "jpg", mine, theirs_meanwhile)
    assert first.download(BlobKey(KEY.sha256, "report"), tmp_path / "back.jpg")
    assert (tmp_path / "back.jpg").read_bytes() == theirs.read_bytes()
    assert chunk_sizes(workspace) == [CHUNK, 20]  # nothing of mine left behind
