"""Characters that make ReportLab draw a given glyph with a given advance.

ReportLab draws text as characters: each maps to one glyph of the face (its cmap) and advances
the pen by that character's width (the PDF font's /W entry). To draw positioned glyphs through
it, on the canvas and inside Paragraphs alike (`line_layout`), each (glyph, width) pair gets a
character: the face's own character for the glyph when the width is the glyph's own advance,
otherwise a private-use code point added to the registered face's tables with that width
(ReportLab then embeds the glyph in the subset and writes the width to /W). Widths are in
thousandths of an em and never negative: PDFium reads /W entries as unsigned. Private-use
characters read back from the PDF as themselves. Process-wide, like ReportLab's font registry.
"""

from __future__ import annotations

from functools import cache

from app.report.fonts import registered
from app.report.shaping import nominal_advance

_PRIVATE_USE = range(0xE000, 0xF900)
_SAME_WIDTH = 0.001  # thousandths of an em


@cache
def char_for(face: str, glyph: int, width: float) -> str:
    """A character `face` draws as `glyph`, advancing `width` thousandths of an em."""
    tables = registered(face)
    mapped = tables.glyphToChar.get(glyph)
    own = nominal_advance(face, glyph) * 1000 / tables.unitsPerEm
    if mapped and abs(width - own) < _SAME_WIDTH:
        return chr(mapped[0])
    return _private_use(face, glyph, width)


@cache
def shift(face: str, width: float) -> str:
    """A character `face` draws as nothing, advancing `width` thousandths of an em (>= 0)."""
    return _private_use(face, registered(face).charToGlyph[ord(" ")], width)


def _private_use(face: str, glyph: int, width: float) -> str:
    tables = registered(face)
    try:
        code = next(code for code in _PRIVATE_USE if code not in tables.charToGlyph)
    except StopIteration:
        raise RuntimeError(f"{face}: no private-use code point left for a shaped glyph") from None
    tables.charToGlyph[code] = glyph
    tables.charWidths[code] = width
    return chr(code)
