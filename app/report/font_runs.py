"""Which bundled face prints each character of a text, and whether the letter can lay it out.

Every text that enters the PDF (Paragraph markup via `markup`, canvas lines via `draw`) is split
into runs of characters printed by one face: the caller's DejaVu face (regular or bold) when
DejaVu has the glyph, otherwise the first of `fonts.FALLBACKS` that has it (Chinese, Japanese,
Korean, Devanagari, Thai). A character no bundled face has stays in the caller's face and prints
as its missing-glyph box. Whitespace and control characters always stay in the caller's face.

`markup` escapes each run with `xml.sax.saxutils.escape` before wrapping fallback runs in
`<font name="...">`, whose names are this module's constants: user text can never open a tag.

ReportLab (without the optional uharfbuzz and rlbidi) neither reorders right-to-left text nor
shapes scripts whose marks or letters change with their neighbours. `needs_layout` says when a
text has such characters (or characters no face has); `identifiers_needing_layout` applies it
to the patient's name and identifier, so the letter can say (next to the identifiers) that the
printed name may differ from the recorded one, and the CLI and the app can warn.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.domain.exam import Patient
from app.report.fonts import BOLD, FALLBACKS, REGULAR, register_fallback_fonts, register_fonts

Run = tuple[str | None, str]  # (fallback face, or None for the caller's face; characters)

_ALWAYS_PRIMARY = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
_RIGHT_TO_LEFT = frozenset({"R", "AL", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "PDF", "PDI"})
_MARKS = frozenset({"Mn", "Mc", "Me"})
# Combining diacritics that sit on Latin, Greek or Cyrillic letters without shaping (DejaVu
# positions them itself): decomposed "é" or Vietnamese stacked accents print as intended.
_PLAIN_MARK_BLOCKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF),
                      (0xFE20, 0xFE2F))


def runs(text: str) -> list[Run]:
    """`text` cut into runs of one face each, in order; joined they give `text` back."""
    return [(face, "".join(chars)) for face, chars in groupby(text, key=_face_for)]


def markup(text: str) -> str:
    """`text` as Paragraph markup that prints it verbatim, each character in a face that has it."""
    parts = []
    for face, chars in runs(text):
        escaped = escape(chars).replace("\n", "<br/>")
        parts.append(escaped if face is None else f'<font name="{face}">{escaped}</font>')
    return "".join(parts)


def width(text: str, font: str, size: float) -> float:
    """The width in points of `text` drawn by `draw` in `font` at `size`."""
    return sum(stringWidth(chars, face or font, size) for face, chars in runs(text))


def draw(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw `text` from `x` on baseline `y`, fallback runs in their faces (no markup parsing).

    One text object for the whole line, so text extraction reads it back as one line."""
    line = canvas.beginText(x, y)
    for face, chars in runs(text):
        line.setFont(face or font, size)
        line.textOut(chars)
    canvas.drawText(line)


def needs_layout(text: str) -> bool:
    """Whether `text` may print differently from how it reads: right-to-left characters,
    marks that need shaping (Arabic, Devanagari, Thai, ...), or characters no bundled face has."""
    return any(_needs_layout(ch) for ch in text)


def identifiers_needing_layout(patient: Patient) -> tuple[str, ...]:
    """Which of the patient's name and identifier may print differently from how they read."""
    fields = (("the patient's name", patient.name), ("the patient's identifier",
                                                      patient.identifier))
    return tuple(what for what, text in fields if text and needs_layout(text))


@cache
def _needs_layout(ch: str) -> bool:
    if unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT:
        return True
    if unicodedata.category(ch) in _MARKS and not _plain_mark(ch):
        return True
    face = _face_for(ch)
    return face is None and ord(ch) not in _dejavu_chars() and not _always_primary(ch)


@cache
def _face_for(ch: str) -> str | None:
    code = ord(ch)
    if code in _dejavu_chars() or _always_primary(ch):
        return None
    register_fallback_fonts()
    for face in FALLBACKS:
        if code in pdfmetrics.getFont(face).face.charToGlyph:
            return face
    return None


@cache
def _dejavu_chars() -> frozenset[int]:
    """Code points both DejaVu faces have (the caller's face may be either)."""
    register_fonts()
    regular, bold = (pdfmetrics.getFont(name).face.charToGlyph for name in (REGULAR, BOLD))
    return frozenset(regular.keys() & bold.keys())


def _always_primary(ch: str) -> bool:
    return unicodedata.category(ch) in _ALWAYS_PRIMARY


def _plain_mark(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in _PLAIN_MARK_BLOCKS)
