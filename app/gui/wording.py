"""Words the charting window shows for the format's closed value sets (urgency, destination)."""

from __future__ import annotations

URGENCY_WORDS = {
    "emergency": "EMERGENCY",
    "urgent": "URGENT",
    "soon": "SOON",
    "routine": "Routine",
}
URGENCY_TIMING = {
    "emergency": "now",
    "urgent": "same day to 72 hours",
    "soon": "within days to 2 weeks",
    "routine": "routine",
}
DESTINATION_WORDS = {
    "emergency_department": "Emergency department",
    "spinal_surgery": "Spinal surgery",
    "oncology_mscc": "Acute oncology (MSCC pathway)",
    "neurology": "Neurology",
    "gp": "GP",
    "rheumatology": "Rheumatology",
    "msk_physiotherapy": "Keep under MSK physiotherapy",
}


def destination_words(destination: str) -> str:
    return DESTINATION_WORDS.get(destination, destination.replace("_", " "))
