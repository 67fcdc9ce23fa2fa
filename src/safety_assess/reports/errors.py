"""What goes wrong making a report, as the user reads it."""

from __future__ import annotations

from safety_assess.domain.errors import SafetyAssessError


class ReportError(SafetyAssessError):
    """The report cannot be made as asked (a password with the public version, a password too short)."""
