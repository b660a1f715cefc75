"""Characters that make ReportLab draw a given glyph with a given advance.

ReportLab draws text as characters: each maps to one glyph of the face (its cmap) and advances
the pen by that character's width (the PDF font's /W entry). To draw HarfBuzz's positioned
glyphs through it, on the canvas and inside Paragraphs alike, each (glyph, advance) pair gets a
character: the face's own character for the glyph when the advance is the glyph's own, otherwise
a private-use code point added to the registered face's tables with that width (ReportLab then
embeds the glyph in the subset and writes the width to /W). A glyph's horizontal offset is drawn
as a blank `shift` (the face's space glyph at the offset's width, possibly negative) followed by
the glyph at its advance minus the offset; vertical offsets are the caller's (text rise).
Private-use characters read back from the PDF as themselves. Process-wide, like ReportLab's
font registry.
"""

from __future__ import annotations

from functools import cache

from app.report.fonts import registered
from app.report.shaping import nominal_advance

_PRIVATE_USE = range(0xE000, 0xF900)


@cache
def char_for(face: str, glyph: int, advance: int) -> str:
    """A character `face` draws as `glyph`, advancing `advance` font units."""
    tables = registered(face)
    mapped = tables.glyphToChar.get(glyph)
    if mapped and advance == nominal_advance(face, glyph):
        return chr(mapped[0])
    return _private_use(face, glyph, advance)


@cache
def shift(face: str, advance: int) -> str:
    """A character `face` draws as nothing, advancing `advance` font units (may be negative)."""
    return _private_use(face, registered(face).charToGlyph[ord(" ")], advance)


def _private_use(face: str, glyph: int, advance: int) -> str:
    tables = registered(face)
    try:
        code = next(code for code in _PRIVATE_USE if code not in tables.charToGlyph)
    except StopIteration:
        raise RuntimeError(f"{face}: no private-use code point left for a shaped glyph") from None
    tables.charToGlyph[code] = glyph
    tables.charWidths[code] = advance * 1000 / tables.unitsPerEm
    return chr(code)
