"""Every recorded finding reaches the letter; what was not recorded says so; the banner matches
the interpretation (issue 5 items 1-3; clinical.md 6.2: "every finding the letter cites must
come from recorded data. Missing tests print as 'not tested', never as normal")."""

from __future__ import annotations

import re

import pytest

from app.report import PATIENT_COPY, template_for
from app.report.facts import nhs_date
from app.rules import interpret
from tests.report.conftest import SENDER, flat, pages_text


def _text(pdf: bytes) -> str:
    return flat(" ".join(pages_text(pdf)))


def _cell(value: str | None, abnormal: bool) -> str:
    if value is None:
        return "not tested"
    return f"{value} *" if abnormal else value


def test_every_recorded_finding_appears(example_exam, letter_for, kb):
    """Each graded muscle, reflex and test appears as its row: name, roots, left, right."""
    exam = example_exam
    text = _text(letter_for(exam, "spinal_surgery"))
    for muscle_id in {m for _, m in exam.strength}:
        muscle = kb.muscles[muscle_id]
        left, right = (exam.strength.get((side, muscle_id)) for side in ("left", "right"))
        row = (f"({muscle.muscle}) {', '.join(muscle.roots)} {_cell(left, left != '5')} "
               f"{_cell(right, right != '5')}")
        assert row in text
    for reflex_id in {r for _, r in exam.reflexes if r in kb.reflexes}:
        reflex = kb.reflexes[reflex_id]
        left, right = (exam.reflexes.get((side, reflex_id)) for side in ("left", "right"))
        row = (f"{reflex.label[1:]} {', '.join(reflex.roots)} {_cell(left, left != '2')} "
               f"{_cell(right, right != '2')}")
        assert row in text
    for sign_id in {s for _, s in exam.reflexes if s in kb.umn_signs}:
        sign = kb.umn_signs[sign_id]
        values = [exam.reflexes.get((side, sign_id)) for side in ("left", "right")]
        cells = " ".join(_cell(v, v in sign.abnormal or v == "NT") for v in values)
        assert f"{sign.label[1:]} {cells}" in text
    for (_side, test), result in exam.tests.items():
        assert kb.tests[test].label[1:] in text
        shown = result.result + (f" ({result.angle}°)" if result.angle is not None else "")
        assert shown in text
    for (_side, region) in exam.symptoms:
        assert kb.regions[region].label[1:] in text
    for flag, answer in exam.red_flags.items():
        assert kb.red_flags[flag].label[1:] in text
        if answer.onset_date:
            assert nhs_date(answer.onset_date) in text
    if exam.history.onset_date:
        assert nhs_date(exam.history.onset_date) in text


def test_strength_row_reads_grade_per_side_and_marks_weakness(exam_with, letter_for):
    """l5-foot-drop: left dorsiflexion 3, right 5 (shared/examples/l5-foot-drop.json)."""
    text = _text(letter_for(exam_with("l5-foot-drop"), "spinal_surgery"))
    assert "Ankle dorsiflexion (tibialis anterior) L4, L5 3 * 5" in text
    assert "Great toe extension (extensor hallucis longus) L5, S1 2 * 5" in text


def test_untested_key_items_read_not_tested(exam_with, letter_for, kb):
    """cauda-equina grades only plantarflexion and toe extension: the other lower-limb key
    muscles (ISNCSCI, clinical.md 1.2) and the plantar response must read "not tested"."""
    text = _text(letter_for(exam_with("cauda-equina"), "emergency_department"))
    for muscle in ("knee_extension", "ankle_dorsiflexion", "hip_flexion"):
        row = f"{kb.muscles[muscle].movement[1:]} ({kb.muscles[muscle].muscle})"
        assert re.search(re.escape(row) + r"(?: [CLTS]\d,?)+ not tested not tested", text), row
    assert "Plantar response not tested not tested" in text


def test_red_flag_screen_prints_negatives_and_not_asked(exam_with, letter_for):
    text = _text(letter_for(exam_with("cauda-equina"), "emergency_department"))
    assert "Faecal incontinence No" in text  # an explicit negative
    assert "Saddle numbness or tingling Yes * 20-Nov-2026" in text
    assert "Not asked: Urinary retention" in text


def test_banner_urgency_and_destination_match_the_interpretation(example_exam, letter_for, kb):
    result = interpret(example_exam, kb)
    template = template_for(result.referral.to)
    first_page = flat(pages_text(letter_for(example_exam))[0])
    wording = template.wording
    headline = template.sentence("banner_headline", urgency=wording.urgency[result.urgency],
                                 destination=wording.destinations[result.referral.to])
    assert headline in first_page
    assert wording.addressees[result.referral.to] in first_page
    for flag in result.red_flags:
        if flag.urgency == result.urgency:
            assert flat(flag.text) in first_page and flag.id in first_page


def test_other_destination_still_shows_the_urgency_and_recommendation(exam_with, letter_for, kb):
    exam = exam_with("cauda-equina")
    result = interpret(exam, kb)
    assert result.urgency == "emergency"  # shared/examples/README.md: ED now
    text = flat(pages_text(letter_for(exam, "gp"))[0])
    assert "EMERGENCY" in text
    assert "The findings indicate referral to the Emergency Department" in text


def test_lumbar_presentation_gets_cauda_equina_safety_netting(exam_with, letter_for):
    """clinical.md 6.1 (GIRFT/BASS; Greenhalgh 2020): CES safety-netting, written."""
    text = _text(letter_for(exam_with("peroneal-foot-drop"), "neurology"))
    assert "saddle area" in text and "Go to the Emergency Department immediately" in text


def test_cervical_presentation_gets_cord_safety_netting_not_ces(exam_with, letter_for):
    text = _text(letter_for(exam_with("c7-radiculopathy"), "spinal_surgery"))
    assert "hands become clumsy" in text
    assert "saddle area" not in text


def test_reasons_cite_their_sources(exam_with, letter_for, kb):
    exam = exam_with("cauda-equina")
    result = interpret(exam, kb)
    text = _text(letter_for(exam, "emergency_department"))
    cited = {key for flag in result.red_flags for key in flag.source.split(";") if key}
    assert cited
    for key in cited:
        assert flat(kb.sources[key].citation)[:60] in text


def test_signature_names_examiner_profession_and_registration(example_exam, letter_for):
    text = _text(letter_for(example_exam))
    assert "Alex Examiner" in text
    assert "Profession Physiotherapist" in text
    assert "Registration number PH123456" in text


def test_change_in_strength_since_the_previous_exam(exam_with, letter_for, kb):
    exam = exam_with("l5-foot-drop")
    previous = exam.with_strength("left", "ankle_dorsiflexion", "4").with_strength(
        "left", "hip_flexion", None)
    previous = previous.__class__(**{**previous.__dict__,
                                     "exam_date": exam.exam_date.replace(day=7)})
    text = _text(letter_for(exam, "spinal_surgery", previous=previous))
    assert "Compared with the exam of 07-Nov-2026" in text
    assert "Ankle dorsiflexion Left 4 3 weaker" in text
    assert "Hip flexion Left not tested 5 not comparable" in text
    assert "Unchanged: right hip flexion 5; left hip abduction 4-; right hip abduction 5;" in text
    assert "Compared with the exam" not in _text(letter_for(exam, "spinal_surgery"))


@pytest.mark.parametrize("destination", ["emergency_department", "spinal_surgery", "neurology",
                                         "gp", "oncology_mscc", "rheumatology",
                                         "msk_physiotherapy", PATIENT_COPY])
def test_every_destination_has_a_letter(destination, exam_with, kb):
    from app.report import build_letter

    exam = exam_with("l5-foot-drop")
    pdf = build_letter(exam, interpret(exam, kb), kb, destination, SENDER)
    text = _text(pdf)
    assert "Example Patient One" in text
    if destination == PATIENT_COPY:
        assert "Dear Example Patient One," in text
        assert "When to get help straight away" in text
    else:
        assert template_for(destination).wording.addressees[destination] in text
