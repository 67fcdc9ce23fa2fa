"""District keys in the app: an assessor uses the district's key file; the district exports its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.sealing import export_district_key as write_district_key
from safety_assess.services.sealing import import_sealing_key
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs


def use_district_key(parent: QWidget, workspace: Workspace) -> None:
    path = dialogs.ask_district_key_file(parent)
    if path is None:
        return
    try:
        key, before = import_sealing_key(workspace, path)
    except SafetyAssessError as error:
        dialogs.show_error(parent, "District key not used", str(error))
        return
    replaced = (
        f"\n\nIt replaces the key {before.fingerprint}."
        if before is not None and before.public_key != key.public_key
        else ""
    )
    district = f" of {key.district}" if key.district else ""
    dialogs.show_message(
        parent,
        "District key in use",
        f"Bundles exported from now on are encrypted to the district key{district}:\n{key.fingerprint}\n\n"
        f"Compare it with the fingerprint the district gave you.{replaced}",
    )


def export_district_key(parent: QWidget, workspace: Workspace) -> None:
    suggested = Path.home() / "district.sadistrictkey"
    target = dialogs.ask_district_key_target(parent, suggested)
    if target is None:
        return
    try:
        key = write_district_key(workspace, target)
    except SafetyAssessError as error:
        dialogs.show_error(parent, "District key not exported", str(error))
        return
    dialogs.show_message(
        parent,
        "District key exported",
        f"Wrote {target}.\n\nGive it to every assessor, with its fingerprint read out separately:\n"
        f"{key.fingerprint}\n\nKeep this data folder backed up: its district-key.pem is the only way to open "
        "the bundles sealed to it.",
    )
