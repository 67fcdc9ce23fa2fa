"""Late team work: a bundle bringing changes to an assessment that was already completed here (its report maybe
sent). The merge still applies (nothing is lost); the assessment goes back to in progress with the reason recorded,
and the import says so plainly. A bundle that changes nothing reopens nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class LateWork:
    """What reopened a completed assessment: how many changes, from which device, after which completion."""

    changes: int
    """Fields taken, records added or removed, and clashes newly listed."""
    device: str
    """The device as people know it: its exporter's name and fingerprint."""
    completed_on: dt.date | None

    def reason(self) -> str:
        """The reopen reason recorded with the assessment."""
        return f"{self._changes()} from {self.device} arrived after it was completed{self._on()}"

    def told(self, assessment: str) -> str:
        """The import's line about it: ``assessment`` is how the assessment is named (campus, date)."""
        return f"Assessment {assessment} was complete; {self.reason()} and reopened it"

    def _changes(self) -> str:
        return f"{self.changes} change{'s' if self.changes != 1 else ''}"

    def _on(self) -> str:
        return f" on {self.completed_on.isoformat()}" if self.completed_on is not None else ""


def device_named(name: str, fingerprint: str) -> str:
    """'Ana Ruiz (fingerprint)', or the fingerprint alone when the device has no name."""
    name = " ".join(name.split())
    return f"{name} ({fingerprint})" if name else fingerprint
