"""The exam format: every spec ID accepted, every bad input named, round trips exact."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from app.domain.errors import ExamFormatError
from app.domain.exam_codec import exam_from_document, exam_to_document
from tests import spec_ids

CAT = spec_ids.spec_catalogue()

SPEC_EXAMPLE = {
    "format": "nervechart.exam/1",
    "exam_date": "2026-11-21",
    "patient": {"name": "Zoë O'Brien-Łukasz", "date_of_birth": "1980-03-02",
                "identifier": "CL-00417", "age": 46, "sex": "female"},
    "examiner": {"name": "A. Physio", "profession": "Physiotherapist", "registration": "PH123456"},
    "history": {"onset_date": "2026-11-18", "course": "worsening", "cues": ["leg_crossing"],
                "pain_nrs": {"back": 6, "leg": 8}},
    "symptoms": {"left": {"dorsum_foot": ["numbness"], "lateral_leg": ["pain", "tingling"]},
                 "right": {}, "midline": {"low_back": ["pain"]}},
    "strength": {"left": {"ankle_dorsiflexion": "2", "great_toe_extension": "2",
                          "ankle_inversion": "5", "hip_abduction": "5"},
                 "right": {"ankle_dorsiflexion": "5"}},
    "reflexes": {"left": {"achilles": "2", "patellar": "2"},
                 "right": {"achilles": "2", "patellar": "2"}},
    "tests": {"left": {"slr": {"result": "negative"},
                       "tinel_fibular_head": {"result": "positive"}}},
    "red_flags": {"saddle_anaesthesia": {"present": False},
                  "urinary_hesitancy": {"present": False}},
}


def test_spec_example_reads_with_patients_side_and_absent_items_absent():
    exam = exam_from_document(SPEC_EXAMPLE, CAT)
    assert exam.exam_date == date(2026, 11, 21)
    assert exam.patient.name == "Zoë O'Brien-Łukasz"
    assert exam.strength[("left", "ankle_dorsiflexion")] == "2"
    assert ("right", "hip_abduction") not in exam.strength  # not examined, not "5"
    assert exam.symptom_kinds("left", "lateral_leg") == {"pain", "tingling"}
    assert exam.red_flags["saddle_anaesthesia"].present is False
    assert "knee_extension" not in {m for _, m in exam.strength}


def test_round_trip_is_exact_and_stable():
    exam = exam_from_document(SPEC_EXAMPLE, CAT)
    doc = exam_to_document(exam)
    assert exam_from_document(doc, CAT) == exam
    assert exam_to_document(exam_from_document(doc, CAT)) == doc


@pytest.mark.parametrize("muscle", spec_ids.MUSCLES)
@pytest.mark.parametrize("grade", ["0", "1", "2", "3", "4-", "4", "4+", "5", "NT"])
def test_every_spec_muscle_accepts_every_mrc_grade(muscle, grade):
    doc = {"format": "nervechart.exam/1", "exam_date": "2026-01-01",
           "strength": {"right": {muscle: grade}}}
    assert exam_from_document(doc, CAT).strength[("right", muscle)] == grade


def test_every_spec_id_is_accepted_in_one_document():
    doc = {
        "format": "nervechart.exam/1", "exam_date": "2026-01-01",
        "history": {"cues": list(spec_ids.CUES)},
        "symptoms": {"left": {r: ["pain"] for r in spec_ids.REGIONS},
                     "midline": {r: ["numbness"] for r in spec_ids.MIDLINE_REGIONS}},
        "reflexes": {"left": {**{r: "2" for r in spec_ids.REFLEXES},
                              **{s: vals[0] for s, vals in spec_ids.UMN_SIGNS.items()}}},
        "tests": {"right": {t: {"result": "positive"} for t in spec_ids.TESTS}},
        "red_flags": {f: {"present": True, "onset_date": "2025-12-30"}
                      for f in spec_ids.RED_FLAGS},
    }
    exam = exam_from_document(doc, CAT)
    assert len(exam.symptoms) == len(spec_ids.REGIONS) + len(spec_ids.MIDLINE_REGIONS)
    assert len(exam.red_flags) == len(spec_ids.RED_FLAGS)


def _broken(path: list[str], value):
    doc = copy.deepcopy(SPEC_EXAMPLE)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(("path", "value", "field", "hint"), [
    (["strength", "left", "hip_abduction"], "6", "strength.left.hip_abduction", "4+"),
    (["strength", "left", "hip_abduction"], 5, "strength.left.hip_abduction", "NT"),
    (["strength", "left", "toe_wiggle"], "5", "strength.left.toe_wiggle", "hip_abduction"),
    (["strength", "middle"], {}, "strength.middle", "left"),
    (["symptoms", "left", "elbow_pit"], ["pain"], "symptoms.left.elbow_pit", "dorsum_foot"),
    (["symptoms", "midline", "dorsum_foot"], ["pain"], "symptoms.midline.dorsum_foot", "saddle"),
    (["symptoms", "left", "dorsum_foot"], ["itching"], "symptoms.left.dorsum_foot[0]", "tingling"),
    (["reflexes", "left", "achilles"], "5", "reflexes.left.achilles", "4"),
    (["reflexes", "left", "plantar"], "up", "reflexes.left.plantar", "extensor"),
    (["tests", "left", "slr"], {"result": "maybe"}, "tests.left.slr.result", "positive"),
    (["tests", "left", "slr"], {"result": "positive", "angle": 200}, "tests.left.slr.angle",
     "0-120"),
    (["tests", "left", "phalen"], {"result": "positive", "angle": 30}, "tests.left.phalen.angle",
     "result"),
    (["red_flags", "saddle_anaesthesia"], {"present": "no"}, "red_flags.saddle_anaesthesia.present",
     "true or false"),
    (["red_flags", "numb_bum"], {"present": True}, "red_flags.numb_bum", "saddle_anaesthesia"),
    (["red_flags", "fever"], {"present": True, "onset_date": "21/11/2026"},
     "red_flags.fever.onset_date", "YYYY-MM-DD"),
    (["exam_date"], "2026-02-30", "exam_date", "YYYY-MM-DD"),
    (["patient", "sex"], "F", "patient.sex", "female"),
    (["patient", "age"], -1, "patient.age", "0-130"),
    (["patient", "nickname"], "Z", "patient.nickname", "identifier"),
    (["history", "course"], "better", "history.course", "improving"),
    (["history", "cues"], ["sitting"], "history.cues[0]", "leg_crossing"),
    (["history", "pain_nrs"], {"leg": 11}, "history.pain_nrs.leg", "0-10"),
    (["format"], "nervechart.exam/2", "format", "nervechart.exam/1"),
    (["colour"], "blue", "colour", "exam_date"),
])
def test_bad_input_names_field_value_and_allowed(path, value, field, hint):
    with pytest.raises(ExamFormatError) as caught:
        exam_from_document(_broken(path, value), CAT)
    assert caught.value.field == field
    assert hint in caught.value.allowed
    assert field in str(caught.value)


def test_not_an_object_is_a_clear_error():
    with pytest.raises(ExamFormatError, match="is not an object"):
        exam_from_document([1, 2], CAT)


def test_age_is_derived_from_date_of_birth_when_not_recorded():
    doc = {"format": "nervechart.exam/1", "exam_date": "2026-03-01",
           "patient": {"date_of_birth": "1960-03-02"}}
    assert exam_from_document(doc, CAT).patient_age() == 65


def test_edit_helpers_return_new_exams_and_none_means_not_examined():
    exam = exam_from_document(SPEC_EXAMPLE, CAT)
    edited = exam.with_strength("right", "hip_abduction", "4")
    assert edited.strength[("right", "hip_abduction")] == "4"
    assert ("right", "hip_abduction") not in exam.strength
    cleared = edited.with_strength("right", "hip_abduction", None)
    assert cleared == exam
