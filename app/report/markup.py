"""The only place that turns text into ReportLab Paragraphs: every piece of text is escaped.

`Paragraph` parses its text as mini-XML, so raw user text can break the letter (`0<x<90` raises),
change it silently (`J&C` prints as `J&C;`) or inject markup (`<img src=...>` embeds a file).
Names, wording from templates and labels from the knowledge tables are all plain text here:
`xml.sax.saxutils.escape` runs on each of them, and the only markup (`<b>`, `<br/>`) comes from
the constants in this module. Newlines in text become line breaks. Characters DejaVu Sans lacks
(Chinese, Korean, ...) are wrapped in `<font name=...>` for a fallback face by
`app.report.font_runs.markup`, after escaping.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph

from app.report import font_runs
from app.report.fonts import BOLD


class Paragraph(paragraph.Paragraph):
    """A Paragraph that breaks its lines once per width. A table wraps each cell to measure
    its rows and again to draw them, at the same width; ReportLab's `wrap` depends only on the
    width, the text and the style (which never change here), but `split` may drop the lines
    it broke, so they are reused only while they are there."""

    _wrapped_width: float | None = None

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        if width != self._wrapped_width or "blPara" not in self.__dict__:
            super().wrap(width, height)
            self._wrapped_width = width
        return self.width, self.height


def plain(text: str, bold: bool = False) -> str:
    """`text` as Paragraph markup that prints it verbatim (`bold`: in bold text)."""
    return font_runs.markup(text, bold)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(plain(text, style.fontName == BOLD), style)


def rich(parts: Iterable[tuple[str, bool]], style: ParagraphStyle) -> Paragraph:
    """One paragraph from (text, bold) pieces, e.g. a bold label followed by plain text."""
    markup = "".join(f"<b>{plain(text, True)}</b>" if bold else plain(text, style.fontName == BOLD)
                     for text, bold in parts)
    return Paragraph(markup, style)


def lines(texts: Iterable[str], style: ParagraphStyle) -> Paragraph:
    """Several lines of text in one paragraph, one per line."""
    return Paragraph("<br/>".join(plain(t, style.fontName == BOLD) for t in texts), style)
