"""Photo files as blobs in chunks (photos/blobs.py) and the shared store over them, on a chunk table in memory."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from safety_assess.base.jobs import Cancelled
from safety_assess.domain.blobs import BlobKey
from safety_assess.photos.blobs import CHUNK, BlobStore
from safety_assess.photos.decode import PhotoError
from safety_assess.photos.ingest import ingest
from safety_assess.photos.shared_store import SharedPhotoStore
from safety_assess.photos.store import PhotoStore
from tests import photo_files
from tests.photo_blob_fakes import FakeChunks, ServerGone

KEY = BlobKey("ab" * 32, "report")
"""A rendition: any bytes may be stored under its name (an original's must be the bytes its name is the hash of)."""
SMALL = 1000
"""A chunk size that makes a few kilobytes several chunks."""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "photo.jpg"
    path.write_bytes(os.urandom(4 * SMALL + 123))
    return path


def test_a_file_larger_than_a_chunk_is_stored_in_chunks_and_read_back_whole(source: Path, tmp_path: Path) -> None:
    table = FakeChunks()
    blobs = BlobStore(table, SMALL)
    assert blobs.upload(KEY, "jpg", source)
    assert [position for _, position in table.written] == [0, 1, 2, 3, 4]
    assert all(len(data) <= SMALL for data in table.blobs[KEY].data.values())
    assert blobs.download(KEY, tmp_path / "back" / "photo.jpg")
    assert (tmp_path / "back" / "photo.jpg").read_bytes() == source.read_bytes()
    assert not blobs.upload(KEY, "jpg", source)  # stored once
    assert len(table.written) == 5


def test_an_empty_file_is_one_empty_chunk(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    blobs = BlobStore(FakeChunks(), SMALL)
    blobs.upload(KEY, "bin", empty)
    assert blobs.download(KEY, tmp_path / "back") and (tmp_path / "back").read_bytes() == b""


def test_a_chunk_holds_at_most_one_mebibyte() -> None:
    with pytest.raises(ValueError, match="1 to"):
        BlobStore(FakeChunks(), CHUNK + 1)


def test_an_upload_cut_off_is_not_seen_and_the_next_one_carries_on(source: Path, tmp_path: Path) -> None:
    table = FakeChunks(fail_after=2)
    blobs = BlobStore(table, SMALL)
    with pytest.raises(ServerGone):
        blobs.upload(KEY, "jpg", source)
    assert not blobs.has(KEY) and blobs.original_extension(KEY.sha256) is None
    assert not blobs.download(KEY, tmp_path / "seen.jpg") and not (tmp_path / "seen.jpg").exists()
    table.fail_after = None
    assert blobs.upload(KEY, "jpg", source)
    assert [position for _, position in table.written] == [0, 1, 2, 3, 4]  # 0 and 1 were not sent again
    assert blobs.download(KEY, tmp_path / "seen.jpg")
    assert (tmp_path / "seen.jpg").read_bytes() == source.read_bytes()


def test_a_cancelled_upload_is_resumed_later(source: Path, tmp_path: Path) -> None:
    table, calls = FakeChunks(), []

    def cancel_at_third() -> None:
        calls.append(1)
        if len(calls) == 3:
            raise Cancelled

    blobs = BlobStore(table, SMALL)
    with pytest.raises(Cancelled):
        blobs.upload(KEY, "jpg", source, cancel_at_third)
    assert not blobs.has(KEY)
    blobs.upload(KEY, "jpg", source)
    assert [position for _, position in table.written] == [0, 1, 2, 3, 4]
    assert blobs.has(KEY)


def test_an_unfinished_blob_of_other_bytes_gives_way_to_the_last_begun(source: Path, tmp_path: Path) -> None:
    table = FakeChunks(fail_after=3)
    blobs = BlobStore(table, SMALL)
    other = tmp_path / "other.jpg"
    other.write_bytes(os.urandom(4 * SMALL + 123))
    with pytest.raises(ServerGone):
        blobs.upload(KEY, "jpg", other)
    table.fail_after = None
    blobs.upload(KEY, "jpg", source)
    assert [position for _, position in table.written][3:] == [0, 1, 2, 3, 4]
    blobs.download(KEY, tmp_path / "back.jpg")
    assert (tmp_path / "back.jpg").read_bytes() == source.read_bytes()
    assert {digest for digest, _ in table.blobs[KEY].data} == {table.blobs[KEY].digest}  # the other's removed


def test_two_computers_sending_other_bytes_at_once_never_mix_them(source: Path, tmp_path: Path) -> None:
    """A rendition made by two versions of the app: the last to begin is kept whole, the other's finish gives way."""
    table = FakeChunks()
    other = tmp_path / "other.jpg"
    other.write_bytes(os.urandom(4 * SMALL + 123))
    first, second = BlobStore(table, SMALL), BlobStore(table, SMALL)
    stalled: list[int] = []

    def second_sends_meanwhile() -> None:
        stalled.append(1)
        if len(stalled) == 2:
            assert second.upload(KEY, "jpg", source)

    assert not first.upload(KEY, "jpg", other, second_sends_meanwhile)
    assert first.download(KEY, tmp_path / "back.jpg")
    assert (tmp_path / "back.jpg").read_bytes() == source.read_bytes()


def test_a_damaged_blob_is_refused_and_leaves_no_file(source: Path, tmp_path: Path) -> None:
    table = FakeChunks()
    blobs = BlobStore(table, SMALL)
    blobs.upload(KEY, "jpg", source)
    table.blobs[KEY].data[table.blobs[KEY].digest, 2] = b"x" * SMALL
    with pytest.raises(PhotoError, match="damaged"):
        blobs.download(KEY, tmp_path / "back" / "photo.jpg")
    assert list((tmp_path / "back").iterdir()) == []


def test_an_original_whose_bytes_are_not_its_name_is_refused_as_damaged(source: Path, tmp_path: Path) -> None:
    """Another client of the database stored (or a fault left) other bytes, with their own digest, under a photo's
    name: they are not that photo, whatever digest the server records for them."""
    table = FakeChunks()
    blobs = BlobStore(table, SMALL)
    named = BlobKey(hashlib.sha256(b"the real photo").hexdigest(), "original")
    blobs.upload(named, "jpg", source)
    with pytest.raises(PhotoError, match=f"photo {named.sha256[:12]}: the server's copy of its original is damaged"):
        blobs.download(named, tmp_path / "back" / "photo.jpg")
    assert list((tmp_path / "back").iterdir()) == []


def test_a_photo_stored_by_one_computer_is_seen_by_another(tmp_path: Path) -> None:
    table = FakeChunks()
    first = SharedPhotoStore(tmp_path / "first", BlobStore(table, SMALL))
    second = SharedPhotoStore(tmp_path / "second", BlobStore(table, SMALL))
    stored = ingest(first, photo_files.folder() / "hopper.jpg")
    assert second.has(stored.sha256, "jpg")
    original = second.find_original(stored.sha256)
    assert original is not None and original.read_bytes() == (photo_files.folder() / "hopper.jpg").read_bytes()
    assert original.is_relative_to(tmp_path / "second")
    for kind in ("thumb", "report"):
        assert second.rendition(stored.sha256, kind).read_bytes() == first.rendition(stored.sha256, kind).read_bytes()
    assert second.find_original("cd" * 32) is None
    assert not second.rendition("cd" * 32, "thumb").exists()


def test_a_photo_only_in_the_data_folder_is_sent_when_stored_again(tmp_path: Path) -> None:
    """A bundle's photo already in this folder (stored before the server was used) still reaches the server."""
    table = FakeChunks()
    store = SharedPhotoStore(tmp_path / "photos", BlobStore(table, SMALL))
    local, _ = PhotoStore.put(store, photo_files.folder() / "hopper.jpg", "jpg")  # the data folder only
    assert not store.blobs.has(BlobKey(local, "original"))
    copy = tmp_path / "copy.jpg"
    copy.write_bytes((photo_files.folder() / "hopper.jpg").read_bytes())
    store.adopt(copy, local, "jpg")
    assert store.blobs.has(BlobKey(local, "original"))


def test_a_photo_found_stored_is_claimed_and_the_clean_up_passes_the_unreferenced_on(tmp_path: Path) -> None:
    """Importing a photo the server has already claims its blobs (the clean-up waits for its record); the store's
    clean-up removes from the server what no record refers to, as it does with its own copies."""
    table = FakeChunks()
    first = SharedPhotoStore(tmp_path / "first", BlobStore(table, SMALL))
    second = SharedPhotoStore(tmp_path / "second", BlobStore(table, SMALL))
    stored = ingest(first, photo_files.folder() / "hopper.jpg")
    assert table.claimed == []
    assert ingest(second, photo_files.folder() / "hopper.jpg").sha256 == stored.sha256
    assert table.claimed == [stored.sha256]
    second.remove_orphans([stored.sha256])
    assert {key.sha256 for key in table.blobs} == {stored.sha256}
    second.remove_orphans([])
    assert table.blobs == {}
