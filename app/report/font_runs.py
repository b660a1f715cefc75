"""How any text enters the letter: Paragraph markup, canvas lines, widths, line breaks, warnings.

Every text that enters the PDF (Paragraph markup via `markup`, canvas lines via `draw`) is laid
out line by line by `line_layout`: each character in a bundled face that has it
(`script_faces`), right-to-left text ordered by the Unicode Bidirectional Algorithm, complex
scripts shaped by HarfBuzz and every glyph drawn at HarfBuzz's position. Plain lines (Latin,
Greek, Cyrillic, Vietnamese, CJK, Korean) skip all of that and cost what they did before.

`markup` escapes each piece with `xml.sax.saxutils.escape` before wrapping it in tags whose
names and attribute values are constants or numbers from this module: user text can never open
a tag. `bold=True` lays the text out in the bold faces (Paragraph `<b>` cannot swap faces under
shaped glyphs, whose positions differ between weights).

`wrap` breaks a text into lines in logical order before each is laid out (UAX #9 L1–L2 per
line), so a right-to-left name that wraps starts on its first line. Like every PDF writer, the
letter draws text in visual order; extractors put right-to-left words back in reading order, and
shaped glyphs without a character of their own read back as private-use characters.
`needs_layout` says when a text may still print differently from how it reads: only when a
character has no bundled face. `identifiers_needing_layout` applies it to the patient's name
and identifier, so the letter can add a note and the CLI and the app can warn.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.domain.exam import Patient
from app.report.fonts import BOLD
from app.report.line_layout import Piece, is_plain, laid_out
from app.report.script_faces import unprintable


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
    """Draw `text` laid out from `x` on baseline `y` (no markup parsing), in one text object."""
    line = canvas.beginText(x, y)
    rise = 0.0
    for piece in laid_out(text, font == BOLD):
        line.setFont(piece.face or font, size)
        if piece.rise != rise:
            rise = piece.rise
            line.setRise(rise * size)
        line.textOut(piece.chars)
    if rise:
        line.setRise(0)
    canvas.drawText(line)


def wrap(text: str, font: str, size: float, available: float) -> str:
    """`text` with line breaks (newlines) where a line laid out in `font` at `size` would exceed
    `available` points, broken at spaces in logical order. Text that needs no layout comes back
    unchanged: a Paragraph wraps it the same way itself."""
    if is_plain(text):
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
    return any(unprintable(ch) for ch in text)


def identifiers_needing_layout(patient: Patient) -> tuple[str, ...]:
    """Which of the patient's name and identifier may print differently from how they read."""
    fields = (("the patient's name", patient.name), ("the patient's identifier",
                                                      patient.identifier))
    return tuple(what for what, text in fields if text and needs_layout(text))


def _piece_markup(piece: Piece) -> str:
    escaped = escape(piece.chars)
    if piece.rise:
        tag = "sup" if piece.rise > 0 else "sub"
        escaped = (f'<{tag} rise="{abs(piece.rise) * 100:.4f}%" size="100%">{escaped}'
                   f"</{tag}>")
    return escaped if piece.face is None else f'<font name="{piece.face}">{escaped}</font>'
