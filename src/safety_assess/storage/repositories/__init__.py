"""One repository per aggregate. They take a Database and return plain domain records."""

from safety_assess.storage.repositories.assessments import AssessmentRepository
from safety_assess.storage.repositories.campuses import CampusRepository
from safety_assess.storage.repositories.snapshots import SnapshotRepository

__all__ = ["AssessmentRepository", "CampusRepository", "SnapshotRepository"]
