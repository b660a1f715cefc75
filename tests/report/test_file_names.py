"""Saved letters get safe names without the patient's name (ecosystem.md 5.5)."""

from __future__ import annotations

import pytest

from app.report.file_names import MAX_STEM, letter_file_name, safe_stem


@pytest.mark.parametrize(("identifier", "stem"), [
    ("CL-00417", "CL-00417"),
    ("../../etc/passwd", "etc_passwd"),
    ("CON:<>|?*\x1b", "CON"),
    ("Łukasz 12", "ukasz_12"),
    ("..", ""),
])
def test_safe_stem_keeps_only_portable_characters(identifier, stem):
    assert safe_stem(identifier) == stem


def test_file_name_has_no_patient_name_and_keeps_its_extension(exam_with):
    exam = exam_with(name="Zoë Secret-Name", identifier="X" * 500)
    name = letter_file_name(exam, "spinal_surgery")
    assert name.endswith(".pdf") and len(name) <= MAX_STEM + 4
    assert "Secret" not in name
    assert letter_file_name(exam_with(identifier=None), "gp") == "letter_2026-11-21_gp.pdf"
