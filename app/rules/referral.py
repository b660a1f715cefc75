"""Overall urgency and destination from the red flags and the leading localisation.

Urgency is the highest of every red flag's urgency and the leading site's urgency, so it is
never below any red flag. Destination: that of the most urgent red flag (the first in
rule-table order among equals); with no red flag, or when the localisation is strictly more
urgent than every flag, that of the localisation. The localisation's referral is the leading
site's (`sites.csv` destination and urgency); when the localisation is indeterminate it is
the referral that resolves it (clinical.md 8.11): neurology for nerve conduction studies and
EMG with spinal imaging as needed, unless the leading site is itself urgent or an emergency,
in which case its own destination comes first. With no hypothesis at all the patient stays
under MSK physiotherapy care, routine.

Marking a red flag present never lowers the urgency, by construction rather than by a patch
here: red-flag answers never change a localisation score; the only ones that change the
localisation at all (by opening the cauda equina and conus hypotheses) are those that fire a
cauda equina rule on their own; and no site is more urgent than those rules (`sites.csv`: no
site is an emergency by itself, emergencies come from the red-flag rules, clinical.md 5.4,
10.6).
`Referral.text` is the sentence a clinician would write.
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
    "emergency_department": "the emergency department",
    "spinal_surgery": "the spinal surgical team",
    "oncology_mscc": "the MSCC coordinator (acute oncology)",
    "neurology": "neurology (nerve conduction studies and EMG)",
    "gp": "the GP",
    "rheumatology": "rheumatology",
    "msk_physiotherapy": "MSK physiotherapy",
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
                     "no red flag and no localising neurological finding recorded so far. "
                     "Items not examined are not normal: complete the neurological "
                     "examination and the red-flag screen before relying on this.")
    leading = kb.sites[hypotheses[0].site]
    if not localisation.indeterminate:
        return _Plan(leading.urgency, leading.destination, f"{_site_phrase(hypotheses[0])}.")
    between = " and ".join(_site_phrase(h) for h in hypotheses[:INDETERMINATE_CANDIDATES])
    if urgency_rank(leading.urgency) >= urgency_rank("urgent"):
        return _Plan(leading.urgency, leading.destination,
                     f"localisation indeterminate between {between}; "
                     f"exclude {leading.label} first.")
    return _Plan(leading.urgency, "neurology",
                 f"localisation indeterminate between {between}; "
                 f"spinal MRI as well if the studies point to a root.")


def _site_phrase(hypothesis: Hypothesis) -> str:
    return _lower_first(hypothesis.label)


def _lead(urgency: str, destination: str) -> str:
    """The opening words: who, and how soon ("Emergency department now")."""
    if destination == "msk_physiotherapy":
        keep = "Keep under MSK physiotherapy care"
        return keep if urgency == "routine" else f"{keep}, review soon"
    name = _DESTINATION_NAMES[destination]
    if urgency == "emergency":
        bare = name.removeprefix("the ")
        return f"{bare[:1].upper()}{bare[1:]} now"
    if urgency == "urgent":
        return f"Urgent referral to {name} (same day to 72 hours)"
    if urgency == "soon":
        return f"Referral to {name} within 2 weeks"
    return f"Routine referral to {name}"


def _flag_label(flag: RedFlagFinding, kb: KnowledgeBase) -> str:
    rule = next((r for r in kb.red_flag_rules if r.id == flag.id), None)
    label = rule.label if rule else flag.id.replace("_", " ")
    return f"{label} ({flag.urgency}, {_DESTINATION_NAMES[flag.destination].removeprefix('the ')})"


def _lower_first(text: str) -> str:
    # Keep acronyms and side names as written: only lower a capital followed by a lower-case.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
