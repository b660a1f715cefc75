"""How many cauda equina questions the exam has not asked yet.

Said by the red-flag tab's title from the start and by the checklist's summary line; kept free
of widgets so the tab title does not need the checklist built.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.exam import Exam
from app.domain.knowledge import RedFlag


def unasked_cauda_equina(exam: Exam, red_flags: Mapping[str, RedFlag]) -> int:
    """Cauda equina questions with no answer recorded ("not asked")."""
    return sum(1 for flag in red_flags.values()
               if flag.group == "cauda_equina" and flag.id not in exam.red_flags)
