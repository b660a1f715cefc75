"""Dates in the exam format: only `YYYY-MM-DD`, and none that contradicts the exam date."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import ExamFormatError
from app.domain.exam_codec import check_dates, exam_from_document
from tests import spec_ids

CAT = spec_ids.spec_catalogue()
BASE = {"format": "nervechart.exam/1", "exam_date": "2026-11-21"}


@pytest.mark.parametrize("text", ["2026-W47-6", "2026-325", "2026-02-30", "20261121",
                                  "2026-11-21T00:00", "２０２６-11-21", " 2026-11-21"])
def test_only_calendar_dates_written_yyyy_mm_dd_are_dates(text):
    with pytest.raises(ExamFormatError, match="exam_date"):
        exam_from_document({**BASE, "exam_date": text}, CAT)


def _exam(**parts):
    return exam_from_document({**BASE, **parts}, CAT)


@pytest.mark.parametrize(("parts", "field"), [
    ({"patient": {"date_of_birth": "2030-01-01"}}, "patient.date_of_birth"),
    ({"history": {"onset_date": "2026-11-22"}}, "history.onset_date"),
    ({"red_flags": {"fever": {"present": True, "onset_date": "2027-01-01"}}},
     "red_flags.fever.onset_date"),
    ({"patient": {"date_of_birth": "1980-01-01", "age": 5}}, "patient.age"),
    ({"patient": {"date_of_birth": "1800-01-01"}}, "patient.date_of_birth"),
])
def test_dates_that_contradict_the_exam_date_are_named(parts, field):
    exam = _exam(**parts)  # each is well-formed on its own
    with pytest.raises(ExamFormatError) as raised:
        check_dates(exam)
    assert raised.value.field == field


def test_dates_on_the_exam_day_and_an_age_that_fits_are_accepted():
    exam = _exam(patient={"date_of_birth": "1980-11-21", "age": 46},
                 history={"onset_date": "2026-11-21"},
                 red_flags={"fever": {"present": True, "onset_date": "2026-11-21"}})
    check_dates(exam)
    assert exam.patient_age() == 46 and exam.history.onset_date == date(2026, 11, 21)
