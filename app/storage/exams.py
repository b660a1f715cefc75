"""Exams of a patient: drafts that are saved as they are charted, signing, and amendments.

Every write is one transaction that changes the `exams` row and appends the saved state to
`exam_revisions` (time, examiner, status, the whole spec-format document): an error half way
leaves nothing behind. A draft may be saved again and again; a signed exam never changes (the
database refuses it too). Correcting a signed exam creates an amendment: a new draft exam that
points at the original, which stays readable; the amendment then replaces the original in the
patient's history and as "the previous exam".
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from app.domain.catalogue import Catalogue
from app.domain.exam import Exam
from app.domain.exam_codec import exam_from_document, exam_to_document
from app.storage.timestamps import utc_now

DRAFT = "draft"
SIGNED = "signed"
_COLUMNS = ("id, patient_id, status, document, created_at, updated_at, signed_at, "
            "amends_exam_id")
# Exams that no amendment has replaced.
_CURRENT = "NOT EXISTS (SELECT 1 FROM exams AS newer WHERE newer.amends_exam_id = exams.id)"


class SignedExamError(Exception):
    """A signed exam was about to change; it can only be amended."""


class ExamNotFoundError(LookupError):
    pass


@dataclass(frozen=True)
class ExamRecord:
    id: int
    patient_id: int | None
    status: str
    exam: Exam
    created_at: str
    updated_at: str
    signed_at: str | None = None
    amends_exam_id: int | None = None

    @property
    def is_signed(self) -> bool:
        return self.status == SIGNED


@dataclass(frozen=True)
class Revision:
    number: int  # 1 for the first saved state of the exam
    saved_at: str
    examiner: str | None
    status: str
    document: dict
    note: str


def create_exam(db: Database, exam: Exam, patient_id: int | None, catalogue: Catalogue, *,
                status: str = DRAFT, note: str = "created",
                amends_exam_id: int | None = None) -> ExamRecord:
    """Store a new exam (draft unless told otherwise) and its first revision, atomically."""
    now = utc_now()
    document = _encode(exam)
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO exams (patient_id, exam_date, examiner, status, document, created_at, "
            "updated_at, signed_at, amends_exam_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [patient_id, exam.exam_date.isoformat(), exam.examiner.name, status, document, now,
             now, now if status == SIGNED else None, amends_exam_id])
        exam_id = int(cursor.lastrowid)
        _append_revision(db, exam_id, exam, status, document, now, note)
    return get_exam(db, exam_id, catalogue)


def save_draft(db: Database, exam_id: int, exam: Exam, catalogue: Catalogue,
               note: str = "saved") -> ExamRecord:
    """Save a new state of draft `exam_id` (nothing is written if it did not change)."""
    document = _encode(exam)
    with db.atomic():
        status, stored = _status_and_document(db, exam_id)
        if status == SIGNED:
            raise SignedExamError(f"exam {exam_id} is signed and cannot be changed; amend it")
        if stored != document:
            now = utc_now()
            db.execute("UPDATE exams SET document = ?, exam_date = ?, examiner = ?, "
                       "updated_at = ? WHERE id = ?",
                       [document, exam.exam_date.isoformat(), exam.examiner.name, now, exam_id])
            _append_revision(db, exam_id, exam, DRAFT, document, now, note)
    return get_exam(db, exam_id, catalogue)


def assign_patient(db: Database, exam_id: int, patient_id: int) -> None:
    """File a draft that was charted before its patient was chosen under that patient."""
    with db.atomic():
        status, _ = _status_and_document(db, exam_id)
        if status == SIGNED:
            raise SignedExamError(f"exam {exam_id} is signed and cannot be moved")
        db.execute("UPDATE exams SET patient_id = ? WHERE id = ?", [patient_id, exam_id])


def sign_exam(db: Database, exam_id: int, catalogue: Catalogue) -> ExamRecord:
    """Make draft `exam_id` final: from now on it can only be amended."""
    with db.atomic():
        status, document = _status_and_document(db, exam_id)
        if status == SIGNED:
            raise SignedExamError(f"exam {exam_id} is already signed")
        now = utc_now()
        db.execute("UPDATE exams SET status = ?, signed_at = ?, updated_at = ? WHERE id = ?",
                   [SIGNED, now, now, exam_id])
        exam = _decode(document, catalogue)
        _append_revision(db, exam_id, exam, SIGNED, document, now, "signed")
    return get_exam(db, exam_id, catalogue)


def amend_exam(db: Database, exam_id: int, catalogue: Catalogue) -> ExamRecord:
    """A new draft that amends signed exam `exam_id`, starting as a copy of it."""
    original = get_exam(db, exam_id, catalogue)
    if not original.is_signed:
        raise ValueError(f"exam {exam_id} is a draft: edit it instead of amending it")
    return create_exam(db, original.exam, original.patient_id, catalogue,
                       note=f"amends exam {exam_id}", amends_exam_id=exam_id)


def get_exam(db: Database, exam_id: int, catalogue: Catalogue) -> ExamRecord:
    row = db.execute(f"SELECT {_COLUMNS} FROM exams WHERE id = ?", [exam_id]).fetchone()
    if row is None:
        raise ExamNotFoundError(f"there is no exam number {exam_id}")
    return _record(row, catalogue)


def patient_exams(db: Database, patient_id: int, catalogue: Catalogue, *,
                  include_replaced: bool = False) -> list[ExamRecord]:
    """The patient's exams, oldest first; amended originals only when asked for."""
    where = "patient_id = ?" + ("" if include_replaced else f" AND {_CURRENT}")
    rows = db.execute(f"SELECT {_COLUMNS} FROM exams WHERE {where} ORDER BY exam_date, id",
                      [patient_id]).fetchall()
    return [_record(row, catalogue) for row in rows]


def previous_exam(db: Database, record: ExamRecord, catalogue: Catalogue) -> Exam | None:
    """The patient's last current exam before `record` (by exam date), for progression rules."""
    if record.patient_id is None:
        return None
    row = db.execute(
        f"SELECT document FROM exams WHERE patient_id = ? AND id != ? AND id IS NOT ? "
        f"AND {_CURRENT} AND (exam_date < ? OR (exam_date = ? AND id < ?)) "
        "ORDER BY exam_date DESC, id DESC LIMIT 1",
        [record.patient_id, record.id, record.amends_exam_id,
         *([record.exam.exam_date.isoformat()] * 2), _order_id(record)]).fetchone()
    return None if row is None else _decode(row[0], catalogue)


def latest_exam(db: Database, patient_id: int, catalogue: Catalogue) -> ExamRecord | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM exams WHERE patient_id = ? AND {_CURRENT} "
                     "ORDER BY exam_date DESC, id DESC LIMIT 1", [patient_id]).fetchone()
    return None if row is None else _record(row, catalogue)


def revisions(db: Database, exam_id: int) -> list[Revision]:
    rows = db.execute("SELECT saved_at, examiner, status, document, note FROM exam_revisions "
                      "WHERE exam_id = ? ORDER BY id", [exam_id]).fetchall()
    return [Revision(number, saved_at, examiner, status, json.loads(document), note)
            for number, (saved_at, examiner, status, document, note) in enumerate(rows, 1)]


def _order_id(record: ExamRecord) -> int:
    """An amendment sorts where its original did, so "previous" skips neither."""
    return record.amends_exam_id if record.amends_exam_id is not None else record.id


def _status_and_document(db: Database, exam_id: int) -> tuple[str, str]:
    row = db.execute("SELECT status, document FROM exams WHERE id = ?", [exam_id]).fetchone()
    if row is None:
        raise ExamNotFoundError(f"there is no exam number {exam_id}")
    return row[0], row[1]


def _append_revision(db: Database, exam_id: int, exam: Exam, status: str, document: str,
                     saved_at: str, note: str) -> None:
    db.execute("INSERT INTO exam_revisions (exam_id, saved_at, examiner, status, document, note) "
               "VALUES (?, ?, ?, ?, ?, ?)",
               [exam_id, saved_at, exam.examiner.name, status, document, note])


def _encode(exam: Exam) -> str:
    return json.dumps(exam_to_document(exam), ensure_ascii=False, separators=(",", ":"))


def _decode(document: str, catalogue: Catalogue) -> Exam:
    return exam_from_document(json.loads(document), catalogue)


def _record(row: tuple, catalogue: Catalogue) -> ExamRecord:
    exam_id, patient_id, status, document, created, updated, signed, amends = row
    return ExamRecord(id=exam_id, patient_id=patient_id, status=status,
                      exam=_decode(document, catalogue), created_at=created, updated_at=updated,
                      signed_at=signed, amends_exam_id=amends)
