"""Localisation: which site (root, nerve, plexus, cord, ...) best explains the findings.

PLACEHOLDER until the localisation engine lands: returns no hypotheses.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.exam import Exam
from app.domain.interpretation import Hypothesis, NextTest
from app.domain.judgement import JudgementSettings
from app.domain.knowledge import KnowledgeBase


@dataclass(frozen=True)
class Localisation:
    hypotheses: tuple[Hypothesis, ...]
    indeterminate: bool
    next_tests: tuple[NextTest, ...]
    not_tested: tuple[str, ...]


def localise(exam: Exam, kb: KnowledgeBase, settings: JudgementSettings) -> Localisation:
    return Localisation(hypotheses=(), indeterminate=False, next_tests=(), not_tested=())
