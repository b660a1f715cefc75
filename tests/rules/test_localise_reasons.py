"""Localisation of the shared examples: ranking, labels, and the reasons given for each site.

Expected answers: shared/examples/README.md; clinical.md 4.2 (Jeon 2013, Stevens 2015) and 4.3.
"""

from __future__ import annotations

from app.rules.profiles import profile_index
from tests.rules.localise_helpers import exam_doc, hypothesis, run, shared


def rules_of(evidence) -> set[str]:
    return {e.rule for e in evidence}


def test_l5_foot_drop_names_its_discriminators_as_support(kb):
    result = run(shared("l5-foot-drop"), kb)
    top = result.hypotheses[0]
    assert (top.site, top.side, top.label) == ("root:L5", "left", "Left L5 nerve root")
    assert {"loc.l5.hip_abduction", "loc.l5.ankle_inversion", "loc.l5.medial_hamstring"} <= \
        rules_of(top.supporting)
    peroneal = hypothesis(result, "nerve:common_peroneal", "left")
    assert {"loc.common_peroneal.hip_abduction", "loc.common_peroneal.ankle_inversion"} <= \
        rules_of(peroneal.against)
    assert not result.indeterminate


def test_peroneal_foot_drop_holds_normal_inversion_against_l5(kb):
    result = run(shared("peroneal-foot-drop"), kb)
    top = result.hypotheses[0]
    assert top.label == "Right common peroneal (fibular) neuropathy at the fibular head"
    assert "loc.common_peroneal.tinel_fibular_head" in rules_of(top.supporting)
    assert "loc.common_peroneal.leg_crossing" in rules_of(top.supporting)
    root = hypothesis(result, "root:L5", "right")
    against = {e.finding for e in root.against}
    assert {"strength.right.ankle_inversion", "strength.right.hip_abduction"} <= against
    assert root.score < top.score


def test_c7_radiculopathy_beats_the_radial_nerve_on_pronation_and_brachioradialis(kb):
    result = run(shared("c7-radiculopathy"), kb)
    assert (result.hypotheses[0].site, result.hypotheses[0].side) == ("root:C7", "right")
    assert not any(h.site == "nerve:radial_axilla" for h in result.hypotheses)  # far below
    wrist_drop = exam_doc(strength={"right": {"wrist_extension": "3", "finger_extension": "3",
                                              "elbow_extension": "4", "forearm_pronation": "4"}})
    result = run(wrist_drop, kb)
    assert result.hypotheses[0].site == "root:C7"
    radial = hypothesis(result, "nerve:radial_axilla", "right")
    assert radial.against[0].finding == "strength.right.forearm_pronation"


def test_cauda_equina_is_bilateral_and_cites_the_sacral_features(kb):
    top = run(shared("cauda-equina"), kb).hypotheses[0]
    assert (top.site, top.side) == ("cauda_equina", "bilateral")
    assert {"symptoms.midline.saddle", "red_flags.saddle_anaesthesia",
            "red_flags.urinary_hesitancy"} <= {e.finding for e in top.supporting}


def test_every_reason_cites_known_sources_and_real_findings(kb):
    for name in ("l5-foot-drop", "peroneal-foot-drop", "c7-radiculopathy", "cauda-equina"):
        doc = shared(name)
        for h in run(doc, kb).hypotheses:
            assert 0.0 < h.score < 1.0
            for e in (*h.supporting, *h.against):
                assert e.rule.startswith("loc.") and e.text
                assert all(key in kb.sources for key in e.source.split(";"))
                section = e.finding.split(".")[0]
                assert section in ("strength", "reflexes", "symptoms", "tests", "history",
                                   "red_flags"), e.finding


def test_hypotheses_are_ranked_best_first(kb):
    scores = [h.score for h in run(shared("l5-foot-drop"), kb).hypotheses]
    assert scores == sorted(scores, reverse=True)


def test_site_profiles_are_built_once_per_knowledge_base(kb):
    assert profile_index(kb) is profile_index(kb)


def test_one_region_yields_one_line_per_hypothesis_naming_its_kinds(kb):
    """Pain and tingling in one region are one finding (clinical.md 2.1, 8.2): the deficit
    carries it, and the line names both kinds."""
    result = run(shared("l5-foot-drop"), kb)
    for h in result.hypotheses:
        paths = [e.finding for e in (*h.supporting, *h.against)
                 if e.rule.startswith(rule_prefix(h.site))]
        assert len(paths) == len(set(paths)), h.site
    top = result.hypotheses[0]
    leg = [e for e in top.supporting if e.finding == "symptoms.left.lateral_leg"]
    assert len(leg) == 1 and leg[0].text.startswith("Tingling and pain in the left lateral leg")


def test_pain_counts_once_where_a_deficit_is_recorded(kb):
    doc = shared("l5-foot-drop")
    with_pain = hypothesis(run(doc, kb), "root:L5", "left").score
    doc["symptoms"]["left"]["lateral_leg"] = ["tingling"]
    assert hypothesis(run(doc, kb), "root:L5", "left").score == with_pain


def test_discriminating_findings_lead_the_evidence(kb):
    """L5 vs the peroneal nerve: hip abduction, inversion and the medial hamstring reflex
    (clinical.md 4.2, 10.4) lead the leader's support and the peroneal hypothesis' against."""
    result = run(shared("l5-foot-drop"), kb)
    key = {"strength.left.hip_abduction", "strength.left.ankle_inversion",
           "reflexes.left.medial_hamstring"}
    assert result.hypotheses[0].supporting[0].finding in key
    peroneal = hypothesis(result, "nerve:common_peroneal", "left")
    assert {e.finding for e in peroneal.against[:3]} == key
    plexus = hypothesis(result, "plexus:lumbosacral", "left")
    assert plexus.against[0].finding.startswith("strength.left.")  # spared muscles first


def rule_prefix(site: str) -> str:
    prefix, _, name = site.partition(":")
    return f"loc.{(name if prefix in ('root', 'nerve') else site.replace(':', '_')).lower()}."
