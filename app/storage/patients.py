"""Patients: add, edit, look up and search as you type.

A patient row holds name, date of birth, identifier (unique when given) and sex. Bad details
raise `PatientError` naming the field. `search_patients` matches every typed word against the
folded name, identifier and date of birth (see `search_key`), so "zoe 1980" finds Zoë born 1980.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from app.domain import vocabulary as v
from app.domain.exam import Patient
from app.domain.exam_codec import MAX_TEXT
from app.storage.search_key import patient_search_key, query_words
from app.storage.timestamps import utc_now

SEARCH_LIMIT = 200
_COLUMNS = "id, name, date_of_birth, identifier, sex"


class PatientError(ValueError):
    """Patient details that cannot be stored; the message names the field."""


@dataclass(frozen=True)
class PatientRecord:
    id: int
    name: str
    date_of_birth: date | None = None
    identifier: str | None = None
    sex: str | None = None

    def as_exam_patient(self) -> Patient:
        """The patient section of an exam for this patient (age follows from the birth date)."""
        return Patient(name=self.name, date_of_birth=self.date_of_birth,
                       identifier=self.identifier, sex=self.sex)


def add_patient(db: Database, details: Patient) -> PatientRecord:
    row = _row_of(details)
    now = utc_now()
    try:
        cursor = db.execute(
            "INSERT INTO patients (name, date_of_birth, identifier, sex, search_key, "
            "created_at, updated_at) VALUES (:name, :date_of_birth, :identifier, :sex, "
            ":search_key, :now, :now)", {**row, "now": now})
    except sqlite3.IntegrityError:
        raise _duplicate(details.identifier) from None
    return get_patient(db, int(cursor.lastrowid))


def update_patient(db: Database, patient_id: int, details: Patient) -> PatientRecord:
    get_patient(db, patient_id)
    row = _row_of(details)
    try:
        db.execute(
            "UPDATE patients SET name = :name, date_of_birth = :date_of_birth, "
            "identifier = :identifier, sex = :sex, search_key = :search_key, updated_at = :now "
            "WHERE id = :id", {**row, "now": utc_now(), "id": patient_id})
    except sqlite3.IntegrityError:
        raise _duplicate(details.identifier) from None
    return get_patient(db, patient_id)


def get_patient(db: Database, patient_id: int) -> PatientRecord:
    row = db.execute(f"SELECT {_COLUMNS} FROM patients WHERE id = ?", [patient_id]).fetchone()
    if row is None:
        raise PatientError(f"there is no patient number {patient_id}")
    return _record(row)


def find_by_identifier(db: Database, identifier: str) -> PatientRecord | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM patients WHERE identifier = ?",
                     [identifier]).fetchone()
    return None if row is None else _record(row)


def search_patients(db: Database, query: str, limit: int = SEARCH_LIMIT) -> list[PatientRecord]:
    """Patients matching every word of `query` (all patients when empty), by name."""
    words = query_words(query)
    where = " AND ".join(["search_key LIKE ? ESCAPE '\\'"] * len(words)) or "1"
    params: list[object] = [f"%{_escape_like(word)}%" for word in words]
    rows = db.execute(f"SELECT {_COLUMNS} FROM patients WHERE {where} "
                      "ORDER BY name COLLATE NOCASE, id LIMIT ?", [*params, limit]).fetchall()
    return [_record(row) for row in rows]


def count_patients(db: Database) -> int:
    return db.execute("SELECT count(*) FROM patients").fetchone()[0]


def _row_of(details: Patient) -> dict[str, object]:
    name = (details.name or "").strip()
    if not name:
        raise PatientError("name: a patient needs a name")
    identifier = (details.identifier or "").strip() or None
    for field, text in (("name", name), ("identifier", identifier)):
        if text is not None and len(text) > MAX_TEXT:
            raise PatientError(f"{field}: at most {MAX_TEXT} characters")
    if details.sex is not None and details.sex not in v.SEXES:
        raise PatientError(f"sex: {details.sex!r} is not allowed; allowed: {', '.join(v.SEXES)}")
    born = details.date_of_birth
    if born is not None and born > date.today():
        raise PatientError(f"date_of_birth: {born.isoformat()} is in the future")
    born_text = born.isoformat() if born else None
    return {"name": name, "date_of_birth": born_text, "identifier": identifier,
            "sex": details.sex, "search_key": patient_search_key(name, born_text, identifier)}


def _record(row: tuple) -> PatientRecord:
    patient_id, name, born, identifier, sex = row
    return PatientRecord(id=patient_id, name=name,
                         date_of_birth=date.fromisoformat(born) if born else None,
                         identifier=identifier, sex=sex)


def _duplicate(identifier: str | None) -> PatientError:
    return PatientError(f"identifier: {identifier!r} already belongs to another patient")


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
