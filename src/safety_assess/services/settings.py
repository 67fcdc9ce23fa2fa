"""The one settings object of a running app or command: read once, changed only through ``save()``, which writes
the file, makes the display preferences (currency, phase names and days) the process-wide ones, and tells every
listener which settings changed. Nothing else writes settings.json or applies what is in it."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path

from safety_assess.base.settings import Settings, load_settings, save_settings
from safety_assess.domain.display import use_currency
from safety_assess.domain.plan.actions import use_phases

Listener = Callable[[frozenset[str]], None]
"""Told the names of the settings that changed, after they are saved."""

DISPLAY = frozenset({"currency", "phase_names", "phase_days"})
"""Settings the domain's wording reads process-wide."""


class SettingsStore:
    def __init__(self, path: Path, settings: Settings) -> None:
        self.path = path
        self._current = settings
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        _apply(settings)

    @classmethod
    def open(cls, path: Path) -> SettingsStore:
        """The settings saved at ``path`` (defaults when there are none), read once."""
        return cls(path, load_settings(path))

    @property
    def current(self) -> Settings:
        """The settings as they stand (a value: change them with ``save()``)."""
        return self._current

    def save(self, settings: Settings) -> frozenset[str]:
        """Make ``settings`` the current ones: written first (WriteError leaves everything as it was), then
        applied, then announced. Returns the names that changed (empty: nothing written, nobody told)."""
        with self._lock:
            changed = _differences(self._current, settings)
            if not changed:
                return changed
            save_settings(self.path, settings)
            self._current = settings
            if changed & DISPLAY:
                _apply(settings)
            listeners = list(self._listeners)
        for listener in listeners:
            listener(changed)
        return changed

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every change; returns what unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None


def _differences(before: Settings, after: Settings) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(Settings) if getattr(before, f.name) != getattr(after, f.name))


def _apply(settings: Settings) -> None:
    use_currency(settings.currency)
    use_phases(settings.phase_names, settings.phase_days)
