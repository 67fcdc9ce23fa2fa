"""Errors the domain raises; every one carries a message fit to show a user."""

from __future__ import annotations


class SafetyAssessError(Exception):
    """Base of every error that is shown to the user as a one-line message."""


class NotFoundError(SafetyAssessError):
    """A campus, checklist, assessment or item that was asked for does not exist."""


class AnswerError(SafetyAssessError):
    """An answer does not fit the item's answer type."""


class ConflictError(SafetyAssessError):
    """A record that must be unique already exists, or a state change is not allowed."""
