"""Closed value sets of the exchange format (shared/spec/exam-format.md).

These are format-level words (sides, grades, urgency), not clinical knowledge: which regions,
muscles, reflexes, tests and red flags exist is data, loaded from `resources/tables`.
Every ordered tuple here is the single source of that order.
"""

from __future__ import annotations

EXAM_FORMAT = "nervechart.exam/1"
INTERPRETATION_FORMAT = "nervechart.interpretation/1"

LIMB_SIDES: tuple[str, ...] = ("left", "right")
SYMPTOM_SIDES: tuple[str, ...] = ("left", "right", "midline")
HYPOTHESIS_SIDES: tuple[str, ...] = ("left", "right", "bilateral", "none")

SYMPTOM_KINDS: tuple[str, ...] = (
    "pain", "tingling", "numbness", "weakness", "wasting", "fasciculation",
)

NOT_TESTABLE = "NT"
# MRC grades from weakest to strongest; NT is recorded but is not a strength.
MRC_GRADES: tuple[str, ...] = ("0", "1", "2", "3", "4-", "4", "4+", "5")
MRC_VALUES: tuple[str, ...] = (*MRC_GRADES, NOT_TESTABLE)
# NINDS reflex scale (Hallett 1993): 2 is normal.
REFLEX_GRADES: tuple[str, ...] = ("0", "1", "2", "3", "4")
REFLEX_VALUES: tuple[str, ...] = (*REFLEX_GRADES, NOT_TESTABLE)

TEST_RESULTS: tuple[str, ...] = ("positive", "negative", NOT_TESTABLE)
SEXES: tuple[str, ...] = ("female", "male", "other", "unknown")
COURSES: tuple[str, ...] = ("worsening", "stable", "improving", "unknown")
PAIN_NRS_PARTS: tuple[str, ...] = ("back", "leg", "neck", "arm")

# Lowest to highest. The overall urgency is never below any red flag's.
URGENCIES: tuple[str, ...] = ("routine", "soon", "urgent", "emergency")
DESTINATIONS: tuple[str, ...] = (
    "emergency_department", "spinal_surgery", "oncology_mscc", "neurology", "gp",
    "rheumatology", "msk_physiotherapy",
)


def mrc_rank(grade: str) -> int | None:
    """Position of an MRC grade on the 0..5 scale (0 weakest); None for NT."""
    return MRC_GRADES.index(grade) if grade in MRC_GRADES else None


def urgency_rank(urgency: str) -> int:
    return URGENCIES.index(urgency)


def max_urgency(*urgencies: str) -> str:
    """The highest of the given urgencies (routine when none are given)."""
    return max(urgencies, key=urgency_rank, default="routine")

# Spinal nerve roots, cranial to caudal: the order used for "adjacent roots" and sorting.
ROOTS: tuple[str, ...] = (
    *(f"C{i}" for i in range(1, 9)),
    *(f"T{i}" for i in range(1, 13)),
    *(f"L{i}" for i in range(1, 6)),
    *(f"S{i}" for i in range(1, 6)),
)
LIMBS: tuple[str, ...] = ("upper", "lower", "trunk", "both")
SITE_KINDS: tuple[str, ...] = (
    "root", "nerve", "plexus", "cauda_equina", "conus", "myelopathy", "central",
    "polyneuropathy", "non_radicular",
)
RED_FLAG_GROUPS: tuple[str, ...] = ("cauda_equina", "neurological", "serious_pathology")
