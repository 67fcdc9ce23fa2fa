"""The bundled fonts, and text turned into ReportLab markup that renders in any script they cover.

DejaVu Sans is the main face; characters it lacks are set in Droid Sans Fallback (Chinese, Japanese, Korean).
A character neither has is replaced by U+FFFD and reported, so a report never prints silent empty boxes.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from safety_assess.base.resources import resources_dir

SANS, BOLD, ITALIC, FALLBACK = "SA-Sans", "SA-Sans-Bold", "SA-Sans-Oblique", "SA-Fallback"
FILES = {
    SANS: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}
REPLACEMENT = "\ufffd"
_lock = threading.Lock()


def register_fonts() -> None:
    """Make the bundled fonts known to ReportLab (once; safe from any thread)."""
    with _lock:
        if SANS in pdfmetrics.getRegisteredFontNames():
            return
        folder = resources_dir() / "fonts"
        for name, filename in FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


@cache
def _glyphs(name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


def _drawn(char: str) -> bool:
    """Characters that need no glyph: spaces, line breaks, joiners and other format characters."""
    return not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf"))


def font_for(char: str, main: str = SANS) -> str | None:
    """The bundled font that has ``char`` (the main face first); None when none has it."""
    code = ord(char)
    if code in _glyphs(main):
        return main
    if code in _glyphs(FALLBACK):
        return FALLBACK
    return None


def missing_from_main(text: str) -> bool:
    """Whether some character of ``text`` is not in the main face (it needs markup with the fallback)."""
    glyphs = _glyphs(SANS)
    return any(ord(c) not in glyphs and _drawn(c) for c in text)


def missing(text: str) -> set[str]:
    """The characters of ``text`` no bundled font can show."""
    return {c for c in set(text) if _drawn(c) and font_for(c) is None}


def runs(text: str, main: str = SANS) -> Iterator[tuple[str, str]]:
    """``text`` cut into (font, piece) runs; a character no font has becomes U+FFFD in the main face."""
    current, piece = main, list[str]()
    for char in text:
        if not _drawn(char):
            if unicodedata.category(char) == "Cc" and char not in "\n\t":
                continue  # control characters have no place in a report
            font = current
        else:
            found = font_for(char, main)
            font, char = (found, char) if found is not None else (main, REPLACEMENT)
        if font != current and piece:
            yield current, "".join(piece)
            piece = []
        current = font
        piece.append(char)
    if piece:
        yield current, "".join(piece)


def markup(text: str, main: str = SANS) -> str:
    """Paragraph markup for plain ``text``: escaped, line breaks kept, fallback runs in the fallback face."""
    parts = []
    for font, piece in runs(text, main):
        escaped = escape(piece).replace("\n", "<br/>")
        parts.append(escaped if font == main else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def width(text: str, size: float, main: str = SANS) -> float:
    return float(sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in runs(text, main)))


def fit(text: str, size: float, room: float, main: str = SANS) -> str:
    """``text`` cut short with an ellipsis to be at most ``room`` points wide (a character at the least)."""
    while len(text) > 1 and width(text, size, main) > room:
        text = text[:-2] + "…"
    return text


def draw(canvas: object, x: float, y: float, text: str, size: float, main: str = SANS, align: str = "left") -> None:
    """Draw one line of text on a ReportLab canvas, run by run (for headers and footers)."""
    if align != "left":
        total = width(text, size, main)
        x -= total if align == "right" else total / 2
    for font, piece in runs(text.replace("\n", " "), main):
        canvas.setFont(font, size)  # type: ignore[attr-defined]
        canvas.drawString(x, y, piece)  # type: ignore[attr-defined]
        x += pdfmetrics.stringWidth(piece, font, size)
