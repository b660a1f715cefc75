"""The always-visible patient banner; "Edit patient…" opens the dialog that edits it.

Following the NHS CUI banner guidance: the name exactly as recorded, date of birth as
`02-Mar-1980 (46y)`, the identifier, sex, and the exam date; no colons after labels; a missing
value reads "Not Known", never "?". "Edit…" opens `app.gui.patient_dialog.PatientDialog`
(imported on that first click), whose result is one undo step.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.exam import Exam
from app.gui.session import ExamSession

NOT_KNOWN = "Not Known"


def display_date(value: date) -> str:
    return value.strftime("%d-%b-%Y")


def birth_text(exam: Exam) -> str:
    born = exam.patient.date_of_birth
    age = exam.patient_age()
    if born is None:
        return f"{NOT_KNOWN} ({age}y)" if age is not None else NOT_KNOWN
    return f"{display_date(born)} ({age}y)" if age is not None else display_date(born)


class PatientBanner(QWidget):
    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("patient_banner")
        self._session = session
        self.text = QLabel(self)
        self.text.setObjectName("patient_banner_text")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        edit = QPushButton("Edit patient…", self)
        edit.setToolTip("Name, date of birth, identifier, sex and exam date")
        edit.clicked.connect(self.edit_patient)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(edit)
        self.setStyleSheet("QWidget#patient_banner { background: #1F3A52; }"
                           "QLabel#patient_banner_text { color: white; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        session.exam_changed.connect(self._show)
        self._show(session.exam)

    def _show(self, exam: Exam) -> None:
        patient = exam.patient
        name = escape(patient.name) if patient.name else NOT_KNOWN
        fields = [("Born", birth_text(exam)),
                  ("Identifier", patient.identifier or NOT_KNOWN),
                  ("Sex", patient.sex or NOT_KNOWN),
                  ("Exam", display_date(exam.exam_date))]
        details = "&nbsp;&nbsp;&nbsp;".join(
            f"<span style='color:#B9CCDD'>{label}</span> <b>{escape(value)}</b>"
            for label, value in fields)
        self.text.setText(f"<span style='font-size:15pt; font-weight:bold'>{name}</span>"
                          f"&nbsp;&nbsp;&nbsp;&nbsp;{details}")
        self.text.setAccessibleName(f"Patient {patient.name or NOT_KNOWN}")

    def edit_patient(self) -> None:
        from app.gui.patient_dialog import PatientDialog  # a click away: not needed at start

        chosen = PatientDialog(self._session.exam, self).ask()
        if chosen is not None:
            patient, exam_date = chosen
            self._session.apply("Patient details", lambda exam: replace(
                exam, patient=patient, exam_date=exam_date))
