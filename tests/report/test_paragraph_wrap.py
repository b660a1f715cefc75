"""Letter paragraphs break their lines once per width (a table wraps each cell twice), and
again whenever the width changes or a split dropped the lines."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from app.report.fonts import register_fonts
from app.report.markup import para
from app.report.styles import build_stylesheet
from app.report.template import template_for


def _body() -> ParagraphStyle:
    register_fonts()
    return build_stylesheet(template_for("gp").style)["body"]


def test_a_new_width_breaks_the_lines_again():
    paragraph = para("Numbness in the left great toe and weakness of ankle dorsiflexion " * 3,
                     _body())
    narrow = paragraph.wrap(120, 1000)
    wide = paragraph.wrap(400, 1000)
    assert wide[1] < narrow[1]
    assert paragraph.wrap(120, 1000) == narrow
    assert len(paragraph.blPara.lines) > 3


def test_lines_dropped_by_a_split_are_broken_again():
    paragraph = para("Left hip abduction weak (MRC 4-): expected with left L5 nerve root. " * 4,
                     _body())
    width, height = paragraph.wrap(200, 1000)
    del paragraph.blPara  # what Paragraph.split does when it moves the whole paragraph on
    assert paragraph.wrap(200, 1000) == (width, height)
    assert paragraph.blPara.lines
