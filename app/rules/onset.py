"""When a finding began, relative to the exam: the time rules of the red flags.

A finding is "recent" when its onset is within a window of days before the exam, when its
onset is unknown (the spec's safe reading: unknown onset counts as new) or when the course
is worsening (GIRFT: "new or deteriorating"). Otherwise it is "established".
"""

from __future__ import annotations

from datetime import date

from app.domain.exam import Exam


def days_before_exam(exam: Exam, onset: date | None) -> int | None:
    """Whole days from `onset` to the exam date; None when the onset is unknown."""
    return None if onset is None else (exam.exam_date - onset).days


def is_worsening(exam: Exam) -> bool:
    return exam.history.course == "worsening"


def is_recent(exam: Exam, onset: date | None, window_days: int) -> bool:
    """Onset unknown, within `window_days` of the exam, or the course is worsening."""
    days = days_before_exam(exam, onset)
    return days is None or days <= window_days or is_worsening(exam)


def onset_phrase(exam: Exam, onset: date | None) -> str:
    """How long a finding has been there, for a clinician: "1 day", "onset not recorded";
    ", worsening" is added when the course is worsening."""
    days = days_before_exam(exam, onset)
    if days is None:
        text = "onset not recorded"
    elif days <= 0:
        text = "since today"
    else:
        text = f"{days} day{'s' if days != 1 else ''}"
    return f"{text}, worsening" if is_worsening(exam) else text
