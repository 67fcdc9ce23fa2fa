"""One repository per aggregate. They take a Database and return plain domain records."""

from safety_assess.storage.repositories.answers import AnswerRepository
from safety_assess.storage.repositories.assessments import AssessmentRepository
from safety_assess.storage.repositories.campuses import CampusRepository
from safety_assess.storage.repositories.findings import FindingRepository
from safety_assess.storage.repositories.photos import PhotoRepository
from safety_assess.storage.repositories.reviews import ReviewRepository
from safety_assess.storage.repositories.site_maps import SiteMapRepository
from safety_assess.storage.repositories.snapshots import SnapshotRepository

__all__ = [
    "AnswerRepository",
    "AssessmentRepository",
    "CampusRepository",
    "FindingRepository",
    "PhotoRepository",
    "ReviewRepository",
    "SiteMapRepository",
    "SnapshotRepository",
]
