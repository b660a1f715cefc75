"""Which bundled face prints each character of a text, and how a line of it is laid out.

Every text that enters the PDF (Paragraph markup via `markup`, canvas lines via `draw`) is split
into runs of characters printed by one face: the caller's DejaVu face (regular or bold) when
DejaVu has the glyph, otherwise the first of `fonts.FALLBACKS` that has it (Chinese, Japanese,
Korean, Devanagari, Thai); Arabic and Hebrew characters are tried in `fonts.RIGHT_TO_LEFT`
first. A character no bundled face has stays in the caller's face and prints as its
missing-glyph box. Whitespace and control characters stay in the caller's face.

A line of plain text (no right-to-left character, direction control or mark that needs
shaping: Latin, Greek, Cyrillic, Vietnamese, CJK, Korean) is drawn as written, run by run.
Any other line is laid out here, because ReportLab neither reorders right-to-left text (that
needs rlbidi, not on PyPI) nor draws HarfBuzz's glyph offsets outside its own opt-in shaping:

1. order: each character's embedding level comes from the Unicode Bidirectional Algorithm
   (`bidi_levels`, python-bidi), so digits and punctuation between right-to-left words, and
   explicit embeddings, take their standard places; the line's runs (one face and one level
   each, direction controls dropped) are reordered by rules L1–L2;
2. shaping: every run at an odd (right-to-left) level, and every run holding marks that need
   shaping (Arabic harakat, Hebrew points, Devanagari vowel signs and viramas, Thai tone marks),
   is shaped by HarfBuzz in its direction, with the whole line as context (`shaping`);
3. positions: each shaped glyph is drawn through `glyph_codes` as a character with HarfBuzz's
   advance, preceded by a blank shift for its x offset, and raised by its y offset (text rise:
   `<sup rise="…%">` in Paragraphs, relative to the font size, or `setRise` on the canvas).
   So the glyphs land where HarfBuzz puts them, in Paragraphs and on the canvas alike.

Bold text names its faces explicitly (`bold=True`): a fallback's bundled bold face, since the
glyphs and positions differ between weights; Droid Sans Fallback (CJK) has no bold face and is
drawn filled and stroked on the canvas (`fonts.SYNTHETIC_BOLD`). `markup` escapes each run with
`xml.sax.saxutils.escape` before wrapping it in tags whose attribute values are this module's
constants or numbers: user text can never open a tag.

Lines are broken in logical order before being laid out (`wrap`, rule L1–L2 per line), so a
right-to-left name that wraps starts on its first line. `needs_layout` says when a text may
still print differently from how it reads: only when a character has no bundled face.
`identifiers_needing_layout` applies it to the patient's name and identifier, so the letter can
add a note and the CLI and the app can warn. Shaped text reads back from the PDF in drawing
order, as presentation forms or private-use characters; the canvas header carries the logical
text as ActualText for extraction.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.domain.exam import Patient
from app.report import bidi_levels, glyph_codes
from app.report.fonts import (
    BOLD,
    FALLBACKS,
    REGULAR,
    RIGHT_TO_LEFT,
    SYNTHETIC_BOLD,
    bold_of,
    register_fonts,
    registered,
)
from app.report.shaping import shape

Run = tuple[str | None, str]  # (fallback face, or None for the caller's face; characters)

_ALWAYS_PRIMARY = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
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
# Hebrew, Arabic (with supplements and presentation forms): printed in `RIGHT_TO_LEFT` faces.
_RIGHT_TO_LEFT_BLOCKS = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
SYNTHETIC_BOLD_STROKE = 0.03  # line width of the synthetic bold, in ems


@dataclass(frozen=True)
class Piece:
    """Characters drawn in one face at one rise, in drawing order."""

    face: str | None  # None: the caller's face
    chars: str
    rise: float = 0.0  # baseline shift in ems (up is positive)


def runs(text: str) -> list[Run]:
    """`text` cut into runs of one face each, in order; joined they give `text` back."""
    return [(face, "".join(chars)) for face, chars in groupby(text, key=_face_for)]


@lru_cache(maxsize=4096)
def laid_out(line: str, bold: bool = False) -> tuple[Piece, ...]:
    """One line of text as pieces in drawing order (left to right), shaped and positioned
    where needed; in bold text, in the bold faces."""
    if _plain(line):
        return tuple(Piece(bold_of(face) if face and bold else face, chars)
                     for face, chars in runs(line))
    line_level = bidi_levels.line_levels(line, bidi_levels.levels(line))
    logical = _level_runs(line, line_level)
    pieces: list[Piece] = []
    for index in bidi_levels.visual_order([level for _, _, _, level in logical]):
        pieces.extend(_run_pieces(line, *logical[index], bold))
    return tuple(_merged(pieces))


def markup(text: str, bold: bool = False) -> str:
    """`text` as Paragraph markup that prints it laid out, each character in a face that has it;
    `bold` when the Paragraph's style or tags make the text bold."""
    return "<br/>".join("".join(_piece_markup(piece) for piece in laid_out(line, bold))
                        for line in text.split("\n"))


def width(text: str, font: str, size: float) -> float:
    """The width in points of `text` drawn by `draw` in `font` at `size`."""
    return sum(stringWidth(piece.chars, piece.face or font, size)
               for piece in laid_out(text, font == BOLD))


def draw(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw `text` laid out from `x` on baseline `y` (no markup parsing). One text object for
    the line, marked with `text` as its ActualText when laid out, so extraction reads the line
    in logical order."""
    bold = font == BOLD
    pieces = laid_out(text, bold)
    canvas.saveState()
    canvas.setLineWidth(size * SYNTHETIC_BOLD_STROKE)
    canvas.setStrokeColor(canvas._fillColorObj)
    line = canvas.beginText(x, y)
    actual = not _plain(text)
    if actual:
        actual_text = ("\ufeff" + text).encode("utf-16-be").hex().upper()
        line._code.append(f"/Span <</ActualText <{actual_text}>>> BDC")
    for piece in pieces:
        line.setFont(piece.face or font, size)
        line.setRise(piece.rise * size)
        line.setTextRenderMode(2 if bold and piece.face in SYNTHETIC_BOLD else 0)
        line.textOut(piece.chars)
    if actual:
        line._code.append("EMC")
    canvas.drawText(line)
    canvas.restoreState()


def wrap(text: str, font: str, size: float, available: float) -> str:
    """`text` with line breaks (newlines) where a line laid out by `draw` or `markup` in `font`
    at `size` would exceed `available` points, broken at spaces in logical order. Text without
    right-to-left characters comes back unchanged: a Paragraph wraps it the same way itself."""
    if _plain(text):
        return text
    lines = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and width(candidate, font, size) > available:
                lines.append(current)
                candidate = word
            current = candidate
        lines.append(current)
    return "\n".join(lines)


def needs_layout(text: str) -> bool:
    """Whether `text` may print differently from how it reads: it has a character no bundled
    face has (printed as a missing-glyph box)."""
    return any(_unprintable(ch) for ch in text)


def identifiers_needing_layout(patient: Patient) -> tuple[str, ...]:
    """Which of the patient's name and identifier may print differently from how they read."""
    fields = (("the patient's name", patient.name), ("the patient's identifier",
                                                      patient.identifier))
    return tuple(what for what, text in fields if text and needs_layout(text))


def _plain(text: str) -> bool:
    """Whether `text` is drawn as written: nothing to order, shape or position."""
    return not any(_needs_layout_engine(ch) for ch in text)


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
        face, level = _face_for(ch), line_level[index]
        if logical and logical[-1][1] == index and logical[-1][2:] == (face, level):
            start = logical[-1][0]
            logical[-1] = (start, index + 1, face, level)
        else:
            logical.append((index, index + 1, face, level))
    return logical


def _run_pieces(line: str, start: int, end: int, face: str | None, level: int,
                bold: bool) -> list[Piece]:
    """The pieces of `line[start:end]`, one face at `level`, in drawing order."""
    right_to_left = level % 2 == 1
    chars = line[start:end]
    if not right_to_left and not any(_shaped_mark(ch) for ch in chars):
        return [Piece(bold_of(face) if face and bold else face, chars)]
    drawn = _drawing_face(face, bold)
    units = registered(drawn).unitsPerEm
    pieces = []
    for glyph in shape(drawn, line, start, end, right_to_left):
        rise = glyph.y_offset / units
        if glyph.x_offset:
            pieces.append(Piece(drawn, glyph_codes.shift(drawn, glyph.x_offset), rise))
        pieces.append(Piece(drawn, glyph_codes.char_for(drawn, glyph.id,
                                                        glyph.advance - glyph.x_offset), rise))
    return pieces


def _drawing_face(face: str | None, bold: bool) -> str:
    """The face that draws a shaped run: shaped glyphs belong to one exact face."""
    if face is None:
        return BOLD if bold else REGULAR
    return bold_of(face) if bold else face


def _merged(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if merged and (merged[-1].face, merged[-1].rise) == (piece.face, piece.rise):
            merged[-1] = Piece(piece.face, merged[-1].chars + piece.chars, piece.rise)
        else:
            merged.append(piece)
    return merged


def _piece_markup(piece: Piece) -> str:
    escaped = escape(piece.chars)
    if piece.rise:
        tag = "sup" if piece.rise > 0 else "sub"
        escaped = (f'<{tag} rise="{abs(piece.rise) * 100:.3f}%" size="100%">{escaped}'
                   f"</{tag}>")
    return escaped if piece.face is None else f'<font name="{piece.face}">{escaped}</font>'


@cache
def _unprintable(ch: str) -> bool:
    """Whether no bundled face has `ch` (it prints as a missing-glyph box)."""
    return _face_for(ch) is None and ord(ch) not in _dejavu_chars() and not _always_primary(ch)


@cache
def _face_for(ch: str) -> str | None:
    code = ord(ch)
    if _always_primary(ch):
        return None
    if any(low <= code <= high for low, high in _RIGHT_TO_LEFT_BLOCKS):
        face = _first_face_with(RIGHT_TO_LEFT, code)
        if face:
            return face
    if code in _dejavu_chars():
        return None
    return _first_face_with(FALLBACKS, code)


def _first_face_with(faces: tuple[str, ...], code: int) -> str | None:
    return next((face for face in faces if code in registered(face).charToGlyph), None)


@cache
def _dejavu_chars() -> frozenset[int]:
    """Code points both DejaVu faces have (the caller's face may be either)."""
    register_fonts()
    regular, bold = (registered(name).charToGlyph for name in (REGULAR, BOLD))
    return frozenset(regular.keys() & bold.keys())


def _always_primary(ch: str) -> bool:
    return unicodedata.category(ch) in _ALWAYS_PRIMARY


def _shaped_mark(ch: str) -> bool:
    return unicodedata.category(ch) in _MARKS and not _plain_mark(ch)


def _plain_mark(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in _PLAIN_MARK_BLOCKS)
