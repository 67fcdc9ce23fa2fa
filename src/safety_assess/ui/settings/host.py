"""What the housekeeping commands (welcome, settings, backups, restore, data folder) use of the main window: handed
to them, so this feature folder never imports the main window or another feature."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow

from safety_assess.services.workspace import Workspace
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.operations import Operations
from safety_assess.ui.registry import Registry


@dataclass(frozen=True)
class Host:
    window: QMainWindow
    """Parent of the dialogs, its status bar for quiet news; closed when the app restarts on another folder."""
    workspace: Workspace
    operations: Operations
    """The main window's: backups, moves and restores run there."""
    channel: ChangeChannel
    registry: Registry
    """The other windows: what runs in them, closed before the data folder moves."""
    select: Callable[[uuid.UUID], object]
    """Make a campus or assessment of the main list the current one."""
    use_district_key: Callable[[], object]
    """Sync > Use district key file…, offered in the settings too."""
