"""assess_red_flags against the rule table: timing, CES, motor, UMN, serious pathology.

Expected answers: clinical.md 5.2 (GIRFT 14-day rule, sexual dysfunction alone), 5.4 rows
1-15, and section 8 (8.5, 8.7, 8.8, 8.13, 8.14); primary sources as cited in the rule table.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.domain.exam_codec import exam_from_document
from app.domain.judgement import JudgementSettings
from app.rules.red_flags import assess_red_flags

EXAM_DATE = date(2026, 11, 21)
DEFAULTS = JudgementSettings()


def days_ago(days: int) -> str:
    return (EXAM_DATE - timedelta(days=days)).isoformat()


def exam(kb, **parts):
    doc = {"format": "nervechart.exam/1", "exam_date": EXAM_DATE.isoformat(), **parts}
    return exam_from_document(doc, kb.catalogue())


def fired(kb, exam_, settings=DEFAULTS, previous=None) -> dict:
    return {f.id: f for f in assess_red_flags(exam_, kb, settings, previous)}


def flag(days: int | None = None, present: bool = True) -> dict:
    answer: dict = {"present": present}
    if days is not None:
        answer["onset_date"] = days_ago(days)
    return answer


# --- cauda equina ---------------------------------------------------------------------------

@pytest.mark.parametrize("days, expected", [(14, "ces_new"), (15, "ces_established")])
def test_ces_14_day_boundary(kb, days, expected):
    result = fired(kb, exam(kb, red_flags={"saddle_anaesthesia": flag(days)},
                            history={"course": "stable"}))
    assert set(result) & {"ces_new", "ces_established"} == {expected}
    assert result[expected].because == ("red_flags.saddle_anaesthesia",)
    assert f"{days} days" in result[expected].text


def test_ces_window_is_a_setting(kb):
    case = exam(kb, red_flags={"urinary_hesitancy": flag(20)}, history={"course": "stable"})
    assert "ces_established" in fired(kb, case)
    assert "ces_new" in fired(kb, case, replace(DEFAULTS, ces_onset_window_days=21))


def test_old_ces_feature_that_is_deteriorating_is_new(kb):
    result = fired(kb, exam(kb, red_flags={"saddle_anaesthesia": flag(40)},
                            history={"course": "worsening"}))
    assert result["ces_new"].urgency == "emergency"
    assert result["ces_new"].destination == "emergency_department"
    assert "ces_established" not in result


def test_unknown_onset_is_treated_as_new(kb):
    result = fired(kb, exam(kb, red_flags={"loss_rectal_sensation": flag()}))
    assert "ces_new" in result
    assert "onset not recorded" in result["ces_new"].text


def test_flag_onset_falls_back_to_history_onset(kb):
    result = fired(kb, exam(kb, red_flags={"altered_urinary_sensation": flag()},
                            history={"onset_date": days_ago(30), "course": "stable"}))
    assert "ces_established" in result and "ces_new" not in result


def test_cornwall_setting_sends_old_stable_ces_to_the_ed(kb):
    case = exam(kb, red_flags={"saddle_anaesthesia": flag(60)}, history={"course": "stable"})
    result = fired(kb, case, replace(DEFAULTS, ces_older_than_window_to_ed=True))
    assert "ces_new" in result and "ces_established" not in result


def test_established_ces_goes_to_spinal_services_urgently(kb):
    result = fired(kb, exam(kb, red_flags={"bilateral_leg_symptoms": flag(30)},
                            history={"course": "improving"}))
    finding = result["ces_established"]
    assert (finding.urgency, finding.destination) == ("urgent", "spinal_surgery")


def test_sexual_dysfunction_alone_does_not_fire_ces(kb):
    assert fired(kb, exam(kb, red_flags={"sexual_dysfunction": flag(2)})) == {}


def test_new_sexual_dysfunction_with_an_older_feature_is_an_emergency(kb):
    result = fired(kb, exam(kb, red_flags={"sexual_dysfunction": flag(2),
                                           "saddle_anaesthesia": flag(40)},
                            history={"course": "stable"}))
    finding = result["ces_new_sexual_dysfunction"]
    assert finding.urgency == "emergency"
    assert set(finding.because) == {"red_flags.sexual_dysfunction", "red_flags.saddle_anaesthesia"}


@pytest.mark.parametrize("item", ["urinary_retention", "urinary_incontinence",
                                  "faecal_incontinence"])
def test_retention_or_incontinence_is_an_emergency_whatever_the_duration(kb, item):
    result = fired(kb, exam(kb, red_flags={item: flag(200)}, history={"course": "stable"}))
    assert result["ces_retention"].urgency == "emergency"
    assert result["ces_retention"].destination == "emergency_department"


def test_bilateral_severe_leg_weakness_is_a_ces_feature(kb):
    result = fired(kb, exam(kb, strength={"left": {"knee_extension": "3"},
                                          "right": {"ankle_eversion": "2"}},
                            history={"onset_date": days_ago(3)}))
    assert set(result["ces_new"].because) == {"strength.left.knee_extension",
                                              "strength.right.ankle_eversion"}


def test_one_sided_severe_weakness_is_not_a_ces_feature(kb):
    result = fired(kb, exam(kb, strength={"left": {"knee_extension": "3"},
                                          "right": {"knee_extension": "5"}}))
    assert "ces_new" not in result


def test_saddle_numbness_on_the_body_chart_is_a_ces_feature(kb):
    result = fired(kb, exam(kb, symptoms={"midline": {"saddle": ["numbness"]}}))
    assert result["ces_new"].because == ("symptoms.midline.saddle",)


def test_explicit_negatives_fire_nothing(kb):
    answers = {flag_id: flag(1, present=False) for flag_id in kb.red_flags}
    assert fired(kb, exam(kb, red_flags=answers)) == {}


# --- motor deficit --------------------------------------------------------------------------

def test_new_severe_unilateral_weakness_is_urgent_spinal(kb):
    result = fired(kb, exam(kb, strength={"left": {"ankle_dorsiflexion": "3"}},
                            history={"onset_date": days_ago(4), "course": "stable"}))
    finding = result["new_severe_motor_deficit"]
    assert (finding.urgency, finding.destination) == ("urgent", "spinal_surgery")
    assert finding.because == ("strength.left.ankle_dorsiflexion",)
    assert "MRC 3" in finding.text and "4 days" in finding.text


def test_old_stable_severe_weakness_does_not_fire_the_new_deficit_rule(kb):
    result = fired(kb, exam(kb, strength={"right": {"ankle_dorsiflexion": "2"}},
                            history={"onset_date": days_ago(22), "course": "stable"}))
    assert "new_severe_motor_deficit" not in result


def test_weakness_above_the_threshold_does_not_fire(kb):
    case = exam(kb, strength={"left": {"ankle_dorsiflexion": "4-"}},
                history={"onset_date": days_ago(2)})
    assert "new_severe_motor_deficit" not in fired(kb, case)
    assert "new_severe_motor_deficit" in fired(kb, case,
                                               replace(DEFAULTS, severe_weakness_mrc="4-"))


def test_not_testable_is_never_severe(kb):
    case = exam(kb, strength={"left": {"ankle_dorsiflexion": "NT"}})
    assert fired(kb, case) == {}


def test_reported_progressive_weakness_fires(kb):
    result = fired(kb, exam(kb, red_flags={"progressive_weakness": flag()}))
    assert result["progressive_weakness"].urgency == "urgent"


@pytest.mark.parametrize("before, now, fires", [
    ("4", "4-", False), ("4+", "4-", False), ("4-", "3", True), ("5", "4+", True),
    ("3", "1", True), ("3", "4", False), ("NT", "2", False),
])
def test_progression_between_exams_counts_whole_mrc_grades(kb, before, now, fires):
    previous = exam(kb, strength={"left": {"knee_extension": before}})
    previous = replace(previous, exam_date=date(2026, 11, 7))
    current = exam(kb, strength={"left": {"knee_extension": now}},
                   history={"onset_date": days_ago(90), "course": "stable"})
    result = fired(kb, current, previous=previous)
    assert ("weakness_progressed_since_last_exam" in result) is fires


def test_progression_between_exams_fires_by_itself_and_names_both_dates(kb):
    previous = replace(exam(kb, strength={"right": {"elbow_extension": "5"}}),
                       exam_date=date(2026, 10, 1))
    current = exam(kb, strength={"right": {"elbow_extension": "4"}},
                   history={"onset_date": days_ago(200), "course": "stable"})
    finding = fired(kb, current, previous=previous)["weakness_progressed_since_last_exam"]
    assert finding.because == ("strength.right.elbow_extension",)
    assert "2026-10-01" in finding.text and "2026-11-21" in finding.text
    assert finding.urgency == "urgent"


# --- upper motor neuron -----------------------------------------------------------------------

def test_one_definite_umn_sign_is_urgent_by_default(kb):
    result = fired(kb, exam(kb, reflexes={"left": {"plantar": "extensor"}},
                            history={"course": "stable"}))
    assert result["umn_signs"].because == ("reflexes.left.plantar",)
    assert result["umn_signs"].urgency == "urgent"


def test_equivocal_plantar_and_unsustained_clonus_are_not_umn_signs(kb):
    result = fired(kb, exam(kb, reflexes={"left": {"plantar": "equivocal",
                                                   "ankle_clonus": "unsustained"}}))
    assert result == {}


def test_stricter_umn_setting_needs_two_signs_or_gait_change(kb):
    strict = replace(DEFAULTS, single_umn_sign_is_urgent=False)
    one = exam(kb, reflexes={"right": {"hoffmann": "positive"}}, history={"course": "stable"})
    assert set(fired(kb, one, strict)) == {"myelopathy_symptoms"}
    two = exam(kb, reflexes={"right": {"hoffmann": "positive"}, "left": {"plantar": "extensor"}},
               history={"course": "stable"})
    assert "umn_signs" in fired(kb, two, strict)
    assert "myelopathy_symptoms" not in fired(kb, two, strict)
    gait = exam(kb, reflexes={"right": {"hoffmann": "positive"}},
                red_flags={"gait_disturbance": flag()}, history={"course": "stable"})
    assert "umn_signs" in fired(kb, gait, strict)


def test_umn_sign_with_worsening_course_is_an_emergency(kb):
    result = fired(kb, exam(kb, reflexes={"right": {"ankle_clonus": "sustained"}},
                            history={"course": "worsening"}))
    assert result["myelopathy_progressive"].urgency == "emergency"
    assert "history.course" in result["myelopathy_progressive"].because


def test_myelopathy_symptoms_without_signs(kb):
    result = fired(kb, exam(kb, red_flags={"hand_clumsiness": flag()},
                            history={"course": "stable"}))
    assert set(result) == {"myelopathy_symptoms"}


# --- serious pathology --------------------------------------------------------------------------

def test_cancer_with_neurological_deficit_is_mscc(kb):
    result = fired(kb, exam(kb, red_flags={"cancer_history": flag()},
                            strength={"left": {"hip_flexion": "4"}}))
    finding = result["mscc_suspected"]
    assert (finding.urgency, finding.destination) == ("emergency", "oncology_mscc")
    assert "spinal_metastases_suspected" not in result


def test_cancer_with_thoracic_pain_and_no_deficit_is_urgent_mscc(kb):
    result = fired(kb, exam(kb, red_flags={"cancer_history": flag(),
                                           "thoracic_pain": flag()}))
    assert result["spinal_metastases_suspected"].urgency == "urgent"
    assert "mscc_suspected" not in result


def test_malignancy_flags_need_a_combination(kb):
    alone = exam(kb, red_flags={"night_pain": flag()}, patient={"age": 40})
    assert fired(kb, alone) == {}
    older = exam(kb, red_flags={"night_pain": flag()}, patient={"age": 62})
    finding = fired(kb, older)["malignancy_combination"]
    assert (finding.urgency, finding.destination) == ("soon", "gp")
    assert set(finding.because) == {"red_flags.night_pain", "patient.age"}


def test_age_and_slow_recovery_alone_do_not_make_a_malignancy_flag(kb):
    case = exam(kb, patient={"age": 70},
                history={"onset_date": days_ago(60), "course": "stable"})
    assert fired(kb, case) == {}


def test_fever_with_severe_back_pain_is_an_emergency(kb):
    result = fired(kb, exam(kb, red_flags={"fever": flag()},
                            history={"pain_nrs": {"back": 8}}))
    assert result["infection_fever_severe_pain"].urgency == "emergency"
    mild = fired(kb, exam(kb, red_flags={"fever": flag()}, history={"pain_nrs": {"back": 4}}))
    assert mild == {}


def test_steroids_alone_suggest_fragility_fracture_but_age_alone_does_not(kb):
    assert "fragility_fracture" in fired(kb, exam(kb, red_flags={
        "prolonged_corticosteroids": flag()}))
    assert fired(kb, exam(kb, patient={"age": 80})) == {}


def test_every_finding_cites_known_sources_and_names_a_destination(kb):
    everything = {flag_id: flag() for flag_id in kb.red_flags}
    results = assess_red_flags(exam(kb, red_flags=everything, patient={"age": 75},
                                    history={"pain_nrs": {"back": 9}, "course": "worsening"},
                                    reflexes={"left": {"plantar": "extensor"}}),
                               kb, DEFAULTS, None)
    assert len(results) > 10
    for finding in results:
        assert finding.destination and finding.because and finding.text
        assert "{" not in finding.text
        assert all(key in kb.sources for key in finding.source.split(";"))
