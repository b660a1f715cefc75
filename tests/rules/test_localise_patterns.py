"""Localisation rules beyond one root or nerve: UMN override, age, polyneuropathy, two lesions,
no deficit, nothing examined, and left/right symmetry.

Sources: clinical.md 3.2 and 10.5 (UMN override), 8.12 (Vrancken 2006), 8.11 (Yap & McNamara),
4.1; the exam format section 1 (absent = not tested).
"""

from __future__ import annotations

import json

import pytest

from app.domain.judgement import JudgementSettings
from tests.exam_strategies import mirrored
from tests.rules.localise_helpers import VIGNETTES, exam_doc, hypothesis, run, shared

LEG_NORMAL = {m: "5" for m in ("hip_flexion", "knee_extension", "hip_abduction",
                               "ankle_dorsiflexion", "great_toe_extension", "ankle_eversion",
                               "ankle_inversion", "ankle_plantarflexion")}


def test_a_umn_sign_puts_the_cord_first_and_keeps_the_root_listed_against_it(kb):
    doc = shared("l5-foot-drop")
    doc["reflexes"]["left"]["plantar"] = "extensor"
    doc["reflexes"]["left"]["ankle_clonus"] = "sustained"
    result = run(doc, kb)
    assert result.hypotheses[0].site == "myelopathy:thoracic"
    root = hypothesis(result, "root:L5", "left")
    umn = [e for e in root.against if e.rule == "loc.umn.against_peripheral"]
    assert {e.finding for e in umn} == {"reflexes.left.plantar", "reflexes.left.ankle_clonus"}


def test_arm_umn_signs_point_to_the_cervical_cord(kb):
    doc = shared("c7-radiculopathy")
    doc["reflexes"]["right"]["hoffmann"] = "positive"
    doc["reflexes"]["left"]["hoffmann"] = "positive"
    result = run(doc, kb)
    assert (result.hypotheses[0].site, result.hypotheses[0].side) == \
        ("myelopathy:cervical", "bilateral")
    assert any(h.site == "root:C7" for h in result.hypotheses)


def test_an_equivocal_plantar_does_not_override(kb):
    doc = shared("l5-foot-drop")
    doc["reflexes"]["left"]["plantar"] = "equivocal"
    assert run(doc, kb).hypotheses[0].site == "root:L5"


def age_doc(age: int) -> dict:
    return exam_doc(patient={"age": age},
                    symptoms={side: {"dorsum_foot": ["numbness"], "sole_lateral": ["numbness"]}
                              for side in ("left", "right")},
                    strength={"left": LEG_NORMAL, "right": LEG_NORMAL},
                    reflexes={side: {"achilles": "0", "patellar": "2"}
                              for side in ("left", "right")})


def test_older_bilateral_ankle_jerk_loss_is_named_non_localising(kb):
    result = run(age_doc(72), kb)
    top = result.hypotheses[0]
    assert (top.site, top.side) == ("polyneuropathy", "bilateral")
    assert "loc.polyneuropathy.ankle_jerks_with_age" in {e.rule for e in top.supporting}
    noted = [h for h in result.hypotheses
             if any(e.rule == "loc.reflex.age_non_localising" for e in h.against)]
    assert noted, "hypotheses that would use the ankle jerk must say it was set aside"


def test_the_ankle_jerks_count_below_the_age_threshold(kb):
    result = run(age_doc(72), kb, JudgementSettings(ankle_reflex_age_threshold=80))
    assert not any(e.rule == "loc.reflex.age_non_localising"
                   for h in result.hypotheses for e in h.against)
    top = result.hypotheses[0]
    assert "reflexes.left.achilles" in {e.finding for e in top.supporting}


def test_two_lesions_are_listed_together_and_say_so(kb):
    case = json.loads((VIGNETTES / "two_lesions_l5_left_peroneal_right.json").read_text())
    result = run(case["exam"], kb)
    first, second = result.hypotheses[:2]
    assert {(first.site, first.side), (second.site, second.side)} == \
        {("root:L5", "left"), ("nerve:common_peroneal", "right")}
    for h in (first, second):
        assert h.supporting[0].rule == "loc.two_lesions"
    assert not result.indeterminate


def test_a_normal_examination_is_non_radicular(kb):
    doc = exam_doc(strength={"left": LEG_NORMAL, "right": LEG_NORMAL},
                   symptoms={"midline": {"low_back": ["pain"]}})
    result = run(doc, kb)
    assert [(h.site, h.side) for h in result.hypotheses] == [("non_radicular", "none")]


def test_too_little_examined_gives_no_answer(kb):
    doc = exam_doc(strength={"left": {"hip_flexion": "5", "knee_extension": "5"}},
                   symptoms={"left": {"lateral_leg": ["pain"]}})
    result = run(doc, kb)
    assert result.hypotheses == () and result.not_tested == () and not result.indeterminate


def test_a_cauda_equina_flag_with_a_normal_exam_is_not_called_non_radicular(kb):
    doc = exam_doc(strength={"left": LEG_NORMAL, "right": LEG_NORMAL},
                   red_flags={"urinary_retention": {"present": True}})
    assert run(doc, kb).hypotheses == ()


def test_symmetric_findings_give_one_bilateral_answer(kb):
    doc = exam_doc(strength={side: {"ankle_dorsiflexion": "2", "great_toe_extension": "2",
                                    "ankle_eversion": "3"} for side in ("left", "right")})
    sides = {h.side for h in run(doc, kb).hypotheses}
    assert sides == {"bilateral"}


@pytest.mark.parametrize("path", sorted(VIGNETTES.glob("*.json")), ids=lambda p: p.stem)
def test_mirroring_a_vignette_mirrors_the_answer(kb, path):
    doc = json.loads(path.read_text(encoding="utf-8"))["exam"]
    swap = {"left": "right", "right": "left", "bilateral": "bilateral", "none": "none"}
    plain, mirror = run(doc, kb), run(mirrored(doc), kb)
    assert [(h.site, swap[h.side], round(h.score, 9)) for h in plain.hypotheses] == \
        [(h.site, h.side, round(h.score, 9)) for h in mirror.hypotheses]
    flip = {"left": "right", "right": "left"}

    def swapped(path: str) -> str:
        section, side, item = path.split(".")
        return f"{section}.{flip.get(side, side)}.{item}"

    assert sorted(swapped(t.finding) for t in plain.next_tests) == \
        sorted(t.finding for t in mirror.next_tests)
    assert sorted(swapped(p) for p in plain.not_tested) == sorted(mirror.not_tested)


def test_reflexes_in_the_upper_half_of_normal_open_no_cord_hypothesis(kb):
    doc = exam_doc(reflexes={side: {"biceps": "3", "triceps": "3", "patellar": "3"}
                             for side in ("left", "right")})
    assert not any(h.site.startswith("myelopathy") for h in run(doc, kb).hypotheses)
    doc["reflexes"]["left"]["patellar"] = "4"
    assert run(doc, kb).hypotheses[0].site.startswith("myelopathy")


def test_one_umn_sign_with_an_l5_pattern_puts_the_cord_first_and_keeps_l5_close(kb):
    """clinical.md 3.2 and 10.5: a UMN sign routes to the cord; the L5 root stays among the
    first three (it may be a second lesion)."""
    for sign, value in (("plantar", "extensor"), ("ankle_clonus", "sustained"),
                        ("hoffmann", "positive")):
        for side in ("left", "right"):
            doc = shared("l5-foot-drop")
            doc["reflexes"].setdefault(side, {})[sign] = value
            sites = [h.site for h in run(doc, kb).hypotheses]
            assert sites[0].startswith("myelopathy:"), (sign, side, sites)
            assert "root:L5" in sites[:3], (sign, side, sites)
