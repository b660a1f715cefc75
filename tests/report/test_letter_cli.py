"""`nervechart letter` (spec section 3): writes the PDF, honours --to and --previous, and refuses
an exam without the patient's name and date of birth or identifier (exit 2, message)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.storage.database import database_path, open_database
from app.storage.settings import ClinicSettings, save_settings
from tests.conftest import SHARED_EXAMPLES
from tests.report.conftest import flat, pages_text


def _exam_file(tmp_path: Path, stem: str = "l5-foot-drop", **patient: object) -> Path:
    document = json.loads((SHARED_EXAMPLES / f"{stem}.json").read_text("utf-8"))
    document["patient"].update(patient)
    document["patient"] = {k: v for k, v in document["patient"].items() if v is not None}
    path = tmp_path / f"{stem}.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


def test_writes_the_letter_to_the_recommended_destination(tmp_path, capsys):
    out = tmp_path / "letter.pdf"
    assert main(["letter", str(SHARED_EXAMPLES / "cauda-equina.json"), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    first = flat(pages_text(out.read_bytes())[0])
    assert "EMERGENCY – the Emergency Department" in first


def test_to_overrides_the_destination(tmp_path):
    out = tmp_path / "copy.pdf"
    assert main(["letter", str(SHARED_EXAMPLES / "cauda-equina.json"), "-o", str(out),
                 "--to", "patient"]) == 0
    assert "Dear Example Patient Three," in pages_text(out.read_bytes())[0]


def test_previous_exam_adds_the_change_in_strength(tmp_path):
    out = tmp_path / "letter.pdf"
    exam = SHARED_EXAMPLES / "l5-foot-drop.json"
    assert main(["letter", str(exam), "-o", str(out), "--previous", str(exam)]) == 0
    assert "Change in strength since the last exam" in " ".join(pages_text(out.read_bytes()))


@pytest.mark.parametrize(("patient", "named"), [
    ({"name": None}, "the patient's name"),
    ({"date_of_birth": None, "identifier": None}, "the patient's date of birth or identifier"),
    ({"name": None, "date_of_birth": None, "identifier": None},
     "the patient's name and the patient's date of birth or identifier"),
])
def test_refuses_without_name_or_date_of_birth_and_identifier(tmp_path, capsys, patient, named):
    exam = _exam_file(tmp_path, **patient)
    out = tmp_path / "letter.pdf"
    assert main(["letter", str(exam), "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert str(exam) in error and named in error
    assert not out.exists()


def test_unknown_destination_is_a_usage_error(tmp_path, capsys):
    exam = SHARED_EXAMPLES / "l5-foot-drop.json"
    assert main(["letter", str(exam), "-o", str(tmp_path / "x.pdf"), "--to", "dentist"]) == 2
    assert "dentist" in capsys.readouterr().err


def test_output_in_a_missing_folder_is_named(tmp_path, capsys):
    out = tmp_path / "nowhere" / "letter.pdf"
    assert main(["letter", str(SHARED_EXAMPLES / "l5-foot-drop.json"), "-o", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_letterhead_from_the_clinic_settings_and_examiner_from_the_exam(tmp_path,
                                                                        _isolated_home):
    db = open_database(database_path(_isolated_home))
    save_settings(db, ClinicSettings(examiner_name="Settings Person", profession="Physiotherapist",
                                     registration="PH000001", clinic_name="Hill & Dale Clinic",
                                     clinic_phone="0100 000000"))
    db.close()
    exam = _exam_file(tmp_path)
    document = json.loads(exam.read_text("utf-8"))
    document["examiner"] = {"name": "Exam Person", "registration": "PH999999"}
    exam.write_text(json.dumps(document), "utf-8")
    out = tmp_path / "letter.pdf"
    assert main(["letter", str(exam), "-o", str(out)]) == 0
    text = flat(" ".join(pages_text(out.read_bytes())))
    assert "Hill & Dale Clinic" in text and "0100 000000" in text
    assert "Exam Person" in text and "Registration number PH999999" in text
    assert "Profession Physiotherapist" in text  # filled in from the settings
    assert "Settings Person" not in text
