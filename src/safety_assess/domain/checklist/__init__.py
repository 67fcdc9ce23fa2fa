"""The checklist format: Pydantic models, semantic rules, YAML loading, answer values."""

from safety_assess.domain.checklist.answers import AnswerSpec, AnswerType, Outcome
from safety_assess.domain.checklist.model import Checklist, Group, Item, Section
from safety_assess.domain.checklist.parse import ChecklistInvalid, Issue, parse_checklist

__all__ = [
    "AnswerSpec",
    "AnswerType",
    "Checklist",
    "ChecklistInvalid",
    "Group",
    "Issue",
    "Item",
    "Outcome",
    "Section",
    "parse_checklist",
]
