"""Exams tied to another exam by their patient: an import never files an exam under a stored
patient whose details contradict it, and a letter never compares with another patient's exam
or a later one. Each is refused with exit 2 naming the file and the detail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from tests.conftest import SHARED_EXAMPLES

L5 = SHARED_EXAMPLES / "l5-foot-drop.json"


def _variant(tmp_path: Path, file_name: str, exam_date: str = "2026-11-22", **patient) -> Path:
    document = json.loads(L5.read_text(encoding="utf-8"))
    document["exam_date"] = exam_date
    document["patient"].update(patient)
    path = tmp_path / file_name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("patient", [{"name": "Somebody Else"},
                                     {"date_of_birth": "1950-01-01"}])
def test_import_refuses_an_identifier_stored_for_another_person(tmp_path, capsys, patient):
    assert main(["import", str(L5)]) == 0
    other = _variant(tmp_path, "other.json", **patient)
    assert main(["import", str(other)]) == 2
    err = capsys.readouterr().err
    assert "other.json" in err and "patient.identifier" in err
    main(["check"])
    assert "(1 patients, 1 exams)" in capsys.readouterr().out


def test_import_files_the_same_person_written_differently_under_their_identifier(tmp_path,
                                                                                capsys):
    name = json.loads(L5.read_text(encoding="utf-8"))["patient"]["name"]
    assert main(["import", str(L5)]) == 0
    same = _variant(tmp_path, "same.json", name=f"  {name.upper()} ")
    assert main(["import", str(same)]) == 0
    assert "Imported 1 exam(s) (0 new patient(s))" in capsys.readouterr().out


def test_import_names_the_file_whose_patient_cannot_be_stored(tmp_path, capsys):
    future = _variant(tmp_path, "future.json", exam_date="2999-01-02", identifier="NEW-1",
                      date_of_birth="2999-01-01")
    assert main(["import", str(future)]) == 2
    assert "future.json" in capsys.readouterr().err


@pytest.mark.parametrize(("patient", "exam_date", "named"), [
    ({"name": "Somebody Else", "identifier": "X-9"}, "2026-11-21", "patient.identifier"),
    ({"name": "Somebody Else"}, "2026-11-21", "patient.name"),
    ({}, "2026-11-30", "is after the exam's date"),
])
def test_letter_refuses_a_previous_exam_of_another_patient_or_a_later_one(
        tmp_path, capsys, patient, exam_date, named):
    previous = _variant(tmp_path, "previous.json", exam_date=exam_date, **patient)
    out = tmp_path / "letter.pdf"
    assert main(["letter", str(L5), "-o", str(out), "--previous", str(previous)]) == 2
    err = capsys.readouterr().err
    assert "previous.json" in err and named in err
    assert not out.exists()
