"""Red flags: assessed before localisation and never suppressed by it.

PLACEHOLDER until the red-flag engine lands: returns no red flags.
"""

from __future__ import annotations

from app.domain.exam import Exam
from app.domain.interpretation import RedFlagFinding
from app.domain.judgement import JudgementSettings
from app.domain.knowledge import KnowledgeBase


def assess_red_flags(exam: Exam, kb: KnowledgeBase, settings: JudgementSettings,
                     previous: Exam | None) -> tuple[RedFlagFinding, ...]:
    return ()
