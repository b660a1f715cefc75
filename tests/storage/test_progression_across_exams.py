"""Progression across stored exams: the app hands the engine the previous stored exam.

Expected answer: a key muscle one MRC grade or more weaker than at the last exam is a red flag
by itself (issue 4; clinical.md referral table row 10 "Progressive neurological deficit" ->
URGENT spinal opinion, North-East pathways [L][V]), and the finding names both exam dates.
"""

from __future__ import annotations

from datetime import date

from app.rules import interpret
from app.storage import exams
from tests.storage.conftest import exam_on

RULE = "weakness_progressed_since_last_exam"


def test_weakness_that_worsened_since_the_stored_last_exam_fires_with_both_dates(
        store, patient, kb):
    catalogue = kb.catalogue()
    exams.create_exam(store.db, exam_on(date(2026, 10, 1), ankle_dorsiflexion="4"), patient.id,
                      catalogue)
    today = exams.create_exam(store.db, exam_on(date(2026, 11, 1), ankle_dorsiflexion="3"),
                              patient.id, catalogue)

    previous = exams.previous_exam(store.db, today, catalogue)
    flags = {f.id: f for f in interpret(today.exam, kb, previous=previous).red_flags}

    assert RULE in flags
    assert "2026-10-01" in flags[RULE].text and "2026-11-01" in flags[RULE].text
    assert RULE not in {f.id for f in interpret(today.exam, kb).red_flags}


def test_unchanged_strength_across_stored_exams_does_not_fire(store, patient, kb):
    catalogue = kb.catalogue()
    exams.create_exam(store.db, exam_on(date(2026, 10, 1), ankle_dorsiflexion="4"), patient.id,
                      catalogue)
    today = exams.create_exam(store.db, exam_on(date(2026, 11, 1), ankle_dorsiflexion="4"),
                              patient.id, catalogue)
    previous = exams.previous_exam(store.db, today, catalogue)
    assert RULE not in {f.id for f in interpret(today.exam, kb, previous=previous).red_flags}
