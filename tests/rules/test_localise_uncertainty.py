"""Indeterminate results, the next tests that would settle them, and what was not tested.

Sources: clinical.md 4.2 minimal rule 6 and 8.11 (mixed or unclear foot drop → indeterminate,
not a forced answer); 10.4 (key discriminators); Jeon 2013; Esene 2012.
"""

from __future__ import annotations

from app.rules.localise import KEEP_RATIO, MAX_HYPOTHESES
from app.rules.separation import SEPARATION_RATIO
from tests.rules.localise_helpers import exam_doc, run, shared


def test_foot_drop_with_the_discriminators_untested_is_indeterminate(kb):
    doc = exam_doc(strength={"left": {"ankle_dorsiflexion": "3", "great_toe_extension": "3",
                                      "ankle_eversion": "4"}})
    result = run(doc, kb)
    assert result.indeterminate
    proposed = [t.finding for t in result.next_tests]
    assert "strength.left.ankle_dorsiflexion" not in proposed  # examined already
    assert "strength.left.hip_abduction" in proposed
    assert "strength.left.ankle_inversion" in proposed
    assert all(t.why for t in result.next_tests)
    hip = next(t for t in result.next_tests if t.finding == "strength.left.hip_abduction")
    assert "L5 nerve root" in hip.why


def test_nt_findings_are_reported_as_not_tested_and_examined_ones_are_not(kb):
    doc = shared("l5-foot-drop")
    doc["strength"]["left"]["hip_abduction"] = "NT"
    result = run(doc, kb)
    assert "strength.left.hip_abduction" in result.not_tested  # NT is not a result
    assert "strength.left.ankle_inversion" not in result.not_tested  # it was examined


def test_a_clear_answer_is_not_indeterminate_and_proposes_nothing(kb):
    result = run(shared("l5-foot-drop"), kb)
    assert not result.indeterminate and result.next_tests == ()


def test_not_tested_lists_the_missing_discriminators_not_everything(kb):
    doc = shared("l5-foot-drop")
    del doc["strength"]["left"]["hip_abduction"]
    del doc["strength"]["left"]["ankle_inversion"]
    result = run(doc, kb)
    assert {"strength.left.hip_abduction", "strength.left.ankle_inversion"} <= \
        set(result.not_tested)
    assert not any(p.startswith("strength.left.elbow") for p in result.not_tested)
    assert len(result.not_tested) <= 10


def test_wrist_drop_alone_asks_for_triceps_or_brachioradialis(kb):
    doc = exam_doc(strength={"right": {"wrist_extension": "2", "finger_extension": "2"}})
    result = run(doc, kb)
    assert result.indeterminate
    assert {"strength.right.elbow_extension", "strength.right.elbow_flexion_midprone"} & \
        {t.finding for t in result.next_tests}


def test_l5_or_peroneal_foot_drop_without_its_discriminators_is_indeterminate_with_margin(kb):
    """clinical.md 4.2 rules 2-3 and 8.11: weak TA, EHL and eversion with sensory loss on the
    dorsum of the foot fit both L5 and the peroneal nerve until inversion, hip abduction and
    the medial hamstring reflex are examined (Jeon 2013; Esene 2012)."""
    for side in ("left", "right"):
        doc = exam_doc(
            strength={side: {"ankle_dorsiflexion": "3", "great_toe_extension": "3",
                             "ankle_eversion": "4", "ankle_plantarflexion": "5",
                             "knee_extension": "5"}},
            reflexes={side: {"patellar": "2", "achilles": "2"}},
            symptoms={side: {"dorsum_foot": ["numbness"]}})
        result = run(doc, kb)
        assert result.indeterminate
        scores = {h.site: h.score for h in result.hypotheses}
        leader = max(scores["root:L5"], scores["nerve:common_peroneal"])
        rival = min(scores["root:L5"], scores["nerve:common_peroneal"])
        assert (1 - rival) / (1 - leader) < SEPARATION_RATIO - 0.1  # not a borderline call
        proposed = {t.finding for t in result.next_tests}
        assert {f"strength.{side}.ankle_inversion", f"strength.{side}.hip_abduction",
                f"reflexes.{side}.medial_hamstring"} <= proposed


def test_shown_hypotheses_leave_out_those_far_below_the_leader(kb):
    result = run(shared("cauda-equina"), kb)
    leader = result.hypotheses[0].score
    assert len(result.hypotheses) <= MAX_HYPOTHESES
    assert all(h.score >= KEEP_RATIO * leader for h in result.hypotheses)
    assert not any(h.site == "polyneuropathy" for h in result.hypotheses)  # 0.36 of 0.93
