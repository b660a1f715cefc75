"""Exam files in and out of the database (spec format `nervechart.exam/1`).

`import_exam_files` reads and validates every file before touching the database, then stores
them all in one transaction: a bad file, or any error half way, changes nothing. Each exam is
filed under the patient with the same identifier, else the same name and date of birth, else a
new patient; it is stored signed (it is a finished record from elsewhere), and a file already
imported for that patient is skipped. An identifier already stored for a patient with another
name or date of birth is refused: the exam would be filed under the wrong person.
`export_patient_exams` writes a patient's current exams as spec-format files whose names carry
the identifier and date, never the patient's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app.domain.catalogue import Catalogue
from app.domain.errors import ExamFormatError
from app.domain.exam import Exam
from app.exchange.exam_files import read_exam_file, write_exam_file
from app.exchange.patient_match import patient_mismatch
from app.storage import exams, patients
from app.storage.patients import PatientRecord


@dataclass(frozen=True)
class ImportSummary:
    imported: int
    skipped_duplicates: int
    new_patients: int


def import_exam_files(db: Database, paths: Sequence[Path], catalogue: Catalogue) -> ImportSummary:
    loaded = [(path, read_exam_file(path, catalogue)) for path in paths]
    for path, exam in loaded:
        if not (exam.patient.name or "").strip():
            raise ExamFormatError("patient.name", None, "the patient's name",
                                  "is missing; an imported exam must name its patient"
                                  ).in_source(str(path))
    imported = skipped = created = 0
    with db.atomic():
        for path, exam in loaded:
            try:
                patient, is_new = _patient_for(db, exam)
            except ExamFormatError as err:
                raise err.in_source(str(path)) from None
            except patients.PatientError as err:
                raise patients.PatientError(f"{path}: patient.{err}") from None
            created += is_new
            if _already_stored(db, patient.id, exam, catalogue):
                skipped += 1
                continue
            exams.create_exam(db, exam, patient.id, catalogue, status=exams.SIGNED,
                              note=f"imported from {path.name}")
            imported += 1
    return ImportSummary(imported, skipped, created)


def resolve_patient(db: Database, reference: str) -> PatientRecord:
    """The patient whose identifier is `reference`, else whose number it is."""
    found = patients.find_by_identifier(db, reference)
    if found is not None:
        return found
    if reference.isdigit():
        return patients.get_patient(db, int(reference))
    raise patients.PatientError(f"no patient has the identifier or number {reference!r}")


def export_patient_exams(db: Database, patient: PatientRecord, folder: Path,
                         catalogue: Catalogue) -> list[Path]:
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not an existing folder")
    label = _safe_label(patient.identifier) or f"patient-{patient.id}"
    written = []
    for record in exams.patient_exams(db, patient.id, catalogue):
        target = folder / f"{label}_{record.exam.exam_date.isoformat()}_exam-{record.id}.json"
        write_exam_file(record.exam, target)
        written.append(target)
    return written


def _patient_for(db: Database, exam: Exam) -> tuple[PatientRecord, bool]:
    details = exam.patient
    if details.identifier:
        found = patients.find_by_identifier(db, details.identifier)
        if found is not None:
            if patient_mismatch(found.as_exam_patient(), details):
                raise ExamFormatError(
                    "patient.identifier", details.identifier,
                    "an identifier not yet used, or the name and date of birth stored with it",
                    "belongs to a stored patient with another name or date of birth")
            return found, False
    row = db.execute("SELECT id FROM patients WHERE name = ? AND date_of_birth IS ?",
                     [details.name.strip(), _iso(details.date_of_birth)]).fetchone()
    if row is not None:
        return patients.get_patient(db, row[0]), False
    return patients.add_patient(db, details), True


def _already_stored(db: Database, patient_id: int, exam: Exam, catalogue: Catalogue) -> bool:
    return any(record.exam == exam for record in
               exams.patient_exams(db, patient_id, catalogue, include_replaced=True))


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def _safe_label(identifier: str | None) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", identifier or "").strip(".-")[:60]
