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
from reportlab.platypus import Paragraph

from app.report import font_runs


def plain(text: str) -> str:
    """`text` as Paragraph markup that prints it verbatim."""
    return font_runs.markup(text)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(plain(text), style)


def rich(parts: Iterable[tuple[str, bool]], style: ParagraphStyle) -> Paragraph:
    """One paragraph from (text, bold) pieces, e.g. a bold label followed by plain text."""
    markup = "".join(f"<b>{plain(text)}</b>" if bold else plain(text) for text, bold in parts)
    return Paragraph(markup, style)


def lines(texts: Iterable[str], style: ParagraphStyle) -> Paragraph:
    """Several lines of text in one paragraph, one per line."""
    return Paragraph("<br/>".join(plain(t) for t in texts), style)
