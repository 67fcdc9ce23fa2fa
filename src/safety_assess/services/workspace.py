"""A workspace: one data folder, its database, repositories and checklist catalog.

Opening one is cheap: the database file is checked with the standard library, and SQLAlchemy, the repositories
and the checklist catalog load on first use (the app warms them up in the background once its window shows).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from contextlib import closing
from functools import cached_property
from typing import TYPE_CHECKING

from safety_assess.base.datadir import DataDir
from safety_assess.base.resources import builtin_checklists_dir
from safety_assess.domain.records import AssessmentSummary, Campus
from safety_assess.services.settings import SettingsStore
from safety_assess.storage import listing, schema
from safety_assess.storage.dbfile import DatabaseError, connect_readonly, current_revision, describe_sqlite_error
from safety_assess.storage.urls import DatabaseTarget, parse_database_url

log = logging.getLogger(__name__)

DATABASE_URL_VAR = "SAFETY_ASSESS_DATABASE_URL"

if TYPE_CHECKING:
    from safety_assess.base.settings import Settings
    from safety_assess.domain.checklist.catalog import Catalog
    from safety_assess.keys.device import DeviceKey
    from safety_assess.photos.store import PhotoStore
    from safety_assess.storage.database import Database
    from safety_assess.storage.repositories import (
        AnswerRepository,
        AssessmentRepository,
        CampusRepository,
        FindingRepository,
        PhotoRepository,
        ReviewRepository,
        SiteMapRepository,
        SnapshotRepository,
    )


class Workspace:
    """Everything a command or a window needs, passed in rather than reached through a global."""

    def __init__(
        self, data_dir: DataDir, target: DatabaseTarget | None = None, settings: SettingsStore | None = None
    ) -> None:
        self.data_dir = data_dir
        self.settings_store = settings or SettingsStore.open(data_dir.settings)
        """The one settings object: read it through ``settings``, change it with ``settings_store.save()``."""
        self.target = target or DatabaseTarget.file(data_dir.database)
        self._database: Database | None = None
        self._lock = threading.Lock()

    @classmethod
    def open(cls, data_dir: DataDir, database_url: str | None = None) -> Workspace:
        """Prepare the folder and check the database; create or migrate it now if it is not current.

        A database server is connected to at once, so a server that is down is reported now.
        Raises DataDirError, DatabaseUrlError or DatabaseError with a message fit for the user.
        """
        data_dir.prepare()
        settings = SettingsStore.open(data_dir.settings)
        workspace = cls(data_dir, choose_database(data_dir, settings.current, database_url), settings)
        path = workspace.target.path
        if path is None or current_revision(path) != schema.HEAD:
            _ = workspace.database
        return workspace

    @property
    def shared(self) -> bool:
        """True on a database server several people may use at once."""
        return not self.target.is_sqlite

    @property
    def database(self) -> Database:
        with self._lock:
            if self._database is None:
                # SQLAlchemy and the rest load on first use, after the window shows (see the module's text)
                from safety_assess.storage.database import Database

                self._database = Database.open(self.target, self.data_dir.backups)
            return self._database

    @cached_property
    def campuses(self) -> CampusRepository:
        from safety_assess.storage.repositories import CampusRepository

        return CampusRepository(self.database)

    @cached_property
    def snapshots(self) -> SnapshotRepository:
        from safety_assess.storage.repositories import SnapshotRepository

        return SnapshotRepository(self.database)

    @cached_property
    def assessments(self) -> AssessmentRepository:
        from safety_assess.storage.repositories import AssessmentRepository

        return AssessmentRepository(self.database)

    @cached_property
    def answers(self) -> AnswerRepository:
        from safety_assess.storage.repositories import AnswerRepository

        return AnswerRepository(self.database)

    @cached_property
    def findings(self) -> FindingRepository:
        from safety_assess.storage.repositories import FindingRepository

        return FindingRepository(self.database)

    @cached_property
    def photos(self) -> PhotoRepository:
        from safety_assess.storage.repositories import PhotoRepository

        return PhotoRepository(self.database)

    @cached_property
    def site_maps(self) -> SiteMapRepository:
        from safety_assess.storage.repositories import SiteMapRepository

        return SiteMapRepository(self.database)

    @cached_property
    def reviews(self) -> ReviewRepository:
        from safety_assess.storage.repositories import ReviewRepository

        return ReviewRepository(self.database)

    @cached_property
    def photo_store(self) -> PhotoStore:
        """The data folder's photo files; on a shared server, those of the server, this folder keeping copies."""
        from safety_assess.photos.store import PhotoStore

        if not self.shared:
            return PhotoStore(self.data_dir.photos)
        from safety_assess.photos.blobs import BlobStore
        from safety_assess.photos.shared_store import SharedPhotoStore
        from safety_assess.storage.photo_blobs import DatabaseChunks

        return SharedPhotoStore(self.data_dir.photos, BlobStore(DatabaseChunks(self.database)))

    @property
    def settings(self) -> Settings:
        """The settings as they stand (a value; see ``settings_store``)."""
        return self.settings_store.current

    @cached_property
    def device_key(self) -> DeviceKey:
        """The key bundles exported here are signed with, made on first use: the data folder's own; on a shared
        database, the district's signing identity every staff computer uses (services/identity.py)."""
        from safety_assess.services.identity import signing_key

        return signing_key(self)

    @property
    def signing_fingerprint(self) -> str:
        """The fingerprint of ``device_key``, to show; on a shared database known on a computer that cannot sign
        too."""
        from safety_assess.services.identity import signing_fingerprint

        return signing_fingerprint(self)

    @cached_property
    def catalog(self) -> Catalog:
        """Built-in and user checklists, loaded on first use."""
        from safety_assess.domain.checklist.catalog import load_catalog

        return load_catalog(builtin_checklists_dir(), self.data_dir.checklists)

    def reload_catalog(self) -> None:
        """Read the checklists again (one was added to the data folder); the new catalog replaces the old at once."""
        from safety_assess.domain.checklist.catalog import load_catalog

        self.__dict__["catalog"] = load_catalog(builtin_checklists_dir(), self.data_dir.checklists)

    def overview(self) -> tuple[list[Campus], list[AssessmentSummary]]:
        """Every campus and assessment summary; before the database is open, read straight from the file."""
        path = self.target.path
        if self._database is None and path is not None:
            try:
                with closing(connect_readonly(path)) as connection:
                    return listing.campuses(connection), listing.summaries(connection)
            except sqlite3.Error as error:
                raise DatabaseError(describe_sqlite_error(path, error)) from None
        with self.database.dbapi() as connection:
            return listing.campuses(connection), listing.summaries(connection)

    def warm_up(self) -> None:
        """Open the database, load what the first commands need, and clear orphan photo files (in the background).

        Never raises: a problem is logged, and the command that needs the part meets it again and reports it.
        """
        try:
            _ = self.campuses, self.snapshots, self.assessments, self.answers, self.catalog
            import safety_assess.services.walkthrough  # noqa: F401  (its imports are the slow part)
            from safety_assess.services.photos import correct_photo_sizes, remove_orphan_files

            removed = remove_orphan_files(self)
            if removed:
                log.info("removed %d photo files no record refers to", removed)
            if correct_photo_sizes(self):
                log.info("corrected the recorded size of turned TIFF photos")
        except Exception:
            log.exception("warming up %s failed", self.data_dir.root)

    def close(self) -> None:
        with self._lock:
            if self._database is not None:
                self._database.close()


def choose_database(data_dir: DataDir, settings: Settings, option: str | None = None) -> DatabaseTarget:
    """``--database-url`` first, then $SAFETY_ASSESS_DATABASE_URL, then the settings; else the data folder's file."""
    chosen = option or os.environ.get(DATABASE_URL_VAR) or settings.database_url
    return parse_database_url(chosen) if chosen else DatabaseTarget.file(data_dir.database)


def check_database_url(text: str) -> str:
    """The URL as it may be shown (password hidden), or DatabaseUrlError saying what is wrong with it."""
    return parse_database_url(text).shown
