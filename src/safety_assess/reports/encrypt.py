"""Password protection: AES-256 in the current PDF revision (R6), which Acrobat, browsers and poppler open.

ReportLab's own 256-bit mode writes an older revision poppler refuses, so qpdf (through pikepdf) encrypts the
finished file into the file the caller opened for it (no temporary file of qpdf's own beside it).
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

from safety_assess.reports.errors import ReportError

MIN_PASSWORD = 8


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ReportError(f"the password must be at least {MIN_PASSWORD} characters long")


def encrypt(source: Path, target: Path, password: str) -> None:
    """Write ``source`` to ``target`` (an existing file, overwritten), protected by ``password``."""
    check_password(password)
    with pikepdf.open(source) as pdf, target.open("wb") as out:
        permissions = pikepdf.Permissions(extract=False, modify_other=False, modify_annotation=False)
        pdf.save(out, encryption=pikepdf.Encryption(user=password, owner=password, R=6, allow=permissions))
