"""Overall urgency and destination from the red flags and the leading localisation.

Urgency is the highest of every red flag's urgency and the leading site's urgency, so it is
never below any red flag. Destination: that of the most urgent red flag (the first in
rule-table order among equals); with no red flag, or when the localisation is strictly more
urgent than every flag, that of the localisation. The localisation's referral is the leading
site's (`sites.csv` destination and urgency); when the localisation is indeterminate it is
the referral that resolves it (clinical.md 8.11): neurology for nerve conduction studies and
EMG with spinal imaging as needed, unless the leading site is itself urgent or an emergency,
in which case its own destination comes first. With no hypothesis at all the patient stays
under MSK physiotherapy care, routine. `Referral.text` is the sentence a clinician would write.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.interpretation import Hypothesis, RedFlagFinding, Referral
from app.domain.knowledge import KnowledgeBase
from app.domain.vocabulary import max_urgency, urgency_rank
from app.rules.localise import Localisation

# How many leading hypotheses the referral names when the localisation is indeterminate.
INDETERMINATE_CANDIDATES = 2

_DESTINATION_NAMES = {
    "emergency_department": "emergency department",
    "spinal_surgery": "spinal surgical team",
    "oncology_mscc": "MSCC coordinator (acute oncology)",
    "neurology": "neurology",
    "gp": "GP",
    "rheumatology": "rheumatology",
    "msk_physiotherapy": "MSK physiotherapy",
}
_WHEN = {
    "emergency": "now",
    "urgent": "urgently (same day to 72 hours)",
    "soon": "within 2 weeks",
    "routine": "routinely",
}


@dataclass(frozen=True)
class _Plan:
    urgency: str
    destination: str
    reason: str  # completes "<lead>: ..."


def decide_referral(flags: tuple[RedFlagFinding, ...], localisation: Localisation,
                    kb: KnowledgeBase) -> tuple[str, Referral]:
    """(overall urgency, referral) for these red flags and this localisation."""
    site_plan = _localisation_plan(localisation, kb)
    urgency = max_urgency(site_plan.urgency, *(flag.urgency for flag in flags))
    top = _most_urgent(flags)
    if top is None or urgency_rank(site_plan.urgency) > urgency_rank(top.urgency):
        plan, others = site_plan, flags
    else:
        plan = _Plan(top.urgency, top.destination, _lower_first(top.text))
        others = tuple(flag for flag in flags if flag is not top)
    text = f"{_lead(urgency, plan.destination)}: {plan.reason}"
    if others:
        text += " Also flagged: " + "; ".join(_flag_label(f, kb) for f in others) + "."
    return urgency, Referral(to=plan.destination, text=text)


def _most_urgent(flags: tuple[RedFlagFinding, ...]) -> RedFlagFinding | None:
    best = None
    for flag in flags:
        if best is None or urgency_rank(flag.urgency) > urgency_rank(best.urgency):
            best = flag
    return best


def _localisation_plan(localisation: Localisation, kb: KnowledgeBase) -> _Plan:
    hypotheses = localisation.hypotheses
    if not hypotheses:
        return _Plan("routine", "msk_physiotherapy",
                     "no red flag and no localising neurological deficit recorded.")
    leading = kb.sites[hypotheses[0].site]
    if not localisation.indeterminate:
        return _Plan(leading.urgency, leading.destination, f"{_site_phrase(hypotheses[0])}.")
    between = " and ".join(_site_phrase(h) for h in hypotheses[:INDETERMINATE_CANDIDATES])
    if urgency_rank(leading.urgency) >= urgency_rank("urgent"):
        return _Plan(leading.urgency, leading.destination,
                     f"localisation indeterminate between {between}; "
                     f"exclude {leading.label} first.")
    return _Plan(leading.urgency, "neurology",
                 f"nerve conduction studies and EMG (with spinal MRI if they point to a root); "
                 f"localisation indeterminate between {between}.")


def _site_phrase(hypothesis: Hypothesis) -> str:
    return _lower_first(hypothesis.label)


def _lead(urgency: str, destination: str) -> str:
    if destination == "msk_physiotherapy":
        keep = "Keep under MSK physiotherapy care"
        return keep if urgency == "routine" else f"{keep}, review {_WHEN[urgency]}"
    name = _DESTINATION_NAMES[destination]
    return f"{name[:1].upper()}{name[1:]} {_WHEN[urgency]}"


def _flag_label(flag: RedFlagFinding, kb: KnowledgeBase) -> str:
    rule = next((r for r in kb.red_flag_rules if r.id == flag.id), None)
    label = rule.label if rule else flag.id.replace("_", " ")
    return f"{label} ({flag.urgency}, {_DESTINATION_NAMES[flag.destination]})"


def _lower_first(text: str) -> str:
    # Keep acronyms and side names as written: only lower a capital followed by a lower-case.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
