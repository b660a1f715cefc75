"""Findings normalisation: what counts as weak, normal, reduced, a UMN sign or a deficit."""

from __future__ import annotations

from datetime import date

from app.domain.exam import Exam, Patient, RedFlagAnswer, frozen_map
from app.domain.judgement import JudgementSettings
from app.rules.findings import normalise

SETTINGS = JudgementSettings()


def make(age=50, strength=None, reflexes=None, symptoms=None, red_flags=None) -> Exam:
    return Exam(exam_date=date(2026, 11, 21), patient=Patient(age=age),
                strength=frozen_map(strength), reflexes=frozen_map(reflexes),
                symptoms=frozen_map({k: frozenset(v) for k, v in (symptoms or {}).items()}),
                red_flags=frozen_map(red_flags))


def test_nt_is_neither_weak_nor_normal(kb):
    found = normalise(make(strength={("left", "hip_abduction"): "NT"},
                           reflexes={("left", "achilles"): "NT"}), kb, SETTINGS)
    assert not found.weak and not found.normal_muscles
    assert not found.reduced and not found.normal_reflexes
    assert found.tested_count() == 0


def test_grades_below_5_are_weak_and_severe_weakness_weighs_more(kb):
    found = normalise(make(strength={("left", "ankle_dorsiflexion"): "2",
                                     ("left", "ankle_eversion"): "4+",
                                     ("left", "ankle_inversion"): "5"}), kb, SETTINGS)
    assert found.weak[("left", "ankle_dorsiflexion")] > found.weak[("left", "ankle_eversion")]
    assert found.normal_muscles == {("left", "ankle_inversion")}


def test_reflex_grades_split_into_reduced_normal_and_brisk(kb):
    found = normalise(make(reflexes={("left", "patellar"): "1", ("right", "patellar"): "2",
                                     ("left", "biceps"): "4"}), kb, SETTINGS)
    assert ("left", "patellar") in found.reduced
    assert found.normal_reflexes == {("right", "patellar")}
    assert ("left", "biceps") in found.brisk


def test_equivocal_plantar_and_unsustained_clonus_are_tested_but_not_signs(kb):
    found = normalise(make(reflexes={("left", "plantar"): "equivocal",
                                     ("left", "ankle_clonus"): "unsustained",
                                     ("right", "plantar"): "extensor"}), kb, SETTINGS)
    assert found.umn_signs == {("right", "plantar"): "extensor"}
    assert len(found.umn_tested) == 3


def test_numbness_outweighs_tingling_and_pain_only_supports(kb):
    found = normalise(make(symptoms={("left", "dorsum_foot"): {"numbness"},
                                     ("left", "great_toe"): {"tingling"},
                                     ("left", "lateral_leg"): {"pain"}}), kb, SETTINGS)
    assert found.deficits[("left", "dorsum_foot")] > found.deficits[("left", "great_toe")] > 0
    assert ("left", "lateral_leg") not in found.deficits
    assert ("left", "lateral_leg") in found.pain


def test_numbness_over_the_spine_localises_nothing(kb):
    found = normalise(make(symptoms={("midline", "low_back"): {"numbness"}}), kb, SETTINGS)
    assert not found.deficits


def test_bilateral_ankle_jerk_loss_from_the_age_threshold_is_set_aside(kb):
    reflexes = {("left", "achilles"): "0", ("right", "achilles"): "1"}
    old = normalise(make(age=60, reflexes=reflexes), kb, SETTINGS)
    young = normalise(make(age=59, reflexes=reflexes), kb, SETTINGS)
    assert old.age_set_aside == {("left", "achilles"), ("right", "achilles")} and not old.reduced
    assert not young.age_set_aside and len(young.reduced) == 2


def test_one_sided_ankle_jerk_loss_still_counts_in_older_patients(kb):
    found = normalise(make(age=80, reflexes={("left", "achilles"): "0",
                                             ("right", "achilles"): "2"}), kb, SETTINGS)
    assert ("left", "achilles") in found.reduced and not found.age_set_aside


def test_the_age_threshold_is_a_setting(kb):
    reflexes = {("left", "achilles"): "0", ("right", "achilles"): "0"}
    found = normalise(make(age=70, reflexes=reflexes), kb,
                      JudgementSettings(ankle_reflex_age_threshold=75))
    assert not found.age_set_aside


def test_only_present_cauda_equina_flags_count(kb):
    found = normalise(make(red_flags={
        "saddle_anaesthesia": RedFlagAnswer(present=True),
        "urinary_hesitancy": RedFlagAnswer(present=False),
        "cancer_history": RedFlagAnswer(present=True)}), kb, SETTINGS)
    assert found.ces_flags == {"saddle_anaesthesia"}
    assert found.examined_mass == 0  # red-flag answers are not examination findings
