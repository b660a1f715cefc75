"""What the examiner may type into a grade cell, and how it reads as an MRC value.

Accepted (case-insensitive): `0`-`5`, `4-`, `4+`, `n` or `nt` for not testable; the empty
string clears the cell. Anything else is refused with `ValueError` naming the input.
Also the quick "all 5" fill, which only ever fills untested cells.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.exam import Exam
from app.domain.vocabulary import MRC_VALUES, NOT_TESTABLE, mrc_rank

# The prefixes a person may be half-way through typing, for the editor's validator.
TYPING_PATTERN = r"^(?:[0-5]|4[+-]|[nN][tT]?)$"
NORMAL_GRADE = "5"


def parse_grade(text: str) -> str | None:
    """The MRC value typed as `text`, or None for an empty cell."""
    cleaned = text.strip().upper()
    if not cleaned:
        return None
    if cleaned in ("N", NOT_TESTABLE):
        return NOT_TESTABLE
    if cleaned in MRC_VALUES:
        return cleaned
    raise ValueError(f"{text!r} is not an MRC grade (0-5, 4-, 4+, or n for not testable)")


def is_weak(grade: str | None) -> bool:
    """A recorded grade below 5 (NT and untested are not weakness, and not normal either)."""
    rank = mrc_rank(grade) if grade is not None else None
    return rank is not None and rank < mrc_rank(NORMAL_GRADE)


def fill_untested(exam: Exam, side: str, muscle_ids: Iterable[str], grade: str) -> Exam:
    """`exam` with `grade` recorded for each listed muscle on `side` that has no grade yet.

    Recorded grades (including NT and weakness) are kept: a quick fill never hides a finding.
    """
    for muscle_id in muscle_ids:
        if (side, muscle_id) not in exam.strength:
            exam = exam.with_strength(side, muscle_id, grade)
    return exam
