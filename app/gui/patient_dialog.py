"""PatientDialog: edits the patient's name, date of birth, identifier, sex and the exam date.

Opened by the patient banner's "Edit patient…" (its module is imported then, not at start).
`ask()` shows it and gives the new `Patient` and exam date, or None when cancelled; the banner
applies them as one undo step. A cleared date of birth keeps the recorded age; a date of birth
replaces it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from app.domain.exam import Exam, Patient
from app.domain.vocabulary import SEXES
from app.gui.inputs import ChoiceBox, OptionalDateEdit
from app.gui.patient_banner import NOT_KNOWN


class PatientDialog(QDialog):
    def __init__(self, exam: Exam, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Patient details")
        self._exam = exam
        patient = exam.patient
        self.name = QLineEdit(patient.name or "", self)
        self.born = OptionalDateEdit(NOT_KNOWN, self)
        self.born.set_value(patient.date_of_birth)
        self.identifier = QLineEdit(patient.identifier or "", self)
        self.sex = ChoiceBox([(s, s) for s in SEXES], NOT_KNOWN, self)
        self.sex.set_value(patient.sex)
        self.exam_date = QDateEdit(exam.exam_date, self)
        self.exam_date.setDisplayFormat("dd-MMM-yyyy")
        self.exam_date.setCalendarPopup(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Date of birth", self.born)
        form.addRow("Identifier", self.identifier)
        form.addRow("Sex", self.sex)
        form.addRow("Exam date", self.exam_date)
        form.addRow(buttons)

    def ask(self) -> tuple[Patient, date] | None:
        """Shown modally: the values chosen, or None when cancelled."""
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.result_values()

    def result_values(self) -> tuple[Patient, date]:
        born = self.born.value()
        patient = replace(self._exam.patient, name=self.name.text().strip() or None,
                          date_of_birth=born, identifier=self.identifier.text().strip() or None,
                          sex=self.sex.value(),
                          age=None if born is not None else self._exam.patient.age)
        return patient, self.exam_date.date().toPython()
