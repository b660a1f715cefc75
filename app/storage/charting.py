"""Saving the exam being charted: one call, one transaction, never refused for patient details.

`save_charted_exam(db, bound, exam, catalogue)` stores `exam` in the record it was opened from
(`bound`, captured when charting started, never "the selected patient"):
- no record yet: a new draft, filed under the patient with the exam's identifier, or a new
  patient when the exam names one, or unfiled (no patient) until it does;
- a draft: a new revision of it;
- a signed exam: never changed; the first edit creates an amendment and saves into that.
The patient row follows the details edited in the exam's banner. A patient change that cannot
be stored (say, an identifier already used by someone else) does not stop the exam from being
saved: the exam is saved and `ChartSave.patient_problem` says what was not.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.domain.catalogue import Catalogue
from app.domain.exam import Exam, Patient
from app.storage import exams, patients
from app.storage.exams import ExamRecord


@dataclass(frozen=True)
class ChartSave:
    record: ExamRecord
    patient_problem: str | None = None


def save_charted_exam(db: Database, bound: ExamRecord | None, exam: Exam,
                      catalogue: Catalogue) -> ChartSave:
    with db.atomic():
        if bound is None:
            patient_id, problem = _file_under_patient(db, exam.patient)
            return ChartSave(exams.create_exam(db, exam, patient_id, catalogue), problem)
        if bound.is_signed:
            bound = exams.amend_exam(db, bound.id, catalogue)
        if bound.patient_id is None:
            patient_id, problem = _file_under_patient(db, exam.patient)
            if patient_id is not None:
                exams.assign_patient(db, bound.id, patient_id)
        else:
            problem = _follow_patient_details(db, bound.patient_id, exam.patient)
        return ChartSave(exams.save_draft(db, bound.id, exam, catalogue), problem)


def _file_under_patient(db: Database, details: Patient) -> tuple[int | None, str | None]:
    if not (details.name or "").strip():
        return None, None
    if details.identifier:
        found = patients.find_by_identifier(db, details.identifier)
        if found is not None:
            return found.id, None
    try:
        with db.atomic():
            return patients.add_patient(db, details).id, None
    except patients.PatientError as err:
        return None, f"the exam is saved but not filed under a patient: {err}"


def _follow_patient_details(db: Database, patient_id: int, details: Patient) -> str | None:
    record = patients.get_patient(db, patient_id)
    if not (details.name or "").strip() or record.as_exam_patient() == Patient(
            name=details.name, date_of_birth=details.date_of_birth,
            identifier=details.identifier, sex=details.sex):
        return None
    try:
        with db.atomic():
            patients.update_patient(db, patient_id, details)
    except patients.PatientError as err:
        return f"the exam is saved but the patient's record was not updated: {err}"
    return None
