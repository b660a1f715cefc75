"""One line of text laid out for ReportLab: ordered, shaped and positioned as characters.

A plain line (no right-to-left character, direction control or mark that needs shaping: Latin,
Greek, Cyrillic, Vietnamese, CJK, Korean) is drawn as written, one piece per face. Any other
line is laid out here, because ReportLab neither reorders right-to-left text (that needs rlbidi,
not on PyPI) nor draws HarfBuzz's glyph offsets outside its own opt-in, one-face-per-word
shaping:

1. order: each character's embedding level comes from the Unicode Bidirectional Algorithm
   (`bidi_levels`, python-bidi), so digits and punctuation between right-to-left words, and
   explicit embeddings, take their standard places; the line's runs (one face and one level
   each; direction controls and marks dropped) are reordered by rules L1–L2;
2. shaping: every run at an odd (right-to-left) level, and every run holding marks that need
   shaping (Arabic harakat, Hebrew points, Devanagari vowel signs and viramas, Thai tone marks),
   is shaped by HarfBuzz in its direction with the whole line as context (`shaping`); other runs
   keep their characters at their own widths;
3. positions: every glyph gets its x position on the line (pen plus HarfBuzz's x offset) and its
   rise (HarfBuzz's y offset). The glyphs are then drawn in order of x, each as a character
   whose width is the gap to the next glyph (`glyph_codes`): every width is zero or more (PDF
   viewers such as PDFium read widths as unsigned), and each glyph lands where HarfBuzz put it.
   A glyph left of the line's start (a mark overhanging the first letter) moves the whole line
   right by the overhang; one past the line's end makes the line end there.

Pieces carry the rise in ems, so Paragraphs (`<sup rise="…%">`) and the canvas (`setRise`) draw
them alike. Bold lines are laid out in the bold faces (`fonts.bold_of`): glyphs and positions
differ between weights.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from app.report import bidi_levels, glyph_codes
from app.report.fonts import BOLD, REGULAR, bold_of, registered
from app.report.script_faces import face_for, runs
from app.report.shaping import shape

# Bidi classes that make a line need ordering: right-to-left letters, Arabic numbers, controls.
_NEEDS_ORDERING = frozenset({"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI",
                             "FSI", "PDI"})
_NOT_DRAWN = frozenset({"RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM: ordering only, not drawn
_MARKS = frozenset({"Mn", "Mc", "Me"})
# Combining diacritics that sit on Latin, Greek or Cyrillic letters without shaping (DejaVu
# positions them itself): decomposed "é" or Vietnamese stacked accents print as intended.
_PLAIN_MARK_BLOCKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF),
                      (0xFE20, 0xFE2F))
_WIDTH_DIGITS = 3  # widths are rounded to a millionth of an em


@dataclass(frozen=True)
class Piece:
    """Characters drawn in one face at one rise, in drawing order."""

    face: str | None  # None: the caller's face
    chars: str
    rise: float = 0.0  # baseline shift in ems (up is positive)


@dataclass(frozen=True)
class _Placed:
    face: str
    glyph: int
    char: str | None  # the character itself, for a glyph not shaped
    x: float  # thousandths of an em from the line's start
    advance: float  # the glyph's own advance, thousandths of an em
    rise: float  # ems


def is_plain(text: str) -> bool:
    """Whether `text` is drawn as written: nothing to order, shape or position."""
    return not any(_needs_layout_engine(ch) for ch in text)


@lru_cache(maxsize=4096)
def laid_out(line: str, bold: bool = False) -> tuple[Piece, ...]:
    """One line of text as pieces in drawing order (left to right); in bold text, in the bold
    faces."""
    if is_plain(line):
        return tuple(Piece(face and _weighted(face, bold), chars) for face, chars in runs(line))
    line_level = bidi_levels.line_levels(line, bidi_levels.levels(line))
    logical = _level_runs(line, line_level)
    placed: list[_Placed] = []
    pen = 0.0
    for index in bidi_levels.visual_order([level for *_, level in logical]):
        pen = _place(line, *logical[index], bold, pen, placed)
    return tuple(_drawn(placed, pen))


@cache
def _needs_layout_engine(ch: str) -> bool:
    return (unicodedata.bidirectional(ch) in _NEEDS_ORDERING or ch in _DIRECTION_MARKS
            or _shaped_mark(ch))


def _level_runs(line: str, line_level: list[int]) -> list[tuple[int, int, str | None, int]]:
    """Maximal runs (start, end, face, level) of one face and level, in logical order;
    direction controls and marks are left out (they only steer the ordering)."""
    logical: list[tuple[int, int, str | None, int]] = []
    for index, ch in enumerate(line):
        if ch in _DIRECTION_MARKS or unicodedata.bidirectional(ch) in _NOT_DRAWN:
            continue
        face, level = face_for(ch), line_level[index]
        if logical and logical[-1][1] == index and logical[-1][2:] == (face, level):
            logical[-1] = (logical[-1][0], index + 1, face, level)
        else:
            logical.append((index, index + 1, face, level))
    return logical


def _place(line: str, start: int, end: int, face: str | None, level: int, bold: bool,
           pen: float, placed: list[_Placed]) -> float:
    """Append the glyphs of `line[start:end]` (one face, one level) from `pen`, in visual
    order; return the pen after them."""
    drawn = (BOLD if bold else REGULAR) if face is None else _weighted(face, bold)
    tables = registered(drawn)
    scale = 1000 / tables.unitsPerEm
    right_to_left = level % 2 == 1
    if right_to_left or any(_shaped_mark(ch) for ch in line[start:end]):
        for glyph in shape(drawn, line, start, end, right_to_left):
            placed.append(_Placed(drawn, glyph.id, None, pen + glyph.x_offset * scale,
                                  glyph.advance * scale, glyph.y_offset / tables.unitsPerEm))
            pen += glyph.advance * scale
        return pen
    for ch in line[start:end]:
        advance = tables.charWidths.get(ord(ch), tables.defaultWidth)
        placed.append(_Placed(drawn, tables.charToGlyph.get(ord(ch), 0), ch, pen, advance, 0.0))
        pen += advance
    return pen


def _weighted(face: str, bold: bool) -> str:
    """`face`, or its bold face in bold text, registered."""
    weighted = bold_of(face) if bold else face
    registered(weighted)
    return weighted


def _drawn(placed: list[_Placed], end: float) -> list[Piece]:
    """The placed glyphs in order of x, each as a character as wide as the gap to the next."""
    ordered = sorted(placed, key=lambda glyph: glyph.x)
    pieces: list[Piece] = []
    if ordered and ordered[0].x < 0:
        first = ordered[0]
        pieces.append(Piece(first.face, glyph_codes.shift(first.face, round(-first.x,
                                                                            _WIDTH_DIGITS))))
    for index, glyph in enumerate(ordered):
        following = ordered[index + 1].x if index + 1 < len(ordered) else max(end, glyph.x)
        gap = round(following - glyph.x, _WIDTH_DIGITS)
        if glyph.char is not None and gap == round(glyph.advance, _WIDTH_DIGITS):
            chars = glyph.char
        else:
            chars = glyph_codes.char_for(glyph.face, glyph.glyph, gap)
        pieces.append(Piece(glyph.face, chars, glyph.rise))
    return _merged(pieces)


def _merged(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if merged and (merged[-1].face, merged[-1].rise) == (piece.face, piece.rise):
            merged[-1] = Piece(piece.face, merged[-1].chars + piece.chars, piece.rise)
        else:
            merged.append(piece)
    return merged


def _shaped_mark(ch: str) -> bool:
    return unicodedata.category(ch) in _MARKS and not _plain_mark(ch)


def _plain_mark(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in _PLAIN_MARK_BLOCKS)
