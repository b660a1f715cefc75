"""The whole interpretation of one exam: red flags first, then localisation, then the referral.

Order matters for safety: red flags are assessed before and independently of localisation,
and nothing the localisation finds can lower their urgency.
"""

from __future__ import annotations

from app.domain.exam import Exam
from app.domain.interpretation import Interpretation
from app.domain.judgement import JudgementSettings
from app.domain.knowledge import KnowledgeBase
from app.rules.localise import localise
from app.rules.red_flags import assess_red_flags
from app.rules.referral import decide_referral

DEFAULT_SETTINGS = JudgementSettings()


def interpret(exam: Exam, kb: KnowledgeBase, *, previous: Exam | None = None,
              settings: JudgementSettings = DEFAULT_SETTINGS) -> Interpretation:
    """Interpret `exam`; `previous` is the patient's last exam, for progression rules."""
    flags = assess_red_flags(exam, kb, settings, previous)
    localisation = localise(exam, kb, settings)
    urgency, referral = decide_referral(flags, localisation, kb)
    return Interpretation(
        hypotheses=localisation.hypotheses,
        indeterminate=localisation.indeterminate,
        red_flags=flags,
        urgency=urgency,
        referral=referral,
        next_tests=localisation.next_tests,
        not_tested=localisation.not_tested,
    )
