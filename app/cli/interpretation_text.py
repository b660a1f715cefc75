"""An interpretation written for a person (`nervechart interpret --text`)."""

from __future__ import annotations

from app.domain.interpretation import Interpretation
from app.domain.knowledge import KnowledgeBase


def interpretation_as_text(result: Interpretation, kb: KnowledgeBase) -> str:
    lines = [f"URGENCY: {result.urgency.upper()} -> {result.referral.to.replace('_', ' ')}"]
    if result.referral.text:
        lines.append(f"  {result.referral.text}")
    for flag in result.red_flags:
        lines.append(f"RED FLAG [{flag.urgency}] {flag.text}  ({flag.id}; {flag.source})")
    if result.indeterminate:
        lines.append("LOCALISATION INDETERMINATE: the leading sites are not separated.")
    for rank, hyp in enumerate(result.hypotheses, start=1):
        lines.append(f"{rank}. {hyp.label}  [score {hyp.score:.2f}]")
        lines.extend(f"     + {e.text}  ({e.rule}; {e.source})" for e in hyp.supporting)
        lines.extend(f"     - {e.text}  ({e.rule}; {e.source})" for e in hyp.against)
    if result.next_tests:
        lines.append("NEXT TESTS:")
        lines.extend(f"  * {t.finding}: {t.why}" for t in result.next_tests)
    if result.not_tested:
        lines.append("NOT TESTED: " + ", ".join(result.not_tested))
    return "\n".join(lines)
