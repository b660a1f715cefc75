"""`NumberedCanvas`: every page carries the patient's identifiers and "Page n of N".

Two passes, as in ReportLab's recipe (ActiveState 576832, pretix): `showPage` keeps each page's
state instead of emitting it, and `save` draws the header and footer on every kept page once
the total is known. The header names the patient (name, date of birth, identifier) so a loose
page is never anonymous; the footer repeats the identifier beside "Page n of N". Text drawn on
the canvas is not parsed as markup, so names need no escaping here; a long line is shrunk to fit.
Characters DejaVu lacks are drawn in a fallback face (`app.report.font_runs.draw`).

Page streams are Flate-compressed at zlib level `PAGE_COMPRESSION_LEVEL`, without ReportLab's
ASCII85 wrapping (`rl_config.useA85`, meant for 7-bit channels, adds a quarter): the body
chart's page holds ~250 KB of path operators, which zlib's default level 6 takes ~14 ms to
squeeze into 62 KB (78 KB once wrapped); level 3 takes ~5 ms for 70 KB.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfdoc import PDFPage, PDFStream
from reportlab.pdfgen.canvas import Canvas

from app.report import font_runs
from app.report.fonts import BOLD, REGULAR

MIN_FONT_SIZE = 4.0
PAGE_COMPRESSION_LEVEL = 3


@dataclass(frozen=True)
class PageMarks:
    """What goes on every page, already worded by the template."""

    identity: str  # e.g. "Zoë O'Brien · DOB 02-Mar-1980 · ID CL-00417"
    page_label: str  # e.g. "Page {page} of {pages}" pieces: "Page", "of"
    of_label: str
    footer_left: str  # e.g. "Referral letter – confidential"
    font_size: float
    rule_colour: str
    margin_left: float
    margin_right: float
    header_y: float  # distance of the header baseline from the top edge
    footer_y: float  # distance of the footer baseline from the bottom edge


class NumberedCanvas(Canvas):
    def __init__(self, *args: Any, marks: PageMarks, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._marks = marks
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_marks(number, total)
            super().showPage()
            _compress_page(self._doc.Pages.pages[-1])
        super().save()

    def _draw_marks(self, number: int, total: int) -> None:
        marks = self._marks
        width, height = self._pagesize
        usable = width - marks.margin_left - marks.margin_right
        self.saveState()
        top = height - marks.header_y
        self._fit(BOLD, marks.identity, marks.margin_left, top, usable)
        self.setStrokeColor(colors.HexColor(marks.rule_colour))
        self.setLineWidth(0.5)
        self.line(marks.margin_left, top - 3, width - marks.margin_right, top - 3)
        page_text = f"{marks.page_label} {number} {marks.of_label} {total}"
        page_width = font_runs.width(page_text, REGULAR, marks.font_size)
        self.setFont(REGULAR, marks.font_size)
        self.drawRightString(width - marks.margin_right, marks.footer_y, page_text)
        self._fit(REGULAR, marks.footer_left, marks.margin_left, marks.footer_y,
                  usable - page_width - 12)
        self.restoreState()

    def _fit(self, font: str, text: str, x: float, y: float, available: float) -> None:
        """Draw `text` at the template size, smaller if needed to fit `available` points."""
        size = self._marks.font_size
        natural = font_runs.width(text, font, size)
        if natural > available:
            size = max(MIN_FONT_SIZE, size * available / natural)
        font_runs.draw(self, x, y, text, font, size)


class _FastFlate:
    """A PDF stream filter: Flate at `PAGE_COMPRESSION_LEVEL` (ReportLab's own uses level 6)."""

    pdfname = "FlateDecode"

    def encode(self, content: str | bytes) -> bytes:
        data = content.encode("utf8") if isinstance(content, str) else content
        return zlib.compress(data, PAGE_COMPRESSION_LEVEL)


def _compress_page(page: PDFPage) -> None:
    """Give the page its content stream now, with `_FastFlate` as the only filter (ReportLab
    makes one with its own filters when the document is written, unless the page has one)."""
    stream = PDFStream(content=page.stream, filters=[_FastFlate()])
    stream.__Comment__ = "page stream"
    page.Contents = stream
