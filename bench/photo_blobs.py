"""Photo files on a shared PostgreSQL server: sending and fetching one large file in 1 MiB chunks, and the memory
it takes (it is never held whole).

send: safety_assess.photos.blobs.BlobStore.upload of a file of random bytes into a fresh database of the server.
fetch: BlobStore.download of it back into a file (checked against its SHA-256, then renamed into place).
baseline: reading the file and hashing it (what each side must do at least).
peak_mib: tracemalloc's peak while sending and while fetching (Python allocations; the file is --mib MiB).

    python bench/photo_blobs.py [--url postgresql+psycopg://...] [--mib N] [--rounds N]

The server is $SAFETY_ASSESS_TEST_POSTGRES unless --url names one (scripts/postgres.sh starts a throwaway one); a
database is made for the run and dropped after it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, make_url

from safety_assess.domain.blobs import BlobKey
from safety_assess.photos.blobs import CHUNK, BlobStore
from safety_assess.storage.database import Database
from safety_assess.storage.photo_blobs import DatabaseChunks
from safety_assess.storage.urls import DatabaseTarget


def random_file(path: Path, mib: int) -> Path:
    with path.open("wb") as handle:
        for _ in range(mib):
            handle.write(os.urandom(CHUNK))
    return path


def timed_peak(work: Callable[[], object]) -> tuple[float, float]:
    """How long ``work`` took, and the most memory Python held meanwhile (MiB)."""
    tracemalloc.start()
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / CHUNK


def hash_file(path: Path) -> None:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while data := handle.read(CHUNK):
            digest.update(data)


def run(url: str, mib: int, rounds: int, folder: Path) -> dict[str, object]:
    source = random_file(folder / "large.jpg", mib)
    database = Database.open(DatabaseTarget(url=url, shown="bench"), folder / "backups")
    sends: list[float] = []
    fetches: list[float] = []
    baselines: list[float] = []
    peaks = [0.0, 0.0]
    try:
        for n in range(rounds):
            blobs, key = BlobStore(DatabaseChunks(database)), BlobKey(f"{n:064x}", "original")
            seconds, peak = timed_peak(lambda: blobs.upload(key, "jpg", source))  # noqa: B023
            sends.append(seconds)
            peaks[0] = max(peaks[0], peak)
            target = folder / f"back-{n}.jpg"
            seconds, peak = timed_peak(lambda: blobs.download(key, target))  # noqa: B023
            fetches.append(seconds)
            peaks[1] = max(peaks[1], peak)
            assert target.read_bytes() == source.read_bytes()
            start = time.perf_counter()
            hash_file(source)
            baselines.append(time.perf_counter() - start)
    finally:
        database.close()
    send, fetch = statistics.median(sends), statistics.median(fetches)
    return {
        "mib": mib,
        "send_s": round(send, 3),
        "send_mib_s": round(mib / send, 1),
        "fetch_s": round(fetch, 3),
        "fetch_mib_s": round(mib / fetch, 1),
        "baseline_s": round(statistics.median(baselines), 3),
        "peak_mib": {"send": round(peaks[0], 2), "fetch": round(peaks[1], 2)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("SAFETY_ASSESS_TEST_POSTGRES", ""))
    parser.add_argument("--mib", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not args.url:
        raise SystemExit("give --url or $SAFETY_ASSESS_TEST_POSTGRES (a PostgreSQL server)")
    server = make_url(args.url)
    name = f"bench_photo_blobs_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        with tempfile.TemporaryDirectory() as folder:
            url = server.set(database=name).render_as_string(hide_password=False)
            print(json.dumps(run(url, args.mib, args.rounds, Path(folder)), indent=2))
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


if __name__ == "__main__":
    main()
