"""Which bundled face prints each character of a text, and whether the letter can lay it out.

Every text that enters the PDF (Paragraph markup via `markup`, canvas lines via `draw`) is split
into runs of characters printed by one face: the caller's DejaVu face (regular or bold) when
DejaVu has the glyph, otherwise the first of `fonts.FALLBACKS` that has it (Chinese, Japanese,
Korean, Devanagari, Thai). A character no bundled face has stays in the caller's face and prints
as its missing-glyph box. Whitespace and control characters always stay in the caller's face.

`markup` escapes each run with `xml.sax.saxutils.escape` before wrapping fallback runs in
`<font name="...">`, whose names are this module's constants: user text can never open a tag.

Arabic and Hebrew characters are tried in `fonts.RIGHT_TO_LEFT` first. ReportLab itself neither
reorders right-to-left text (that needs rlbidi, which is not on PyPI) nor shapes outside its
opt-in Paragraph shaping, so this module lays text out itself before drawing: `laid_out_runs`
gives the runs in drawing order (left to right). A right-to-left segment (Arabic or Hebrew
letters and their marks, with the single spaces between words) is drawn after reversing its runs
and shaping each with HarfBuzz (uharfbuzz) right to left: joined Arabic forms, in visual order.
A left-to-right run holding marks that need shaping (Devanagari, Thai) is shaped left to right.
A shaped run is drawn as the characters that map to HarfBuzz's glyphs (a private-use code point
is added to the face for a glyph no character maps to), so it is drawn exactly only when
HarfBuzz moves no glyph off its own advance; otherwise the run is drawn as written.

`needs_layout` says when a text may still print differently from how it reads: a shaped run
that needed glyph offsets, digits or punctuation inside right-to-left text (whose bidirectional
order this module does not resolve), explicit direction controls, or characters no face has.
`identifiers_needing_layout` applies it to the patient's name and identifier, so the letter can
say (next to the identifiers) that the printed name may differ from the recorded one, and the
CLI and the app can warn. Text drawn from shaped glyphs reads back from the PDF in visual order,
as presentation forms or private-use characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import groupby
from xml.sax.saxutils import escape

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.domain.exam import Patient
from app.report.fonts import (
    BOLD,
    FALLBACKS,
    REGULAR,
    RIGHT_TO_LEFT,
    fallback_file,
    register_fallback_fonts,
    register_fonts,
)

Run = tuple[str | None, str]  # (fallback face, or None for the caller's face; characters)

_ALWAYS_PRIMARY = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
_STRONG_RIGHT_TO_LEFT = frozenset({"R", "AL"})
_DIRECTION_CONTROLS = frozenset({"RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "PDF", "PDI"})
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM
_NUMBERS = frozenset({"EN", "AN"})
_MARKS = frozenset({"Mn", "Mc", "Me"})
# Combining diacritics that sit on Latin, Greek or Cyrillic letters without shaping (DejaVu
# positions them itself): decomposed "é" or Vietnamese stacked accents print as intended.
_PLAIN_MARK_BLOCKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF),
                      (0xFE20, 0xFE2F))
# Hebrew, Arabic (with supplements and presentation forms): printed in `RIGHT_TO_LEFT` faces.
_RIGHT_TO_LEFT_BLOCKS = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
# A right-to-left segment over a mask of the text ("R" letter, "m" mark, " " space, "x" other).
_SEGMENT = re.compile(r"R[Rm]*(?: +R[Rm]*)*")
_PRIVATE_USE = range(0xE000, 0xF900)


@dataclass(frozen=True)
class _Layout:
    runs: tuple[Run, ...]  # in drawing order, left to right
    exact: bool  # whether drawing `runs` prints the text as it reads


def runs(text: str) -> list[Run]:
    """`text` cut into runs of one face each, in order; joined they give `text` back."""
    return [(face, "".join(chars)) for face, chars in groupby(text, key=_face_for)]


def laid_out_runs(text: str) -> list[Run]:
    """`text` as runs of one face each in drawing order (left to right), shaped where needed."""
    return list(_layout(text).runs)


def markup(text: str) -> str:
    """`text` as Paragraph markup that prints it laid out, each character in a face that has it."""
    parts = []
    for face, chars in laid_out_runs(text):
        escaped = escape(chars).replace("\n", "<br/>")
        parts.append(escaped if face is None else f'<font name="{face}">{escaped}</font>')
    return "".join(parts)


def width(text: str, font: str, size: float) -> float:
    """The width in points of `text` drawn by `draw` in `font` at `size`."""
    return sum(stringWidth(chars, face or font, size) for face, chars in laid_out_runs(text))


def draw(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw `text` laid out from `x` on baseline `y`, fallback runs in their faces (no markup
    parsing). One text object for the whole line, so text extraction reads it back as one line."""
    line = canvas.beginText(x, y)
    for face, chars in laid_out_runs(text):
        line.setFont(face or font, size)
        line.textOut(chars)
    canvas.drawText(line)


def needs_layout(text: str) -> bool:
    """Whether `text` may print differently from how it reads (see the module docstring)."""
    return not _layout(text).exact


def identifiers_needing_layout(patient: Patient) -> tuple[str, ...]:
    """Which of the patient's name and identifier may print differently from how they read."""
    fields = (("the patient's name", patient.name), ("the patient's identifier",
                                                      patient.identifier))
    return tuple(what for what, text in fields if text and needs_layout(text))


@lru_cache(maxsize=4096)
def _layout(text: str) -> _Layout:
    segments = _segments(text)
    exact = _order_resolved(text, segments) and not any(_unprintable(ch) for ch in text)
    laid_out: list[Run] = []
    for chunk, right_to_left in segments:
        chunk_runs = runs(chunk)
        for face, chars in reversed(chunk_runs) if right_to_left else chunk_runs:
            if not any(_right_to_left(ch) or _shaped_mark(ch) for ch in chars):
                laid_out.append((face, chars))
                continue
            shaped = _shaped(face, chars, right_to_left) if face else None
            exact = exact and shaped is not None
            laid_out.append((face, chars if shaped is None else shaped))
    return _Layout(tuple(laid_out), exact)


def _segments(text: str) -> list[tuple[str, bool]]:
    """`text` cut into chunks in logical order, each with whether it is a right-to-left segment."""
    mask = "".join(_mask(ch) for ch in text)
    chunks: list[tuple[str, bool]] = []
    start = 0
    for match in _SEGMENT.finditer(mask):
        if match.start() > start:
            chunks.append((text[start:match.start()], False))
        chunks.append((text[match.start():match.end()], True))
        start = match.end()
    if start < len(text):
        chunks.append((text[start:], False))
    return chunks


def _mask(ch: str) -> str:
    if _right_to_left(ch):
        return "R"
    if unicodedata.bidirectional(ch) == "NSM":
        return "m"
    return " " if ch == " " else "x"


def _order_resolved(text: str, segments: list[tuple[str, bool]]) -> bool:
    """Whether drawing the segments' runs (right-to-left ones reversed) gives the order the
    Unicode bidirectional algorithm gives `text` in a left-to-right paragraph."""
    if any(unicodedata.bidirectional(ch) in _DIRECTION_CONTROLS or ch in _DIRECTION_MARKS
           for ch in text):
        return False
    if not any(right_to_left for _, right_to_left in segments):
        return True
    if any(unicodedata.bidirectional(ch) in _NUMBERS for ch in text):
        return False
    # Between two right-to-left segments, only a left-to-right letter keeps them apart.
    between = [chunk for index, (chunk, right_to_left) in enumerate(segments)
               if not right_to_left and 0 < index < len(segments) - 1]
    return all(any(unicodedata.bidirectional(ch) == "L" for ch in chunk) for chunk in between)


@cache
def _shaped(face: str, chars: str, right_to_left: bool) -> str | None:
    """The characters that draw HarfBuzz's glyphs for `chars` in `face`, in visual order; None
    when HarfBuzz moves a glyph off its own advance (drawing uses the advances only)."""
    font = _harfbuzz_font(face)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(chars)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if right_to_left else "ltr"
    uharfbuzz.shape(font, buffer, {})
    drawn = []
    for glyph, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        if (position.x_offset or position.y_offset or position.y_advance
                or position.x_advance != font.get_glyph_h_advance(glyph.codepoint)):
            return None
        drawn.append(_char_for_glyph(face, glyph.codepoint))
    return "".join(drawn)


@cache
def _harfbuzz_font(face: str) -> uharfbuzz.Font:
    return uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(fallback_file(face)))))


def _char_for_glyph(face: str, glyph: int) -> str:
    """A character the registered `face` draws as `glyph`: one its cmap maps there, otherwise a
    private-use code point added to the face (so ReportLab embeds and measures the glyph)."""
    tables = pdfmetrics.getFont(face).face
    mapped = tables.glyphToChar.get(glyph)
    if mapped:
        return chr(mapped[0])
    code = next(code for code in _PRIVATE_USE if code not in tables.charToGlyph)
    tables.charToGlyph[code] = glyph
    tables.glyphToChar[glyph] = [code]
    advance = _harfbuzz_font(face).get_glyph_h_advance(glyph)
    tables.charWidths[code] = advance * 1000 / tables.unitsPerEm
    return chr(code)


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
    register_fallback_fonts()
    return next((face for face in faces if code in pdfmetrics.getFont(face).face.charToGlyph),
                None)


@cache
def _dejavu_chars() -> frozenset[int]:
    """Code points both DejaVu faces have (the caller's face may be either)."""
    register_fonts()
    regular, bold = (pdfmetrics.getFont(name).face.charToGlyph for name in (REGULAR, BOLD))
    return frozenset(regular.keys() & bold.keys())


def _always_primary(ch: str) -> bool:
    return unicodedata.category(ch) in _ALWAYS_PRIMARY


def _right_to_left(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in _STRONG_RIGHT_TO_LEFT and not _always_primary(ch)


def _shaped_mark(ch: str) -> bool:
    return unicodedata.category(ch) in _MARKS and not _plain_mark(ch)


def _plain_mark(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in _PLAIN_MARK_BLOCKS)
