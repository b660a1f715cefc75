"""The IDs that shared/spec/exam-format.md requires, transcribed once for the tests.

The knowledge tables must contain every one of them (tests/knowledge); the codec tests build
a catalogue from them so the format can be tested without the clinical tables.
"""

from app.domain.catalogue import Catalogue

MIDLINE_REGIONS = ("low_back", "saddle", "chest", "abdomen", "upper_back", "mid_back",
                   "occiput", "neck")
LOWER_REGIONS = (
    "low_back", "sacroiliac", "buttock", "groin", "saddle", "hip_lateral", "anterior_thigh",
    "lateral_thigh", "medial_thigh", "posterior_thigh", "anterior_knee", "medial_knee",
    "popliteal_fossa", "medial_leg", "lateral_leg", "posterior_calf", "medial_ankle",
    "lateral_ankle", "dorsum_foot", "first_web_space", "great_toe", "lesser_toes", "medial_foot",
    "lateral_foot", "sole_medial", "sole_lateral", "heel", "chest", "abdomen", "upper_back",
    "mid_back",
)
UPPER_REGIONS = (
    "occiput", "neck", "shoulder_top", "scapula", "axilla", "lateral_upper_arm",
    "medial_upper_arm", "posterior_upper_arm", "lateral_elbow", "medial_elbow", "lateral_forearm",
    "medial_forearm", "posterior_forearm", "thenar", "palm_lateral", "palm_medial",
    "dorsum_hand_radial", "dorsum_hand_ulnar", "hand_first_web_space", "thumb", "index_finger",
    "middle_finger", "ring_finger_radial", "ring_finger_ulnar", "little_finger",
)
REGIONS = LOWER_REGIONS + UPPER_REGIONS
LOWER_MUSCLES = (
    "hip_flexion", "hip_adduction", "hip_abduction", "hip_extension", "knee_extension",
    "knee_flexion", "ankle_dorsiflexion", "great_toe_extension", "ankle_eversion",
    "ankle_inversion", "ankle_plantarflexion", "toe_flexion",
)
UPPER_MUSCLES = (
    "scapular_retraction", "shoulder_abduction", "shoulder_external_rotation", "elbow_flexion",
    "elbow_flexion_midprone", "elbow_extension", "wrist_extension", "wrist_flexion",
    "forearm_pronation", "finger_extension", "thumb_extension", "thumb_ip_flexion",
    "finger_flexion", "little_finger_dip_flexion", "finger_abduction", "thumb_abduction",
)
MUSCLES = LOWER_MUSCLES + UPPER_MUSCLES
# Muscles the project adds (the spec allows additions, never renames): serratus anterior, so
# that a long thoracic palsy and winging at root level can be found (clinical.md 1.4, 4.6).
PROJECT_MUSCLES = ("scapular_protraction",)
REFLEXES = ("biceps", "brachioradialis", "triceps", "patellar", "medial_hamstring", "achilles")
UMN_SIGNS = {
    "plantar": ("flexor", "extensor", "equivocal"),
    "hoffmann": ("positive", "negative"),
    "ankle_clonus": ("absent", "unsustained", "sustained"),
    "inverted_supinator": ("positive", "negative"),
}
TESTS = ("slr", "crossed_slr", "slump", "femoral_nerve_stretch", "spurling", "ulnt1",
         "tinel_fibular_head", "tinel_carpal_tunnel", "phalen", "tinel_cubital_tunnel",
         "tinel_tarsal_tunnel")
RED_FLAGS = (
    "urinary_retention", "urinary_hesitancy", "altered_urinary_sensation", "urinary_incontinence",
    "faecal_incontinence", "loss_rectal_sensation", "saddle_anaesthesia", "sexual_dysfunction",
    "bilateral_leg_symptoms", "progressive_weakness", "gait_disturbance", "hand_clumsiness",
    "cancer_history", "unexplained_weight_loss", "fever", "iv_drug_use", "immunosuppression",
    "recent_infection", "major_trauma", "minor_trauma_osteoporosis", "prolonged_corticosteroids",
    "night_pain", "thoracic_pain", "systemically_unwell",
)
CUES = (
    "leg_crossing", "prolonged_squatting_kneeling", "recent_weight_loss", "knee_trauma",
    "fibular_fracture", "plaster_cast", "hip_surgery", "gluteal_injection",
    "pelvic_surgery_or_haematoma", "anticoagulants", "diabetes", "tight_footwear",
    "repetitive_hand_use", "elbow_leaning", "upper_arm_compression", "pregnancy_or_obesity",
    "tight_belt", "neck_pain", "back_pain",
)
ROOT_SITES = tuple(f"root:{r}" for r in ("C5", "C6", "C7", "C8", "T1", "L2", "L3", "L4", "L5",
                                          "S1", "S2"))
NERVE_SITES = tuple(f"nerve:{n}" for n in (
    "common_peroneal", "deep_peroneal", "superficial_peroneal", "sciatic", "tibial",
    "tibial_ankle", "femoral", "lateral_femoral_cutaneous", "obturator", "sural", "median_wrist",
    "anterior_interosseous", "ulnar_elbow", "ulnar_wrist", "radial_spiral_groove",
    "radial_axilla", "posterior_interosseous", "axillary", "suprascapular", "musculocutaneous",
    "long_thoracic"))
OTHER_SITES = ("plexus:lumbosacral", "plexus:brachial_upper", "plexus:brachial_lower",
               "cauda_equina", "conus", "myelopathy:cervical", "myelopathy:thoracic",
               "central:brain", "polyneuropathy", "non_radicular")
SITES = ROOT_SITES + NERVE_SITES + OTHER_SITES
URGENCIES = ("emergency", "urgent", "soon", "routine")
DESTINATIONS = ("emergency_department", "spinal_surgery", "oncology_mscc", "neurology", "gp",
                "rheumatology", "msk_physiotherapy")


def spec_catalogue() -> Catalogue:
    """A catalogue holding exactly the spec's required IDs."""
    return Catalogue(
        regions=frozenset(REGIONS), midline_regions=frozenset(MIDLINE_REGIONS),
        muscles=frozenset(MUSCLES), reflexes=frozenset(REFLEXES), umn_signs=UMN_SIGNS,
        tests=frozenset(TESTS), angle_tests=frozenset({"slr", "crossed_slr"}),
        red_flags=frozenset(RED_FLAGS), cues=frozenset(CUES),
    )
