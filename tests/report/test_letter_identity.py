"""Names print exactly, markup cannot be injected, every page identifies the patient, and the
metadata does not (issue 5 item 4; ecosystem.md 2.2-2.4)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from app.report import LetterRefused, build_letter, missing_identifiers
from app.rules import interpret
from tests.report.conftest import SENDER, pages_text

# ecosystem.md 2.2 names fixture (scripts DejaVu Sans covers) plus the 2.3 injection cases.
NAMES = ["Zoë O'Brien-Łukasz", "Дмитрий Ελένη", "O'Brien & <Sons>", "0<x<90",
         "<b>bold</b> <img src='/etc/passwd'/>", "J&C Cuisine", "Smith &amp; Jones",
         "<font size=200>Big</font>"]


@pytest.mark.parametrize("name", NAMES)
def test_names_and_identifiers_print_exactly_on_every_page(name, exam_with, letter_for):
    identifier = f"ID<{name[:3]}>&'1"
    exam = exam_with(name=name, identifier=identifier)
    pages = pages_text(letter_for(exam, "spinal_surgery"))
    for page in pages:
        assert name in page
        assert identifier in page
        assert "DOB 14-May-1979" in page


def test_hostile_markup_embeds_nothing(exam_with, letter_for):
    exam = exam_with(name="<img src='/etc/passwd'/> X")
    pdf = letter_for(exam)
    assert b"/Subtype /Image" not in pdf
    assert "<img src='/etc/passwd'/> X" in pages_text(pdf)[0]


def test_every_page_is_numbered_n_of_total(example_exam, letter_for):
    pages = pages_text(letter_for(example_exam))
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


def test_long_letter_keeps_identity_on_later_pages(exam_with, letter_for):
    """A patient copy and a full letter both span pages; each page names the patient."""
    exam = exam_with("cauda-equina", name="Ελένη Παπαδοπούλου")
    pages = pages_text(letter_for(exam, "spinal_surgery"))
    assert len(pages) >= 2
    assert all("Ελένη Παπαδοπούλου" in p and "EX-0003" in p for p in pages)


def test_metadata_holds_no_patient_name_or_identifier(exam_with, letter_for):
    exam = exam_with(name="Zoë Unique-Surname", identifier="CL-99999")
    pdf = letter_for(exam)
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    values = " ".join(str(v) for v in metadata.values())
    assert "Unique-Surname" not in values and "CL-99999" not in values
    assert "Referral to" in metadata.title


def test_same_input_gives_identical_bytes(example_exam, letter_for):
    assert letter_for(example_exam) == letter_for(example_exam)


@pytest.mark.parametrize(("patient", "missing"), [
    ({"name": None}, "the patient's name"),
    ({"name": "   "}, "the patient's name"),
    ({"date_of_birth": None, "identifier": None}, "date of birth or identifier"),
])
def test_letter_refused_without_identifiers(patient, missing, exam_with, kb):
    exam = exam_with(**patient)
    assert any(missing in m for m in missing_identifiers(exam.patient))
    with pytest.raises(LetterRefused, match=re.escape(missing)):
        build_letter(exam, interpret(exam, kb), kb, "gp", SENDER)


def test_name_and_one_identifier_is_enough(exam_with, letter_for):
    assert letter_for(exam_with(date_of_birth=None)).startswith(b"%PDF")
    assert letter_for(exam_with(identifier=None)).startswith(b"%PDF")


def test_no_unescaped_markup_reaches_a_paragraph(exam_with, kb, monkeypatch):
    """ecosystem.md 2.3: every Paragraph gets escaped text; the only tags are the constants."""
    from app.domain.exam import Examiner
    from app.report import Sender, markup

    seen: list[str] = []
    real = markup.Paragraph

    def recording(text, style):
        seen.append(text)
        return real(text, style)

    monkeypatch.setattr(markup, "Paragraph", recording)
    exam = exam_with(name="<i>A</i> & <b", identifier="<ID>")
    exam = exam.__class__(**{**exam.__dict__, "examiner": Examiner(name="<x>")})
    hostile = Sender(name="<n>", profession="<p>", registration="<r>", clinic="<c>",
                     address="<a>", phone="<t>")
    build_letter(exam, interpret(exam, kb), kb, "spinal_surgery", hostile)
    assert seen
    for text in seen:
        stripped = re.sub(r"</?b>|<br/>", "", text)
        assert "<" not in stripped, text
