"""The app's one change channel: every write publishes what it changed, every window subscribes and refreshes only
what it shows (Anki's ``OpChanges`` and ``operation_did_execute``).

Writes made on the UI thread publish straight away (``publish``); a background job's changes are published by the
``Operations`` of the window that ran it, when the job ends; a settings change is published by the settings store
(``follow``). Each change carries the window it came from, so a window can let its own changes pass: it has shown
them already, and reloading would disturb the person working in it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from safety_assess.base.jobs import Changes
from safety_assess.services.settings import SettingsStore

Listener = Callable[[Changes, object], object]


class ChangeChannel(QObject):
    """Created once per app (by the main window) and handed to every window."""

    published = Signal(object, object)
    """What changed (``Changes``) and the window it was changed in (None: no window, such as the settings)."""

    def publish(self, changes: Changes, origin: QObject | None = None) -> None:
        """Tell every subscriber, at once, on this thread; nothing changed: nobody is told."""
        if changes:
            self.published.emit(changes, origin)

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(changes, origin)`` after every published change (a window's bound method: until it is
        deleted)."""
        self.published.connect(listener)

    def follow(self, settings: SettingsStore) -> None:
        """Publish every change saved to ``settings`` (by name) as long as this channel lives."""
        unsubscribe = settings.subscribe(lambda names: self.publish(Changes(settings=names)))
        self.destroyed.connect(lambda *_: unsubscribe())
