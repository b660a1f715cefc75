"""Shaped names print exactly where HarfBuzz puts their glyphs (issue 5, "any Unicode name prints
exactly"): vowelled Arabic, pointed Hebrew, Devanagari, Thai, and digits between right-to-left
words, on the canvas (page header) and inside Paragraphs (addresses block), regular and bold.

The oracle is a reference drawing made without the letter's layout: each word shaped on its own
by HarfBuzz (uharfbuzz) and each glyph drawn by itself at HarfBuzz's pen position plus offsets,
the words in the visual order UAX #9 gives (written out by hand below). Both are rendered by
PDFium and compared pixel by pixel; the same comparison tells an unshaped drawing apart.
"""

from __future__ import annotations

import io
import unicodedata

import numpy
import pypdfium2
import pytest
import uharfbuzz
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from app.report import glyph_codes
from app.report.bidi_levels import levels, line_levels, visual_order
from app.report.font_runs import draw, markup, width, wrap
from app.report.fonts import BOLD, REGULAR, bold_of, font_file, register_fonts, registered
from app.report.line_layout import laid_out
from tests.report.conftest import pages_text

SIZE = 20.0
X, BASELINE = 20.0, 30.0
PAGE = (400.0, 60.0)
PIXELS_PER_POINT = 4
AR, HE = "NotoSansArabic", "NotoSansHebrew"
# name -> its words in visual order, left to right: (text, face, right to left)
CASES = {
    "arabic_harakat": ("مُحَمَّد", [("مُحَمَّد", AR, True)]),
    "hebrew_points": ("שָׁלוֹם", [("שָׁלוֹם", HE, True)]),
    "devanagari_vowel_signs_and_conjunct": ("क्षत्रिय", [("क्षत्रिय", "NotoSansDevanagari", False)]),
    "thai_tone_marks": ("สมศักดิ์", [("สมศักดิ์", "NotoSansThai", False)]),
    # UAX #9: W2 makes European digits after Arabic letters Arabic numbers; numbers sit at an
    # even level inside the right-to-left run, so they read left to right between the words.
    "arabic_words_around_digits": ("مُحَمَّد ١٢٣ عَلِي", [
        ("عَلِي", AR, True), (" ", REGULAR, True), ("١٢٣", AR, False), (" ", REGULAR, True),
        ("مُحَمَّد", AR, True)]),
    "hebrew_words_around_digits": ("שָׁלוֹם 12 כהן", [
        ("כהן", HE, True), (" ", REGULAR, True), ("12", REGULAR, False), (" ", REGULAR, True),
        ("שָׁלוֹם", HE, True)]),
}


def _pdf(paint) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=PAGE, invariant=1)
    paint(canvas)
    canvas.save()
    return out.getvalue()


def _pixels(pdf: bytes) -> numpy.ndarray:
    page = pypdfium2.PdfDocument(pdf)[0]
    return numpy.asarray(page.render(scale=PIXELS_PER_POINT, grayscale=True).to_pil(),
                         dtype=int)


def _differing(a: bytes, b: bytes) -> float:
    """The share of pixels whose grey differs by more than a quarter of the range."""
    return float((numpy.abs(_pixels(a) - _pixels(b)) > 64).mean())


def _weight(face: str, bold: bool) -> str:
    return bold_of(face) if bold else face


def _reference(words: list[tuple[str, str, bool]], bold: bool) -> bytes:
    """Each word shaped alone, each glyph drawn alone at HarfBuzz's position."""
    def paint(canvas: Canvas) -> None:
        pen = X
        for text, face, right_to_left in words:
            face = _weight(face, bold)
            units = registered(face).unitsPerEm
            font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(
                str(font_file(face)))))
            buffer = uharfbuzz.Buffer()
            buffer.add_str(text)
            buffer.guess_segment_properties()
            buffer.direction = "rtl" if right_to_left else "ltr"
            uharfbuzz.shape(font, buffer, {})
            canvas.setFont(face, SIZE)
            for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
                scale = SIZE / units
                own = font.get_glyph_h_advance(info.codepoint) * 1000 / units
                char = glyph_codes.char_for(face, info.codepoint, own)
                canvas.drawString(pen + position.x_offset * scale,
                                  BASELINE + position.y_offset * scale, char)
                pen += position.x_advance * scale
    return _pdf(paint)


def _on_canvas(name: str, bold: bool) -> bytes:
    return _pdf(lambda canvas: draw(canvas, X, BASELINE, name, BOLD if bold else REGULAR, SIZE))


def _in_paragraph(name: str, bold: bool) -> bytes:
    style = ParagraphStyle("name", fontName=BOLD if bold else REGULAR, fontSize=SIZE,
                           leading=SIZE * 1.2)

    def paint(canvas: Canvas) -> None:
        paragraph = Paragraph(markup(name, bold), style)
        _, height = paragraph.wrap(PAGE[0] - X, PAGE[1])
        paragraph.drawOn(canvas, X, BASELINE - height + SIZE)  # first baseline at BASELINE
    return _pdf(paint)


def _as_written(name: str, face: str) -> bytes:
    """The characters in logical order, unshaped: what ReportLab alone would print."""
    return _pdf(lambda canvas: (canvas.setFont(face, SIZE),
                                canvas.drawString(X, BASELINE, name)))


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
@pytest.mark.parametrize("drawing", [_on_canvas, _in_paragraph], ids=["canvas", "paragraph"])
@pytest.mark.parametrize(("name", "words"), CASES.values(), ids=CASES.keys())
def test_name_prints_at_harfbuzz_glyph_positions(name, words, drawing, bold):
    printed, reference = drawing(name, bold), _reference(words, bold)
    assert (_pixels(reference) < 128).sum() > 100  # the reference has ink
    assert _differing(printed, reference) == 0.0


@pytest.mark.parametrize(("name", "words"), CASES.values(), ids=CASES.keys())
def test_the_comparison_tells_an_unshaped_drawing_apart(name, words):
    unshaped = _as_written(name, words[-1][1])
    assert _differing(unshaped, _reference(words, False)) > 0.0003  # Thai: about 0.0007


def test_vowel_marks_are_raised_or_lowered_by_harfbuzz_offsets():
    assert any(piece.rise for piece in laid_out("مُحَمَّد"))
    assert any(piece.rise for piece in laid_out("مُحَمَّد", bold=True))


def test_bold_text_is_laid_out_in_the_bold_faces():
    assert {piece.face for piece in laid_out("مُحَمَّد علي", bold=True)} == {
        "NotoSansArabic-Bold", "DejaVuSans-Bold"}
    assert {piece.face for piece in laid_out("김민준 देव", bold=True)} == {
        "NanumGothic-Bold", "DejaVuSans-Bold", "NotoSansDevanagari-Bold"}
    assert '<font name="NotoSansArabic-Bold">' in markup("مُحَمَّد", bold=True)


def test_bold_cjk_prints_in_the_emboldened_droid_face_at_the_regular_advances():
    """Droid Sans Fallback has no bold; its synthetic bold (scripts/embolden_cjk_font.py) keeps
    the advances, so a bold CJK name is as wide as a regular one."""
    assert laid_out("王秀英", bold=True)[0].face == "DroidSansFallbackFull-Bold"
    assert width("王秀英", BOLD, SIZE) == width("王秀英", REGULAR, SIZE)
    assert '<font name="DroidSansFallbackFull-Bold">王秀英</font>' in markup("王秀英", bold=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("abc אבג 12 דה", "abc הד 12 גבא"),  # numbers keep their order inside right-to-left text
    ("אבג-דה", "הד-גבא"),  # punctuation between right-to-left words takes their direction
    ("abc (אבג) def", "abc (גבא) def"),
    # In a right-to-left isolate the Latin word stays left to right, left of the Hebrew one.
    ("\u2067אבג def\u2069 x", "\u2067def גבא\u2069 x"),
])
def test_lines_are_ordered_by_the_bidirectional_algorithm(text, expected):
    order = visual_order(line_levels(text, levels(text)))
    assert "".join(text[index] for index in order) == expected


def test_whitespace_at_the_end_of_a_line_returns_to_the_paragraph_level():
    """UAX #9 rule L1: a wrapped line's trailing space stays at the line's right end."""
    text = "אבג דה "
    assert line_levels(text, levels(text)) == [1, 1, 1, 1, 1, 1, 0]


LONG_NAME = "عبد الرحمن بن محمد بن عبد الله بن إبراهيم بن سليمان آل الشيخ"


def test_a_long_right_to_left_name_is_broken_in_reading_order_and_each_line_fits():
    wrapped = wrap(LONG_NAME, REGULAR, 10, 120)
    lines = wrapped.split("\n")
    assert len(lines) >= 2
    assert " ".join(lines) == LONG_NAME
    assert lines[0].startswith("عبد الرحمن")
    assert all(width(line, REGULAR, 10) <= 120 for line in lines)
    assert markup(wrapped).count("<br/>") == len(lines) - 1
    assert wrap("Zoë O'Brien-Smythe", REGULAR, 10, 20) == "Zoë O'Brien-Smythe"  # left alone


def test_a_wrapped_right_to_left_name_starts_on_the_first_line_of_the_letter(
        exam_with, letter_for):
    """The addresses column is narrow: the first words read on the first line, at its right.
    pypdf reads each line in drawing order (left to right), each word in logical spelling."""
    pdf = letter_for(exam_with(name=LONG_NAME + " الحسيني"), "spinal_surgery")
    block = pages_text(pdf)[0].split("Patient\n", 1)[1]
    first, second = (unicodedata.normalize("NFKC", line) for line in block.split("\n")[:2])
    assert first.endswith("عبد")  # the first word, rightmost on the first line
    assert "الحسيني" in second and "الحسيني" not in first


_SCRIPTS = st.sampled_from("abc 12 -()مُحَّد١ שָׁל क्षि สักดิ์ 王\u200e\u200f\u2067\u2069\u202b\u202c"
                           "\u200d\u200c\n")


@given(st.lists(_SCRIPTS | st.characters(), max_size=25).map("".join))
def test_any_text_lays_out_with_widths_no_pdf_viewer_misreads(text):
    """Widths are never negative (PDFium reads them unsigned) and the markup parses."""
    register_fonts()
    for bold in (False, True):
        for line in text.split("\n"):
            for piece in laid_out(line, bold):
                if piece.face is not None:
                    tables = registered(piece.face)
                    assert all(tables.charWidths.get(ord(ch), tables.defaultWidth) >= 0
                               for ch in piece.chars)
        style = ParagraphStyle("any", fontName=BOLD if bold else REGULAR, fontSize=10)
        Paragraph(markup(text, bold), style).wrap(200, 1000)
