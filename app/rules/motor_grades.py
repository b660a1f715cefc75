"""MRC grades as the red-flag rules compare them: severity and change between exams.

Severity uses the full scale (0, 1, 2, 3, 4-, 4, 4+, 5): a grade is "severe" at or below the
clinic's threshold (`JudgementSettings.severe_weakness_mrc`, default 3). Change between exams
counts whole MRC grades only: 4+, 4 and 4- are all grade 4, so 4 -> 4- is not a one-grade
loss but 4- -> 3 and 5 -> 4+ are (the +/- modifiers are not reliable enough between
examiners to signal progression on their own; docs/judgement-calls.md 8.8).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.domain.exam import Exam
from app.domain.vocabulary import mrc_rank


def is_severe(grade: str, threshold: str) -> bool:
    """True for a recorded grade at or below `threshold`; NT is never severe (not a grade)."""
    rank = mrc_rank(grade)
    return rank is not None and rank <= mrc_rank(threshold)


def is_weak(grade: str) -> bool:
    """True for a recorded grade below full strength (5); NT is not a grade."""
    rank = mrc_rank(grade)
    return rank is not None and rank < mrc_rank("5")


def whole_grade(grade: str) -> int | None:
    """The whole MRC grade (0..5) of a recorded grade; None for NT."""
    return None if mrc_rank(grade) is None else int(grade[0])


@dataclass(frozen=True)
class GradeLoss:
    side: str
    muscle: str
    before: str
    now: str


def grade_losses(exam: Exam, previous: Exam) -> Iterator[GradeLoss]:
    """Every muscle graded in both exams that lost at least one whole MRC grade."""
    for (side, muscle), now in exam.strength.items():
        before = previous.strength.get((side, muscle))
        if before is None:
            continue
        old, new = whole_grade(before), whole_grade(now)
        if old is not None and new is not None and old - new >= 1:
            yield GradeLoss(side, muscle, before, now)
