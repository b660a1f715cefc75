"""Exams: atomic saves, the revision history, signed exams that never change, amendments."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from app.domain.exam import Examiner
from app.storage import exams
from tests.storage.conftest import exam_on


def _count(store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_every_save_of_a_draft_appends_a_revision_with_time_and_examiner(store, patient,
                                                                          catalogue):
    first = exam_on(date(2026, 1, 5), ankle_dorsiflexion="4")
    record = exams.create_exam(store.db, first, patient.id, catalogue)
    second = replace(first.with_strength("left", "ankle_dorsiflexion", "3"),
                     examiner=Examiner(name="Sam Taylor"))
    exams.save_draft(store.db, record.id, second, catalogue)
    exams.save_draft(store.db, record.id, second, catalogue)  # unchanged: no new revision

    history = exams.revisions(store.db, record.id)
    assert [r.number for r in history] == [1, 2]
    assert history[1].examiner == "Sam Taylor"
    assert history[0].document["strength"]["left"]["ankle_dorsiflexion"] == "4"
    assert history[1].saved_at >= history[0].saved_at
    assert exams.get_exam(store.db, record.id, catalogue).exam == second


def test_an_error_half_way_through_a_save_leaves_nothing(store, patient, catalogue,
                                                          monkeypatch):
    record = exams.create_exam(store.db, exam_on(date(2026, 1, 5), hip_flexion="5"),
                               patient.id, catalogue)

    def fail(*_args, **_kwargs):
        raise RuntimeError("disk pulled out half way")

    monkeypatch.setattr(exams, "_append_revision", fail)
    with pytest.raises(RuntimeError):
        exams.save_draft(store.db, record.id, exam_on(date(2026, 1, 5), hip_flexion="2"),
                         catalogue)
    with pytest.raises(RuntimeError):
        exams.create_exam(store.db, exam_on(date(2026, 2, 1)), patient.id, catalogue)

    assert exams.get_exam(store.db, record.id, catalogue).exam.strength[("left",
                                                                         "hip_flexion")] == "5"
    assert _count(store, "exams") == 1
    assert _count(store, "exam_revisions") == 1
    assert not store.db.conn.in_transaction


def test_a_signed_exam_cannot_be_altered_by_the_app_or_by_sql(store, patient, catalogue):
    record = exams.create_exam(store.db, exam_on(date(2026, 1, 5), hip_flexion="4"),
                               patient.id, catalogue)
    signed = exams.sign_exam(store.db, record.id, catalogue)
    assert signed.is_signed and signed.signed_at

    with pytest.raises(exams.SignedExamError):
        exams.save_draft(store.db, record.id, exam_on(date(2026, 1, 5), hip_flexion="1"),
                         catalogue)
    with pytest.raises(sqlite3.IntegrityError, match="signed exam"):
        store.db.execute("UPDATE exams SET document = '{}' WHERE id = ?", [record.id])
    with pytest.raises(sqlite3.IntegrityError, match="signed exam"):
        store.db.execute("DELETE FROM exams WHERE id = ?", [record.id])
    assert exams.get_exam(store.db, record.id, catalogue).exam == record.exam


def test_revisions_are_append_only(store, patient, catalogue):
    record = exams.create_exam(store.db, exam_on(date(2026, 1, 5)), patient.id, catalogue)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("UPDATE exam_revisions SET note = 'x' WHERE exam_id = ?", [record.id])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM exam_revisions")


def test_an_amendment_is_a_new_linked_exam_and_the_original_stays_readable(store, patient,
                                                                           catalogue):
    original = exams.sign_exam(store.db, exams.create_exam(
        store.db, exam_on(date(2026, 1, 5), hip_flexion="4"), patient.id, catalogue).id,
        catalogue)
    amendment = exams.amend_exam(store.db, original.id, catalogue)
    corrected = exams.save_draft(store.db, amendment.id,
                                 amendment.exam.with_strength("left", "hip_flexion", "4+"),
                                 catalogue)

    assert corrected.amends_exam_id == original.id and not corrected.is_signed
    assert exams.get_exam(store.db, original.id, catalogue).exam == original.exam
    current = exams.patient_exams(store.db, patient.id, catalogue)
    assert [r.id for r in current] == [amendment.id]
    everything = exams.patient_exams(store.db, patient.id, catalogue, include_replaced=True)
    assert [r.id for r in everything] == [original.id, amendment.id]


def test_the_previous_exam_is_the_last_current_one_before_it(store, patient, catalogue):
    january = exams.create_exam(store.db, exam_on(date(2026, 1, 5), hip_flexion="5"),
                                patient.id, catalogue)
    exams.sign_exam(store.db, january.id, catalogue)
    amended = exams.amend_exam(store.db, january.id, catalogue)
    exams.save_draft(store.db, amended.id, exam_on(date(2026, 1, 5), hip_flexion="4+"),
                     catalogue)
    march = exams.create_exam(store.db, exam_on(date(2026, 3, 1), hip_flexion="3"),
                              patient.id, catalogue)

    assert exams.previous_exam(store.db, january, catalogue) is None
    assert exams.previous_exam(store.db, amended, catalogue) is None
    previous = exams.previous_exam(store.db, march, catalogue)
    assert previous.strength[("left", "hip_flexion")] == "4+"  # the amendment, not the original
    assert exams.latest_exam(store.db, patient.id, catalogue).id == march.id
