"""A workspace: one data folder, its database, repositories and checklist catalog."""

from __future__ import annotations

from functools import cached_property

from safety_assess.datadir import DataDir
from safety_assess.domain.checklist.catalog import Catalog, load_catalog
from safety_assess.resources import builtin_checklists_dir
from safety_assess.storage.database import Database
from safety_assess.storage.repositories import AssessmentRepository, CampusRepository, SnapshotRepository


class Workspace:
    """Everything a command or a window needs, passed in rather than reached through a global."""

    def __init__(self, data_dir: DataDir, database: Database) -> None:
        self.data_dir = data_dir
        self.database = database
        self.campuses = CampusRepository(database)
        self.snapshots = SnapshotRepository(database)
        self.assessments = AssessmentRepository(database)

    @classmethod
    def open(cls, data_dir: DataDir) -> Workspace:
        """Prepare the folder and open (migrating) the database; raises DataDirError or DatabaseError."""
        data_dir.prepare()
        return cls(data_dir, Database.open(data_dir.database, data_dir.backups))

    @cached_property
    def catalog(self) -> Catalog:
        """Built-in and user checklists, loaded on first use."""
        return load_catalog(builtin_checklists_dir(), self.data_dir.checklists)

    def reload_catalog(self) -> Catalog:
        self.__dict__.pop("catalog", None)
        return self.catalog

    def close(self) -> None:
        self.database.close()
