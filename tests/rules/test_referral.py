"""decide_referral: urgency never below a red flag, destination from the most urgent flag or
the leading site, indeterminate localisation resolved by NCS/EMG (clinical.md 5.3, 5.4, 8.11)."""

from __future__ import annotations

from app.domain.interpretation import Hypothesis, RedFlagFinding
from app.rules.localise import Localisation
from app.rules.referral import decide_referral


def located(*sites: tuple[str, str], indeterminate: bool = False) -> Localisation:
    hypotheses = tuple(Hypothesis(site=site, side="left", score=0.8 - 0.1 * i, label=label)
                       for i, (site, label) in enumerate(sites))
    return Localisation(hypotheses=hypotheses, indeterminate=indeterminate, next_tests=(),
                        not_tested=())


NOTHING = located()
L5 = ("root:L5", "Left L5 root")
PERONEAL = ("nerve:common_peroneal", "Left common peroneal neuropathy at the fibular head")
CAUDA = ("cauda_equina", "Cauda equina")


def finding(rule_id: str, urgency: str, destination: str,
            text: str = "Something: x. Do y.") -> RedFlagFinding:
    return RedFlagFinding(id=rule_id, urgency=urgency, because=("red_flags.fever",), text=text,
                          source="girft_ces2023", destination=destination)


def test_nothing_found_stays_under_physiotherapy_routine(kb):
    urgency, referral = decide_referral((), NOTHING, kb)
    assert (urgency, referral.to) == ("routine", "msk_physiotherapy")
    assert referral.text.startswith("Keep under MSK physiotherapy care")


def test_leading_site_gives_destination_without_flags(kb):
    urgency, referral = decide_referral((), located(PERONEAL, L5), kb)
    site = kb.sites["nerve:common_peroneal"]
    assert (urgency, referral.to) == (site.urgency, site.destination)
    assert "left common peroneal neuropathy" in referral.text


def test_most_urgent_flag_sets_destination_and_text(kb):
    flags = (finding("cancer_history", "soon", "gp"),
             finding("ces_new", "emergency", "emergency_department",
                     "Suspected cauda equina syndrome: saddle numbness (1 day). Emergency MRI."))
    urgency, referral = decide_referral(flags, located(L5), kb)
    assert (urgency, referral.to) == ("emergency", "emergency_department")
    assert referral.text.startswith("Emergency department now: suspected cauda equina syndrome")
    assert "Also flagged: history of cancer with spinal pain (soon, GP)." in referral.text


def test_ties_go_to_the_first_flag_in_table_order(kb):
    flags = (finding("new_severe_motor_deficit", "urgent", "spinal_surgery"),
             finding("bilateral_foot_drop", "urgent", "neurology"))
    assert decide_referral(flags, NOTHING, kb)[1].to == "spinal_surgery"


def test_a_more_urgent_leading_site_wins_the_destination(kb):
    flags = (finding("malignancy_combination", "soon", "gp"),)
    urgency, referral = decide_referral(flags, located(CAUDA), kb)
    assert urgency == kb.sites["cauda_equina"].urgency == "urgent"
    assert referral.to == kb.sites["cauda_equina"].destination
    assert "possible spinal malignancy" in referral.text


def test_urgency_is_never_below_a_red_flag(kb):
    flags = (finding("umn_signs", "urgent", "spinal_surgery"),)
    urgency, _ = decide_referral(flags, located(PERONEAL), kb)
    assert urgency == "urgent"


def test_indeterminate_localisation_goes_for_nerve_conduction_studies(kb):
    urgency, referral = decide_referral((), located(L5, PERONEAL, indeterminate=True), kb)
    assert (urgency, referral.to) == (kb.sites["root:L5"].urgency, "neurology")
    assert "nerve conduction studies" in referral.text
    assert "left L5 root" in referral.text and "left common peroneal" in referral.text


def test_indeterminate_with_a_serious_leading_site_excludes_it_first(kb):
    urgency, referral = decide_referral((), located(CAUDA, L5, indeterminate=True), kb)
    site = kb.sites["cauda_equina"]
    assert (urgency, referral.to) == (site.urgency, site.destination)
    assert f"exclude {site.label} first" in referral.text


def test_a_serious_second_candidate_does_not_set_the_urgency(kb):
    urgency, referral = decide_referral((), located(L5, CAUDA, indeterminate=True), kb)
    assert (urgency, referral.to) == (kb.sites["root:L5"].urgency, "neurology")


def test_an_exam_with_nothing_localising_is_not_presented_as_cleared(kb):
    urgency, referral = decide_referral((), NOTHING, kb)
    assert urgency == "routine"
    assert "not normal" in referral.text
    assert "complete the neurological examination" in referral.text
