"""Changing a workspace's settings in a test, the way the app does: through its one settings store."""

from __future__ import annotations

import dataclasses
from typing import Any

from safety_assess.services.workspace import Workspace


def change_settings(workspace: Workspace, **values: Any) -> frozenset[str]:
    return workspace.settings_store.save(dataclasses.replace(workspace.settings, **values))
