"""Overall urgency and destination from the red flags and the leading localisation.

PLACEHOLDER until the red-flag engine lands.
"""

from __future__ import annotations

from app.domain.interpretation import Referral, RedFlagFinding
from app.domain.knowledge import KnowledgeBase
from app.domain.vocabulary import max_urgency
from app.rules.localise import Localisation


def decide_referral(flags: tuple[RedFlagFinding, ...], localisation: Localisation,
                    kb: KnowledgeBase) -> tuple[str, Referral]:
    urgency = max_urgency(*(f.urgency for f in flags))
    return urgency, Referral(to="msk_physiotherapy", text="")
