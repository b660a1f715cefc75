"""Fictional demo patients with several visits each, for `nervechart demo` and first looks.

Every name is invented and marked as demo data. The stories: an L5 radiculopathy that
recovers, a left foot drop that worsens from visit to visit (the progression red flag), a C7
radiculopathy, a carpal tunnel syndrome, a fibular (peroneal) neuropathy after leg crossing and
an S1 radiculopathy. Visits are dated back from `today`; the last visit of the worsening patient
is left as a draft, all others are signed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from app.domain.catalogue import Catalogue
from app.domain.exam import Exam, Examiner, History, Patient, RedFlagAnswer, TestResult, frozen_map
from app.storage import exams, patients
from app.storage.settings import ClinicSettings, save_settings

DEMO_SETTINGS = ClinicSettings(
    examiner_name="Alex Sample (demo)", profession="Physiotherapist", registration="PH000000",
    clinic_name="Demo Spine & Nerve Clinic (fictional)",
    clinic_address="1 Example Street, Sampletown", clinic_phone="000 0000 0000")


@dataclass(frozen=True)
class _Visit:
    days_ago: int
    strength: dict[tuple[str, str], str]
    reflexes: dict[tuple[str, str], str]
    tests: dict[tuple[str, str], str]
    course: str


@dataclass(frozen=True)
class _Story:
    patient: Patient
    symptoms: dict[tuple[str, str], frozenset[str]]
    cues: frozenset[str]
    visits: tuple[_Visit, ...]


def _visit(days_ago: int, course: str, strength: dict, reflexes: dict | None = None,
           tests: dict | None = None) -> _Visit:
    return _Visit(days_ago, strength, reflexes or {}, tests or {}, course)


_PAIN_TINGLE = frozenset({"pain", "tingling"})
STORIES: tuple[_Story, ...] = (
    _Story(Patient(name="Alice Demo-Fernhill", date_of_birth=date(1979, 4, 12),
                   identifier="DEMO-0001", sex="female"),
           {("left", "lateral_leg"): _PAIN_TINGLE, ("left", "dorsum_foot"): frozenset({"numbness"}),
            ("midline", "low_back"): frozenset({"pain"})},
           frozenset({"back_pain"}),
           (_visit(84, "worsening", {("left", "ankle_dorsiflexion"): "4",
                                     ("left", "great_toe_extension"): "4-",
                                     ("left", "hip_abduction"): "4"},
                   tests={("left", "slr"): "positive"}),
            _visit(42, "improving", {("left", "ankle_dorsiflexion"): "4+",
                                     ("left", "great_toe_extension"): "4",
                                     ("left", "hip_abduction"): "4+"},
                   tests={("left", "slr"): "positive"}),
            _visit(7, "improving", {("left", "ankle_dorsiflexion"): "5",
                                    ("left", "great_toe_extension"): "4+",
                                    ("left", "hip_abduction"): "5"},
                   tests={("left", "slr"): "negative"}))),
    _Story(Patient(name="Bram Demo-Oakley", date_of_birth=date(1966, 9, 30),
                   identifier="DEMO-0002", sex="male"),
           {("left", "dorsum_foot"): frozenset({"numbness", "weakness"}),
            ("left", "lateral_leg"): _PAIN_TINGLE, ("midline", "low_back"): frozenset({"pain"})},
           frozenset({"back_pain"}),
           (_visit(35, "worsening", {("left", "ankle_dorsiflexion"): "4",
                                     ("left", "great_toe_extension"): "4",
                                     ("left", "ankle_eversion"): "5",
                                     ("left", "hip_abduction"): "5"},
                   {("left", "achilles"): "2", ("left", "patellar"): "2"},
                   {("left", "slr"): "positive"}),
            _visit(14, "worsening", {("left", "ankle_dorsiflexion"): "3",
                                     ("left", "great_toe_extension"): "3",
                                     ("left", "ankle_eversion"): "4",
                                     ("left", "hip_abduction"): "4+"},
                   {("left", "achilles"): "2", ("left", "patellar"): "2"},
                   {("left", "slr"): "positive"}),
            _visit(0, "worsening", {("left", "ankle_dorsiflexion"): "2",
                                    ("left", "great_toe_extension"): "2",
                                    ("left", "ankle_eversion"): "4-",
                                    ("left", "hip_abduction"): "4"},
                   {("left", "achilles"): "2", ("left", "patellar"): "2"},
                   {("left", "slr"): "positive"}))),
    _Story(Patient(name="Chiara Demo-Lindqvist", date_of_birth=date(1971, 1, 23),
                   identifier="DEMO-0003", sex="female"),
           {("right", "posterior_forearm"): _PAIN_TINGLE,
            ("right", "middle_finger"): frozenset({"tingling"}),
            ("midline", "neck"): frozenset({"pain"})},
           frozenset({"neck_pain"}),
           (_visit(60, "stable", {("right", "elbow_extension"): "4",
                                  ("right", "wrist_flexion"): "4",
                                  ("right", "finger_extension"): "4+"},
                   {("right", "triceps"): "1", ("left", "triceps"): "2"},
                   {("right", "spurling"): "positive", ("right", "ulnt1"): "positive"}),
            _visit(21, "improving", {("right", "elbow_extension"): "4+",
                                     ("right", "wrist_flexion"): "5",
                                     ("right", "finger_extension"): "5"},
                   {("right", "triceps"): "1", ("left", "triceps"): "2"},
                   {("right", "spurling"): "negative"}))),
    _Story(Patient(name="Dev Demo-Marlow", date_of_birth=date(1958, 6, 5),
                   identifier="DEMO-0004", sex="male"),
           {("right", "thumb"): frozenset({"tingling", "numbness"}),
            ("right", "index_finger"): frozenset({"tingling"}),
            ("right", "thenar"): frozenset({"wasting"})},
           frozenset({"repetitive_hand_use", "diabetes"}),
           (_visit(120, "stable", {("right", "thumb_abduction"): "4",
                                   ("right", "finger_abduction"): "5"},
                   tests={("right", "tinel_carpal_tunnel"): "positive",
                          ("right", "phalen"): "positive"}),
            _visit(30, "stable", {("right", "thumb_abduction"): "4",
                                  ("right", "finger_abduction"): "5"},
                   tests={("right", "phalen"): "positive"}))),
    _Story(Patient(name="Eira Demo-Castell", date_of_birth=date(1990, 11, 2),
                   identifier="DEMO-0005", sex="female"),
           {("right", "dorsum_foot"): frozenset({"numbness"}),
            ("right", "lateral_leg"): frozenset({"tingling"})},
           frozenset({"leg_crossing", "recent_weight_loss"}),
           (_visit(28, "stable", {("right", "ankle_dorsiflexion"): "3",
                                  ("right", "ankle_eversion"): "3",
                                  ("right", "ankle_inversion"): "5",
                                  ("right", "hip_abduction"): "5"},
                   tests={("right", "tinel_fibular_head"): "positive",
                          ("right", "slr"): "negative"}),
            _visit(3, "improving", {("right", "ankle_dorsiflexion"): "4",
                                    ("right", "ankle_eversion"): "4",
                                    ("right", "ankle_inversion"): "5",
                                    ("right", "hip_abduction"): "5"},
                   tests={("right", "tinel_fibular_head"): "positive"}))),
    _Story(Patient(name="Farouk Demo-Ashby", date_of_birth=date(1984, 2, 17),
                   identifier="DEMO-0006", sex="male"),
           {("right", "posterior_calf"): _PAIN_TINGLE,
            ("right", "lateral_foot"): frozenset({"numbness"}),
            ("midline", "low_back"): frozenset({"pain"})},
           frozenset({"back_pain"}),
           (_visit(50, "worsening", {("right", "ankle_plantarflexion"): "4",
                                     ("right", "knee_flexion"): "4+"},
                   {("right", "achilles"): "0", ("left", "achilles"): "2"},
                   {("right", "slr"): "positive"}),
            _visit(10, "stable", {("right", "ankle_plantarflexion"): "4+",
                                  ("right", "knee_flexion"): "5"},
                   {("right", "achilles"): "1", ("left", "achilles"): "2"},
                   {("right", "slr"): "positive"}))),
)
_SCREENED_ABSENT = ("saddle_anaesthesia", "urinary_retention", "bilateral_leg_symptoms",
                    "cancer_history", "unexplained_weight_loss", "fever")


def fill_demo(db: Database, catalogue: Catalogue, today: date | None = None) -> int:
    """Store the demo clinic settings, patients and exams in one transaction; returns exams."""
    today = today or date.today()
    examiner = DEMO_SETTINGS.examiner()
    stored = 0
    with db.atomic():
        save_settings(db, DEMO_SETTINGS)
        for story in STORIES:
            record = patients.add_patient(db, story.patient)
            for number, visit in enumerate(story.visits, 1):
                exam = _exam_of(story, visit, today, examiner)
                is_last_draft = story.patient.identifier == "DEMO-0002" and \
                    number == len(story.visits)
                exams.create_exam(db, exam, record.id, catalogue,
                                  status=exams.DRAFT if is_last_draft else exams.SIGNED,
                                  note="demo data")
                stored += 1
    return stored


def _exam_of(story: _Story, visit: _Visit, today: date, examiner: Examiner) -> Exam:
    first_visit = max(v.days_ago for v in story.visits)
    history = History(onset_date=today - timedelta(days=first_visit + 21), course=visit.course,
                      cues=story.cues)
    return Exam(exam_date=today - timedelta(days=visit.days_ago), patient=story.patient,
                examiner=examiner, history=history, symptoms=frozen_map(story.symptoms),
                strength=frozen_map(visit.strength), reflexes=frozen_map(visit.reflexes),
                tests=frozen_map({key: TestResult(result) for key, result in visit.tests.items()}),
                red_flags=frozen_map({flag: RedFlagAnswer(present=False)
                                      for flag in _SCREENED_ABSENT}))
