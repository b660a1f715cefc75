"""New / edit patient: name, date of birth, identifier and sex.

`PatientDetailsDialog.ask(parent, patient)` returns the typed details as a `Patient`, or None
when cancelled. The name is required (OK stays disabled without one); the storage layer checks
the rest and its message is shown by the caller.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from app.domain.exam import Patient
from app.domain.vocabulary import SEXES
from app.gui.inputs import ChoiceBox, OptionalDateEdit


class PatientDetailsDialog(QDialog):
    def __init__(self, patient: Patient | None, parent: QWidget | None = None):
        super().__init__(parent)
        patient = patient or Patient()
        self.setWindowTitle("Edit patient" if patient.name else "New patient")
        self.name = QLineEdit(patient.name or "", self)
        self.born = OptionalDateEdit("Not Known", self)
        self.born.set_value(patient.date_of_birth)
        self.identifier = QLineEdit(patient.identifier or "", self)
        self.identifier.setPlaceholderText("e.g. clinic number or NHS number")
        self.sex = ChoiceBox([(sex, sex.capitalize()) for sex in SEXES], "Not Known", self)
        self.sex.set_value(patient.sex)
        form = QFormLayout(self)
        form.addRow("&Name", self.name)
        form.addRow("&Date of birth", self.born)
        form.addRow("&Identifier", self.identifier)
        form.addRow("&Sex", self.sex)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._enable_ok)
        self._enable_ok()

    def details(self) -> Patient:
        return Patient(name=self.name.text().strip(), date_of_birth=self.born.value(),
                       identifier=self.identifier.text().strip() or None, sex=self.sex.value())

    def _enable_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    @classmethod
    def ask(cls, parent: QWidget | None, patient: Patient | None = None) -> Patient | None:
        dialog = cls(patient, parent)
        return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None
