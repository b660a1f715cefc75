"""The starting point of a follow-up exam, prefilled from the patient's last exam.

Carried over: the patient, the history background (onset date, cues) and the body chart,
which the patient reviews and corrects. Not carried over, so they are examined afresh and never
copied forward as if found today: strength, reflexes, tests, red-flag answers, pain scores and
the course. (A grade copied forward unexamined would also hide progression from the engine.)
The previous exam's findings stay visible in the follow-up comparison.
"""

from __future__ import annotations

from datetime import date

from app.domain.exam import Exam, Examiner, History, Patient


def follow_up_from(last: Exam, patient: Patient, examiner: Examiner, today: date) -> Exam:
    history = History(onset_date=last.history.onset_date, cues=last.history.cues)
    return Exam(exam_date=today, patient=patient, examiner=examiner, history=history,
                symptoms=last.symptoms)
