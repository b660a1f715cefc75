"""Names in any script (issue 5): characters DejaVu Sans lacks print in a bundled fallback face and
read back exactly; Arabic and Hebrew names print joined and right to left (HarfBuzz's glyphs, in
its visual order); vowelled, bidirectional and complex-script names are laid out without a note
(their glyph positions are checked in test_letter_shaping.py); only a name with a character no
bundled face has carries a note beside the identifiers and a CLI warning; escaping is
unchanged."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pypdfium2
import pytest
import uharfbuzz
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from app.cli.main import main
from app.report import Sender
from app.report.font_runs import identifiers_needing_layout, markup, needs_layout, width
from app.report.fonts import font_file
from app.report.line_layout import Piece, laid_out
from app.report.script_faces import runs
from tests.conftest import SHARED_EXAMPLES
from tests.report.conftest import flat, pages_text

EXACT_NAMES = {
    "chinese": "王秀英",
    "japanese": "山田 はなこ（ヤマダ）",
    "korean": "김민준",
    "greek": "Ελένη Παπαδοπούλου",
    "cyrillic": "Щербакова Дарья",
    "polish": "Łucja Żółkiewska-Wąs",
    "vietnamese": "Nguyễn Thị Ánh Tuyết",
    "vietnamese_decomposed": unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết"),
    "mixed": "Anna 山田 Kim 김민준",
}
RIGHT_TO_LEFT_NAMES = {"arabic": ("محمد علي", "NotoSansArabic"),
                       "hebrew": ("דוד כהן", "NotoSansHebrew")}
LAID_OUT_EXACTLY = {
    "arabic_vowel_marks": "مُحَمَّد",  # harakat placed by HarfBuzz's glyph offsets
    "hebrew_points": "כֹּהֵן",
    "arabic_with_digits": "مُحَمَّد ١٢٣ عَلِي",  # numbers ordered by the bidi algorithm
    "hebrew_with_digits": "שָׁלוֹם 12 כהן",
    "rtl_words_split_by_punctuation": "محمد-علي",
    "devanagari": "देवनागरी क्षत्रिय",  # vowel signs reordered, conjuncts formed
    "thai_tone_mark": "สมศักดิ์",
    "direction_controls": "\u2067محمد\u2069 Smith",  # an isolate: controls steer, are not drawn
}
NOT_LAID_OUT = {
    "no_bundled_face": "𠀀",  # CJK extension B: no bundled face has it
    "no_bundled_face_in_a_latin_name": "Anna 𠀀 Kim",
}
NOTE = "The name contains characters this letter cannot lay out"


def _embedded_fonts(pdf: bytes) -> set[str]:
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return fonts


@pytest.mark.parametrize("name", EXACT_NAMES.values(), ids=EXACT_NAMES.keys())
def test_name_reads_back_exactly_in_the_header_of_every_page_and_the_identity_block(
        name, exam_with, letter_for):
    pages = pages_text(letter_for(exam_with(name=name), "spinal_surgery"))
    assert len(pages) >= 2
    assert pages[0].count(name) >= 2  # header and the addresses block
    assert all(name in page for page in pages)
    assert NOTE not in flat(" ".join(pages))


def test_identifier_and_clinic_details_in_cjk_read_back_exactly(exam_with, letter_for):
    sender = Sender(name="李医生", profession="物理治疗师", registration="PH-注册-1",
                    clinic="仁爱诊所", address="서울 종로구 1", phone="01234 567890")
    pdf = letter_for(exam_with(name="王秀英", identifier="患者-0042"), "spinal_surgery",
                     sender=sender)
    pages = pages_text(pdf)
    assert all("患者-0042" in page for page in pages)  # header and footer of every page
    text = "".join(pages)
    for detail in ("李医生", "物理治疗师", "PH-注册-1", "仁爱诊所", "서울 종로구 1"):
        assert detail in text


def test_fallback_faces_are_embedded_only_when_needed(exam_with, letter_for):
    latin = letter_for(exam_with(name="Zoë O'Brien"), "spinal_surgery")
    chinese = letter_for(exam_with(name="王秀英"), "spinal_surgery")
    primary = {"DejaVuSans", "DejaVuSans-Bold", "Helvetica"}  # Helvetica: ReportLab's default
    assert _embedded_fonts(latin) == primary
    # PostScript names: the bold header draws the name in the emboldened face.
    assert _embedded_fonts(chinese) - primary == {"DroidSansFallback",
                                                  "DroidSansFallbackSyntheticBold"}
    # Subset embedding: three ideographs cost kilobytes, not the font's 4 MB.
    assert len(chinese) - len(latin) < 50_000


def test_hostile_markup_around_cjk_prints_verbatim_and_embeds_nothing(exam_with, letter_for):
    name = "<b>王</b> & 김 <img src='/etc/passwd'/> <font name=\"Helvetica\">x</font>"
    pdf = letter_for(exam_with(name=name), "spinal_surgery")
    assert b"/Subtype /Image" not in pdf
    assert all(name in page for page in pages_text(pdf))


def test_markup_wraps_only_escaped_fallback_runs():
    assert markup("A<王&>") == 'A&lt;<font name="DroidSansFallbackFull">王</font>&amp;&gt;'
    assert markup("O'Brien\nJ&C") == "O'Brien<br/>J&amp;C"


@given(st.text(max_size=40))
def test_runs_give_the_text_back_in_order(text):
    assert "".join(chars for _, chars in runs(text)) == text


@pytest.mark.parametrize("name", NOT_LAID_OUT.values(), ids=NOT_LAID_OUT.keys())
def test_a_name_the_letter_cannot_lay_out_gets_a_note_beside_the_identifiers(
        name, exam_with, letter_for):
    assert needs_layout(name)
    first_page = flat(pages_text(letter_for(exam_with(name=name), "spinal_surgery"))[0])
    assert NOTE in first_page
    assert first_page.index("Identifier") < first_page.index(NOTE)


@pytest.mark.parametrize("name", [*EXACT_NAMES.values(), *LAID_OUT_EXACTLY.values(), "สมชาย",
                                  "नमन"])
def test_names_every_bundled_face_covers_need_no_note(name):
    assert not needs_layout(name)


@pytest.mark.parametrize("name", LAID_OUT_EXACTLY.values(), ids=LAID_OUT_EXACTLY.keys())
def test_a_shaped_or_bidirectional_name_prints_without_the_note(name, exam_with, letter_for):
    pdf = letter_for(exam_with(name=name), "spinal_surgery")
    assert NOTE not in flat(" ".join(pages_text(pdf)))


def test_identifiers_needing_layout_names_the_fields(exam_with):
    patient = exam_with(name="כֹּהֵן 𠀀", identifier="ID-7").patient
    assert identifiers_needing_layout(patient) == ("the patient's name",)


def _exam_file(tmp_path: Path, name: str) -> Path:
    document = json.loads((SHARED_EXAMPLES / "l5-foot-drop.json").read_text("utf-8"))
    document["patient"]["name"] = name
    path = tmp_path / "exam.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


def test_cli_warns_but_writes_the_letter_for_a_name_it_cannot_lay_out(tmp_path, capsys):
    out = tmp_path / "letter.pdf"
    assert main(["letter", str(_exam_file(tmp_path, "محمد 𠀀")), "-o", str(out)]) == 0
    assert "the patient's name has characters the letter cannot lay out" in \
        capsys.readouterr().err
    assert NOTE in flat(pages_text(out.read_bytes())[0])


@pytest.mark.parametrize("name", ["王秀英", "مُحَمَّد ١٢٣ عَلِي"])
def test_cli_is_silent_for_a_name_it_lays_out(name, tmp_path, capsys):
    out = tmp_path / "letter.pdf"
    assert main(["letter", str(_exam_file(tmp_path, name)), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""


def _harfbuzz_glyphs(text: str, face: str) -> list[int]:
    """The glyphs HarfBuzz gives one right-to-left word in `face`, in visual order."""
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(font_file(face)))))
    uharfbuzz.shape(font, buffer, {})
    return [glyph.codepoint for glyph in buffer.glyph_infos]


@pytest.mark.parametrize(("name", "face"), RIGHT_TO_LEFT_NAMES.values(),
                         ids=RIGHT_TO_LEFT_NAMES.keys())
def test_right_to_left_name_is_drawn_as_harfbuzz_glyphs_last_word_leftmost(name, face):
    first, last = name.split(" ")
    pieces = laid_out(name)
    assert [piece.face for piece in pieces] == [face, "DejaVuSans", face]  # the space: DejaVu
    glyphs = pdfmetrics.getFont(face).face.charToGlyph
    drawn_words = [[glyphs[ord(ch)] for ch in piece.chars] for piece in pieces[::2]]
    assert drawn_words == [_harfbuzz_glyphs(last, face), _harfbuzz_glyphs(first, face)]
    assert not needs_layout(name)


def test_arabic_letters_are_drawn_joined_not_isolated():
    """"محمد" joins: initial meem, medial hah and meem, final dal (presentation forms)."""
    assert laid_out("محمد") == (Piece("NotoSansArabic", "\ufeaa\ufee4\ufea4\ufee3"),)


@pytest.mark.parametrize(("name", "face"), RIGHT_TO_LEFT_NAMES.values(),
                         ids=RIGHT_TO_LEFT_NAMES.keys())
def test_right_to_left_name_prints_in_visual_order_on_every_page_without_the_note(
        name, face, exam_with, letter_for):
    """PDFium reads each right-to-left word back in logical spelling (joined forms normalised)
    but the words in the order drawn, left to right: the last name leftmost."""
    first, last = name.split(" ")
    pdf = letter_for(exam_with(name=name), "spinal_surgery")
    pages = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf)]
    assert len(pages) >= 2
    assert all(f"{last} {first} · DOB" in page for page in pages)  # the canvas header
    assert f"Patient {last} {first}" in flat(pages[0])  # the addresses block (a Paragraph)
    assert name not in " ".join(pages)
    assert NOTE not in flat(" ".join(pages_text(pdf)))
    assert f"{face}-Regular" in _embedded_fonts(pdf)  # its PostScript name


def test_a_glyph_no_character_maps_to_is_drawn_through_a_private_use_character():
    """Pashto "ټټټ": Noto's joined forms of tteh have no code point of their own."""
    [piece] = laid_out("ټټټ")
    face, drawn = piece.face, piece.chars
    tables = pdfmetrics.getFont(face).face
    assert any(0xE000 <= ord(ch) < 0xF900 for ch in drawn)
    assert [tables.charToGlyph[ord(ch)] for ch in drawn] == _harfbuzz_glyphs("ټټټ", face)
    font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(font_file(face)))))
    advances = sum(font.get_glyph_h_advance(glyph) for glyph in _harfbuzz_glyphs("ټټټ", face))
    assert width("ټټټ", "DejaVuSans", 10) == pytest.approx(advances / tables.unitsPerEm * 10)
