"""The anatomy tables hold every ID the spec requires, with the meanings the engine relies on."""

from __future__ import annotations

import pytest

from app.domain import vocabulary as v
from app.rules.territory import nerve_subtree, predicted_muscles, predicted_regions
from tests import spec_ids

ANATOMY_TABLES = ("sites.csv", "muscles.csv", "regions.csv", "reflexes.csv", "umn_signs.csv",
                  "tests.csv", "cues.csv", "sources.csv")


def test_every_spec_region_muscle_reflex_test_and_cue_exists(kb):
    assert set(spec_ids.REGIONS) <= set(kb.regions)
    assert set(spec_ids.MUSCLES) <= set(kb.muscles)
    assert set(spec_ids.REFLEXES) <= set(kb.reflexes)
    assert set(spec_ids.TESTS) <= set(kb.tests)
    assert set(spec_ids.CUES) <= set(kb.cues)


def test_the_muscles_are_the_spec_ones_plus_the_documented_additions(kb):
    assert set(kb.muscles) == set(spec_ids.MUSCLES) | set(spec_ids.PROJECT_MUSCLES)


def test_serratus_anterior_finds_the_long_thoracic_nerve_and_is_spared_by_the_plexus(kb):
    """clinical.md 1.4 and 4.6: serratus anterior (long thoracic, C5-C7) leaves at root level,
    so winging points to a root or the nerve itself, never to the upper trunk."""
    assert predicted_muscles("nerve:long_thoracic", kb) == {"scapular_protraction": 1.0}
    assert "scapular_protraction" not in predicted_muscles("plexus:brachial_upper", kb)
    assert predicted_muscles("root:C6", kb)["scapular_protraction"] >= 0.5


def test_every_spec_site_exists(kb):
    assert set(spec_ids.SITES) <= set(kb.sites)


def test_umn_signs_accept_exactly_the_spec_values_plus_nt(kb):
    for sign, values in spec_ids.UMN_SIGNS.items():
        assert kb.umn_signs[sign].values == (*values, v.NOT_TESTABLE)


@pytest.mark.parametrize(("sign", "abnormal"), [
    ("plantar", {"extensor"}), ("hoffmann", {"positive"}), ("ankle_clonus", {"sustained"}),
    ("inverted_supinator", {"positive"}),
])
def test_only_definite_signs_are_abnormal(kb, sign, abnormal):
    assert kb.umn_signs[sign].abnormal == abnormal


def test_midline_regions_are_exactly_the_spec_ones(kb):
    assert {r.id for r in kb.regions.values() if r.midline} == set(spec_ids.MIDLINE_REGIONS)


def test_limbs_of_muscles_follow_the_spec(kb):
    assert {m for m in spec_ids.LOWER_MUSCLES if kb.muscles[m].limb == "lower"} == \
        set(spec_ids.LOWER_MUSCLES)
    assert {m for m in spec_ids.UPPER_MUSCLES if kb.muscles[m].limb == "upper"} == \
        set(spec_ids.UPPER_MUSCLES)


def test_only_slr_tests_take_an_angle(kb):
    assert {t.id for t in kb.tests.values() if t.takes_angle} == {"slr", "crossed_slr"}


def test_only_the_ankle_jerk_is_age_dependent(kb):
    assert {r.id for r in kb.reflexes.values() if r.age_dependent} == {"achilles"}


@pytest.mark.parametrize(("muscle", "nerve"), [
    ("hip_abduction", "nerve:superior_gluteal"), ("ankle_inversion", "nerve:tibial"),
    ("ankle_eversion", "nerve:superficial_peroneal"), ("ankle_dorsiflexion", "nerve:deep_peroneal"),
    ("great_toe_extension", "nerve:deep_peroneal"), ("elbow_extension", "nerve:radial_axilla"),
    ("elbow_flexion_midprone", "nerve:radial_spiral_groove"),
    ("finger_extension", "nerve:posterior_interosseous"),
    ("thumb_extension", "nerve:posterior_interosseous"),
    ("forearm_pronation", "nerve:median_elbow"),
    ("wrist_flexion", "nerve:median_elbow"), ("thumb_ip_flexion", "nerve:anterior_interosseous"),
    ("finger_flexion", "nerve:anterior_interosseous"),
    ("little_finger_dip_flexion", "nerve:ulnar_elbow"), ("finger_abduction", "nerve:ulnar_wrist"),
    ("thumb_abduction", "nerve:median_wrist"), ("scapular_retraction", "nerve:dorsal_scapular"),
])
def test_muscles_name_the_most_distal_site_that_weakens_them(kb, muscle, nerve):
    assert kb.muscles[muscle].nerve == nerve


def test_the_nerve_tree_puts_distal_branches_below_their_nerve(kb):
    assert {"nerve:deep_peroneal", "nerve:superficial_peroneal"} <= \
        nerve_subtree("nerve:common_peroneal", kb)
    assert {"nerve:common_peroneal", "nerve:tibial", "nerve:tibial_ankle"} <= \
        nerve_subtree("nerve:sciatic", kb)
    assert "nerve:posterior_interosseous" in nerve_subtree("nerve:radial_axilla", kb)
    assert "nerve:ulnar_wrist" in nerve_subtree("nerve:ulnar_elbow", kb)
    assert "nerve:tibial" not in nerve_subtree("nerve:common_peroneal", kb)


def test_a_common_peroneal_lesion_spares_inversion_and_hip_abduction(kb):
    weak = predicted_muscles("nerve:common_peroneal", kb)
    assert set(weak) == {"ankle_dorsiflexion", "great_toe_extension", "ankle_eversion"}


def test_hip_flexion_separates_the_pelvic_femoral_nerve_from_the_thigh_segment(kb):
    """clinical.md 4.5: hip flexion weak with a pelvic femoral or plexus lesion, normal with a
    femoral lesion below the inguinal ligament; adduction spared by both femoral lesions."""
    assert "hip_flexion" in predicted_muscles("nerve:femoral_pelvic", kb)
    assert "hip_flexion" not in predicted_muscles("nerve:femoral", kb)
    assert "hip_flexion" in predicted_muscles("plexus:lumbar", kb)
    for femoral in ("nerve:femoral", "nerve:femoral_pelvic"):
        assert "hip_adduction" not in predicted_muscles(femoral, kb)
    assert "nerve:femoral" in nerve_subtree("nerve:femoral_pelvic", kb)


def test_the_lumbar_plexus_spares_the_l5_and_s1_muscles_the_lumbosacral_plexus_weakens(kb):
    lumbar = predicted_muscles("plexus:lumbar", kb)
    whole = predicted_muscles("plexus:lumbosacral", kb)
    assert {"hip_adduction", "knee_extension"} <= lumbar.keys()
    assert "ankle_plantarflexion" not in lumbar and "ankle_plantarflexion" in whole
    assert "great_toe_extension" not in lumbar  # EHL is L5/S1


def test_the_upper_trunk_spares_the_rhomboids_but_the_c5_root_does_not(kb):
    assert "scapular_retraction" not in predicted_muscles("plexus:brachial_upper", kb)
    assert predicted_muscles("root:C5", kb)["scapular_retraction"] == 1.0


def test_root_shares_follow_the_documented_judgement(kb):
    assert dict(kb.muscles["ankle_dorsiflexion"].roots) == {"L4": 0.6, "L5": 0.4}
    assert dict(kb.muscles["ankle_eversion"].roots) == {"L5": 0.6, "S1": 0.4}


def test_medial_forearm_skin_is_not_ulnar_territory(kb):
    assert "medial_forearm" not in predicted_regions("nerve:ulnar_elbow", kb)
    assert predicted_regions("root:C8", kb)["medial_forearm"] == "core"
    assert predicted_regions("plexus:brachial_lower", kb)["medial_forearm"] == "core"


def test_the_ring_finger_is_split_between_median_and_ulnar(kb):
    assert "ring_finger_ulnar" in predicted_regions("nerve:ulnar_wrist", kb)
    assert "ring_finger_radial" not in predicted_regions("nerve:ulnar_wrist", kb)
    assert "ring_finger_radial" in predicted_regions("nerve:median_wrist", kb)


def test_carpal_tunnel_spares_the_thenar_skin(kb):
    assert "thenar" not in predicted_regions("nerve:median_wrist", kb)
    assert "thenar" in predicted_regions("nerve:median_elbow", kb)


@pytest.mark.parametrize(("site", "destination", "urgency"), [
    ("root:L5", "msk_physiotherapy", "routine"), ("nerve:common_peroneal", "neurology", "routine"),
    ("plexus:lumbosacral", "neurology", "soon"),
    ("myelopathy:cervical", "spinal_surgery", "urgent"),
    ("cauda_equina", "spinal_surgery", "urgent"),
    ("central:brain", "neurology", "urgent"),
    ("non_radicular", "msk_physiotherapy", "routine"),
])
def test_sites_carry_their_default_referral(kb, site, destination, urgency):
    assert (kb.sites[site].destination, kb.sites[site].urgency) == (destination, urgency)


def test_no_site_is_an_emergency_by_itself(kb):
    """clinical.md 5.4 rows 1, 3, 14 and 10.6: what makes a case an emergency is its tempo or a
    red-flag feature (new CES, retention, rapidly progressive UMN signs), which the red-flag
    rules assess; a site's own urgency is at most urgent (cord, brain, cauda equina, conus),
    so a red-flag answer that reorders the hypotheses cannot lower the urgency."""
    assert {site.urgency for site in kb.sites.values()} <= {"routine", "soon", "urgent"}


def test_every_anatomy_table_has_a_version(kb):
    for name in ANATOMY_TABLES:
        assert kb.table_versions[name] == "2026-11-21", name


def test_each_muscles_displayed_nerve_names_the_site_it_is_scored_on(kb):
    for muscle in kb.muscles.values():
        first_word = muscle.peripheral_nerve.split()[0]
        assert first_word in kb.sites[muscle.nerve].label, muscle.id
