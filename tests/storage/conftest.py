"""Storage test set-up: a catalogue from the spec's IDs, an open store in a throwaway home."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.domain.exam import Exam, Patient
from app.storage import patients
from app.storage.store import HomeStore
from tests.spec_ids import spec_catalogue


@pytest.fixture(scope="session")
def catalogue():
    return spec_catalogue()


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    return _isolated_home


@pytest.fixture
def store(home: Path):
    opened = HomeStore.open(home)
    yield opened
    if opened.db is not None:  # the test may have closed it
        opened.close(backup=False)


@pytest.fixture
def patient(store: HomeStore) -> patients.PatientRecord:
    return patients.add_patient(store.db, Patient(name="Test Patient-One",
                                                  date_of_birth=date(1970, 5, 6),
                                                  identifier="T-001", sex="female"))


def exam_on(day: date, **grades: str) -> Exam:
    """An exam on `day` with left-side grades given as muscle=grade."""
    exam = Exam(exam_date=day)
    for muscle, grade in grades.items():
        exam = exam.with_strength("left", muscle, grade)
    return exam
