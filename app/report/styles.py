"""The letter's paragraph styles, built from a template's `[style]` table.

Style names used by the section writers: `body`, `small`, `muted`, `heading`,
`heading_open` (not kept with what follows), `title`,
`banner`, `banner_small`, `cell`, `cell_bold`, `letterhead`.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

from app.report.fonts import BOLD, REGULAR
from app.report.template import LetterStyle


def build_stylesheet(style: LetterStyle) -> StyleSheet1:
    sheet = StyleSheet1()
    text = colors.HexColor(style.text_colour)
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=style.font_size,
                          leading=style.leading, textColor=text, spaceAfter=2)
    small_leading = style.small_size * 1.25
    sheet.add(base)
    sheet.add(ParagraphStyle("small", parent=base, fontSize=style.small_size,
                             leading=small_leading, spaceAfter=1))
    sheet.add(ParagraphStyle("muted", parent=sheet["small"],
                             textColor=colors.HexColor(style.muted_colour)))
    sheet.add(ParagraphStyle("heading", parent=base, fontName=BOLD, fontSize=style.heading_size,
                             leading=style.heading_size * 1.3, spaceBefore=7, spaceAfter=3,
                             textColor=colors.HexColor(style.heading_colour), keepWithNext=1))
    sheet.add(ParagraphStyle("heading_open", parent=sheet["heading"], keepWithNext=0))
    sheet.add(ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=style.title_size,
                             leading=style.title_size * 1.25, spaceAfter=4))
    sheet.add(ParagraphStyle("letterhead", parent=sheet["small"], alignment=TA_RIGHT))
    banner_size = style.heading_size + 1
    sheet.add(ParagraphStyle("banner", parent=base, fontName=BOLD, fontSize=banner_size,
                             leading=banner_size * 1.3, textColor=colors.white, spaceAfter=0))
    sheet.add(ParagraphStyle("banner_small", parent=base, textColor=colors.white, spaceAfter=0))
    sheet.add(ParagraphStyle("cell", parent=base, spaceAfter=0, leading=style.font_size * 1.2))
    sheet.add(ParagraphStyle("cell_bold", parent=sheet["cell"], fontName=BOLD))
    return sheet
