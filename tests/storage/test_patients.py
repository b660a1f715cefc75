"""Patients: details are checked, and search as you type finds them by any part."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.exam import Patient
from app.storage import patients


def test_search_matches_every_typed_word_ignoring_case_and_accents(store):
    zoe = patients.add_patient(store.db, Patient(name="Zoë O'Brien-Łukasz",
                                                 date_of_birth=date(1980, 3, 2),
                                                 identifier="CL-00417"))
    patients.add_patient(store.db, Patient(name="Zoe Other", date_of_birth=date(1990, 1, 1)))

    def found(query: str) -> list[int]:
        return [p.id for p in patients.search_patients(store.db, query)]

    assert found("zoe lukasz") == [zoe.id]
    assert found("cl-004") == [zoe.id]
    assert found("1980-03") == [zoe.id]
    assert found("02/03/1980") == [zoe.id]
    assert found("02-mar-1980") == [zoe.id]
    assert len(found("")) == 2
    assert found("100%") == []  # LIKE wildcards are taken literally


def test_bad_patient_details_are_refused_naming_the_field(store):
    with pytest.raises(patients.PatientError, match="name"):
        patients.add_patient(store.db, Patient(name="  "))
    with pytest.raises(patients.PatientError, match="sex"):
        patients.add_patient(store.db, Patient(name="A", sex="robot"))
    patients.add_patient(store.db, Patient(name="A", identifier="X1"))
    with pytest.raises(patients.PatientError, match="identifier"):
        patients.add_patient(store.db, Patient(name="B", identifier="X1"))


def test_editing_a_patient_updates_what_search_finds(store):
    record = patients.add_patient(store.db, Patient(name="Old Name"))
    patients.update_patient(store.db, record.id, Patient(name="New Name", identifier="N-9"))
    assert [p.id for p in patients.search_patients(store.db, "new n-9")] == [record.id]
    assert patients.search_patients(store.db, "old") == []
